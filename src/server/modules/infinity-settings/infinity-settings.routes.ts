import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import type { PolicyRequestLog } from "../policy/policy-request-log.js";
import {
  infinitySettingsBody,
  infinitySettingsResponse,
  policyRequestsQuery,
  policyRequestsResponse,
} from "./infinity-settings.schemas.js";
import { type InfinitySettingsService, listPolicyRequests } from "./infinity-settings.service.js";

export function infinitySettingsRoutes(
  app: FastifyInstance,
  deps: { infinitySettings: InfinitySettingsService; policyRequestLog: PolicyRequestLog },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["operator"];

  r.get(
    "/operator/infinity",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Pexip Infinity settings: policy and event sink credentials, management API (operators)",
        response: { 200: infinitySettingsResponse, ...standardErrors },
      },
    },
    async (request) => deps.infinitySettings.get(requireActor(request)),
  );

  r.patch(
    "/operator/infinity",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change the Pexip Infinity settings; null clears a credential pair (operators)",
        body: infinitySettingsBody,
        response: { 200: infinitySettingsResponse, ...standardErrors },
      },
    },
    async (request) => deps.infinitySettings.update(requireActor(request), request.body),
  );

  r.get(
    "/operator/policy-requests",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The policy requests this instance answered most recently, newest first (operators)",
        querystring: policyRequestsQuery,
        response: { 200: policyRequestsResponse, ...standardErrors },
      },
    },
    async (request) =>
      listPolicyRequests(deps.policyRequestLog, requireActor(request), {
        q: request.query.q,
        limit: request.query.limit,
      }),
  );
}
