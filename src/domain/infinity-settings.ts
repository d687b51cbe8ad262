/**
 * Rules for the credentials and addresses the operator enters under "Pexip Infinity": the HTTP
 * basic credentials Infinity sends to the policy API and the event sink, and Infinity's
 * management API. Shared by server and web.
 */

export const CREDENTIAL_USERNAME_MAX = 100;
export const CREDENTIAL_PASSWORD_MIN = 12;
export const CREDENTIAL_PASSWORD_MAX = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

export function normaliseCredentialUsername(input: string): string {
  return input.trim();
}

/** HTTP basic auth puts `username:password` together, so a username cannot hold a colon. */
export function credentialUsernameProblem(username: string): string | null {
  if (username.length === 0) return "Enter a username.";
  if (username.length > CREDENTIAL_USERNAME_MAX) return `Use at most ${CREDENTIAL_USERNAME_MAX} characters.`;
  if (username.includes(":")) return "A username cannot contain a colon (:).";
  if (CONTROL.test(username)) return "Use printable characters only.";
  return null;
}

/** Machine credentials: long, and kept exactly as typed (no trimming). */
export function credentialPasswordProblem(password: string): string | null {
  if (password.length < CREDENTIAL_PASSWORD_MIN) return `Use at least ${CREDENTIAL_PASSWORD_MIN} characters.`;
  if (password.length > CREDENTIAL_PASSWORD_MAX) return `Use at most ${CREDENTIAL_PASSWORD_MAX} characters.`;
  if (CONTROL.test(password)) return "Use printable characters only.";
  return null;
}

/** `https://infinity.example.com/` → `https://infinity.example.com`. */
export function normaliseApiUrl(input: string): string {
  return input.trim().replace(/\/+$/, "");
}

export function apiUrlProblem(url: string): string | null {
  if (url.length === 0) return "Enter the management node's address, e.g. https://infinity.example.com.";
  if (url.length > 500) return "Use at most 500 characters.";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter an http:// or https:// address, e.g. https://infinity.example.com.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return "Enter an http:// or https:// address, e.g. https://infinity.example.com.";
  if (parsed.username || parsed.password)
    return "Leave the username and password out of the address: enter them below.";
  if (parsed.search || parsed.hash) return "Enter the address without ? or # parts.";
  return null;
}
