import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  breakdownExportQuery,
  breakdownListQuery,
  companiesExportQuery,
  companiesListQuery,
  companiesUsageExport,
  companiesUsageList,
  companyParams,
  partnerParams,
  periodQuery,
  USAGE_DEFINITIONS,
  usageBreakdownExport,
  usageBreakdownList,
  usageSummary,
} from "./usage.schemas.js";
import type { BreakdownTab, ExportFormat, UsageFile, UsageService } from "./usage.service.js";
import { USAGE_EXPORT_MAX_ROWS } from "./usage-export.js";

const FORMATS: readonly ExportFormat[] = ["csv", "json"];
const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;
const TABS: Record<BreakdownTab, string> = { endpoints: "video system", users: "user", vmrs: "VMR" };

const DEFINITIONS = `${USAGE_DEFINITIONS.calls} ${USAGE_DEFINITIONS.callMinutes} ${USAGE_DEFINITIONS.roomMinutes}`;
const PERIOD = `Days are YYYY-MM-DD, both included, at most 13 months; default: the last three months ending today.`;
const EXPORT = `CSV (semicolon-separated, UTF-8 with BOM) or JSON, as a download; at most ${USAGE_EXPORT_MAX_ROWS} rows (the header x-rows-capped says when more matched).`;

function sendFile(reply: FastifyReply, file: UsageFile) {
  if (file.capped) reply.header("x-rows-capped", String(USAGE_EXPORT_MAX_ROWS));
  return reply
    .type(CONTENT_TYPES[file.format])
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}

const fileResponse = (format: ExportFormat, json: z.ZodType) =>
  format === "csv" ? z.string().describe("text/csv") : json;

/**
 * Company usage: GET …/usage (totals, previous period, every day), …/usage/{endpoints|users|vmrs}
 * (sortable pages), each also as .csv and .json; per company for a partner and for operators.
 */
export function usageRoutes(app: FastifyInstance, deps: { usage: UsageService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { usage } = deps;
  const tags = ["usage"];
  const base = "/companies/:companyId/usage";

  r.get(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's usage in a period: totals, the previous period's, and every day",
        description: `${DEFINITIONS} ${PERIOD} Days are the company's own (its time zone).`,
        params: companyParams,
        querystring: periodQuery,
        response: { 200: usageSummary, ...standardErrors },
      },
    },
    async (request) => usage.summary(requireActor(request), request.params.companyId, request.query),
  );

  for (const format of FORMATS) {
    r.get(
      `${base}.${format}`,
      {
        preValidation: requireSession,
        schema: {
          tags,
          summary: `The company's usage per day as ${format.toUpperCase()}`,
          description: `${EXPORT} ${PERIOD}`,
          params: companyParams,
          querystring: periodQuery,
          response: { 200: fileResponse(format, usageSummary), ...standardErrors },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await usage.exportSummary(requireActor(request), request.params.companyId, request.query, format),
        ),
    );
  }

  for (const [tab, noun] of Object.entries(TABS) as [BreakdownTab, string][]) {
    r.get(
      `${base}/${tab}`,
      {
        preValidation: requireSession,
        schema: {
          tags,
          summary: `The company's usage by ${noun} in a period, sorted and paged`,
          description: `${DEFINITIONS} ${PERIOD} Names and addresses are the current ones; a deleted ${noun} shows "(deleted)".`,
          params: companyParams,
          querystring: breakdownListQuery,
          response: { 200: usageBreakdownList, ...standardErrors },
        },
      },
      async (request) => usage.breakdown(requireActor(request), request.params.companyId, tab, request.query),
    );
    for (const format of FORMATS) {
      r.get(
        `${base}/${tab}.${format}`,
        {
          preValidation: requireSession,
          schema: {
            tags,
            summary: `The company's usage by ${noun} as ${format.toUpperCase()}`,
            description: `${EXPORT} ${PERIOD}`,
            params: companyParams,
            querystring: breakdownExportQuery,
            response: { 200: fileResponse(format, usageBreakdownExport), ...standardErrors },
          },
        },
        async (request, reply) =>
          sendFile(
            reply,
            await usage.exportBreakdown(
              requireActor(request),
              request.params.companyId,
              tab,
              request.query,
              format,
            ),
          ),
      );
    }
  }

  r.get(
    "/partners/:partnerId/usage",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The partner's customer companies' usage in a period, per company, with totals",
        description: `${DEFINITIONS} ${PERIOD} Each company's figures are over its own days; a missing end defaults in UTC.`,
        params: partnerParams,
        querystring: companiesListQuery,
        response: { 200: companiesUsageList, ...standardErrors },
      },
    },
    async (request) => usage.partnerUsage(requireActor(request), request.params.partnerId, request.query),
  );

  r.get(
    "/usage",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Every company's usage in a period, per company, with totals (operators)",
        description: `${DEFINITIONS} ${PERIOD} Each company's figures are over its own days; a missing end defaults in UTC.`,
        querystring: companiesListQuery,
        response: { 200: companiesUsageList, ...standardErrors },
      },
    },
    async (request) => usage.serviceUsage(requireActor(request), request.query),
  );

  for (const format of FORMATS) {
    r.get(
      `/partners/:partnerId/usage.${format}`,
      {
        preValidation: requireSession,
        schema: {
          tags,
          summary: `The partner's customer companies' usage as ${format.toUpperCase()}`,
          description: `${EXPORT} ${PERIOD}`,
          params: partnerParams,
          querystring: companiesExportQuery,
          response: { 200: fileResponse(format, companiesUsageExport), ...standardErrors },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await usage.exportPartnerUsage(
            requireActor(request),
            request.params.partnerId,
            request.query,
            format,
          ),
        ),
    );
    r.get(
      `/usage.${format}`,
      {
        preValidation: requireSession,
        schema: {
          tags,
          summary: `Every company's usage as ${format.toUpperCase()} (operators)`,
          description: `${EXPORT} ${PERIOD}`,
          querystring: companiesExportQuery,
          response: { 200: fileResponse(format, companiesUsageExport), ...standardErrors },
        },
      },
      async (request, reply) =>
        sendFile(reply, await usage.exportServiceUsage(requireActor(request), request.query, format)),
    );
  }
}
