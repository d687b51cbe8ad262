import { interpretUserFilter } from "../../../domain/scim-filter.js";
import { applyPatch, type ScimUserState } from "../../../domain/scim-patch.js";
import { parseUserResource } from "../../../domain/scim-user.js";
import type { Db } from "../../db/client.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountRow } from "../auth/accounts.repository.js";
import type { SystemActor } from "../auth/actor.js";
import { type CompanyRow, findCompanyById, lockCompany } from "../companies/companies.repository.js";
import { loadVideoDomains } from "../companies/company-dto.js";
import type { InvitationLinks } from "../invitations/invitations.service.js";
import { LAST_ADMIN, leavesNoAdmin } from "../members/members.policy.js";
import { deleteMembers, findAdminIds, findMember } from "../members/members.repository.js";
import { findService } from "../setup/service.repository.js";
import { shareVideoSystemsOf } from "../video-systems/share-video-systems.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./scim-discovery.js";
import { listResponse, toScimUser } from "./scim-dto.js";
import { badRequest } from "./scim-errors.js";
import { applyScimChanges, type ChangeContext } from "./scim-member-changes.js";
import { provisionMember } from "./scim-provision.js";
import { findScimUser, listScimUsers } from "./scim-users.repository.js";

/** Who is calling: the company's SCIM client, named by its token (audited as a system actor). */
export interface ScimClient {
  companyId: string;
  tokenId: string;
  actor: SystemActor;
}

export const USER_NOT_FOUND = "No user with this id in this company.";

/** startIndex is 1-based (below 1 reads as 1); count defaults to 100, at most 1000, 0 = totals only. */
export function scimPage(query: { startIndex?: string | undefined; count?: string | undefined }) {
  const startIndex = Math.max(1, Number.parseInt(query.startIndex ?? "1", 10) || 1);
  const wanted = query.count === undefined ? DEFAULT_PAGE_SIZE : Number.parseInt(query.count, 10);
  const count = Number.isNaN(wanted) ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Math.max(0, wanted));
  return { startIndex, count };
}

/**
 * SCIM Users of one company (RFC 7644 §3): the company is the token's, so another company's
 * members are simply not found (404). Every change is one transaction with the company row
 * locked, audited as the SCIM client; failures are audited by the routes.
 */
export class ScimUsersService {
  constructor(private readonly deps: { db: Db; links: InvitationLinks; baseUrl: string }) {}

  async list(
    client: ScimClient,
    query: { filter?: string | undefined; startIndex?: string; count?: string },
  ) {
    let lookup = null;
    if (query.filter !== undefined) {
      const result = interpretUserFilter(query.filter);
      if (!result.ok) throw badRequest({ scimType: "invalidFilter", detail: result.detail });
      lookup = result.lookup;
    }
    const page = scimPage(query);
    const { rows, total } = await listScimUsers(this.deps.db, client.companyId, lookup, {
      offset: page.startIndex - 1,
      limit: page.count,
    });
    return listResponse(
      rows.map((row) => this.dto(row)),
      total,
      page.startIndex,
    );
  }

  async get(client: ScimClient, id: string) {
    const row = await findScimUser(this.deps.db, client.companyId, id);
    if (!row) throw new NotFoundError(USER_NOT_FOUND);
    return this.dto(row);
  }

  async create(client: ScimClient, body: unknown) {
    const parsed = parseUserResource(body);
    if (!parsed.ok) throw badRequest(parsed.problem);
    const ctx = await this.context(client);
    const id = await this.deps.db.transaction((tx) => provisionMember(tx, client.actor, parsed.value, ctx));
    return this.get(client, id);
  }

  /** PUT: the body replaces what SCIM manages; an absent videoAddress keeps the current one. */
  async replace(client: ScimClient, id: string, body: unknown) {
    const parsed = parseUserResource(body);
    if (!parsed.ok) throw badRequest(parsed.problem);
    const { videoAddress, ...rest } = parsed.value;
    return this.change(client, id, (current) => ({
      ...rest,
      videoAddress: videoAddress ?? current.videoAddress,
    }));
  }

  async patch(client: ScimClient, id: string, body: unknown) {
    return this.change(client, id, (current) => {
      const result = applyPatch(current, body);
      if (!result.ok) throw badRequest(result.problem);
      return result.value;
    });
  }

  /** DELETE: the members module's rules — personal VMR gone, twinned systems shared, never the last admin. */
  async delete(client: ScimClient, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, client.companyId);
      const member = await findScimUser(tx, client.companyId, id);
      if (!member) throw new NotFoundError(USER_NOT_FOUND);
      if (leavesNoAdmin(await findAdminIds(tx, client.companyId), [id])) throw new ConflictError(LAST_ADMIN);
      await shareVideoSystemsOf(tx, client.actor, client.companyId, [member]);
      await deleteMembers(tx, client.companyId, [id]);
      await recordAudit(tx, client.actor, {
        action: "member.deleted",
        target: { type: "account", id },
        companyId: client.companyId,
        before: {
          fullName: member.fullName,
          email: member.email,
          videoAddress: member.videoAddress,
          role: member.role,
          status: member.status,
          externalId: member.externalId,
        },
      });
    });
  }

  private async change(client: ScimClient, id: string, next: (current: ScimUserState) => ScimUserState) {
    const ctx = await this.context(client);
    await this.deps.db.transaction(async (tx) => {
      await lockCompany(tx, client.companyId);
      const found = await findMember(tx, client.companyId, id);
      if (!found) throw new NotFoundError(USER_NOT_FOUND);
      await applyScimChanges(tx, client.actor, ctx, found, next(stateOf(found.account)));
    });
    return this.get(client, id);
  }

  private async context(client: ScimClient): Promise<ChangeContext> {
    const company: CompanyRow | undefined = await findCompanyById(this.deps.db, client.companyId);
    if (!company) throw new NotFoundError("This company no longer exists.");
    const [domains, service] = [
      await loadVideoDomains(this.deps.db, company),
      await findService(this.deps.db),
    ];
    return { company, domains, serviceName: service?.name ?? "Confero", links: this.deps.links };
  }

  private dto(row: AccountRow) {
    return toScimUser(row, this.deps.baseUrl);
  }
}

function stateOf(account: AccountRow): ScimUserState {
  return {
    email: account.email,
    fullName: account.fullName,
    externalId: account.externalId,
    active: account.status !== "suspended",
    videoAddress: account.videoAddress,
  };
}
