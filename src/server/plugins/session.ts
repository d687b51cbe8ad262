import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { UnauthenticatedError } from "../errors.js";
import type { AccountActor } from "../modules/auth/actor.js";
import { type AuthService, SESSION_ABSOLUTE_MS } from "../modules/auth/auth.service.js";

export const SESSION_COOKIE = "confero_session";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in account, resolved from the session cookie for every /api request. */
    actor: AccountActor | null;
    sessionToken: string | null;
  }
}

export function registerSessions(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.actor = await auth.resolveSession(token, request.ip);
    request.sessionToken = request.actor ? token : null;
  });
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
