import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  auditEventList,
  auditFilterQuery,
  auditListQuery,
  auditPeople,
  companyParams,
} from "./audit-events.schemas.js";
import { AUDIT_CSV_MAX_ROWS, type AuditEventsService } from "./audit-events.service.js";

export function auditEventRoutes(app: FastifyInstance, deps: { auditEvents: AuditEventsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auditEvents } = deps;
  const tags = ["audit"];

  r.get(
    "/companies/:companyId/audit-events",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's audit log, newest first: filter by person, object text and dates",
        params: companyParams,
        querystring: auditListQuery,
        response: { 200: auditEventList, ...standardErrors },
      },
    },
    async (request) => auditEvents.list(requireActor(request), request.params.companyId, request.query),
  );

  r.get(
    "/companies/:companyId/audit-events/people",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The accounts that appear as actors in the company's audit log (for the person filter)",
        params: companyParams,
        response: { 200: auditPeople, ...standardErrors },
      },
    },
    async (request) => auditEvents.people(requireActor(request), request.params.companyId),
  );

  r.get(
    "/companies/:companyId/audit-events.csv",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: `The audit log with the same filters as a semicolon-separated CSV file (at most ${AUDIT_CSV_MAX_ROWS} rows, newest first)`,
        params: companyParams,
        querystring: auditFilterQuery,
        response: { 200: z.string().describe("text/csv"), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { filename, csv, capped } = await auditEvents.exportCsv(
        requireActor(request),
        request.params.companyId,
        request.query,
      );
      if (capped) reply.header("x-rows-capped", String(AUDIT_CSV_MAX_ROWS));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );
}
