import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { clearSessionCookie, requireActor, setSessionCookie } from "../../plugins/session.js";
import { twoFactorChallengeResponse } from "../two-factor/two-factor.schemas.js";
import {
  changePasswordBody,
  loginBody,
  meResponse,
  passwordResetConfirmBody,
  passwordResetRequestBody,
} from "./auth.schemas.js";
import type { AuthService, ClientInfo } from "./auth.service.js";

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers["user-agent"] ?? null };
}

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean }): void {
  const { auth, secureCookies } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];

  r.post(
    "/auth/login",
    {
      schema: {
        tags,
        summary: "Sign in with email or video address and password",
        body: loginBody,
        response: {
          200: meResponse,
          // The password was right; finish at /auth/login/two-factor (two-factor module).
          202: twoFactorChallengeResponse,
          400: errorResponse,
          401: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const result = await auth.signIn(request.body, clientInfo(request));
      if ("secondFactor" in result) return reply.status(202).send(result.secondFactor);
      setSessionCookie(reply, result.token, secureCookies);
      return auth.describe(result.account.id);
    },
  );

  r.post(
    "/auth/logout",
    { schema: { tags, summary: "Sign out this session", response: { 204: z.null(), 403: errorResponse } } },
    async (request, reply) => {
      if (request.sessionToken) await auth.signOut(request.sessionToken);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/me",
    { schema: { tags, summary: "The signed-in account", response: { 200: meResponse, 401: errorResponse } } },
    async (request) => auth.describe(requireActor(request).accountId),
  );

  r.post(
    "/me/password",
    {
      schema: {
        tags,
        summary: "Change your password (signs out every other session)",
        body: changePasswordBody,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      const token = await auth.changePassword(requireActor(request), request.body, clientInfo(request));
      setSessionCookie(reply, token, secureCookies);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/auth/password-reset",
    {
      schema: {
        tags,
        summary: "Email a password reset link (same answer whether or not the email exists)",
        body: passwordResetRequestBody,
        response: { 202: z.object({ ok: z.literal(true) }), 400: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(request.body, clientInfo(request));
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    "/auth/password-reset/confirm",
    {
      schema: {
        tags,
        summary: "Set a new password with a reset link's token",
        body: passwordResetConfirmBody,
        response: { 204: z.null(), 400: errorResponse },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(request.body, clientInfo(request));
      return reply.status(204).send(null);
    },
  );
}
