import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, apiTokens, auditEvents } from "../../db/schema.js";

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;

/**
 * Tokens belong to one account; every query here takes the owner's account id, so one account
 * can never read or revoke another's. The company id is copied onto the row for the company's
 * audit trail and for deleting a company's tokens with it.
 */
export async function listAccountTokens(
  db: Db,
  accountId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: ApiTokenRow[]; total: number }> {
  const where = eq(apiTokens.accountId, accountId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(apiTokens)
      .where(where)
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ value: count() }).from(apiTokens).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** Live = neither revoked nor expired. */
export async function findLiveTokenNames(db: Db, accountId: string, now: Date): Promise<string[]> {
  const rows = await db
    .select({ name: apiTokens.name })
    .from(apiTokens)
    .where(
      and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)),
    );
  return rows.map((row) => row.name);
}

/** Serialises token changes of one account (the live-name check and the count limit). */
export async function lockAccount(tx: Db, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
  return row !== undefined;
}

export async function insertToken(tx: Db, token: NewApiToken): Promise<ApiTokenRow> {
  const [row] = await tx.insert(apiTokens).values(token).returning();
  if (!row) throw new Error("insert into api_tokens returned no row");
  return row;
}

export async function findAccountToken(db: Db, accountId: string, tokenId: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, tokenId)))
    .limit(1);
  return row;
}

export async function lockAccountToken(tx: Db, accountId: string, tokenId: string) {
  const [row] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), eq(apiTokens.id, tokenId)))
    .for("update");
  return row;
}

export async function revokeToken(tx: Db, tokenId: string, at: Date): Promise<ApiTokenRow> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(eq(apiTokens.id, tokenId))
    .returning();
  if (!row) throw new Error("revoking an api token updated no row");
  return row;
}

/** The token with its owner, by the keyed hash of what the client presented. */
export async function findTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, account: accounts })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function touchToken(db: Db, tokenId: string, at: Date, ip: string | null): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at, lastUsedIp: ip }).where(eq(apiTokens.id, tokenId));
}

/**
 * A refused bearer token that matches no token has no account to act as: recorded as the
 * service ("system") with the caller's address, since `recordAudit` only keeps an account's IP.
 */
export async function insertAnonymousAudit(
  db: Db,
  entry: { action: string; ip: string | null; after: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    companyId: null,
    actorAccountId: null,
    actorKind: "system",
    actorName: "Unknown API client",
    action: entry.action,
    targetType: "api_token",
    targetId: null,
    after: entry.after,
    ip: entry.ip,
  });
}
