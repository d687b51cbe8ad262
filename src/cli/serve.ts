import { loadConfig } from "../server/config.js";
import { startServer } from "../server/main.js";

export async function serveCommand(): Promise<void> {
  await startServer(loadConfig());
}
