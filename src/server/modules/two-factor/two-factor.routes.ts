import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession, setSessionCookie } from "../../plugins/session.js";
import { clientInfo } from "../auth/auth.routes.js";
import { meResponse } from "../auth/auth.schemas.js";
import type { AuthService } from "../auth/auth.service.js";
import type { SignInChallengeService } from "./sign-in-challenge.service.js";
import {
  challengeBody,
  challengeCodeBody,
  codeBody,
  disableBody,
  enrolmentResponse,
  loginTwoFactorBody,
  recoveryCodesResponse,
  toFactor,
  twoFactorStatusResponse,
} from "./two-factor.schemas.js";
import type { TwoFactorService } from "./two-factor.service.js";

/**
 * Two-factor sign-in (TOTP). `/me/two-factor…` is the signed-in person's own authenticator
 * (sessions only, never API tokens); `/auth/login/two-factor…` is the second step after
 * POST /auth/login answered 202 with a challenge. Wrong codes are 400 with `fields.code` or
 * `fields.recoveryCode` and the attempts left; the fifth on a challenge, an expired or a used
 * challenge is 400 INVALID_TOKEN; too many wrong codes for one account is 429 with Retry-After.
 */
export function twoFactorRoutes(
  app: FastifyInstance,
  deps: {
    twoFactor: TwoFactorService;
    challenges: SignInChallengeService;
    auth: AuthService;
    secureCookies: boolean;
  },
): void {
  const { twoFactor, challenges, auth, secureCookies } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["two-factor"];
  const changeErrors = { ...standardErrors, 409: errorResponse, 429: errorResponse };

  r.get(
    "/me/two-factor",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Your two-factor sign-in",
        response: { 200: twoFactorStatusResponse, ...standardErrors },
      },
    },
    async (request) => twoFactor.status(requireActor(request)),
  );

  r.post(
    "/me/two-factor/enrolment",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Start setting up an authenticator app (replaces an unconfirmed one)",
        response: { 200: enrolmentResponse, ...changeErrors },
      },
    },
    async (request) => twoFactor.startEnrolment(requireActor(request)),
  );

  r.post(
    "/me/two-factor/enrolment/confirm",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Turn two-factor sign-in on with a first code; answers the recovery codes, once",
        body: codeBody,
        response: { 200: recoveryCodesResponse, ...changeErrors },
      },
    },
    async (request) => twoFactor.confirmEnrolment(requireActor(request), request.body),
  );

  r.post(
    "/me/two-factor/recovery-codes",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Replace all recovery codes (needs a current code)",
        body: codeBody,
        response: { 200: recoveryCodesResponse, ...changeErrors },
      },
    },
    async (request) => twoFactor.regenerateRecoveryCodes(requireActor(request), request.body),
  );

  r.post(
    "/me/two-factor/disable",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Turn two-factor sign-in off (needs your password and a code or recovery code)",
        body: disableBody,
        response: { 204: z.null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      const { password, ...factor } = request.body;
      await twoFactor.disable(requireActor(request), { password, ...toFactor(factor) });
      return reply.status(204).send(null);
    },
  );

  const challengeErrors = { 400: errorResponse, 409: errorResponse, 429: errorResponse };

  r.post(
    "/auth/login/two-factor",
    {
      schema: {
        tags,
        summary: "Finish signing in with a code or a recovery code",
        body: loginTwoFactorBody,
        response: { 200: meResponse, ...challengeErrors },
      },
    },
    async (request, reply) => {
      const { challenge, ...factor } = request.body;
      const { accountId, token } = await challenges.complete(
        { challenge, ...toFactor(factor) },
        clientInfo(request),
      );
      setSessionCookie(reply, token, secureCookies);
      return auth.describe(accountId);
    },
  );

  r.post(
    "/auth/login/two-factor/enrolment",
    {
      schema: {
        tags,
        summary: "Set up an authenticator while signing in (when the service requires it)",
        body: challengeBody,
        response: { 200: enrolmentResponse, ...challengeErrors },
      },
    },
    async (request) => challenges.startEnrolment(request.body, clientInfo(request)),
  );

  r.post(
    "/auth/login/two-factor/enrolment/confirm",
    {
      schema: {
        tags,
        summary: "Confirm the new authenticator and sign in; answers the recovery codes, once",
        body: challengeCodeBody,
        response: { 200: recoveryCodesResponse, ...challengeErrors },
      },
    },
    async (request, reply) => {
      const { token, recoveryCodes } = await challenges.confirmEnrolment(request.body, clientInfo(request));
      setSessionCookie(reply, token, secureCookies);
      return { recoveryCodes };
    },
  );
}
