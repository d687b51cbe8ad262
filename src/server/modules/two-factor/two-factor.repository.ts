import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accountTotp, signInChallenges, totpRecoveryCodes } from "../../db/schema.js";

/** Only this file touches the two-factor tables. All rows are the account's own. */
export type TotpRow = typeof accountTotp.$inferSelect;
export type ChallengeRow = typeof signInChallenges.$inferSelect;

export async function findTotp(db: Db, accountId: string): Promise<TotpRow | undefined> {
  const [row] = await db.select().from(accountTotp).where(eq(accountTotp.accountId, accountId));
  return row;
}

/** A new, unconfirmed authenticator; an earlier unconfirmed one is replaced. */
export async function replacePendingTotp(tx: Db, accountId: string, secretSealed: string): Promise<void> {
  await tx
    .delete(accountTotp)
    .where(and(eq(accountTotp.accountId, accountId), isNull(accountTotp.confirmedAt)));
  await tx.insert(accountTotp).values({ accountId, secretSealed });
}

/**
 * Records `step` as used, only if it is later than the last used step: false means the code was
 * already used (or an earlier one was), whoever got there first in a race.
 */
export async function claimStep(tx: Db, accountId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(accountTotp)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(accountTotp.accountId, accountId),
        or(isNull(accountTotp.lastUsedStep), lt(accountTotp.lastUsedStep, step)),
      ),
    )
    .returning({ accountId: accountTotp.accountId });
  return rows.length === 1;
}

export async function markTotpConfirmed(tx: Db, accountId: string): Promise<void> {
  await tx.update(accountTotp).set({ confirmedAt: new Date() }).where(eq(accountTotp.accountId, accountId));
}

export async function deleteTotp(tx: Db, accountId: string): Promise<void> {
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.accountId, accountId));
  await tx.delete(accountTotp).where(eq(accountTotp.accountId, accountId));
}

export async function replaceRecoveryCodes(tx: Db, accountId: string, codeHashes: string[]): Promise<void> {
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.accountId, accountId));
  await tx.insert(totpRecoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
}

/** Uses up a recovery code; false when it is not one of the account's unused codes. */
export async function consumeRecoveryCode(tx: Db, accountId: string, codeHash: string): Promise<boolean> {
  const rows = await tx
    .update(totpRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(totpRecoveryCodes.accountId, accountId),
        eq(totpRecoveryCodes.codeHash, codeHash),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.accountId, accountId), isNull(totpRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function insertChallenge(
  db: Db,
  values: { tokenHash: string; accountId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(signInChallenges).values(values);
}

/** The challenge, locked until the transaction ends, so two answers to it cannot interleave. */
export async function lockChallenge(tx: Db, tokenHash: string): Promise<ChallengeRow | undefined> {
  const [row] = await tx
    .select()
    .from(signInChallenges)
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .for("update");
  return row;
}

export async function findChallenge(db: Db, tokenHash: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.select().from(signInChallenges).where(eq(signInChallenges.tokenHash, tokenHash));
  return row;
}

export async function countChallengeFailure(
  tx: Db,
  tokenHash: string,
  failedAttempts: number,
): Promise<void> {
  await tx.update(signInChallenges).set({ failedAttempts }).where(eq(signInChallenges.tokenHash, tokenHash));
}

export async function deleteChallenge(tx: Db, tokenHash: string): Promise<void> {
  await tx.delete(signInChallenges).where(eq(signInChallenges.tokenHash, tokenHash));
}

/** Expired challenges are of no use to anyone; dropped whenever a new one is made. */
export async function deleteExpiredChallenges(db: Db, accountId: string, now: Date): Promise<void> {
  await db
    .delete(signInChallenges)
    .where(and(eq(signInChallenges.accountId, accountId), lt(signInChallenges.expiresAt, now)));
}
