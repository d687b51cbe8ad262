import type { ScimUserState } from "../../../domain/scim-patch.js";
import { splitVideoAddress } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { ConflictError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { SystemActor } from "../auth/actor.js";
import { deleteAccountSessions } from "../auth/sessions.repository.js";
import type { CompanyRow } from "../companies/companies.repository.js";
import type { VideoDomains } from "../companies/company-video-domains.js";
import { expireAccountInvitations } from "../invitations/invitations.repository.js";
import { type InvitationLinks, issueInvitation } from "../invitations/invitations.service.js";
import { applyMemberUpdate, planMemberUpdate } from "../members/member-update.js";
import { LAST_ADMIN, leavesNoAdmin } from "../members/members.policy.js";
import { findAdminIds, type MemberRow } from "../members/members.repository.js";
import { ssoCoverage } from "../sso/sso-coverage.js";
import { followMemberAddress } from "../video-systems/video-systems.repository.js";
import { badRequest } from "./scim-errors.js";
import { updateScimFields } from "./scim-users.repository.js";

/**
 * A PUT or PATCH, written in the caller's transaction (company row locked):
 * - name, email and video address go through the members module's own plan and write
 *   (planMemberUpdate / applyMemberUpdate: the address rules, the registry, `member.updated`);
 *   the address keeps its domain (a different domain is `mutability`);
 * - `active: false` suspends: sessions deleted, sign-in refused, the personal VMR rejects calls
 *   (policy service-configuration); never the company's last admin (409);
 * - `active: true` after a suspension: `active` again when the member has a password or signs
 *   in with SSO; otherwise `invited` with a fresh activation email (they never set a password);
 * - every change moves `updatedAt` (meta.lastModified, version); nothing changed, nothing written.
 */
export interface ChangeContext {
  company: CompanyRow;
  domains: VideoDomains;
  serviceName: string;
  links: InvitationLinks;
}

function localPartFor(current: string | null, wanted: string | null): string | undefined {
  if (!wanted || wanted === current) return undefined;
  const parts = splitVideoAddress(wanted);
  if (!parts) return wanted;
  const currentDomain = current ? splitVideoAddress(current)?.domain : undefined;
  if (currentDomain && parts.domain !== currentDomain) {
    throw badRequest({
      scimType: "mutability",
      detail: `videoAddress: the domain of a member's address cannot change (it is ${currentDomain}).`,
    });
  }
  return parts.local;
}

export async function applyScimChanges(
  tx: Db,
  actor: SystemActor,
  ctx: ChangeContext,
  found: MemberRow,
  next: ScimUserState,
): Promise<boolean> {
  const { account } = found;
  const companyId = ctx.company.id;
  const plan = planMemberUpdate(
    found,
    {
      fullName: next.fullName,
      email: next.email,
      videoAddressLocalPart: localPartFor(account.videoAddress, next.videoAddress),
    },
    ctx.domains,
  );
  await applyMemberUpdate(tx, actor, companyId, found, plan);
  if (plan.account.videoAddress && account.videoAddress) {
    await followMemberAddress(tx, companyId, account.id, account.videoAddress, plan.account.videoAddress);
  }
  let changed = Object.keys(plan.after).length > 0;

  if (next.externalId !== account.externalId) {
    await updateScimFields(tx, companyId, account.id, { externalId: next.externalId });
    await recordAudit(tx, actor, {
      action: "member.updated",
      target: { type: "account", id: account.id },
      companyId,
      before: { externalId: account.externalId },
      after: { externalId: next.externalId },
    });
    changed = true;
  }
  const suspended = account.status === "suspended";
  if (!next.active && !suspended) {
    await suspend(tx, actor, companyId, found);
    changed = true;
  } else if (next.active && suspended) {
    await reactivate(tx, actor, ctx, { ...found, account: { ...account, email: next.email } });
    changed = true;
  }
  if (changed) await updateScimFields(tx, companyId, account.id, {});
  return changed;
}

async function suspend(tx: Db, actor: SystemActor, companyId: string, found: MemberRow) {
  if (leavesNoAdmin(await findAdminIds(tx, companyId), [found.account.id]))
    throw new ConflictError(LAST_ADMIN);
  await updateScimFields(tx, companyId, found.account.id, { status: "suspended" });
  await deleteAccountSessions(tx, found.account.id);
  await recordAudit(tx, actor, {
    action: "member.suspended",
    target: { type: "account", id: found.account.id },
    companyId,
    before: { status: found.account.status },
    after: { status: "suspended" },
  });
}

async function reactivate(tx: Db, actor: SystemActor, ctx: ChangeContext, found: MemberRow) {
  const { account } = found;
  const companyId = ctx.company.id;
  const { covered } = await ssoCoverage(tx, companyId, account.email);
  const status = account.passwordHash || covered ? "active" : "invited";
  await updateScimFields(tx, companyId, account.id, { status });
  if (status === "invited") {
    await expireAccountInvitations(tx, account.id);
    await issueInvitation(tx, actor, ctx.links, account, {
      organisation: { kind: "company", name: ctx.company.name },
      serviceName: ctx.serviceName,
    });
  }
  await recordAudit(tx, actor, {
    action: "member.reactivated",
    target: { type: "account", id: account.id },
    companyId,
    before: { status: "suspended" },
    after: { status },
  });
}
