import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import { serviceSettingsBody, serviceSettingsResponse } from "./service-settings.schemas.js";
import type { ServiceSettingsService } from "./service-settings.service.js";

export function serviceSettingsRoutes(
  app: FastifyInstance,
  deps: { serviceSettings: ServiceSettingsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service"];

  r.get(
    "/service/settings",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The service's name, domains and default VMR suffix (operators)",
        response: { 200: serviceSettingsResponse, ...standardErrors },
      },
    },
    async (request) => deps.serviceSettings.get(requireActor(request)),
  );

  r.patch(
    "/service/settings",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change the service's name, domains or default VMR suffix (operators)",
        body: serviceSettingsBody,
        response: { 200: serviceSettingsResponse, ...standardErrors, 409: errorResponse },
      },
    },
    async (request) => deps.serviceSettings.update(requireActor(request), request.body),
  );
}
