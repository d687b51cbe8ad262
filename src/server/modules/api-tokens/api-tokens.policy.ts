import { randomBytes } from "node:crypto";
import type { AccountRow } from "../auth/accounts.repository.js";
import type { AccountActor } from "../auth/actor.js";

/**
 * API tokens — the rules (issue 8, item 3). Pure: no I/O here.
 *
 * - Who: company admins (kind "member", role "admin") and partner admins own tokens. Members
 *   and operators do not (operators run the whole service; a leaked operator token would be
 *   the worst possible leak, and the issue names the two admin kinds only): 403.
 * - What: `cfo_` + 43 base64url characters (256 random bits). Only its keyed hash
 *   (`hashToken(sessionSecret, token)`) is stored; the secret is shown once, at creation. The
 *   display prefix is `cfo_` + the first 8 characters, enough to tell tokens apart in lists and
 *   audit events, useless for guessing.
 * - Named (1–100 characters, unique among the account's live tokens, case-insensitively),
 *   scoped `read` (GET/HEAD only) or `write` (everything the role allows), expiring after
 *   1–365 days (the account's choice), revocable by its owner at any time. At most
 *   MAX_LIVE_TOKENS live tokens per account.
 * - A token acts as its owner, with the owner's role *now*: a demoted, suspended or deleted
 *   owner's tokens stop working at once (checked on every request, not at creation).
 * - Sessions only: creating, listing and revoking tokens, the password, two-factor sign-in,
 *   sign-in/out, setup and invitation links, a company's SCIM and SSO settings
 *   (`isSessionOnlyRoute`): 403 SESSION_REQUIRED. A leaked token must not be
 *   able to mint more tokens or lock its owner out.
 */
export const TOKEN_PREFIX = "cfo_";
const TOKEN_BODY = /^[A-Za-z0-9_-]{43}$/;
const DISPLAY_CHARS = 8;

export const MAX_LIVE_TOKENS = 20;
export const MAX_EXPIRY_DAYS = 365;
export const NAME_MAX_LENGTH = 100;

export type TokenScope = "read" | "write";

export function newApiToken(): { token: string; prefix: string } {
  const body = randomBytes(32).toString("base64url");
  return { token: `${TOKEN_PREFIX}${body}`, prefix: `${TOKEN_PREFIX}${body.slice(0, DISPLAY_CHARS)}` };
}

/** The display prefix of something shaped like one of our tokens, or null (then it is not one). */
export function tokenPrefix(candidate: string): string | null {
  if (!candidate.startsWith(TOKEN_PREFIX)) return null;
  const body = candidate.slice(TOKEN_PREFIX.length);
  return TOKEN_BODY.test(body) ? `${TOKEN_PREFIX}${body.slice(0, DISPLAY_CHARS)}` : null;
}

/** `Authorization: Bearer <token>` → the token; anything else (another scheme, empty) → null. */
export function bearerCredential(header: string): string | null {
  const match = /^Bearer +([^\s]+) *$/i.exec(header);
  return match?.[1] ?? null;
}

type Owner = Pick<AccountActor, "kind" | "role"> | Pick<AccountRow, "kind" | "role">;

export function mayOwnTokens(owner: Owner): boolean {
  return owner.kind === "partner_admin" || (owner.kind === "member" && owner.role === "admin");
}

/** Whether the owner can still use a token: active, and still one of the admins who may own them. */
export function ownerStillEligible(owner: Pick<AccountRow, "kind" | "role" | "status">): boolean {
  return owner.status === "active" && mayOwnTokens(owner);
}

const READ_METHODS = new Set(["GET", "HEAD"]);

export function isReadRequest(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

export function scopeAllows(scope: TokenScope, method: string): boolean {
  return scope === "write" || isReadRequest(method);
}

/**
 * Routes (Fastify route patterns under /api/v1) a token never reaches, whatever its scope:
 * the account's own credentials, and a company's identity settings (SCIM tokens, single sign-on),
 * where a token could mint other credentials. A route of any module can also opt out with
 * `config: { sessionOnly: true }`.
 */
const SESSION_ONLY_ROUTES = [
  /^\/api\/v1\/auth\//,
  /^\/api\/v1\/setup(\/|$)/,
  /^\/api\/v1\/invitations\//,
  /^\/api\/v1\/me\/(password|api-tokens|two-factor|sessions)(\/|$)/,
  /^\/api\/v1\/companies\/:[A-Za-z]+\/(scim|sso)/,
];

export function isSessionOnlyRoute(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && SESSION_ONLY_ROUTES.some((pattern) => pattern.test(routeUrl));
}

export type TokenStatus = "active" | "expired" | "revoked";

export function tokenStatus(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
