import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { hashPassword } from "../../lib/passwords.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { claimVideoAddress } from "../addresses/addresses.repository.js";
import { type AuditEntry, recordAudit } from "../audit/audit.js";
import { type AccountRow, insertAccount } from "../auth/accounts.repository.js";
import type { Actor } from "../auth/actor.js";
import { type AuthService, type ClientInfo, toActor } from "../auth/auth.service.js";
import { enqueueEmail, type OutgoingEmail } from "../mail/outbox.repository.js";
import { invitationEmail } from "../mail/templates.js";
import { insertPersonalRoom, personalRoomName } from "../rooms/personal-rooms.repository.js";
import { passwordsOffFor, SSO_REQUIRED_MESSAGE, singleSignOnFor } from "../sso/sso-password.js";
import { secondFactorStatus } from "../two-factor/sign-in-challenges.js";
import {
  activateInvitedAccount,
  consumeInvitation,
  expireAccountInvitations,
  findUsableInvitation,
  insertInvitation,
  type NewInvitation,
} from "./invitations.repository.js";

export const INVITATION_VALID_DAYS = 30;
const INVITATION_VALID_MS = INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000;
export const INVITATION_GONE = "This invitation link is invalid, has expired or has already been used.";
const EMAIL_TAKEN = "An account with this email already exists.";

/** What every invitation needs from the configuration. */
export interface InvitationLinks {
  sessionSecret: string;
  publicUrl: string;
}

/**
 * Who to invite. A member comes with their (validated, normalised) video address and their
 * personal VMR's address; both are claimed in the address registry here.
 */
export type Invitee = { fullName: string; email: string } & (
  | { kind: "partner_admin"; partner: { id: string; name: string } }
  | {
      kind: "member";
      company: { id: string; name: string };
      role: "admin" | "member";
      videoAddress: string;
      personalRoomAddress: string;
      /** The personal VMR's host PIN (while the company sets one on every personal VMR). */
      hostPin?: string | null;
    }
);

export interface InviteOptions {
  serviceName: string;
  /** Field paths that conflicts are reported on, e.g. `firstAdmin.email`. */
  fields: { email: string; videoAddress?: string };
}

/**
 * Creates an invited account — for a member also their address and personal VMR — and its
 * activation link, and queues the invitation email. Call inside the transaction of the change;
 * the caller has checked permission, validated the input and, for members, the licences.
 */
export async function inviteAccount(
  tx: Db,
  actor: Actor,
  links: InvitationLinks,
  invitee: Invitee,
  options: InviteOptions,
): Promise<AccountRow> {
  const accountId = randomUUID();
  // Addresses first: a taken address (the likely conflict) fails before anything else is written.
  const roomId =
    invitee.kind === "member" ? await claimMemberAddresses(tx, accountId, invitee, options) : null;
  const account = await insertInvitedAccount(tx, accountId, invitee, options);
  if (invitee.kind === "member" && roomId) {
    await insertPersonalRoom(tx, {
      id: roomId,
      companyId: invitee.company.id,
      accountId,
      name: personalRoomName(account.fullName),
      address: invitee.personalRoomAddress,
      hostPin: invitee.hostPin ?? null,
    });
  }

  await issueInvitation(tx, actor, links, account, {
    organisation:
      invitee.kind === "member"
        ? { kind: "company", name: invitee.company.name }
        : { kind: "partner", name: invitee.partner.name },
    serviceName: options.serviceName,
  });
  await recordAudit(tx, actor, invitedAuditEntry(account));
  return account;
}

/** What an invitation's email, link and audit record need of the invited account. */
export type InvitedAccount = Pick<
  AccountRow,
  "id" | "kind" | "companyId" | "partnerId" | "role" | "fullName" | "email" | "videoAddress"
>;

/** The audit record of an invitation, the same for one person and for a bulk invite. */
export function invitedAuditEntry(account: InvitedAccount): AuditEntry {
  return {
    action: "account.invited",
    target: { type: "account", id: account.id },
    companyId: account.companyId,
    after: {
      fullName: account.fullName,
      email: account.email,
      kind: account.kind,
      role: account.role,
      videoAddress: account.videoAddress,
      partnerId: account.partnerId,
    },
  };
}

/**
 * A new activation link for an invited account (valid 30 days) and the email carrying it. Resending
 * an invitation is this, after the account's older links have been expired.
 */
export async function issueInvitation(
  tx: Db,
  actor: Actor,
  links: InvitationLinks,
  account: AccountRow,
  context: InvitationContext,
): Promise<void> {
  const { invitation, email } = newInvitation(actor, links, account, context);
  await insertInvitation(tx, invitation);
  await enqueueEmail(tx, email);
}

export interface InvitationContext {
  organisation: { kind: "company" | "partner"; name: string };
  serviceName: string;
}

