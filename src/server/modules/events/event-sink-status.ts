import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import type { AccountActor } from "../auth/actor.js";
import { assertOperator } from "../operator/operator.policy.js";
import { inboxState, latestRejected, readCounters } from "./event-inbox.repository.js";

const LATEST_REJECTED = 50;

const eventSinkStatusResponse = z
  .object({
    counters: z.object({
      accepted: z.number(),
      duplicates: z.number(),
      ignored: z.number(),
      rejected: z.number(),
      swept: z.number(),
    }),
    /** Received and not applied yet (the worker is behind, or the database was away). */
    pending: z.number(),
    lastReceivedAt: z.string().nullable(),
    rejected: z.array(
      z.object({
        receivedAt: z.string(),
        node: z.string().nullable(),
        event: z.string().nullable(),
        reason: z.string(),
        sample: z.string(),
      }),
    ),
  })
  .meta({ id: "EventSinkStatus" });

/**
 * The event sink as operators see it: how many events were accepted, dropped as replays,
 * ignored (events Confero has no use for) or rejected (odd shapes, absurd times), how many
 * legs the sweep closed, and the latest rejected events with the reason.
 */
export async function eventSinkStatus(db: Db, actor: AccountActor) {
  assertOperator(actor);
  const inbox = await inboxState(db);
  const rejected = await latestRejected(db, LATEST_REJECTED);
  return {
    counters: await readCounters(db),
    pending: inbox.pending,
    lastReceivedAt: inbox.lastReceivedAt?.toISOString() ?? null,
    rejected: rejected.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt).toISOString() })),
  };
}

export function eventSinkStatusRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/operator/event-sink",
    {
      preValidation: requireSession,
      schema: {
        tags: ["operator"],
        summary: "The event sink's counters and its latest rejected events (operators)",
        response: { 200: eventSinkStatusResponse, ...standardErrors },
      },
    },
    async (request) => eventSinkStatus(deps.db, requireActor(request)),
  );
}
