import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { RateLimiter } from "./lib/rate-limiter.js";
import { SecretBox } from "./lib/secret-box.js";
import { ApiTokenAuthenticator } from "./modules/api-tokens/api-token-auth.js";
import { apiTokenRoutes } from "./modules/api-tokens/api-tokens.routes.js";
import { ApiTokensService } from "./modules/api-tokens/api-tokens.service.js";
import { auditEventRoutes } from "./modules/audit/audit-events.routes.js";
import { AuditEventsService } from "./modules/audit/audit-events.service.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { type AuthLimits, AuthService, DEFAULT_AUTH_LIMITS } from "./modules/auth/auth.service.js";
import { companyRoutes } from "./modules/companies/companies.routes.js";
import { CompaniesService } from "./modules/companies/companies.service.js";
import { directoryRoutes } from "./modules/directory/directory.routes.js";
import { DirectoryService } from "./modules/directory/directory.service.js";
import {
  endpointActivationAdminRoutes,
  endpointActivationPublicRoutes,
} from "./modules/endpoint-activation/endpoint-activation.routes.js";
import { EndpointActivationService } from "./modules/endpoint-activation/endpoint-activation.service.js";
import { EventApplier } from "./modules/events/event-applier.js";
import { EventIngestService } from "./modules/events/event-ingest.service.js";
import { eventSinkRoutes } from "./modules/events/event-sink.routes.js";
import { eventSinkStatusRoutes } from "./modules/events/event-sink-status.js";
import { DEFAULT_USAGE_MAINTENANCE, UsageMaintenance } from "./modules/events/usage-maintenance.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { infinitySettingsRoutes } from "./modules/infinity-settings/infinity-settings.routes.js";
import { InfinitySettingsService } from "./modules/infinity-settings/infinity-settings.service.js";
import { bulkInvitationRoutes } from "./modules/invitations/bulk-invitations.routes.js";
import { BulkInvitationsService } from "./modules/invitations/bulk-invitations.service.js";
import { companyInvitationRoutes } from "./modules/invitations/company-invitations.routes.js";
import { CompanyInvitationsService } from "./modules/invitations/company-invitations.service.js";
import { invitationRoutes } from "./modules/invitations/invitations.routes.js";
import { InvitationsService } from "./modules/invitations/invitations.service.js";
import { outboxRoutes } from "./modules/mail/outbox.routes.js";
import { meetingConnectRoutes } from "./modules/meeting-connect/meeting-connect.routes.js";
import { MeetingConnectService } from "./modules/meeting-connect/meeting-connect.service.js";
import { VideoSystemQrService } from "./modules/meeting-connect/video-system-qr.service.js";
import { memberRoutes } from "./modules/members/members.routes.js";
import { MembersService } from "./modules/members/members.service.js";
import { partnerRoutes } from "./modules/partners/partners.routes.js";
import { PartnersService } from "./modules/partners/partners.service.js";
import { notFound } from "./modules/policy/policy-answers.js";
import { PolicyCache } from "./modules/policy/policy-cache.js";
import { PolicyRequestLog } from "./modules/policy/policy-request-log.js";
import { registerPolicyServer } from "./modules/policy/policy-server.js";
import { profileRoutes } from "./modules/profile/profile.routes.js";
import { ProfileService } from "./modules/profile/profile.service.js";
import { personalRoomRoutes } from "./modules/rooms/personal-rooms.routes.js";
import { PersonalRoomsService } from "./modules/rooms/personal-rooms.service.js";
import { registerScimServer } from "./modules/scim/scim.routes.js";
import { scimTokenRoutes } from "./modules/scim/scim-tokens.routes.js";
import { ScimTokensService } from "./modules/scim/scim-tokens.service.js";
import { ScimUsersService } from "./modules/scim/scim-users.service.js";
import { serviceSettingsRoutes } from "./modules/service-settings/service-settings.routes.js";
import { ServiceSettingsService } from "./modules/service-settings/service-settings.service.js";
import { setupRoutes } from "./modules/setup/setup.routes.js";
import { SetupService } from "./modules/setup/setup.service.js";
import { OidcClients } from "./modules/sso/oidc-client.js";
import { ssoRoutes } from "./modules/sso/sso.routes.js";
import { SsoSettingsService } from "./modules/sso/sso-settings.service.js";
import { SsoSignInService } from "./modules/sso/sso-sign-in.service.js";
import { OwnTeamRoomsService } from "./modules/team-rooms/own-team-rooms.service.js";
import { teamRoomRoutes } from "./modules/team-rooms/team-rooms.routes.js";
import { TeamRoomsService } from "./modules/team-rooms/team-rooms.service.js";
import { SignInChallengeService } from "./modules/two-factor/sign-in-challenge.service.js";
import { twoFactorRoutes } from "./modules/two-factor/two-factor.routes.js";
import { TwoFactorService } from "./modules/two-factor/two-factor.service.js";
import { usageRoutes } from "./modules/usage/usage.routes.js";
import { UsageService } from "./modules/usage/usage.service.js";
import { BulkVideoSystemsService } from "./modules/video-systems/bulk-video-systems.service.js";
import { videoSystemRoutes } from "./modules/video-systems/video-systems.routes.js";
import { VideoSystemsService } from "./modules/video-systems/video-systems.service.js";
import { registerCsrf } from "./plugins/csrf.js";
import { configureZodMessages, registerErrorHandler } from "./plugins/error-handler.js";
import { registerOpenApi } from "./plugins/openapi.js";
import { registerSessions } from "./plugins/session.js";
import { registerStaticWeb } from "./plugins/static-web.js";

