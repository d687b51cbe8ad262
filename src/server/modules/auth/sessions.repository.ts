import { and, eq, gt, lt, ne, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, sessions } from "../../db/schema.js";

export async function insertSession(
  db: Db,
  session: {
    idHash: string;
    accountId: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The session with its account, if it exists, has not reached its absolute expiry and is not idle too long. */
export async function findLiveSession(db: Db, idHash: string, idleSince: Date) {
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, new Date()),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: Db, idHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteAccountSessions(db: Db, accountId: string, exceptIdHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptIdHash
        ? and(eq(sessions.accountId, accountId), ne(sessions.idHash, exceptIdHash))
        : eq(sessions.accountId, accountId),
    );
}

export async function deleteDeadSessions(db: Db, idleSince: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleSince)));
}
