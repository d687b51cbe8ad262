import type { Config } from "../config.js";
import { type Database, openDatabase } from "./client.js";
import { lockDataDir } from "./data-dir-lock.js";
import { migrate } from "./migrate.js";

/**
 * The database the configuration names — PostgreSQL when DATABASE_URL is set, else PGlite in
 * DATA_DIR (locked to this process) — with every migration applied.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database & { applied: string[] }> {
  if (config.databaseUrl) {
    const database = await openDatabase({ kind: "postgres", url: config.databaseUrl });
    return { ...database, applied: await migrate(database.db) };
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ kind: "pglite", dataDir: config.dataDir });
    const applied = await migrate(database.db);
    return {
      ...database,
      applied,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
