import type { Db } from "../../db/client.js";
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from "../../errors.js";
import { type LimitRule, RateLimiter } from "../../lib/rate-limiter.js";
import { hashToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { toActor } from "../auth/auth.service.js";
import {
  bearerCredential,
  isReadRequest,
  isSessionOnlyRoute,
  ownerStillEligible,
  scopeAllows,
  tokenPrefix,
  tokenStatus,
} from "./api-tokens.policy.js";
import {
  type ApiTokenRow,
  findTokenByHash,
  insertAnonymousAudit,
  touchToken,
} from "./api-tokens.repository.js";

/**
 * `Authorization: Bearer cfo_…` on /api/v1 (called from plugins/session.ts for every request
 * that carries an Authorization header; the session cookie is then ignored, never a fallback).
 *
 * - Refused (401, `WWW-Authenticate: Bearer realm="confero", error="invalid_token"`, code
 *   INVALID_API_TOKEN): a malformed, unknown, revoked or expired token, or one whose owner is no
 *   longer active or no longer an admin. Another scheme than Bearer: the same with
 *   error="invalid_request". Each refusal is audited (`api_token.rejected`, with the token's
 *   display prefix when it has our shape, never the token) and counts against the caller's IP:
 *   after FAILURES_PER_IP refusals in the window the IP gets 429 without further checks (or
 *   audit rows — the flood is bounded by the limit).
 * - Forbidden (403, audited as `api_token.refused`): a `read` token on anything but GET/HEAD
 *   (INSUFFICIENT_SCOPE); any token on a session-only route (SESSION_REQUIRED).
 * - Accepted: the request acts as the owner (their role now) with `actor.via` set. CSRF does not
 *   apply (plugins/csrf.ts): a bearer header is never sent by a browser on its own.
 * - Every use is audited as `api_token.used` {method, path, status} — every state-changing
 *   request, whatever its outcome; reads at most once per token per READ_AUDIT_INTERVAL_MS (in
 *   this process), so a polling script does not bury the log. Last used time and IP are written
 *   at most once a minute per token, or at once when the IP changes.
 */
export interface ApiTokenLimits {
  failuresPerIp: LimitRule;
}

export const DEFAULT_API_TOKEN_LIMITS: ApiTokenLimits = {
  failuresPerIp: { limit: 20, windowSeconds: 15 * 60 },
};

export const READ_AUDIT_INTERVAL_MS = 15 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface BearerRequest {
  authorization: string;
  method: string;
  /** The URL without its query string. */
  path: string;
  /** The matched route's pattern (`/api/v1/companies/:companyId/members`), if any. */
  routeUrl: string | undefined;
  /** The route's `config.sessionOnly`. */
  sessionOnly: boolean;
  ip: string | null;
}

type Rejection = "malformed" | "not_bearer" | "unknown" | "revoked" | "expired" | "owner_not_allowed";

const REJECTION_MESSAGES: Record<Rejection, string> = {
  malformed: "The API token is not valid. Send it as `Authorization: Bearer cfo_…`.",
  not_bearer: "Only `Authorization: Bearer` with an API token is accepted here.",
  unknown: "The API token is not valid.",
  revoked: "This API token has been revoked.",
  expired: "This API token has expired. Create a new one on your profile page.",
  owner_not_allowed: "This API token's owner can no longer use API tokens.",
};

export class ApiTokenAuthenticator {
  private readonly failuresPerIp: RateLimiter;
  private readonly readAuditedAt = new Map<string, number>();

  constructor(
    private readonly deps: { db: Db; sessionSecret: string; limits?: ApiTokenLimits },
    private readonly now: () => number = Date.now,
  ) {
    this.failuresPerIp = new RateLimiter((deps.limits ?? DEFAULT_API_TOKEN_LIMITS).failuresPerIp, now);
  }

  /** The token's owner as the actor of this request; throws 401, 403 or 429 otherwise. */
  async authenticate(request: BearerRequest): Promise<AccountActor> {
    const ipKey = request.ip ?? "unknown";
    const wait = this.failuresPerIp.blockedFor(ipKey);
    if (wait > 0) throw new RateLimitedError(wait);

    const credential = bearerCredential(request.authorization);
    if (!credential)
      return this.reject(request, /^bearer\b/i.test(request.authorization) ? "malformed" : "not_bearer");
    const prefix = tokenPrefix(credential);
    if (!prefix) return this.reject(request, "malformed");
    const found = await findTokenByHash(this.deps.db, hashToken(this.deps.sessionSecret, credential));
    if (!found) return this.reject(request, "unknown", { prefix });

    const { token, account } = found;
    const status = tokenStatus(token, new Date(this.now()));
    if (status !== "active") return this.reject(request, status, { prefix, token, owner: account });
    if (!ownerStillEligible(account)) {
      return this.reject(request, "owner_not_allowed", { prefix, token, owner: account });
    }

    const actor: AccountActor = {
      ...toActor(account, request.ip),
      via: { type: "api_token", tokenId: token.id, scope: token.scope },
    };
    if (request.sessionOnly || isSessionOnlyRoute(request.routeUrl)) {
      await this.refuse(actor, token, request, "session_only");
      throw new ForbiddenError(
        "This can only be done when signed in to Confero, not with an API token.",
        "SESSION_REQUIRED",
      );
    }
    if (!scopeAllows(token.scope, request.method)) {
      await this.refuse(actor, token, request, "insufficient_scope");
      throw new ForbiddenError(
        "This API token may only read (GET). Use a token with the write scope to make changes.",
        "INSUFFICIENT_SCOPE",
      );
    }
    await this.touch(token, request.ip);
    return actor;
  }

  /** As the answer goes out: the audit record of a token's use (see the header for which are kept). */
  async recordUse(
    actor: AccountActor,
    request: { method: string; path: string },
    status: number,
  ): Promise<void> {
    const via = actor.via;
    if (!via) return;
    if (isReadRequest(request.method)) {
      const last = this.readAuditedAt.get(via.tokenId);
      if (last !== undefined && this.now() - last < READ_AUDIT_INTERVAL_MS) return;
      this.readAuditedAt.set(via.tokenId, this.now());
      if (this.readAuditedAt.size > 10_000) this.forgetOldReads();
    }
    await recordAudit(this.deps.db, actor, {
      action: "api_token.used",
      target: { type: "api_token", id: via.tokenId },
      companyId: actor.companyId,
      after: { method: request.method, path: request.path, status, scope: via.scope },
    });
  }

  private async reject(
    request: BearerRequest,
    reason: Rejection,
    known: { prefix?: string; token?: ApiTokenRow; owner?: Parameters<typeof toActor>[0] } = {},
  ): Promise<never> {
    this.failuresPerIp.hit(request.ip ?? "unknown");
    const after = { reason, prefix: known.prefix ?? null, method: request.method, path: request.path };
    if (known.token && known.owner) {
      await recordAudit(this.deps.db, toActor(known.owner, request.ip), {
        action: "api_token.rejected",
        target: { type: "api_token", id: known.token.id },
        companyId: known.token.companyId,
        after,
      });
    } else {
      await insertAnonymousAudit(this.deps.db, { action: "api_token.rejected", ip: request.ip, after });
    }
    const error = new UnauthenticatedError(REJECTION_MESSAGES[reason], "INVALID_API_TOKEN");
    const code = reason === "not_bearer" ? "invalid_request" : "invalid_token";
    error.headers["www-authenticate"] = `Bearer realm="confero", error="${code}"`;
    throw error;
  }

  private async refuse(
    actor: AccountActor,
    token: ApiTokenRow,
    request: BearerRequest,
    reason: "session_only" | "insufficient_scope",
  ): Promise<void> {
    await recordAudit(this.deps.db, actor, {
      action: "api_token.refused",
      target: { type: "api_token", id: token.id },
      companyId: token.companyId,
      after: { reason, scope: token.scope, method: request.method, path: request.path },
    });
  }

  private async touch(token: ApiTokenRow, ip: string | null): Promise<void> {
    const now = this.now();
    const stale = !token.lastUsedAt || now - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS;
    if (stale || token.lastUsedIp !== ip) await touchToken(this.deps.db, token.id, new Date(now), ip);
  }

  private forgetOldReads(): void {
    const cutoff = this.now() - READ_AUDIT_INTERVAL_MS;
    for (const [tokenId, at] of this.readAuditedAt) if (at < cutoff) this.readAuditedAt.delete(tokenId);
  }
}
