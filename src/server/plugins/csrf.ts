import type {} from "@fastify/cookie";
import type { FastifyInstance } from "fastify";
import { ForbiddenError } from "../errors.js";
import { newToken, safeEqual } from "../lib/tokens.js";

export const CSRF_COOKIE = "csrf_token";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Double-submit CSRF protection for the cookie-authenticated API: the server sets a readable
 * `csrf_token` cookie, and every state-changing /api request must echo it in `X-CSRF-Token`.
 * Another site can make the browser send our cookies but cannot read them to set the header.
 * Requests authenticated with `Authorization` carry no ambient credentials and need none.
 */
export function registerCsrf(app: FastifyInstance, secure: boolean): void {
  app.addHook("onRequest", async (request, reply) => {
    const cookie = request.cookies[CSRF_COOKIE];
    if (!cookie) {
      reply.setCookie(CSRF_COOKIE, newToken(), { path: "/", httpOnly: false, sameSite: "lax", secure });
    }
    if (SAFE_METHODS.has(request.method) || request.headers.authorization) return;
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== "string" || !safeEqual(cookie, header)) {
      throw new ForbiddenError(
        "Missing or wrong CSRF token: send the csrf_token cookie's value in the X-CSRF-Token header. Reload the page and try again.",
        "CSRF_FAILED",
      );
    }
  });
}
