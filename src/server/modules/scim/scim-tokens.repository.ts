import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { companies, scimTokens } from "../../db/schema.js";

export type ScimTokenRow = typeof scimTokens.$inferSelect;

export async function insertScimToken(
  tx: Db,
  token: Pick<ScimTokenRow, "companyId" | "name" | "tokenHash" | "prefix" | "createdByAccountId">,
): Promise<ScimTokenRow> {
  const [row] = await tx.insert(scimTokens).values(token).returning();
  if (!row) throw new Error("insert into scim_tokens returned no row");
  return row;
}

/** The company's tokens, newest first (revoked ones too: the list shows when they stopped). */
export async function listScimTokens(db: Db, companyId: string): Promise<ScimTokenRow[]> {
  return db
    .select()
    .from(scimTokens)
    .where(eq(scimTokens.companyId, companyId))
    .orderBy(desc(scimTokens.createdAt), desc(scimTokens.id));
}

export async function countLiveScimTokens(db: Db, companyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(scimTokens)
    .where(and(eq(scimTokens.companyId, companyId), isNull(scimTokens.revokedAt)));
  return row?.n ?? 0;
}

export async function findScimToken(db: Db, companyId: string, tokenId: string) {
  const [row] = await db
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.companyId, companyId), eq(scimTokens.id, tokenId)))
    .limit(1);
  return row;
}

/** Revokes a live token of the company; undefined when it is not one (or already revoked). */
export async function revokeScimToken(tx: Db, companyId: string, tokenId: string) {
  const [row] = await tx
    .update(scimTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(scimTokens.companyId, companyId), eq(scimTokens.id, tokenId), isNull(scimTokens.revokedAt)))
    .returning();
  return row;
}

/** The token a SCIM client presented (by its hash), with its company's name and status. */
export async function findScimTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: scimTokens, companyName: companies.name, companyStatus: companies.status })
    .from(scimTokens)
    .innerJoin(companies, eq(companies.id, scimTokens.companyId))
    .where(eq(scimTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * Records use at most once per `intervalMs`: a provisioning cycle makes hundreds of requests,
 * and "last used" only needs to say whether the connection is alive. One statement, no read.
 */
export async function touchScimToken(db: Db, tokenId: string, intervalMs: number): Promise<void> {
  const now = new Date();
  await db
    .update(scimTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(scimTokens.id, tokenId),
        or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, new Date(now.getTime() - intervalMs))),
      ),
    );
}
