import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession, setSessionCookie } from "../../plugins/session.js";
import { clientInfo } from "../auth/auth.routes.js";
import { SSO_LOGIN_VALID_MS } from "./sso.policy.js";
import {
  callbackQuery,
  companyParams,
  discoverBody,
  discoverResponse,
  discoveryTestBody,
  discoveryTestResponse,
  saveSsoBody,
  ssoSettingsResponse,
  startQuery,
} from "./sso.schemas.js";
import type { SsoSettingsService } from "./sso-settings.service.js";
import type { SsoSignInService, SsoStep } from "./sso-sign-in.service.js";

/** This browser's started sign-in: the state it must come back with (see sso.policy.ts). */
export const SSO_STATE_COOKIE = "confero_sso_state";
const SSO_COOKIE_PATH = "/api/v1/auth/sso";

/**
 * Single sign-on. Company admins: GET/PUT/DELETE /companies/{companyId}/sso and POST
 * .../sso/discovery-test. Sign-in: POST /auth/sso/discover {email}, then the browser navigates to
 * GET /auth/sso/start?email=… (302 to the provider) and comes back to GET /auth/sso/callback
 * (302 to / signed in, or to /sign-in?sso_error=<reason>).
 */
export function ssoRoutes(
  app: FastifyInstance,
  deps: { settings: SsoSettingsService; signIn: SsoSignInService; secureCookies: boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings, signIn, secureCookies } = deps;
  const tags = ["single sign-on"];
  const base = "/companies/:companyId/sso";

  r.get(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary:
          "The company's OpenID Connect settings (never the client secret), its redirect URI and admins",
        params: companyParams,
        response: { 200: ssoSettingsResponse, ...standardErrors },
      },
    },
    async (request) => settings.get(requireActor(request), request.params.companyId),
  );

  r.put(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Set up the company's identity provider (its discovery document is fetched and checked)",
        params: companyParams,
        body: saveSsoBody,
        response: { 200: ssoSettingsResponse, ...standardErrors, 409: errorResponse },
      },
    },
    async (request) => settings.save(requireActor(request), request.params.companyId, request.body),
  );

  r.delete(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Remove single sign-on: members sign in with their passwords again",
        params: companyParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await settings.remove(requireActor(request), request.params.companyId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    `${base}/discovery-test`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Fetch an issuer's discovery document and show its endpoints (changes nothing)",
        params: companyParams,
        body: discoveryTestBody,
        response: { 200: discoveryTestResponse, ...standardErrors },
      },
    },
    async (request) => settings.testDiscovery(requireActor(request), request.params.companyId, request.body),
  );

  r.post(
    "/auth/sso/discover",
    {
      schema: {
        tags,
        summary: "Whether an email signs in through single sign-on (from its domain only, not its account)",
        body: discoverBody,
        response: { 200: discoverResponse, 400: errorResponse },
      },
    },
    async (request) => signIn.discover(request.body.email),
  );

  r.get(
    "/auth/sso/start",
    {
      schema: {
        tags,
        summary: "Start single sign-on: 302 to the identity provider (PKCE, state, nonce, login_hint)",
        querystring: startQuery,
      },
    },
    async (request, reply) => {
      const step = await signIn.start(request.query.email, clientInfo(request));
      return redirect(reply, step);
    },
  );

  r.get(
    "/auth/sso/callback",
    {
      schema: {
        tags,
        summary: "The identity provider's redirect back: 302 to / signed in, or to /sign-in?sso_error=",
        querystring: callbackQuery,
      },
    },
    async (request, reply) => {
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
      const step = await signIn.callback(
        query,
        request.cookies[SSO_STATE_COOKIE] ?? null,
        clientInfo(request),
      );
      reply.clearCookie(SSO_STATE_COOKIE, {
        path: SSO_COOKIE_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
      });
      return redirect(reply, step);
    },
  );

  function redirect(reply: FastifyReply, step: SsoStep) {
    if (step.state) {
      reply.setCookie(SSO_STATE_COOKIE, step.state, {
        path: SSO_COOKIE_PATH,
        httpOnly: true,
        // Lax: sent on the provider's top-level redirect back to the callback, not on cross-site posts.
        sameSite: "lax",
        secure: secureCookies,
        maxAge: SSO_LOGIN_VALID_MS / 1000,
      });
    }
    if (step.sessionToken) setSessionCookie(reply, step.sessionToken, secureCookies);
    return reply.header("cache-control", "no-store").redirect(step.location, 302);
  }
}
