/**
 * Bulk work (a 10,000-row invite) in a few statements instead of one per row. Inserts send one
 * array per column (`insert … select * from unnest($1::uuid[], $2::text[], …)`): a multi-row
 * `values (…), (…)` built by the query builder checked every value and dominated the time.
 * Lookups of many values go in chunks, far below PostgreSQL's 65,535 bind parameters.
 */
import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.js";

export const VALUES_PER_LOOKUP = 5_000;
/** Rows per insert statement: bounds the arrays held in memory at once on both sides. */
export const ROWS_PER_INSERT = 5_000;

/** A column for `unnestColumns`: how to read it off a row, and its PostgreSQL type. */
export type UnnestColumn<T> = readonly [pick: (row: T) => unknown, type: string];

/**
 * `$1::text[], $2::uuid[], …` — one array parameter per column, for `select * from unnest(…)`:
 * many rows in a statement whose text (and build cost) stays the same however many there are.
 * Dates go as ISO strings, which both drivers send alike.
 */
export function unnestColumns<T>(rows: readonly T[], columns: ReadonlyArray<UnnestColumn<T>>): SQL {
  return sql.join(
    columns.map(([pick, type]) => {
      const values = rows.map((row) => {
        const value = pick(row);
        return value instanceof Date ? value.toISOString() : (value ?? null);
      });
      return sql`${sql.param(values)}::${sql.raw(type)}[]`;
    }),
    sql`, `,
  );
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Inserts rows that all have the same keys (those of the first row; the other columns take
 * their defaults). Values go through each column's own driver mapping (dates, JSON), so what is
 * stored is what `db.insert(table).values(rows)` would have stored.
 */
export async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => key in columns);
  for (const chunk of chunked(rows, ROWS_PER_INSERT)) {
    const arrays = unnestColumns(
      chunk,
      keys.map((key): UnnestColumn<T["$inferInsert"]> => {
        const column = columns[key];
        if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
        const pick = (row: T["$inferInsert"]) => {
          const value = (row as Record<string, unknown>)[key];
          return value === null || value === undefined ? null : column.mapToDriverValue(value);
        };
        return [pick, column.getSQLType()];
      }),
    );
    const names = keys.map((key) => sql.identifier(columns[key]?.name ?? key));
    await db.execute(sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${arrays})`);
  }
}
