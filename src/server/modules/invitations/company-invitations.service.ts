import { randomHostPin } from "../../../domain/pin.js";
import type { Db } from "../../db/client.js";
import { ConflictError, LicenceLimitError, NotFoundError, ValidationError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { companyUsage, lockCompany } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import { memberAddresses } from "../companies/company-video-domains.js";
import { toPendingInvitation } from "../members/member-dto.js";
import { LAST_ADMIN, leavesNoAdmin } from "../members/members.policy.js";
import { deleteMembers, findAdminIds, findMembersByIds, listMembers } from "../members/members.repository.js";
import { companyLicences, describeMember } from "../members/members.service.js";
import { findService } from "../setup/service.repository.js";
import { shareVideoSystemsOf } from "../video-systems/share-video-systems.js";
import type { InviteMemberInput } from "./company-invitations.schemas.js";
import { expireAccountInvitations, findInvitationInfo } from "./invitations.repository.js";
import { type InvitationLinks, inviteAccount, issueInvitation } from "./invitations.service.js";

export const NOT_INVITED =
  "Some of these people are not invited members of this company. Nothing was changed.";

/** A company's pending invitations as its admins manage them: list, invite one, resend, revoke. */
export class CompanyInvitationsService {
  constructor(private readonly deps: { db: Db } & InvitationLinks) {}

  async listPending(actor: AccountActor, companyId: string, page: { page: number; pageSize: number }) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const { items, total } = await listMembers(this.deps.db, company.id, {
      status: "invited",
      sort: "-createdAt",
      ...page,
    });
    const info = await findInvitationInfo(
      this.deps.db,
      company.id,
      items.map((i) => i.id),
    );
    const now = new Date();
    return {
      items: items.map((row) => toPendingInvitation(row, info.get(row.id), now)),
      total,
      ...page,
    };
  }

  /**
   * Invites one member: the invited account with both addresses and a personal VMR (with a
   * random host PIN while the company asks for one), and the 30-day invitation email. The
   * company row is locked before the licences are counted, so two admins inviting at the same
   * moment cannot together pass the total.
   */
  async invite(actor: AccountActor, companyId: string, input: InviteMemberInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const [domains, service] = await Promise.all([
      loadVideoDomains(this.deps.db, company),
      findService(this.deps.db),
    ]);
    const addresses = memberAddresses(input.videoAddress, domains, company.vmrSuffix);
    if (!addresses.ok) throw new ValidationError({ videoAddress: addresses.problem });
    const hostPin = randomHostPin();

    const memberId = await this.deps.db.transaction(async (tx) => {
      const locked = await lockCompany(tx, company.id);
      const used = (await companyUsage(tx, [company.id])).get(company.id)?.licencesUsed ?? 0;
      if (used >= locked.licences) {
        throw new LicenceLimitError(`No licences left (${used} of ${locked.licences} in use)`);
      }
      const account = await inviteAccount(
        tx,
        actor,
        this.deps,
        {
          kind: "member",
          company: { id: company.id, name: locked.name },
          role: input.role,
          fullName: input.fullName,
          email: input.email,
          ...addresses.addresses,
          hostPin: locked.hostPinOnAllPersonalRooms ? hostPin : null,
        },
        { serviceName: service?.name ?? "Confero", fields: { email: "email", videoAddress: "videoAddress" } },
      );
      return account.id;
    });
    return {
      member: await describeMember(this.deps.db, company.id, memberId),
      licences: await companyLicences(this.deps.db, company),
    };
  }

  /** New links for invited members (the old ones stop working) and 30 more days. */
  async resend(actor: AccountActor, companyId: string, memberIds: readonly string[]) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const ids = [...new Set(memberIds)];
    const service = await findService(this.deps.db);
    const resent = await this.deps.db.transaction(async (tx) => {
      const invited = await findMembersByIds(tx, company.id, ids, "invited");
      if (invited.length !== ids.length) throw new NotFoundError(NOT_INVITED);
      for (const account of invited) {
        await expireAccountInvitations(tx, account.id);
        await issueInvitation(tx, actor, this.deps, account, {
          organisation: { kind: "company", name: company.name },
          serviceName: service?.name ?? "Confero",
        });
        await recordAudit(tx, actor, {
          action: "invitation.resent",
          target: { type: "account", id: account.id },
          companyId: company.id,
          after: { email: account.email },
        });
      }
      return invited.length;
    });
    return { resent };
  }

  /** Removes invited members with their VMRs and addresses, freeing the licences; all or nothing. */
  async revoke(actor: AccountActor, companyId: string, memberIds: readonly string[]) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const ids = [...new Set(memberIds)];
    const revoked = await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      const invited = await findMembersByIds(tx, company.id, ids, "invited");
      if (invited.length !== ids.length) throw new NotFoundError(NOT_INVITED);
      if (leavesNoAdmin(await findAdminIds(tx, company.id), ids)) throw new ConflictError(LAST_ADMIN);
      await shareVideoSystemsOf(tx, actor, company.id, invited);
      const count = await deleteMembers(tx, company.id, ids);
      for (const account of invited) {
        await recordAudit(tx, actor, {
          action: "invitation.revoked",
          target: { type: "account", id: account.id },
          companyId: company.id,
          before: {
            fullName: account.fullName,
            email: account.email,
            videoAddress: account.videoAddress,
            role: account.role,
          },
        });
      }
      return count;
    });
    return { revoked };
  }
}
