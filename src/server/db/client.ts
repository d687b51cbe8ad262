import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { templateForNewDataDir } from "./pglite-template.js";
import * as schema from "./schema.js";

/** One type for both drivers: repositories never know which one is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** A short description for logs, without credentials. */
  where: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | null };

/** PGlite in a directory (or in memory when dataDir is null), or a PostgreSQL server via `pg`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const url = new URL(target.url);
    return {
      db,
      kind: "postgres",
      where: `postgres://${url.host}${url.pathname}`,
      ping: async () => void (await db.execute(sql`select 1`)),
      close: () => pool.end(),
    };
  }
  let dataPath: string | undefined;
  let loadDataDir: Blob | undefined;
  if (target.dataDir) {
    dataPath = path.join(target.dataDir, "pgdata");
    mkdirSync(dataPath, { recursive: true });
    loadDataDir = templateForNewDataDir(dataPath);
  }
  // Extensions live in the WebAssembly bundle, not in the data directory: every open must load
  // the ones the migrations create (pg_trgm for the members search), new directory or old.
  const extensions = { pg_trgm };
  const client = await PGlite.create(dataPath, loadDataDir ? { loadDataDir, extensions } : { extensions });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    where: dataPath ? `PGlite in ${dataPath}` : "PGlite in memory",
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}

/** Raw SQL rows. Both drivers answer `{ rows }`; the shared Db type cannot say so. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
