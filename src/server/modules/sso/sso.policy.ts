/**
 * Single sign-on with OpenID Connect, per company — the rules others build on:
 *
 * - A company has at most one identity provider (`company_sso`): issuer, client id, client secret
 *   (sealed with SecretBox purpose "oidc-client-secret", never returned), the email domains whose
 *   people sign in through it, `enabled`, and `required`.
 * - The issuer is an https URL; plain http is allowed only for loopback (localhost, 127.0.0.0/8,
 *   ::1) so tests and local providers work. Saving fetches its discovery document
 *   (`/.well-known/openid-configuration`); a provider that cannot be discovered is a 400 on
 *   `issuer`, nothing is saved.
 * - An email domain belongs to at most one company's SSO (enabled or not): the sign-in page asks
 *   "which provider?" from the typed email's domain alone, so that answer must be unambiguous,
 *   and it never depends on whether an account exists. A domain another company has is a 409.
 * - `required` turns passwords off for the company's members whose email the SSO covers; one
 *   break-glass admin (an active admin of the company, required when `required` is on) keeps
 *   their password for when the provider is down. Password reset mails nobody it would refuse.
 * - Sign-in: authorization code flow with PKCE (S256), state and nonce; the ID token's signature
 *   is checked against the provider's JWKS (openid-client with non-repudiation checks), as are
 *   issuer, audience and expiry. The email in it (not `email_verified: false`) must be an active
 *   or invited member of THAT company; an invited member becomes active. The first sign-in links
 *   the account to the provider's `sub`; later sign-ins must come with the same `sub`.
 * - Each started sign-in is one row in `sso_login_requests` (hashed state, 10 minutes) and a
 *   cookie holding the state in this browser; the first callback consumes it, so a replayed or
 *   foreign callback fails. Every failure is audited as `sso.sign_in_failed` with its reason and
 *   sends the browser to `/sign-in?sso_error=<reason>`.
 */

export const SSO_LOGIN_VALID_MS = 10 * 60 * 1000;
export const MAX_EMAIL_DOMAINS = 50;

/** Why a single sign-on failed: the `sso_error` of the sign-in page and the audited reason. */
export const SSO_FAILURES = [
  "not_configured",
  "invalid_state",
  "idp_error",
  "idp_unreachable",
  "invalid_response",
  "email_missing",
  "email_unverified",
  "not_a_member",
  "account_mismatch",
  "rate_limited",
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

export const CALLBACK_PATH = "/api/v1/auth/sso/callback";

/** What the admin registers at the identity provider as the redirect (callback) URI. */
export function redirectUriFor(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CALLBACK_PATH}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** A problem with an issuer URL, or null when it may be used. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Enter the issuer's URL, e.g. https://login.example.com.";
  }
  if (url.username || url.password) return "The issuer URL must not contain a user name or password.";
  if (url.search || url.hash) return "The issuer URL must not have a query or fragment.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return null;
  return "The issuer must be an https:// URL (http:// only for localhost).";
}

// A DNS name of two or more labels: letters, digits and inner hyphens, as email domains are.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function normaliseEmailDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
}

export function emailDomainProblem(domain: string): string | null {
  return DOMAIN.test(domain) ? null : `“${domain}” is not a valid email domain (e.g. example.com).`;
}

/** The email's domain (lowercased), or null when it has none. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return normaliseEmailDomain(email.slice(at + 1));
}

/** What the sign-in page offers for an email: nothing, a choice, or single sign-on only. */
export function ssoAnswer(config: { enabled: boolean; required: boolean } | undefined) {
  if (!config?.enabled) return "none" as const;
  return config.required ? ("required" as const) : ("available" as const);
}
