import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { service, setupTokens } from "../../db/schema.js";

export type ServiceRow = typeof service.$inferSelect;

export async function findService(db: Db): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(service).limit(1);
  return row;
}

export async function insertService(
  db: Db,
  values: { name: string; domains: string[]; defaultVmrSuffix: string },
): Promise<ServiceRow> {
  const [row] = await db.insert(service).values(values).returning();
  if (!row) throw new Error("insert into service returned no row");
  return row;
}

/** A new setup link replaces every earlier unused one: only the last printed link works. */
export async function replaceSetupToken(db: Db, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
    await tx.insert(setupTokens).values({ tokenHash });
  });
}

export async function isSetupTokenUsable(db: Db, tokenHash: string): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: setupTokens.tokenHash })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt)));
  return row !== undefined;
}

/** Marks the token used, returning false when it was not usable (unknown, or used meanwhile). */
export async function consumeSetupToken(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(setupTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt)))
    .returning({ tokenHash: setupTokens.tokenHash });
  return rows.length === 1;
}

export async function expireSetupTokens(db: Db): Promise<void> {
  await db.update(setupTokens).set({ usedAt: new Date() }).where(isNull(setupTokens.usedAt));
}
