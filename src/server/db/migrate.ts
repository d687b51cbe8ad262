import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { packageRoot } from "../lib/package-root.js";
import { type Db, queryRows } from "./client.js";

/**
 * Applies the committed drizzle-kit SQL migrations in order. Everything happens in one
 * transaction holding an advisory lock, so several instances starting at once apply each
 * migration exactly once and a failed migration leaves nothing half-done.
 */
const MIGRATION_LOCK_KEY = 74_201_311; // arbitrary, constant: "confero migrations"

interface JournalEntry {
  tag: string;
}

export function migrationsDir(): string {
  return path.join(packageRoot(), "src", "server", "db", "migrations");
}

export async function migrate(db: Db): Promise<string[]> {
  const dir = migrationsDir();
  const journal = JSON.parse(readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create table if not exists confero_migrations (
      tag text primary key,
      applied_at timestamptz not null default now()
    )`);
    const done = await queryRows<{ tag: string }>(tx, sql`select tag from confero_migrations`);
    const applied = new Set(done.map((r) => r.tag));
    const newlyApplied: string[] = [];
    for (const { tag } of journal.entries) {
      if (applied.has(tag)) continue;
      const file = readFileSync(path.join(dir, `${tag}.sql`), "utf8");
      for (const statement of file.split("--> statement-breakpoint")) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into confero_migrations (tag) values (${tag})`);
      newlyApplied.push(tag);
    }
    return newlyApplied;
  });
}
