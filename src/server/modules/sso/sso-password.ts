import type { Db } from "../../db/client.js";
import { ssoCoverage } from "./sso-coverage.js";

export const SSO_REQUIRED_MESSAGE =
  "Your company signs you in through its identity provider: use “Continue with single sign-on” instead of a password.";

type SignInAccount = { id: string; kind: string; companyId: string | null; email: string };

/**
 * How this account signs in through its company's identity provider: "none" (passwords only),
 * "available" (single sign-on offered beside the password) or "required" (passwords off: the
 * company requires single sign-on and the account is not its break-glass admin).
 */
export async function singleSignOnFor(
  db: Db,
  account: SignInAccount,
): Promise<"none" | "available" | "required"> {
  if (account.kind !== "member" || !account.companyId) return "none";
  const coverage = await ssoCoverage(db, account.companyId, account.email);
  if (!coverage.covered) return "none";
  return coverage.required && coverage.breakGlassAccountId !== account.id ? "required" : "available";
}

/**
 * Whether the company turned passwords off for this account. Then password sign-in refuses it
 * (SSO_REQUIRED), password reset mails it nothing, an admin cannot send it a reset link, and its
 * invitation is accepted by signing in through the identity provider, not by choosing a password.
 */
export async function passwordsOffFor(db: Db, account: SignInAccount): Promise<boolean> {
  return (await singleSignOnFor(db, account)) === "required";
}
