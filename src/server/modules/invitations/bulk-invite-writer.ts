import { randomUUID } from "node:crypto";
import type { BulkInviteRow } from "../../../domain/bulk-invite.js";
import { randomHostPin } from "../../../domain/pin.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError } from "../../errors.js";
import { claimVideoAddresses } from "../addresses/addresses.repository.js";
import { recordAudits } from "../audit/audit.js";
import { insertAccounts } from "../auth/accounts.repository.js";
import type { Actor } from "../auth/actor.js";
import { enqueueEmails } from "../mail/outbox.repository.js";
import { insertPersonalRooms, personalRoomName } from "../rooms/personal-rooms.repository.js";
import { insertInvitations } from "./invitations.repository.js";
import {
  type InvitationLinks,
  type InvitedAccount,
  invitedAuditEntry,
  newInvitation,
} from "./invitations.service.js";

/** Someone claimed an address or email between the check under the lock and the insert. */
export const CHANGED_WHILE_INVITING =
  "Some of these addresses or emails were taken by someone else a moment ago. Nobody was invited; preview the file again.";

export interface BulkInviteBatch {
  company: { id: string; name: string; hostPinOnAllPersonalRooms: boolean };
  /** Rows without problems, checked against the service under the company lock. */
  rows: readonly BulkInviteRow[];
  serviceName: string;
}

/**
 * Invites every row as an invited Member with a personal VMR, an activation link and a queued
 * email — what `inviteAccount` does for one person, in a handful of multi-row statements so
 * 10,000 people take seconds, not minutes. Call inside the transaction holding the company
 * lock, after the licences were counted: it either writes everything or throws.
 */
export async function inviteMembersInBulk(
  tx: Db,
  actor: Actor,
  links: InvitationLinks,
  batch: BulkInviteBatch,
): Promise<InvitedAccount[]> {
  const companyId = batch.company.id;
  const people = batch.rows.map((row) => ({ row, accountId: randomUUID(), roomId: randomUUID() }));

  await claimVideoAddresses(
    tx,
    people.flatMap(({ row, accountId, roomId }) => [
      { address: row.videoAddress, companyId, ownerType: "member" as const, ownerId: accountId },
      { address: roomAddressOf(row), companyId, ownerType: "personal_room" as const, ownerId: roomId },
    ]),
    CHANGED_WHILE_INVITING,
  );
  const accounts = await insertInvitedMembers(tx, companyId, people);
  await insertPersonalRooms(
    tx,
    people.map(({ row, accountId, roomId }) => ({
      id: roomId,
      companyId,
      accountId,
      name: personalRoomName(row.fullName),
      address: roomAddressOf(row),
      hostPin: batch.company.hostPinOnAllPersonalRooms ? randomHostPin() : null,
    })),
  );
  const context = {
    organisation: { kind: "company" as const, name: batch.company.name },
    serviceName: batch.serviceName,
  };
  const invitations = accounts.map((account) => newInvitation(actor, links, account, context));
  await insertInvitations(
    tx,
    invitations.map((i) => i.invitation),
  );
  await enqueueEmails(
    tx,
    invitations.map((i) => i.email),
  );
  await recordAudits(tx, actor, accounts.map(invitedAuditEntry));
  return accounts;
}

function roomAddressOf(row: BulkInviteRow): string {
  // The preview derives it for every row whose video address is valid, and only those come here.
  if (!row.personalRoomAddress) throw new Error(`line ${row.line} has no personal room address`);
  return row.personalRoomAddress;
}

async function insertInvitedMembers(
  tx: Db,
  companyId: string,
  people: readonly { row: BulkInviteRow; accountId: string }[],
): Promise<InvitedAccount[]> {
  const accounts = people.map(({ row, accountId }) => ({
    id: accountId,
    kind: "member" as const,
    status: "invited" as const,
    companyId,
    partnerId: null,
    role: "member" as const,
    fullName: row.fullName,
    email: row.email,
    videoAddress: row.videoAddress,
  }));
  try {
    await insertAccounts(tx, accounts);
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key")) throw new ConflictError(CHANGED_WHILE_INVITING);
    throw error;
  }
  return accounts;
}
