import type { Db } from "../../db/client.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import type { AccountActor } from "../auth/actor.js";
import { assertPartnerReachable } from "../partners/partners.policy.js";
import { type CompanyRow, findCompanyById, findCompanyOfPartner } from "./companies.repository.js";

export const COMPANY_NOT_FOUND = "This company does not exist.";

export type CompanyAccess = "admin" | "forbidden" | "hidden";

/**
 * Who administers a company: operators (every company), its partner's admins (acting for their
 * customer) and its own admins. Its members are refused (403); everyone else must not even
 * learn that it exists (404).
 */
export function companyAccess(
  actor: AccountActor,
  company: { id: string; partnerId: string },
): CompanyAccess {
  switch (actor.kind) {
    case "operator":
      return "admin";
    case "partner_admin":
      return actor.partnerId === company.partnerId ? "admin" : "hidden";
    case "member":
      if (actor.companyId !== company.id) return "hidden";
      return actor.role === "admin" ? "admin" : "forbidden";
  }
}

/** The company, when the actor may administer it; NotFound or Forbidden otherwise. */
export async function companyForAdmin(db: Db, actor: AccountActor, companyId: string): Promise<CompanyRow> {
  const company = await findCompanyById(db, companyId);
  const access = company ? companyAccess(actor, company) : "hidden";
  if (!company || access === "hidden") throw new NotFoundError(COMPANY_NOT_FOUND);
  if (access === "forbidden") throw new ForbiddenError("Only the company's administrators can do that.");
  return company;
}

/** The company as seen from its partner's pages: operators and that partner's admins only. */
export async function companyOfPartnerForAdmin(
  db: Db,
  actor: AccountActor,
  partnerId: string,
  companyId: string,
): Promise<CompanyRow> {
  assertPartnerReachable(actor, partnerId);
  const company = await findCompanyOfPartner(db, partnerId, companyId);
  if (!company) throw new NotFoundError(COMPANY_NOT_FOUND);
  return company;
}
