import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { insertRows } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { accounts, auditEvents, companies, invitations, partners } from "../../db/schema.js";

export interface NewInvitation {
  tokenHash: string;
  accountId: string;
  companyId: string | null;
  expiresAt: Date;
}

export async function insertInvitation(tx: Db, invitation: NewInvitation): Promise<void> {
  await tx.insert(invitations).values(invitation);
}

/** Many invitations in multi-row inserts (a bulk invite). */
export async function insertInvitations(tx: Db, rows: readonly NewInvitation[]): Promise<void> {
  await insertRows(tx, invitations, rows);
}

const usable = (tokenHash: string) =>
  and(
    eq(invitations.tokenHash, tokenHash),
    isNull(invitations.usedAt),
    gt(invitations.expiresAt, new Date()),
  );

/** An unused, unexpired invitation of a still-invited account, with the names it shows. */
export async function findUsableInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      expiresAt: invitations.expiresAt,
      account: {
        id: accounts.id,
        fullName: accounts.fullName,
        email: accounts.email,
        kind: accounts.kind,
        companyId: accounts.companyId,
        videoAddress: accounts.videoAddress,
      },
      companyName: companies.name,
      partnerName: partners.name,
    })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .leftJoin(partners, eq(partners.id, accounts.partnerId))
    .where(and(usable(tokenHash), eq(accounts.status, "invited")))
    .limit(1);
  return row;
}

/**
 * Marks the invitation used and returns its account, in one statement, so a link clicked twice
 * at the same moment is accepted once.
 */
export async function consumeInvitation(tx: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await tx
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(usable(tokenHash))
    .returning({ accountId: invitations.accountId });
  return row?.accountId;
}

/** Every other outstanding link of the account stops working too. */
export async function expireAccountInvitations(tx: Db, accountId: string): Promise<void> {
  await tx
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(and(eq(invitations.accountId, accountId), isNull(invitations.usedAt)));
}

/** Sets the password of an invited account and makes it active; undefined when it is not invited. */
export async function activateInvitedAccount(tx: Db, accountId: string, passwordHash: string) {
  const [row] = await tx
    .update(accounts)
    .set({ status: "active", passwordHash, passwordChangedAt: new Date() })
    .where(and(eq(accounts.id, accountId), eq(accounts.status, "invited")))
    .returning();
  return row;
}

export interface InvitationInfo {
  invitedAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

/**
 * The newest outstanding link of each invited account, and who sent it (from the audit trail:
 * the invitation or its latest resend).
 */
export async function findInvitationInfo(
  db: Db,
  companyId: string,
  accountIds: readonly string[],
): Promise<Map<string, InvitationInfo>> {
  const info = new Map<string, InvitationInfo>();
  if (accountIds.length === 0) return info;
  const ids = [...accountIds];
  const links = await db
    .select({
      accountId: invitations.accountId,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.companyId, companyId),
        inArray(invitations.accountId, ids),
        isNull(invitations.usedAt),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  for (const link of links) {
    info.set(link.accountId, { invitedAt: link.createdAt, expiresAt: link.expiresAt, invitedBy: null });
  }
  const senders = await db
    .select({ targetId: auditEvents.targetId, actorName: auditEvents.actorName })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.companyId, companyId),
        inArray(auditEvents.action, ["account.invited", "invitation.resent"]),
        inArray(auditEvents.targetId, ids),
      ),
    )
    .orderBy(asc(auditEvents.occurredAt));
  for (const sender of senders) {
    const entry = sender.targetId ? info.get(sender.targetId) : undefined;
    if (entry) entry.invitedBy = sender.actorName;
  }
  return info;
}
