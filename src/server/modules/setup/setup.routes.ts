import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  domainProblem,
  normaliseDomain,
  normaliseVmrSuffix,
  vmrSuffixProblem,
} from "../../../domain/service-settings.js";
import { email, errorResponse, fullName, newPassword } from "../../lib/http-schemas.js";
import { setSessionCookie } from "../../plugins/session.js";
import { clientInfo } from "../auth/auth.routes.js";
import { meResponse } from "../auth/auth.schemas.js";
import type { AuthService } from "../auth/auth.service.js";
import type { SetupService } from "./setup.service.js";

const setupBody = z.strictObject({
  token: z.string().min(1, "Required.").max(200, "Too long."),
  serviceName: z.string().trim().min(1, "Required.").max(100, "Use at most 100 characters."),
  serviceDomain: z
    .string()
    .transform(normaliseDomain)
    .superRefine((value, ctx) => {
      const problem = domainProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  vmrSuffix: z
    .string()
    .transform(normaliseVmrSuffix)
    .superRefine((value, ctx) => {
      const problem = vmrSuffixProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  operator: z.strictObject({ fullName, email, password: newPassword }),
});

export function setupRoutes(
  app: FastifyInstance,
  deps: { setup: SetupService; auth: AuthService; secureCookies: boolean },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["setup"];

  r.get(
    "/setup/status",
    {
      schema: {
        tags,
        summary: "Whether first-run setup is still to be done",
        response: { 200: z.object({ setupRequired: z.boolean() }) },
      },
    },
    async () => ({ setupRequired: await deps.setup.isSetupRequired() }),
  );

  r.get(
    "/setup/:token",
    {
      schema: {
        tags,
        summary: "Check a one-time setup link",
        params: z.object({ token: z.string().max(200) }),
        response: { 200: z.object({ valid: z.literal(true) }), 404: errorResponse },
      },
    },
    async (request) => {
      await deps.setup.checkSetupToken(request.params.token);
      return { valid: true as const };
    },
  );

  r.post(
    "/setup",
    {
      schema: {
        tags,
        summary: "Finish first-run setup: name the service and create the first operator",
        body: setupBody,
        response: { 201: meResponse, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const client = clientInfo(request);
      const account = await deps.setup.completeSetup(request.body, client);
      const token = await deps.auth.startSession(account.id, client);
      setSessionCookie(reply, token, deps.secureCookies);
      return reply.status(201).send(await deps.auth.describe(account.id));
    },
  );
}
