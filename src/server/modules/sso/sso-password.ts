import type { Db } from "../../db/client.js";
import { ssoCoverage } from "./sso-coverage.js";

export const SSO_REQUIRED_MESSAGE =
  "Your company signs you in through its identity provider: use “Continue with single sign-on” instead of a password.";

/**
 * Whether the company turned passwords off for this account: its single sign-on covers the
 * account's email and is required, and the account is not the break-glass admin. Password
 * sign-in refuses them (SSO_REQUIRED) and password reset mails them nothing.
 */
export async function passwordsOffFor(
  db: Db,
  account: { id: string; kind: string; companyId: string | null; email: string },
): Promise<boolean> {
  if (account.kind !== "member" || !account.companyId) return false;
  const coverage = await ssoCoverage(db, account.companyId, account.email);
  return coverage.required && coverage.breakGlassAccountId !== account.id;
}
