import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { companyDomains, infinitySettings } from "../../db/schema.js";

export type InfinitySettingsRow = typeof infinitySettings.$inferSelect;
export type InfinitySettingsChanges = Partial<Omit<InfinitySettingsRow, "id" | "updatedAt">>;

/** The one settings row, or undefined before anything was saved. */
export async function findInfinitySettings(db: Db): Promise<InfinitySettingsRow | undefined> {
  const [row] = await db.select().from(infinitySettings).where(eq(infinitySettings.id, 1));
  return row;
}

/**
 * The settings row, created empty if it was absent, locked until the transaction ends: two
 * operators saving at once are applied one after the other, each on the other's result.
 */
export async function lockInfinitySettings(tx: Db): Promise<InfinitySettingsRow> {
  await tx.insert(infinitySettings).values({ id: 1 }).onConflictDoNothing({ target: infinitySettings.id });
  const [row] = await tx.select().from(infinitySettings).where(eq(infinitySettings.id, 1)).for("update");
  if (!row) throw new Error("the infinity_settings row vanished");
  return row;
}

export async function updateInfinitySettings(
  tx: Db,
  changes: InfinitySettingsChanges,
): Promise<InfinitySettingsRow> {
  const [row] = await tx
    .update(infinitySettings)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(infinitySettings.id, 1))
    .returning();
  if (!row) throw new Error("the infinity_settings row vanished");
  return row;
}

/** Whether some company's video domain (hosted or `<slug>.<service domain>`) is exactly this one. */
export async function isCompanyDomain(db: Db, domain: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(companyDomains).where(eq(companyDomains.domain, domain));
  return (row?.n ?? 0) > 0;
}
