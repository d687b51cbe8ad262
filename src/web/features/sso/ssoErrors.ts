/** What the sign-in page says for each `sso_error` the server sends the browser back with. */
const MESSAGES: Record<string, string> = {
  not_configured: "Single sign-on is not set up for this email address. Sign in with your password.",
  invalid_state:
    "This single sign-on attempt has expired, was already used, or was started in another browser. Start again.",
  idp_error: "Your identity provider did not sign you in. Try again, or ask your administrator.",
  idp_unreachable: "Your identity provider could not be reached. Try again in a moment.",
  invalid_response:
    "Your identity provider's answer could not be verified, so you were not signed in. Start again; if it keeps happening, tell your administrator.",
  email_missing: "Your identity provider did not tell us your email address. Ask your administrator.",
  email_unverified: "Your identity provider has not verified your email address.",
  not_a_member:
    "Your identity provider signed you in, but that email is not a member of the company. Ask your administrator to invite you.",
  account_mismatch:
    "Your account is linked to a different identity at your identity provider. Ask your administrator.",
  rate_limited: "Too many single sign-on attempts. Wait a few minutes and try again.",
};

export function ssoErrorMessage(code: string): string {
  return MESSAGES[code] ?? "Single sign-on did not work. Try again.";
}
