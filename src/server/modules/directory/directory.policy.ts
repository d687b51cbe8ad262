import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";
import type { CompanyRow } from "../companies/companies.repository.js";
import { findCompanyById } from "../companies/companies.repository.js";
import { COMPANY_NOT_FOUND, companyAccess } from "../companies/company-access.policy.js";

/**
 * Who may look inside a company as one of its people: its members (role admin or member —
 * sessions exist only for active accounts) and those who administer it (operators, its
 * partner's admins). Everyone else must not learn that it exists: 404.
 */
export async function companyForMember(db: Db, actor: AccountActor, companyId: string): Promise<CompanyRow> {
  const company = await findCompanyById(db, companyId);
  // companyAccess says "forbidden" exactly for the company's own non-admin members.
  if (!company || companyAccess(actor, company) === "hidden") throw new NotFoundError(COMPANY_NOT_FOUND);
  return company;
}
