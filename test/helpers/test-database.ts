import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openDatabase, queryRows } from "../../src/server/db/client.js";
import { migrate } from "../../src/server/db/migrate.js";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — with
 * TEST_DB=postgres — a new database on the TEST_DATABASE_URL server, dropped on close, so
 * files can run in parallel without seeing each other's rows.
 */
export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

export interface TestDatabase extends Database {
  /** The connection URL on PostgreSQL (for spawning processes against it); null on PGlite. */
  url: string | null;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | null = null;
  let drop: () => Promise<void> = async () => {};
  if (testDatabaseKind() === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    const name = `confero_test_${randomBytes(6).toString("hex")}`;
    await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    database = await openDatabase({ kind: "postgres", url, poolSize: 5 });
    drop = async () => {
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    };
  } else {
    database = await openDatabase({ kind: "pglite", dataDir: null });
  }
  if (options.migrate !== false) await migrate(database.db);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Empties every table (keeping the schema), so one migrated database serves a whole file. */
export async function truncateAll(database: Database): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(
    database.db,
    sql`select tablename from pg_tables where schemaname = 'public' and tablename <> 'confero_migrations'`,
  );
  if (tables.length === 0) return;
  await database.db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} cascade`));
}
