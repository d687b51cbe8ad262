import { and, count, countDistinct, eq, like, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { companies, companyDomains, service } from "../../db/schema.js";
import type { ServiceRow } from "../setup/service.repository.js";

/** The service row, locked until the transaction ends, so settings changes do not interleave. */
export async function lockService(tx: Db): Promise<ServiceRow | undefined> {
  const [row] = await tx.select().from(service).limit(1).for("update");
  return row;
}

export async function updateService(
  tx: Db,
  changes: Partial<Pick<ServiceRow, "name" | "domains" | "defaultVmrSuffix" | "requireTwoFactorForStaff">>,
): Promise<ServiceRow> {
  const [row] = await tx.update(service).set(changes).where(eq(service.id, 1)).returning();
  if (!row) throw new Error("the service row vanished");
  return row;
}

/** Companies whose `<slug>.<domain>` video domain sits under this service domain. */
export async function countCompaniesUnderServiceDomain(db: Db, domain: string): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(companyDomains.companyId) })
    .from(companyDomains)
    .where(and(eq(companyDomains.kind, "service"), like(companyDomains.domain, `%.${domain}`)));
  return row?.n ?? 0;
}

/** Companies whose addresses use the service's primary (root) domain itself. */
export async function countServiceRootCompanies(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(companies)
    .where(eq(companies.domainSetup, "service_root"));
  return row?.n ?? 0;
}

/**
 * Company domains a new service domain would collide with: a hosted domain that is the domain,
 * under it or above it, or a company's own `<slug>.<service domain>`.
 */
export async function countCompanyDomainsClashingWith(db: Db, domain: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(companyDomains)
    .where(
      or(
        eq(companyDomains.domain, domain),
        and(
          eq(companyDomains.kind, "hosted"),
          or(
            like(companyDomains.domain, `%.${domain}`),
            sql`${domain} like '%.' || ${companyDomains.domain}`,
          ),
        ),
      ),
    );
  return row?.n ?? 0;
}
