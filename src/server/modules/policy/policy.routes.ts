import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { BasicCredentials } from "../../config.js";
import { errorResponse } from "../../lib/http-schemas.js";
import { policyAuthHook } from "./policy-auth.js";
import type { RegistrationPolicyService } from "./registrations.service.js";

/** Infinity may repeat a parameter; the first value counts, and odd shapes are ignored, not refused. */
const firstString = z
  .unknown()
  .optional()
  .transform((value) => (Array.isArray(value) ? value.find((v) => typeof v === "string") : value))
  .transform((value) => (typeof value === "string" ? value : undefined));

const registrationQuery = z.looseObject({
  protocol: firstString,
  remote_address: firstString,
  auth_type: firstString,
});

const registrationAnswer = z
  .object({
    status: z.literal("success"),
    action: z.enum(["continue", "reject"]).optional(),
    reason: z.string().optional(),
    result: z.object({ username: z.string(), password: z.string() }).partial(),
  })
  .meta({ id: "PolicyRegistrationAnswer" });

/**
 * Pexip Infinity's external policy API (pexip-infinity.md §1), outside /api/v1: no cookies, no
 * CSRF, optional basic auth. Registered in its own scope with the prefix /policy/v1.
 */
export function policyRoutes(
  app: FastifyInstance,
  deps: { registrations: RegistrationPolicyService; credentials: BasicCredentials | null | undefined },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook("onRequest", policyAuthHook(deps.credentials));
  r.get(
    // A wildcard, not `:alias`: path parameters stop at 100 characters, and a long alias with
    // `;transport=…` must still be answered rather than fall through to a 404.
    "/registrations/*",
    {
      schema: {
        tags: ["policy (Pexip Infinity)"],
        summary: "Registration alias request: may a device register as this alias, with which credentials",
        params: z.object({ "*": z.string() }),
        querystring: registrationQuery,
        response: { 200: registrationAnswer, 401: errorResponse },
      },
    },
    async (request) => deps.registrations.registration(request.params["*"], request.query),
  );
}
