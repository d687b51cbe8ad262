import { eq } from "drizzle-orm";
import { domainOf } from "../../../domain/infinity-alias.js";
import type { Db } from "../../db/client.js";
import { companySso } from "../../db/schema.js";

/**
 * Whether a company's members with this email sign in through its identity provider: single
 * sign-on is enabled and the email's domain is one of the domains it covers. SCIM asks this to
 * decide between "active, signs in with SSO" and "invited, gets an activation email"; the sign-in
 * page asks it to offer "Continue with single sign-on".
 */
export async function ssoCoverage(
  db: Db,
  companyId: string,
  email: string,
): Promise<{ covered: boolean; required: boolean; breakGlassAccountId: string | null }> {
  const [row] = await db
    .select({
      enabled: companySso.enabled,
      emailDomains: companySso.emailDomains,
      required: companySso.required,
      breakGlassAccountId: companySso.breakGlassAccountId,
    })
    .from(companySso)
    .where(eq(companySso.companyId, companyId));
  const domain = domainOf(email.toLowerCase());
  const covered = Boolean(row?.enabled && domain && row.emailDomains.includes(domain));
  return {
    covered,
    required: covered && Boolean(row?.required),
    breakGlassAccountId: row?.breakGlassAccountId ?? null,
  };
}
