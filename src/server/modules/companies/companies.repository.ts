import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { containsPattern } from "../../db/like.js";
import {
  accounts,
  companies,
  companyDomains,
  partners,
  teamRooms,
  videoAddresses,
  videoSystems,
} from "../../db/schema.js";
import { ConflictError } from "../../errors.js";

export type CompanyRow = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
export type CompanyStatus = CompanyRow["status"];
export type CompanyDomainRow = typeof companyDomains.$inferSelect;

export async function findCompanyById(db: Db, companyId: string): Promise<CompanyRow | undefined> {
  const [row] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  return row;
}

export async function findCompanyOfPartner(
  db: Db,
  partnerId: string,
  companyId: string,
): Promise<CompanyRow | undefined> {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.id, companyId), eq(companies.partnerId, partnerId)))
    .limit(1);
  return row;
}

/**
 * Re-reads the company and locks its row until the transaction ends: licence counts and
 * domain lists are checked and changed under this lock, so two admins cannot both take the last
 * licence.
 */
export async function lockCompany(tx: Db, companyId: string): Promise<CompanyRow> {
  const [row] = await tx.select().from(companies).where(eq(companies.id, companyId)).for("update");
  if (!row) throw new Error(`company ${companyId} vanished`);
  return row;
}

export const SLUG_TAKEN = "Another company already uses this slug.";

export async function insertCompany(tx: Db, company: NewCompany): Promise<CompanyRow> {
  try {
    const [row] = await tx.insert(companies).values(company).returning();
    if (!row) throw new Error("insert into companies returned no row");
    return row;
  } catch (error) {
    if (isUniqueViolation(error, "companies_slug_key"))
      throw new ConflictError(SLUG_TAKEN, { slug: SLUG_TAKEN });
    throw error;
  }
}

export async function updateCompany(
  tx: Db,
  companyId: string,
  changes: Partial<Omit<NewCompany, "id" | "partnerId" | "slug" | "createdAt">>,
): Promise<CompanyRow> {
  const [row] = await tx.update(companies).set(changes).where(eq(companies.id, companyId)).returning();
  if (!row) throw new Error(`company ${companyId} vanished`);
  return row;
}

/** Each company's domains, in the company's order. */
export async function findCompanyDomains(
  db: Db,
  companyIds: readonly string[],
): Promise<Map<string, CompanyDomainRow[]>> {
  const byCompany = new Map<string, CompanyDomainRow[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return byCompany;
  const rows = await db
    .select()
    .from(companyDomains)
    .where(inArray(companyDomains.companyId, [...companyIds]))
    .orderBy(asc(companyDomains.companyId), asc(companyDomains.position), asc(companyDomains.domain));
  for (const row of rows) byCompany.get(row.companyId)?.push(row);
  return byCompany;
}

export const DOMAIN_TAKEN = "Another company already uses this domain.";

/** A domain belongs to one company in the whole service (a unique index decides, also in races). */
export async function addCompanyDomain(
  tx: Db,
  row: { companyId: string; domain: string; kind: "hosted" | "service"; position: number },
  field: string,
): Promise<void> {
  try {
    await tx.insert(companyDomains).values(row);
  } catch (error) {
    if (isUniqueViolation(error, "company_domains_domain_key"))
      throw new ConflictError(`${row.domain}: ${DOMAIN_TAKEN}`, { [field]: DOMAIN_TAKEN });
    throw error;
  }
}

export async function removeCompanyDomains(tx: Db, companyId: string, domains: string[]): Promise<void> {
  if (domains.length === 0) return;
  await tx
    .delete(companyDomains)
    .where(and(eq(companyDomains.companyId, companyId), inArray(companyDomains.domain, domains)));
}

export async function setCompanyDomainPosition(
  tx: Db,
  companyId: string,
  domain: string,
  position: number,
): Promise<void> {
  await tx
    .update(companyDomains)
    .set({ position })
    .where(and(eq(companyDomains.companyId, companyId), eq(companyDomains.domain, domain)));
}

const domainOf = sql<string>`split_part(${videoAddresses.address}, '@', 2)`;

/** How many of the company's registered addresses (members, rooms, systems) use each domain. */
export async function countAddressesByDomain(db: Db, companyId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ domain: domainOf, n: count() })
    .from(videoAddresses)
    .where(eq(videoAddresses.companyId, companyId))
    .groupBy(domainOf);
  return new Map(rows.map((r) => [r.domain, r.n]));
}

export interface CompanyUsage {
  members: number;
  teamRooms: number;
  licencesUsed: number;
  endpointSubscriptionsUsed: number;
}

/**
 * What each company uses. The one place licence use is counted: members in any status and team
 * rooms, one licence each (a personal VMR shares its member's). Video systems (endpoint
 * subscriptions) join when they exist.
 */
export async function companyUsage(
  db: Db,
  companyIds: readonly string[],
): Promise<Map<string, CompanyUsage>> {
  const usage = new Map<string, CompanyUsage>(
    companyIds.map((id) => [id, { members: 0, teamRooms: 0, licencesUsed: 0, endpointSubscriptionsUsed: 0 }]),
  );
  if (companyIds.length === 0) return usage;
  const members = await db
    .select({ companyId: accounts.companyId, n: count() })
    .from(accounts)
    .where(and(inArray(accounts.companyId, [...companyIds]), eq(accounts.kind, "member")))
    .groupBy(accounts.companyId);
  for (const row of members) {
    const entry = row.companyId ? usage.get(row.companyId) : undefined;
    if (entry) entry.members = row.n;
  }
  const rooms = await db
    .select({ companyId: teamRooms.companyId, n: count() })
    .from(teamRooms)
    .where(inArray(teamRooms.companyId, [...companyIds]))
    .groupBy(teamRooms.companyId);
  for (const row of rooms) {
    const entry = usage.get(row.companyId);
    if (entry) entry.teamRooms = row.n;
  }
  const systems = await db
    .select({ companyId: videoSystems.companyId, n: count() })
    .from(videoSystems)
    .where(inArray(videoSystems.companyId, [...companyIds]))
    .groupBy(videoSystems.companyId);
  for (const row of systems) {
    const entry = usage.get(row.companyId);
    if (entry) entry.endpointSubscriptionsUsed = row.n;
  }
  for (const entry of usage.values()) entry.licencesUsed = entry.members + entry.teamRooms;
  return usage;
}

export interface CompanyListQuery {
  partnerId?: string;
  q?: string;
  status?: CompanyStatus;
  page: number;
  pageSize: number;
}

export async function listCompanies(db: Db, query: CompanyListQuery) {
  const conditions: SQL[] = [];
  if (query.partnerId) conditions.push(eq(companies.partnerId, query.partnerId));
  if (query.status) conditions.push(eq(companies.status, query.status));
  if (query.q) {
    const pattern = containsPattern(query.q);
    const matches = or(ilike(companies.name, pattern), ilike(companies.slug, pattern));
    if (matches) conditions.push(matches);
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({ company: companies, partner: { id: partners.id, name: partners.name } })
      .from(companies)
      .innerJoin(partners, eq(partners.id, companies.partnerId))
      .where(where)
      .orderBy(asc(sql`lower(${companies.name})`), asc(companies.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(companies).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
