import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, id, listOf, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  availabilityQuery,
  availabilityResponse,
  companyListQuery,
  companyParams,
  companyResponse,
  companySettingsBody,
  companySummary,
  createCompanyBody,
  partnerCompanyParams,
  updateCompanyBody,
} from "./companies.schemas.js";
import type { CompaniesService } from "./companies.service.js";

const errors = { ...standardErrors, 409: errorResponse };

export function companyRoutes(app: FastifyInstance, deps: { companies: CompaniesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { companies } = deps;
  const tags = ["companies"];

  r.get(
    "/companies",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Every company of every partner (operators)",
        querystring: companyListQuery,
        response: { 200: listOf(companySummary), ...standardErrors },
      },
    },
    async (request) => companies.listAll(requireActor(request), request.query),
  );

  r.get(
    "/partners/:partnerId/companies",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "A partner's customer companies",
        params: z.strictObject({ partnerId: id }),
        querystring: companyListQuery,
        response: { 200: listOf(companySummary), ...standardErrors },
      },
    },
    async (request) =>
      companies.listForPartner(requireActor(request), request.params.partnerId, request.query),
  );

  r.post(
    "/partners/:partnerId/companies",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Create a customer company with its first admin (invited by email)",
        params: z.strictObject({ partnerId: id }),
        body: createCompanyBody,
        response: { 201: companyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await companies.create(requireActor(request), request.params.partnerId, request.body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    "/partners/:partnerId/companies/:companyId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "One of a partner's companies",
        params: partnerCompanyParams,
        response: { 200: companyResponse, ...standardErrors },
      },
    },
    async (request) =>
      companies.getForPartner(requireActor(request), request.params.partnerId, request.params.companyId),
  );

  r.patch(
    "/partners/:partnerId/companies/:companyId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary:
          "Change a company: name, status, licences, subscriptions, suffix, PIN rule, time zone, domains",
        params: partnerCompanyParams,
        body: updateCompanyBody,
        response: { 200: companyResponse, ...errors },
      },
    },
    async (request) =>
      companies.update(
        requireActor(request),
        request.params.partnerId,
        request.params.companyId,
        request.body,
      ),
  );

  r.get(
    "/companies/:companyId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "A company, for its admins, its partner's admins and operators",
        params: companyParams,
        response: { 200: companyResponse, ...standardErrors },
      },
    },
    async (request) => companies.get(requireActor(request), request.params.companyId),
  );

  r.patch(
    "/companies/:companyId/settings",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change the company's own settings: name and time zone",
        params: companyParams,
        body: companySettingsBody,
        response: { 200: companyResponse, ...errors },
      },
    },
    async (request) =>
      companies.updateSettings(requireActor(request), request.params.companyId, request.body),
  );

  r.get(
    "/companies/:companyId/video-addresses/availability",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Check a video address (or a bare local part) against the rules and the registry",
        params: companyParams,
        querystring: availabilityQuery,
        response: { 200: availabilityResponse, ...standardErrors },
      },
    },
    async (request) =>
      companies.addressAvailability(requireActor(request), request.params.companyId, request.query.address),
  );
}
