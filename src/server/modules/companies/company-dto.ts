import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { findPartner } from "../partners/partners.repository.js";
import { findService } from "../setup/service.repository.js";
import {
  type CompanyRow,
  type CompanyUsage,
  companyUsage,
  countAddressesByDomain,
  findCompanyDomains,
} from "./companies.repository.js";
import type { companyResponse, companySummary } from "./companies.schemas.js";
import { companyVideoDomains, type VideoDomains } from "./company-video-domains.js";

export type CompanySummaryDto = z.infer<typeof companySummary>;
export type CompanyDto = z.infer<typeof companyResponse>;

const NO_USAGE: CompanyUsage = { members: 0, teamRooms: 0, licencesUsed: 0, endpointSubscriptionsUsed: 0 };

function toSummary(
  company: CompanyRow,
  partner: { id: string; name: string },
  usage: CompanyUsage,
): CompanySummaryDto {
  return {
    id: company.id,
    name: company.name,
    slug: company.slug,
    partner,
    status: company.status,
    licences: { used: usage.licencesUsed, total: company.licences },
    endpointSubscriptions: { used: usage.endpointSubscriptionsUsed, total: company.endpointSubscriptions },
    memberCount: usage.members,
    teamRoomCount: usage.teamRooms,
    createdAt: company.createdAt.toISOString(),
  };
}

export async function summariseCompanies(
  db: Db,
  rows: { company: CompanyRow; partner: { id: string; name: string } }[],
): Promise<CompanySummaryDto[]> {
  const usage = await companyUsage(
    db,
    rows.map((r) => r.company.id),
  );
  return rows.map((r) => toSummary(r.company, r.partner, usage.get(r.company.id) ?? NO_USAGE));
}

/** The company's video domains as they are now (its rows and the service's primary domain). */
export async function loadVideoDomains(db: Db, company: CompanyRow): Promise<VideoDomains> {
  const [domains, service] = await Promise.all([findCompanyDomains(db, [company.id]), findService(db)]);
  return companyVideoDomains(company.domainSetup, domains.get(company.id) ?? [], service?.domains[0] ?? "");
}

/** Everything the company pages show. Pass the transaction when describing inside one. */
export async function describeCompany(db: Db, company: CompanyRow): Promise<CompanyDto> {
  const [partner, usage, domains, counts] = await Promise.all([
    findPartner(db, company.partnerId),
    companyUsage(db, [company.id]),
    loadVideoDomains(db, company),
    countAddressesByDomain(db, company.id),
  ]);
  const addressCountsByDomain: Record<string, number> = {};
  for (const domain of domains.videoDomains) addressCountsByDomain[domain] = counts.get(domain) ?? 0;
  for (const [domain, n] of counts) addressCountsByDomain[domain] ??= n;
  return {
    ...toSummary(
      company,
      { id: company.partnerId, name: partner?.name ?? "" },
      usage.get(company.id) ?? NO_USAGE,
    ),
    domainSetup: company.domainSetup,
    videoDomains: domains.videoDomains,
    hostedDomains: domains.hostedDomains,
    vmrSuffix: company.vmrSuffix,
    hostPinOnAllPersonalRooms: company.hostPinOnAllPersonalRooms,
    timeZone: company.timeZone,
    addressCountsByDomain,
  };
}
