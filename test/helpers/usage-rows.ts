import { sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.js";
import { usageDaily } from "../../src/server/db/schema.js";

/**
 * usage_daily rows written directly, as the event sink would have left them: the usage pages
 * only read that table, so their tests need no events.
 */
export interface UsageRow {
  day: string;
  dimension?: "total" | "vmr" | "user" | "endpoint";
  key?: string;
  calls?: number;
  /** Minutes are easier to read in tests; stored as seconds. */
  callMinutes?: number;
  roomMinutes?: number;
}

/** Removes every usage row (demo data may bring its own history), then adds these for the company. */
export async function replaceUsage(db: Db, companyId: string, rows: readonly UsageRow[]): Promise<void> {
  await db.execute(sql`delete from usage_daily where company_id = ${companyId}`);
  await addUsage(db, companyId, rows);
}

export async function addUsage(db: Db, companyId: string, rows: readonly UsageRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(usageDaily).values(
    rows.map((row) => ({
      companyId,
      day: row.day,
      dimension: row.dimension ?? "total",
      key: row.key ?? "",
      calls: row.calls ?? 0,
      callSeconds: (row.callMinutes ?? 0) * 60,
      roomSeconds: (row.roomMinutes ?? 0) * 60,
    })),
  );
}
