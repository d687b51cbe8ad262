import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
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
  /**
   * LISTEN on a channel (PostgreSQL NOTIFY). `onState(false)` says notifications may be missed
   * (connection lost) until `onState(true)` (listening again); the returned function stops.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface NotificationHandlers {
  onNotify(payload: string): void;
  onState(listening: boolean): void;
}

/** How long to wait before listening again after the LISTEN connection was lost. */
const RELISTEN_DELAY_MS = 1000;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | null };

/** PGlite in a directory (or in memory when dataDir is null), or a PostgreSQL server via `pg`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const size = target.poolSize ?? 10;
    // Connections once opened stay open (min = max): reopening them in the burst of lookups
    // that follows a dropped policy cache cost Infinity's first requests 10–40 ms each.
    const pool = new pg.Pool({ connectionString: target.url, max: size, min: size });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    const url = new URL(target.url);
    return {
      db,
      kind: "postgres",
      where: `postgres://${url.host}${url.pathname}`,
      ping: async () => void (await db.execute(sql`select 1`)),
      listen: (channel, handlers) => listenOnPostgres(target.url, channel, handlers),
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
    // One process owns a PGlite directory: its notifications never get lost.
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, handlers.onNotify);
      handlers.onState(true);
      return unlisten;
    },
    close: () => client.close(),
  };
}

/** Raw SQL rows. Both drivers answer `{ rows }`; the shared Db type cannot say so. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * `queryRows` for a statement on a hot path, prepared under `name` once per connection:
 * PostgreSQL parses and plans it the first time only (for the event sink's inbox insert that
 * was a third of each request's database time). One name, one SQL text — only the parameters
 * may change. PGlite runs it as any other statement.
 */
export async function queryRowsPrepared<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}

/**
 * A LISTEN needs a connection of its own for as long as it lasts (a pooled one goes back to the
 * pool). When it breaks, the handler hears `onState(false)` at once and the connection is made
 * again after a pause, until stopped. It never throws: a server that is down is retried too.
 */
async function listenOnPostgres(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== next) return;
      client = null;
      handlers.onState(false);
      next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), RELISTEN_DELAY_MS);
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => handlers.onNotify(message.payload ?? ""));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      return lost();
    }
    if (stopped) return void (await next.end());
    handlers.onState(true);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end();
  };
}
