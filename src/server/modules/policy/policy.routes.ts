import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../lib/http-schemas.js";
import type { DirectoryPolicy } from "./directory-policy.service.js";
import type { ParticipantPropertiesPolicy } from "./participant-properties.service.js";
import { notFound, type PolicyAnswer } from "./policy-answers.js";
import { policyAuthHook } from "./policy-auth.js";
import type { PolicyRequestLog } from "./policy-request-log.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import type { RegistrationPolicy } from "./registrations.service.js";
import type { ServiceConfigurationPolicy } from "./service-configuration.service.js";

/**
 * The schemas below document the policy API (OpenAPI); they are not run. Infinity asks on every
 * call, and validating and re-serialising with zod took a tenth of each answer's time, for input
 * that is read defensively anyway: `firstOf` takes what it needs from the raw query.
 */
const firstString = z.string().optional();

/** Infinity may repeat a parameter; the first value counts, and odd shapes count as absent. */
function firstOf(query: unknown, key: string): string | undefined {
  const value =
    typeof query === "object" && query !== null ? (query as Record<string, unknown>)[key] : undefined;
  const first = Array.isArray(value) ? value.find((v) => typeof v === "string") : value;
  return typeof first === "string" ? first : undefined;
}

const callParams = (query: unknown) => ({
  local_alias: firstOf(query, "local_alias"),
  remote_alias: firstOf(query, "remote_alias"),
  call_direction: firstOf(query, "call_direction"),
  service_name: firstOf(query, "service_name"),
  registered: firstOf(query, "registered"),
});

/** Only the parameters Confero reads are named; Infinity's many others pass unread. */
const callQuery = z.looseObject({
  local_alias: firstString,
  remote_alias: firstString,
  call_direction: firstString,
  service_name: firstString,
  registered: firstString,
});
const directoryQuery = z.looseObject({ q: firstString, registration_alias: firstString, limit: firstString });
const registrationQuery = z.looseObject({ auth_type: firstString });

const answerBase = {
  status: z.enum(["success", "fail"]),
  action: z.enum(["continue", "reject"]).optional(),
  reason: z.string().optional().meta({ description: "Why Confero refused or fell back (Infinity logs it)." }),
};
const policyAnswer = z
  .object({ ...answerBase, result: z.record(z.string(), z.unknown()) })
  .meta({ id: "PolicyAnswer" });
const directoryAnswer = z
  .object({
    status: z.literal("success"),
    result: z.array(z.object({ username: z.string(), alias: z.string(), description: z.string() })),
  })
  .meta({ id: "PolicyDirectoryAnswer" });

const tags = ["policy (Pexip Infinity)"];
const JSON_TYPE = "application/json; charset=utf-8";
const answered = { 200: policyAnswer, 404: policyAnswer, 401: errorResponse };

export interface PolicyRouteDeps {
  serviceConfiguration: ServiceConfigurationPolicy;
  participantProperties: ParticipantPropertiesPolicy;
  directory: DirectoryPolicy;
  registrations: RegistrationPolicy;
  settings: PolicySettingsSource;
  log: PolicyRequestLog;
}

/**
 * Pexip Infinity's external policy API (pexip-infinity.md §1), outside /api/v1: no cookies, no
 * CSRF, basic auth when configured. Registered in its own scope with the prefix /policy/v1.
 * Media location and avatars are deliberately not Confero's: both answer 404, on which Infinity
 * uses its own media locations and its own avatar behaviour.
 */
export function policyRoutes(app: FastifyInstance, deps: PolicyRouteDeps): void {
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const answers = new WeakMap<FastifyRequest, unknown>();
  const send = <T>(request: FastifyRequest, answer: PolicyAnswer<T>) => {
    answers.set(request, answer.body);
    return answer;
  };
  r.addHook("onRequest", policyAuthHook(deps.settings));
  // The operators' request log: what was asked, what Confero answered, how long it took.
  r.addHook("onResponse", (request, reply, done) => {
    const url = request.url;
    const mark = url.indexOf("?");
    deps.log.record({
      atMs: Date.now(),
      path: mark < 0 ? url : url.slice(0, mark),
      query: mark < 0 ? "" : url.slice(mark + 1),
      status: reply.statusCode,
      answer: answers.get(request) ?? null,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    });
    done();
  });

  r.get(
    "/service/configuration",
    {
      schema: {
        tags,
        summary: "Service configuration: which room, gateway or refusal this dialled address reaches",
        querystring: callQuery,
        response: answered,
      },
    },
    async (request, reply) => {
      const answer = send(request, await deps.serviceConfiguration.answer(callParams(request.query)));
      reply.code(answer.statusCode);
      // A string with a JSON content type is sent as it is (Fastify serialises only objects).
      // (The typed reply only knows the schema's object shape.)
      if (answer.json) return (reply as FastifyReply).type(JSON_TYPE).send(answer.json);
      return reply.send(answer.body);
    },
  );

  r.get(
    "/participant/properties",
    {
      schema: {
        tags,
        summary: "Participant properties: a room's owner joins as chair without the PIN",
        querystring: callQuery,
        response: answered,
      },
    },
    async (request) => send(request, await deps.participantProperties.answer(callParams(request.query))).body,
  );

  const leftToInfinity = (what: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = send(request, notFound(`${what} are left to Infinity's own configuration`));
    return reply.code(answer.statusCode).send(answer.body);
  };
  r.get(
    "/participant/location",
    {
      schema: { tags, summary: "Media location: not Confero's — 404, Infinity decides", response: answered },
    },
    leftToInfinity("media locations"),
  );
  r.get(
    "/participant/avatar/*",
    {
      schema: {
        tags,
        summary: "Participant avatar: not Confero's — 404, Infinity decides",
        response: answered,
      },
    },
    leftToInfinity("avatars"),
  );

  r.get(
    "/registrations",
    {
      schema: {
        tags,
        summary: "Directory information: the searcher's company's people, rooms and video systems",
        querystring: directoryQuery,
        response: { 200: directoryAnswer, 401: errorResponse },
      },
    },
    async (request) => {
      const answer = await deps.directory.answer({
        q: firstOf(request.query, "q"),
        registration_alias: firstOf(request.query, "registration_alias"),
        limit: firstOf(request.query, "limit"),
      });
      answers.set(request, answer);
      return answer;
    },
  );

  r.get(
    // A wildcard, not `:alias`: path parameters stop at 100 characters, and a long alias with
    // `;transport=…` must still be answered rather than fall through to a 404.
    "/registrations/*",
    {
      schema: {
        tags,
        summary: "Registration alias: may a device register as this alias, with which credentials",
        params: z.object({ "*": z.string() }),
        querystring: registrationQuery,
        response: { 200: policyAnswer, 401: errorResponse },
      },
    },
    async (request) =>
      send(
        request,
        await deps.registrations.answer(request.params["*"], {
          auth_type: firstOf(request.query, "auth_type"),
        }),
      ).body,
  );
}
