import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  activationStatus,
  issuedActivationCode,
  provisioning,
  redeemBody,
  videoSystemParams,
} from "./endpoint-activation.schemas.js";
import type { EndpointActivationService } from "./endpoint-activation.service.js";

const tags = ["endpoint activation"];
const base = "/companies/:companyId/video-systems/:videoSystemId";

/** The admins' side: a system's activation status and new one-time codes (inside /api/v1). */
export function endpointActivationAdminRoutes(
  app: FastifyInstance,
  deps: { activation: EndpointActivationService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `${base}/activation`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "A video system's activation status and whether a code is waiting to be used",
        params: videoSystemParams,
        response: { 200: activationStatus, ...standardErrors },
      },
    },
    async (request) =>
      deps.activation.status(requireActor(request), request.params.companyId, request.params.videoSystemId),
  );

  r.post(
    `${base}/activation-codes`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Issue a one-time activation code (valid 30 days); older codes stop working",
        params: videoSystemParams,
        response: { 201: issuedActivationCode, ...standardErrors },
      },
    },
    async (request, reply) => {
      const issued = await deps.activation.issueCode(
        requireActor(request),
        request.params.companyId,
        request.params.videoSystemId,
      );
      return reply.status(201).send(issued);
    },
  );
}

/**
 * Redeeming a code: called by an endpoint or an activation tool, with no session and therefore
 * no cookies or CSRF token — registered in a scope of its own (app.ts). Rate-limited per IP.
 */
export function endpointActivationPublicRoutes(
  app: FastifyInstance,
  deps: { activation: EndpointActivationService },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/endpoint-activations",
    {
      schema: {
        tags,
        summary: "Redeem an activation code for the video system's SIP settings (no session needed)",
        body: redeemBody,
        response: {
          200: provisioning,
          400: errorResponse,
          404: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const settings = await deps.activation.redeem(request.body.code, { ip: request.ip });
      // A password: never kept by a cache on the way.
      return reply.header("cache-control", "no-store").send(settings);
    },
  );
}
