import type { Db } from "../../db/client.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { issuePasswordReset } from "../auth/password-reset-link.js";
import { type CompanyRow, companyUsage, lockCompany } from "../companies/companies.repository.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import { findInvitationInfo } from "../invitations/invitations.repository.js";
import { findService } from "../setup/service.repository.js";
import { passwordsOffFor } from "../sso/sso-password.js";
import { shareVideoSystemsOf } from "../video-systems/share-video-systems.js";
import { followMemberAddress } from "../video-systems/video-systems.repository.js";
import { type MemberSummaryDto, toMember, toMemberSummary } from "./member-dto.js";
import { applyMemberUpdate, planMemberUpdate } from "./member-update.js";
import { CANNOT_DELETE_YOURSELF, includesYourself, LAST_ADMIN, leavesNoAdmin } from "./members.policy.js";
import {
  deleteMembers,
  findAdminIds,
  findMember,
  findMembersByIds,
  listAllMembers,
  listMembers,
} from "./members.repository.js";
import type { MemberFilterInput, MemberListInput, UpdateMemberInput } from "./members.schemas.js";
import { membersCsv } from "./members-csv.js";

export const MEMBER_NOT_FOUND = "This member does not exist.";
export const SOME_MEMBERS_NOT_FOUND = "Some of these members do not exist. Nothing was changed.";

/** A company's licences as the Members tab and invite dialogs show them. */
export async function companyLicences(db: Db, company: CompanyRow) {
  const used = (await companyUsage(db, [company.id])).get(company.id)?.licencesUsed ?? 0;
  return { used, total: company.licences, remaining: Math.max(0, company.licences - used) };
}

/** Loads one member of the company as the Member DTO; NotFound for anyone else. */
export async function describeMember(db: Db, companyId: string, memberId: string) {
  const found = await findMember(db, companyId, memberId);
  if (!found) throw new NotFoundError(MEMBER_NOT_FOUND);
  const invitations = await findInvitationInfo(db, companyId, [memberId]);
  return toMember(found.account, found.room, invitations.get(memberId));
}

/**
 * Members of a company as its admins (and its partner's admins or operators acting for it)
 * see and change them: the list and its export, one member, changes, removal, password reset.
 */
export class MembersService {
  constructor(private readonly deps: { db: Db; sessionSecret: string; publicUrl: string }) {}

  async list(actor: AccountActor, companyId: string, query: MemberListInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const [{ items, total, totalCapped }, licences] = await Promise.all([
      listMembers(this.deps.db, company.id, query),
      companyLicences(this.deps.db, company),
    ]);
    return {
      items: items.map(toMemberSummary),
      total,
      totalCapped,
      page: query.page,
      pageSize: query.pageSize,
      licences,
    };
  }

  async exportCsv(actor: AccountActor, companyId: string, filter: MemberFilterInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const rows: MemberSummaryDto[] = (await listAllMembers(this.deps.db, company.id, filter)).map(
      toMemberSummary,
    );
    return { filename: `${company.slug}-members.csv`, csv: membersCsv(rows) };
  }

  async get(actor: AccountActor, companyId: string, memberId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    return describeMember(this.deps.db, company.id, memberId);
  }

  /**
   * Changes a member and their personal VMR in one transaction. Addresses move in the
   * registry (the old ones become free); the domain parts never change. Returns the member and
   * the warnings (easy-to-guess PINs) to show.
   */
  async update(actor: AccountActor, companyId: string, memberId: string, input: UpdateMemberInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const found = await findMember(this.deps.db, company.id, memberId);
    if (!found) throw new NotFoundError(MEMBER_NOT_FOUND);
    const domains = await loadVideoDomains(this.deps.db, company);
    const plan = planMemberUpdate(found, input, domains);
    await this.deps.db.transaction(async (tx) => {
      if (plan.account.role === "member" && found.account.role === "admin") {
        await lockCompany(tx, company.id);
        const admins = await findAdminIds(tx, company.id);
        if (leavesNoAdmin(admins, [memberId])) throw new ConflictError(LAST_ADMIN, { role: LAST_ADMIN });
      }
      await applyMemberUpdate(tx, actor, company.id, found, plan);
      // A twinned video system on the member's address moves with it (it shares their registry row).
      if (plan.account.videoAddress && found.account.videoAddress) {
        await followMemberAddress(
          tx,
          company.id,
          memberId,
          found.account.videoAddress,
          plan.account.videoAddress,
        );
      }
    });
    return { member: await describeMember(this.deps.db, company.id, memberId), warnings: plan.warnings };
  }

  /**
   * Removes members with their personal VMRs and addresses, freeing their licences — all or
   * nothing. Not yourself, and never the company's last admin.
   */
  async delete(actor: AccountActor, companyId: string, memberIds: readonly string[]) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const ids = [...new Set(memberIds)];
    if (includesYourself(actor, ids)) throw new ConflictError(CANNOT_DELETE_YOURSELF);
    const deleted = await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, company.id);
      const members = await findMembersByIds(tx, company.id, ids);
      if (members.length !== ids.length) throw new NotFoundError(SOME_MEMBERS_NOT_FOUND);
      if (leavesNoAdmin(await findAdminIds(tx, company.id), ids)) throw new ConflictError(LAST_ADMIN);
      // Their twinned video systems become shared, keeping the member's address if they used it.
      await shareVideoSystemsOf(tx, actor, company.id, members);
      const count = await deleteMembers(tx, company.id, ids);
      for (const m of members) {
        await recordAudit(tx, actor, {
          action: "member.deleted",
          target: { type: "account", id: m.id },
          companyId: company.id,
          before: {
            fullName: m.fullName,
            email: m.email,
            videoAddress: m.videoAddress,
            role: m.role,
            status: m.status,
          },
        });
      }
      return count;
    });
    return { deleted };
  }

  /** Emails an active member a password reset link (invited members get their invitation again). */
  async sendPasswordReset(actor: AccountActor, companyId: string, memberId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const found = await findMember(this.deps.db, company.id, memberId);
    if (!found) throw new NotFoundError(MEMBER_NOT_FOUND);
    const { account } = found;
    if (account.status === "invited") {
      throw new ConflictError(
        "This member has not accepted their invitation yet: resend the invitation instead.",
      );
    }
    if (account.status !== "active") {
      throw new ConflictError("This member is suspended: a password reset would not let them sign in.");
    }
    if (await passwordsOffFor(this.deps.db, account)) {
      throw new ConflictError(
        "This member signs in through the company's identity provider (single sign-on is required): they have no password to reset.",
        undefined,
        "SSO_REQUIRED",
      );
    }
    const service = await findService(this.deps.db);
    await this.deps.db.transaction(async (tx) => {
      await issuePasswordReset(tx, this.deps, account, service?.name ?? "Confero");
      await recordAudit(tx, actor, {
        action: "member.password_reset_sent",
        target: { type: "account", id: account.id },
        companyId: company.id,
      });
    });
    return { ok: true as const };
  }
}