/** A fresh activation link for an invited account: the row to store (hashed) and its email. */
export function newInvitation(
  actor: Actor,
  links: InvitationLinks,
  account: InvitedAccount,
  context: InvitationContext,
): { invitation: NewInvitation; email: OutgoingEmail } {
  const token = newToken();
  return {
    invitation: {
      tokenHash: hashToken(links.sessionSecret, token),
      accountId: account.id,
      companyId: account.companyId,
      expiresAt: new Date(Date.now() + INVITATION_VALID_MS),
    },
    email: {
      ...invitationEmail({
        to: account.email,
        fullName: account.fullName,
        invitedBy: actor.fullName,
        organisation: context.organisation,
        role: account.kind === "partner_admin" ? "partner_admin" : (account.role ?? "member"),
        serviceName: context.serviceName,
        videoAddress: account.videoAddress,
        url: `${links.publicUrl}/invitations/${token}`,
        validDays: INVITATION_VALID_DAYS,
      }),
      companyId: account.companyId,
    },
  };
}

/** Claims the member's and their personal room's addresses; returns the room's (new) id. */
async function claimMemberAddresses(
  tx: Db,
  accountId: string,
  invitee: Extract<Invitee, { kind: "member" }>,
  options: InviteOptions,
): Promise<string> {
  const field = options.fields.videoAddress ?? "videoAddress";
  const companyId = invitee.company.id;
  await claimVideoAddress(
    tx,
    { address: invitee.videoAddress, companyId, ownerType: "member", ownerId: accountId },
    field,
  );
  const roomId = randomUUID();
  try {
    await claimVideoAddress(
      tx,
      { address: invitee.personalRoomAddress, companyId, ownerType: "personal_room", ownerId: roomId },
      field,
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const message = `The personal room address ${invitee.personalRoomAddress} is already taken; choose another video address.`;
    throw new ConflictError(message, { [field]: message });
  }
  return roomId;
}

async function insertInvitedAccount(
  tx: Db,
  id: string,
  invitee: Invitee,
  options: InviteOptions,
): Promise<AccountRow> {
  try {
    return await insertAccount(tx, {
      id,
      kind: invitee.kind,
      status: "invited",
      fullName: invitee.fullName,
      email: invitee.email,
      ...(invitee.kind === "member"
        ? { companyId: invitee.company.id, role: invitee.role, videoAddress: invitee.videoAddress }
        : { partnerId: invitee.partner.id }),
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key")) {
      throw new ConflictError(EMAIL_TAKEN, { [options.fields.email]: EMAIL_TAKEN });
    }
    throw error;
  }
}

/** The public side of an invitation: what its link shows, and accepting it. */
export class InvitationsService {
  constructor(private readonly deps: { db: Db; sessionSecret: string; auth: AuthService }) {}

  async describe(token: string) {
    const found = await findUsableInvitation(this.deps.db, this.hash(token));
    if (!found) throw new NotFoundError(INVITATION_GONE);
    const isMember = found.account.kind === "member";
    return {
      fullName: found.account.fullName,
      email: found.account.email,
      kind: isMember ? ("member" as const) : ("partner_admin" as const),
      companyName: isMember ? found.companyName : null,
      partnerName: isMember ? null : found.partnerName,
      videoAddress: found.account.videoAddress,
      expiresAt: found.expiresAt.toISOString(),
      singleSignOn: await singleSignOnFor(this.deps.db, found.account),
    };
  }

  /**
   * Sets the password, activates the account and signs it in; returns the session cookie value —
   * or none when the account must first set up two-factor sign-in (staff, while the service
   * requires it): then it signs in on the sign-in page, which walks it through enrolment.
   * Refused (409 SSO_REQUIRED, nothing changed) when the company has turned passwords off for
   * the account: signing in through the identity provider activates it instead.
   */
  async accept(
    token: string,
    input: { password: string },
    client: ClientInfo,
  ): Promise<{ sessionToken: string | null; me: Awaited<ReturnType<AuthService["describe"]>> }> {
    const passwordHash = await hashPassword(input.password);
    const { accountId, sessionToken } = await this.deps.db.transaction(async (tx) => {
      const consumedFor = await consumeInvitation(tx, this.hash(token));
      const account = consumedFor ? await activateInvitedAccount(tx, consumedFor, passwordHash) : undefined;
      if (!account) throw new NotFoundError(INVITATION_GONE);
      // Thrown inside the transaction: the invitation is not used up and the account stays invited.
      if (await passwordsOffFor(tx, account)) {
        throw new ConflictError(SSO_REQUIRED_MESSAGE, undefined, "SSO_REQUIRED");
      }
      await expireAccountInvitations(tx, account.id);
      await recordAudit(tx, toActor(account, client.ip), {
        action: "account.activated",
        target: { type: "account", id: account.id },
        companyId: account.companyId,
      });
      const mustEnrol = (await secondFactorStatus(tx, account)) !== null;
      return {
        accountId: account.id,
        sessionToken: mustEnrol ? null : await this.deps.auth.startSession(account.id, client, tx),
      };
    });
    return { sessionToken, me: await this.deps.auth.describe(accountId) };
  }

  private hash(token: string): string {
    return hashToken(this.deps.sessionSecret, token);
  }
}
