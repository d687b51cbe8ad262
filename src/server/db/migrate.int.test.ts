import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "../../../test/helpers/test-database.js";
import { type Database, openDatabase, queryRows } from "./client.js";
import { migrate, migrationsDir } from "./migrate.js";

/** Every migration the repository ships, in order: what a fresh database must end up with. */
const journalTags: string[] = (
  JSON.parse(readFileSync(path.join(migrationsDir(), "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  }
).entries.map((e) => e.tag);

const opened: Database[] = [];
async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  opened.push(database);
  return database;
}
afterEach(async () => {
  // Connections to a test database must end before the database itself is dropped.
  for (const database of opened.reverse()) await database.close();
  opened.length = 0;
});

const appliedTags = async (database: Database) =>
  (await queryRows<{ tag: string }>(database.db, sql`select tag from confero_migrations order by tag`)).map(
    (r) => r.tag,
  );

describe("migrate", () => {
  it("creates the schema on a fresh database once, then has nothing to do", async () => {
    const database = await freshDatabase();
    expect(journalTags[0]).toBe("0000_initial");

    expect(await migrate(database.db)).toEqual(journalTags);

    const tables = await queryRows<{ tablename: string }>(
      database.db,
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining([
        "accounts",
        "sessions",
        "service",
        "outbox",
        "audit_events",
        "confero_migrations",
      ]),
    );
    expect(await migrate(database.db)).toEqual([]);
    expect(await appliedTags(database)).toEqual([...journalTags].sort());
  });

  if (testDatabaseKind() === "postgres") {
    it("applies each migration exactly once when three instances start at the same moment", async () => {
      const target = await freshDatabase();
      if (!target.url) throw new Error("a PostgreSQL test database has a URL");
      const url = target.url;
      // Three pools, as three Confero processes sharing one PostgreSQL would have.
      const instances = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ kind: "postgres", url, poolSize: 1 })),
      );
      opened.push(...instances);

      const results = await Promise.all(instances.map((instance) => migrate(instance.db)));

      expect(results.flat().sort()).toEqual([...journalTags].sort());
      // The advisory lock makes the others wait for the first and then find nothing to do.
      expect(results.filter((r) => r.length === 0)).toHaveLength(2);
      expect(await appliedTags(target)).toEqual([...journalTags].sort());
    });
  } else {
    it("applies each migration once when migrate runs again and again, even overlapping", async () => {
      const database = await freshDatabase();
      // PGlite has one connection, so overlapping calls queue up behind each other.
      const overlapping = await Promise.all([
        migrate(database.db),
        migrate(database.db),
        migrate(database.db),
      ]);
      expect(overlapping.flat().sort()).toEqual([...journalTags].sort());
      expect(await migrate(database.db)).toEqual([]);
      expect(await appliedTags(database)).toEqual([...journalTags].sort());
    });
  }
});
