import { loadConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open-configured.js";

export async function migrateCommand(): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    console.log(
      database.applied.length > 0
        ? `Applied ${database.applied.length} migration(s) to ${database.where}: ${database.applied.join(", ")}`
        : `${database.where} is up to date.`,
    );
  } finally {
    await database.close();
  }
}
