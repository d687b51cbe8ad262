import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { pagination, standardErrors } from "../../lib/http-schemas.js";
import { requireActor } from "../../plugins/session.js";
import { outboxItem } from "./outbox.schemas.js";
import { listOutboxForOperator } from "./outbox.service.js";

export function outboxRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/operator/outbox",
    {
      schema: {
        tags: ["operator"],
        summary: "Every email Confero has queued, newest first",
        querystring: z.strictObject(pagination),
        response: {
          200: z.object({
            items: z.array(outboxItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) =>
      listOutboxForOperator(deps.db, requireActor(request), request.query.page, request.query.pageSize),
  );
}
