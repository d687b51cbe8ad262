import { splitVideoAddress, videoAddressProblems } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { ADDRESS_TAKEN, isVideoAddressTaken } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { type InvitationLinks, inviteAccount } from "../invitations/invitations.service.js";
import { assertOperator } from "../operator/operator.policy.js";
import { assertPartnerReachable, PARTNER_NOT_FOUND } from "../partners/partners.policy.js";
import { findPartner } from "../partners/partners.repository.js";
import { findService } from "../setup/service.repository.js";
import {
  addCompanyDomain,
  type CompanyListQuery,
  type CompanyRow,
  insertCompany,
  listCompanies,
} from "./companies.repository.js";
import type { CompanySettingsInput, CreateCompanyInput, UpdateCompanyInput } from "./companies.schemas.js";
import { companyForAdmin, companyOfPartnerForAdmin } from "./company-access.policy.js";
import { planCompany } from "./company-creation.js";
import { describeCompany, loadVideoDomains, summariseCompanies } from "./company-dto.js";
import { applyCompanyUpdate, checkCompanyUpdate } from "./company-update.js";
import { addressRules, completeVideoAddress } from "./company-video-domains.js";

type ListQuery = Omit<CompanyListQuery, "partnerId">;

/**
 * Companies as operators and partner admins manage them, and as a company's admins (or someone
 * acting for the customer) see its settings.
 */
export class CompaniesService {
  constructor(private readonly deps: { db: Db } & InvitationLinks) {}

  async listAll(actor: AccountActor, query: ListQuery) {
    assertOperator(actor);
    return this.list(query);
  }

  async listForPartner(actor: AccountActor, partnerId: string, query: ListQuery) {
    await this.reachablePartner(actor, partnerId);
    return this.list({ ...query, partnerId });
  }

  async get(actor: AccountActor, companyId: string) {
    return describeCompany(this.deps.db, await companyForAdmin(this.deps.db, actor, companyId));
  }

  async getForPartner(actor: AccountActor, partnerId: string, companyId: string) {
    const company = await companyOfPartnerForAdmin(this.deps.db, actor, partnerId, companyId);
    return describeCompany(this.deps.db, company);
  }

  /**
   * Creates the company, its domains and its first admin (invited, with a personal VMR and both
   * addresses registered) and queues the invitation — in one transaction.
   */
  async create(actor: AccountActor, partnerId: string, input: CreateCompanyInput) {
    const partner = await this.reachablePartner(actor, partnerId);
    const service = await findService(this.deps.db);
    if (!service) throw new NotFoundError("The service is not set up yet.");
    const plan = planCompany(input, service);

    const company = await this.deps.db.transaction(async (tx) => {
      const company = await insertCompany(tx, {
        partnerId,
        name: input.name,
        slug: input.slug,
        status: input.status,
        licences: input.licences,
        endpointSubscriptions: input.endpointSubscriptions,
        domainSetup: input.domainSetup,
        vmrSuffix: plan.vmrSuffix,
        hostPinOnAllPersonalRooms: input.hostPinOnAllPersonalRooms,
        timeZone: input.timeZone,
      });
      for (const [position, { domain, kind, field }] of plan.domains.entries()) {
        await addCompanyDomain(tx, { companyId: company.id, domain, kind, position }, field);
      }
      const admin = await inviteAccount(
        tx,
        actor,
        this.deps,
        {
          kind: "member",
          company: { id: company.id, name: company.name },
          role: "admin",
          fullName: input.firstAdmin.fullName,
          email: input.firstAdmin.email,
          ...plan.firstAdmin,
        },
        {
          serviceName: service.name,
          fields: { email: "firstAdmin.email", videoAddress: "firstAdmin.videoAddress" },
        },
      );
      await recordAudit(tx, actor, {
        action: "company.created",
        target: { type: "company", id: company.id },
        companyId: company.id,
        after: {
          name: company.name,
          slug: company.slug,
          partner: partner.name,
          status: company.status,
          domainSetup: company.domainSetup,
          videoDomains: plan.videoDomains.videoDomains,
          licences: company.licences,
          endpointSubscriptions: company.endpointSubscriptions,
          vmrSuffix: company.vmrSuffix,
          hostPinOnAllPersonalRooms: company.hostPinOnAllPersonalRooms,
          timeZone: company.timeZone,
          firstAdmin: { id: admin.id, email: admin.email, videoAddress: admin.videoAddress },
        },
      });
      return company;
    });
    return describeCompany(this.deps.db, company);
  }

  async update(actor: AccountActor, partnerId: string, companyId: string, input: UpdateCompanyInput) {
    const company = await companyOfPartnerForAdmin(this.deps.db, actor, partnerId, companyId);
    return this.applyUpdate(actor, company, input);
  }

  /** The settings a company's own admins may change (and partner admins or operators for them). */
  async updateSettings(actor: AccountActor, companyId: string, input: CompanySettingsInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    return this.applyUpdate(actor, company, input);
  }

  /** Whether an address (or a bare local part, completed with the first domain) can be used. */
  async addressAvailability(actor: AccountActor, companyId: string, typed: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const domains = await loadVideoDomains(this.deps.db, company);
    const address = completeVideoAddress(typed, domains);
    const problems: { rule: string; message: string }[] = videoAddressProblems(
      address,
      addressRules(domains),
    );
    if (splitVideoAddress(address) && (await isVideoAddressTaken(this.deps.db, address))) {
      problems.push({ rule: "taken", message: ADDRESS_TAKEN });
    }
    return { address, available: problems.length === 0, problems };
  }

  private async applyUpdate(actor: AccountActor, company: CompanyRow, input: UpdateCompanyInput) {
    if (input.hostedDomains !== undefined) {
      const service = await findService(this.deps.db);
      checkCompanyUpdate(company, input, service?.domains ?? []);
    }
    const updated = await this.deps.db.transaction((tx) => applyCompanyUpdate(tx, actor, company.id, input));
    return describeCompany(this.deps.db, updated);
  }

  private async reachablePartner(actor: AccountActor, partnerId: string) {
    assertPartnerReachable(actor, partnerId);
    const partner = await findPartner(this.deps.db, partnerId);
    if (!partner) throw new NotFoundError(PARTNER_NOT_FOUND);
    return partner;
  }

  private async list(query: CompanyListQuery) {
    const { items, total } = await listCompanies(this.deps.db, query);
    return {
      items: await summariseCompanies(this.deps.db, items),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
