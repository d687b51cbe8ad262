import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, listOf, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  inviteAdminBody,
  pageQuery,
  partnerAdminResponse,
  partnerBody,
  partnerListQuery,
  partnerParams,
  partnerResponse,
} from "./partners.schemas.js";
import type { PartnersService } from "./partners.service.js";

const errors = { ...standardErrors, 409: errorResponse };

export function partnerRoutes(app: FastifyInstance, deps: { partners: PartnersService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { partners } = deps;
  const tags = ["partners"];

  r.get(
    "/partners",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Every partner, with its company and admin counts (operators)",
        querystring: partnerListQuery,
        response: { 200: listOf(partnerResponse), ...standardErrors },
      },
    },
    async (request) => partners.list(requireActor(request), request.query),
  );

  r.post(
    "/partners",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Create a partner (operators)",
        body: partnerBody,
        response: { 201: partnerResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await partners.create(requireActor(request), request.body)),
  );

  r.get(
    "/partners/:partnerId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "A partner (operators, and that partner's admins)",
        params: partnerParams,
        response: { 200: partnerResponse, ...standardErrors },
      },
    },
    async (request) => partners.get(requireActor(request), request.params.partnerId),
  );

  r.patch(
    "/partners/:partnerId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Rename a partner (operators)",
        params: partnerParams,
        body: partnerBody,
        response: { 200: partnerResponse, ...errors },
      },
    },
    async (request) => partners.rename(requireActor(request), request.params.partnerId, request.body),
  );

  r.get(
    "/partners/:partnerId/admins",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "A partner's admins",
        params: partnerParams,
        querystring: pageQuery,
        response: { 200: listOf(partnerAdminResponse), ...standardErrors },
      },
    },
    async (request) => partners.listAdmins(requireActor(request), request.params.partnerId, request.query),
  );

  r.post(
    "/partners/:partnerId/admins",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Invite a partner admin (an invitation email with a link valid 30 days)",
        params: partnerParams,
        body: inviteAdminBody,
        response: { 201: partnerAdminResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await partners.inviteAdmin(requireActor(request), request.params.partnerId, request.body)),
  );
}