export interface AppOptions {
  config: Config;
  database: Database;
  authLimits?: AuthLimits;
  /** Tests pass false to keep output quiet; main passes pino options. */
  logger?: FastifyServerOptions["logger"];
  /** Timers for housekeeping (default true); tests run it by hand. */
  backgroundJobs?: boolean;
  /** Serve the built web app from dist/web when present (default true). */
  serveWeb?: boolean;
}

export interface ConferoApp {
  app: FastifyInstance;
  services: {
    auth: AuthService;
    setup: SetupService;
    policyCache: PolicyCache;
    eventIngest: EventIngestService;
    usageMaintenance: UsageMaintenance;
  };
}

/** API bodies are small JSON documents; bulk uploads raise this per route. */
const BODY_LIMIT_BYTES = 64 * 1024;

function answerBadUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code !== "FST_ERR_BAD_URL") return reply.send(error);
  if (request.url.startsWith("/policy/v1/")) return reply.code(404).send(notFound("malformed URL").body);
  return reply.code(400).send({ error: { code: "BAD_URL", message: "The URL does not decode." } });
}

/** The one composition root: main.ts and the tests build the same app. */
export async function buildApp(options: AppOptions): Promise<ConferoApp> {
  const { config, database } = options;
  const db = database.db;
  configureZodMessages();

  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    trustProxy: false,
    return503OnClosing: true,
    // A URL that does not decode (`%E0%A4%A`) never reaches a route. Infinity still gets a
    // policy answer it understands (fall back to its own behaviour); everyone else a clear 400.
    frameworkErrors: (error, request, reply) => answerBadUrl(error, request, reply as FastifyReply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Echo the request id so a client can quote it; a callback hook, as this runs on every request.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });

  const auth = new AuthService({
    db,
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    limits: options.authLimits ?? DEFAULT_AUTH_LIMITS,
  });
  const links = { sessionSecret: config.sessionSecret, publicUrl: config.publicUrl };
  // Two-factor sign-in: TOTP secrets are sealed (codes are checked against them); wrong codes
  // are limited per account across the account page and every sign-in challenge.
  const twoFactorDeps = {
    db,
    sessionSecret: config.sessionSecret,
    secrets: new SecretBox(config.sessionSecret, "totp"),
    failures: new RateLimiter((options.authLimits ?? DEFAULT_AUTH_LIMITS).twoFactorFailuresPerAccount),
  };
  const twoFactor = new TwoFactorService(twoFactorDeps);
  const signInChallenges = new SignInChallengeService({ ...twoFactorDeps, auth });
  const setup = new SetupService({ db, ...links });
  // Single sign-on: client secrets are sealed (they are sent to the identity provider).
  const ssoDeps = {
    db,
    ...links,
    oidc: new OidcClients(config.sessionSecret),
    secrets: new SecretBox(config.sessionSecret, "oidc-client-secret"),
  };
  const ssoSettings = new SsoSettingsService(ssoDeps);
  const ssoSignIn = new SsoSignInService({ ...ssoDeps, auth });
  const serviceSettings = new ServiceSettingsService({ db });
  const partners = new PartnersService({ db, ...links });
  const companies = new CompaniesService({ db, ...links });
  const invitations = new InvitationsService({ db, sessionSecret: config.sessionSecret, auth });
  const members = new MembersService({ db, ...links });
  const companyInvitations = new CompanyInvitationsService({ db, ...links });
  const bulkInvitations = new BulkInvitationsService({ db, ...links });
  const personalRooms = new PersonalRoomsService({ db });
  const auditEvents = new AuditEventsService({ db });
  const profile = new ProfileService({ db });
  // API tokens: hashed like sessions; the authenticator resolves `Authorization: Bearer`.
  const apiTokens = new ApiTokensService({ db, sessionSecret: config.sessionSecret });
  const apiTokenAuth = new ApiTokenAuthenticator({ db, sessionSecret: config.sessionSecret });
  const directory = new DirectoryService({ db });
  const teamRooms = new TeamRoomsService({ db });
  const ownTeamRooms = new OwnTeamRoomsService({ db });
  const usage = new UsageService({ db });
  // Video systems' SIP passwords: the registration policy hands them to Infinity, so sealed, not hashed.
  const sipPasswords = new SecretBox(config.sessionSecret, "video-system-sip-password");
  const endpointActivation = new EndpointActivationService({
    db,
    sessionSecret: config.sessionSecret,
    sipPasswords,
    sipRegistrar: config.sipRegistrar ?? null,
  });
  const videoSystemQr = new VideoSystemQrService({ db, publicUrl: config.publicUrl });
  // Pexip Infinity settings (operators' and INFINITY_*/POLICY_*/EVENT_SINK_* variables), cached in memory,
  // and this instance's log of policy requests; both are shared with the policy server below.
  const infinitySettings = new InfinitySettingsService({ db, config });
  const policyRequestLog = new PolicyRequestLog();
  const meetingConnect = new MeetingConnectService({ db, infinity: infinitySettings });
  const videoSystems = new VideoSystemsService({ db });
  const bulkVideoSystems = new BulkVideoSystemsService({ db });

  // What Infinity is told comes from memory, dropped on every change (policy-cache.ts).
  const policyCache = new PolicyCache(db);
  // SCIM provisioning: tokens managed in the session scope, the SCIM server in its own below.
  const scimTokens = new ScimTokensService({ db, ...links });

  registerErrorHandler(app);
  await registerOpenApi(app, config.publicUrl);
  healthRoutes(app, { database });

  // Cookies, CSRF and sessions live in the API's own scope: /healthz and static files skip them.
  await app.register(
    async (api) => {
      await api.register(cookie);
      // JSON only (415 otherwise); routes that take CSV add their own parser.
      api.removeContentTypeParser("text/plain");
      registerCsrf(api, config.secureCookies);
      registerSessions(api, auth, apiTokenAuth);
      authRoutes(api, { auth, secureCookies: config.secureCookies });
      twoFactorRoutes(api, {
        twoFactor,
        challenges: signInChallenges,
        auth,
        secureCookies: config.secureCookies,
      });
      setupRoutes(api, { setup, auth, secureCookies: config.secureCookies });
      ssoRoutes(api, { settings: ssoSettings, signIn: ssoSignIn, secureCookies: config.secureCookies });
      outboxRoutes(api, { db });
      serviceSettingsRoutes(api, { serviceSettings });
      infinitySettingsRoutes(api, { infinitySettings, policyRequestLog });
      eventSinkStatusRoutes(api, { db });
      partnerRoutes(api, { partners });
      companyRoutes(api, { companies });
      invitationRoutes(api, { invitations, secureCookies: config.secureCookies });
      memberRoutes(api, { members });
      companyInvitationRoutes(api, { companyInvitations });
      await bulkInvitationRoutes(api, { bulkInvitations });
      personalRoomRoutes(api, { personalRooms });
      auditEventRoutes(api, { auditEvents });
      profileRoutes(api, { profile });
      apiTokenRoutes(api, { apiTokens });
      directoryRoutes(api, { directory });
      teamRoomRoutes(api, { teamRooms, ownTeamRooms });
      usageRoutes(api, { usage });
      scimTokenRoutes(api, { scimTokens });
      endpointActivationAdminRoutes(api, { activation: endpointActivation });
      meetingConnectRoutes(api, { qr: videoSystemQr, connect: meetingConnect });
      await videoSystemRoutes(api, { videoSystems, bulkVideoSystems });
    },
    { prefix: "/api/v1" },
  );

  // Called by an endpoint or an activation tool, never a browser session: no cookies, no CSRF.
  await app.register(
    async (open) => {
      open.removeContentTypeParser("text/plain");
      endpointActivationPublicRoutes(open, { activation: endpointActivation });
    },
    { prefix: "/api/v1" },
  );
  // SCIM 2.0 for identity providers: bearer tokens of one company, no cookies or CSRF.
  await registerScimServer(app, {
    db,
    sessionSecret: config.sessionSecret,
    baseUrl: scimTokens.scimBaseUrl,
    users: new ScimUsersService({ db, links, baseUrl: scimTokens.scimBaseUrl }),
  });
  // Pexip Infinity's external policy API: basic auth when configured, no cookies or CSRF.
  await registerPolicyServer(app, {
    cache: policyCache,
    database,
    settings: infinitySettings,
    sipPasswords,
    log: policyRequestLog,
  });

  // Pexip Infinity's event sink: call records for company usage.
  const eventApplier = new EventApplier({ cache: policyCache, settings: infinitySettings });
  const eventIngest = new EventIngestService({ db, applier: eventApplier });
  const usageMaintenance = new UsageMaintenance({
    db,
    applier: eventApplier,
    ingest: eventIngest,
    options: {
      sweepAfterHours: config.callLegSweepHours ?? DEFAULT_USAGE_MAINTENANCE.sweepAfterHours,
      retentionMonths: config.usageRetentionMonths ?? DEFAULT_USAGE_MAINTENANCE.retentionMonths,
    },
  });
  await app.register(
    async (sink) => eventSinkRoutes(sink, { ingest: eventIngest, settings: infinitySettings }),
    // Infinity's calls are recorded by the event sink itself; a log line per event would cost more.
    { prefix: "/events/v1", logLevel: "warn" },
  );
  if (options.backgroundJobs !== false) {
    usageMaintenance.start();
    app.addHook("onClose", () => usageMaintenance.stop());
  }
  // Whatever was received is applied before the database closes.
  app.addHook("onClose", () => eventIngest.drain());

  if (options.serveWeb !== false) await registerStaticWeb(app);
  return { app, services: { auth, setup, policyCache, eventIngest, usageMaintenance } };
}
