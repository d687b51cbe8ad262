import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { UnauthenticatedError } from "../errors.js";
import type { BearerRequest } from "../modules/api-tokens/api-token-auth.js";
import type { AccountActor } from "../modules/auth/actor.js";
import { type AuthService, SESSION_ABSOLUTE_MS } from "../modules/auth/auth.service.js";

export const SESSION_COOKIE = "confero_session";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The signed-in account, resolved from the session cookie for every /api request, or from
     * an API token (`Authorization: Bearer`, then `actor.via` says so).
     */
    actor: AccountActor | null;
    sessionToken: string | null;
  }
}

/**
 * Resolves `Authorization` headers (modules/api-tokens/api-token-auth.ts): the actor, or a thrown
 * 401/403/429; as the answer goes out, records the token's use.
 */
export interface BearerAuthenticator {
  authenticate(request: BearerRequest): Promise<AccountActor>;
  recordUse(actor: AccountActor, request: { method: string; path: string }, status: number): Promise<void>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Never reachable with an API token, only with a signed-in session (403 SESSION_REQUIRED). */
    sessionOnly?: boolean;
  }
}

/**
 * A request with an `Authorization` header is authenticated by that header alone: the session
 * cookie is ignored, so a bad or revoked token never falls back to a browser's session (and such
 * requests skip CSRF, plugins/csrf.ts). Without `bearer`, any Authorization header is a 401.
 */
export function registerSessions(
  app: FastifyInstance,
  auth: AuthService,
  bearer?: BearerAuthenticator,
): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      if (!bearer) throw new UnauthenticatedError("API tokens are not accepted here.", "INVALID_API_TOKEN");
      request.actor = await bearer.authenticate({
        authorization,
        method: request.method,
        path: request.url.split("?")[0] ?? request.url,
        routeUrl: request.routeOptions.url,
        sessionOnly: request.routeOptions.config?.sessionOnly === true,
        ip: request.ip,
      });
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await auth.resolveSession(token, request.ip);
    request.sessionToken = request.actor ? token : null;
  });
  if (bearer) {
    // In onSend, not onResponse: the use is on record before the client hears the answer.
    app.addHook("onSend", async (request, reply, payload) => {
      if (!request.actor?.via) return payload;
      const path = request.url.split("?")[0] ?? request.url;
      await bearer
        .recordUse(request.actor, { method: request.method, path }, reply.statusCode)
        .catch((err: unknown) => request.log.error({ err }, "recording an API token's use failed"));
      return payload;
    });
  }
}

export function requireActor(request: FastifyRequest): AccountActor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

/**
 * Route hook (`preValidation: requireSession`): without a session the answer is 401 before the
 * input is even looked at, so a signed-out client never learns what a valid request looks like.
 */
export async function requireSession(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
