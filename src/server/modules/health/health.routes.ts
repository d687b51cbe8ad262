import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";

/**
 * `/healthz`: the process answers (for restarts). `/readyz`: it can reach its database (for
 * load balancers). Kept free of hooks' work so they stay as cheap as a bare route, and not
 * logged per request (probes every few seconds would drown the log); failures still are.
 */
export function healthRoutes(app: FastifyInstance, deps: { database: Database }): void {
  app.get("/healthz", { schema: { hide: true }, logLevel: "warn" }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true }, logLevel: "warn" }, async (request, reply) => {
    try {
      await deps.database.ping();
      return { status: "ready", database: deps.database.kind };
    } catch (error) {
      request.log.warn({ err: error }, "readiness check: database unreachable");
      return reply.status(503).send({ status: "unavailable", reason: "database unreachable" });
    }
  });
}
