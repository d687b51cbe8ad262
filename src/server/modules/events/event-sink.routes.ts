import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { UnauthenticatedError } from "../../errors.js";
import { errorResponse } from "../../lib/http-schemas.js";
import { parseBasic } from "../policy/policy-auth.js";
import type { CredentialCheck } from "../policy/policy-settings.js";
import type { EventIngestService } from "./event-ingest.service.js";

export interface EventSinkSettingsSource {
  current(): Promise<{ eventSinkAuth: CredentialCheck | null }>;
}

/** A bulk envelope from a node with a backlog: thousands of events, each a few hundred bytes. */
const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const ingestAnswer = z
  .object({
    status: z.literal("ok"),
    received: z.number(),
    accepted: z.number(),
    duplicates: z.number(),
    rejected: z.number(),
  })
  .meta({ id: "EventSinkAnswer" });

/**
 * Pexip Infinity's event sink (pexip-infinity.md §2): each Conferencing Node POSTs its events,
 * one at a time or as `eventsink_bulk`. The answer is 200 once the events are safely in the
 * inbox; an event with a bad shape is counted as rejected and still answered 200 — Infinity
 * retries failures, and retrying a broken event would only stall the node's queue. A body that
 * is not JSON at all is a 400. Basic auth: the event-sink credentials of the Infinity settings
 * (never the policy ones).
 */
export function eventSinkRoutes(
  app: FastifyInstance,
  deps: { ingest: EventIngestService; settings: EventSinkSettingsSource },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook("onRequest", async (request: FastifyRequest) => {
    const { eventSinkAuth } = await deps.settings.current();
    if (!eventSinkAuth) return;
    const given = parseBasic(request.headers.authorization);
    if (given && eventSinkAuth(given.username, given.password)) return;
    const error = new UnauthenticatedError(
      "The event sink needs the username and password configured in Confero.",
    );
    error.headers["www-authenticate"] = 'Basic realm="Confero event sink", charset="UTF-8"';
    throw error;
  });
  r.post(
    "/pexip",
    {
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        tags: ["event sink (Pexip Infinity)"],
        summary: "Infinity's call events, one envelope or eventsink_bulk",
        body: z.unknown(),
        response: { 200: ingestAnswer, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => ({ status: "ok" as const, ...(await deps.ingest.ingest(request.body)) }),
  );
}
