import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  companyParams,
  deleteMembersResponse,
  member,
  memberFilterQuery,
  memberIdsBody,
  memberListQuery,
  memberListResponse,
  memberParams,
  okResponse,
  updateMemberBody,
  updateMemberResponse,
} from "./members.schemas.js";
import type { MembersService } from "./members.service.js";

const errors = { ...standardErrors, 409: errorResponse };

export function memberRoutes(app: FastifyInstance, deps: { members: MembersService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { members } = deps;
  const tags = ["members"];

  r.get(
    "/companies/:companyId/members",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's members (search, sort, status filter, paging) and its licences",
        params: companyParams,
        querystring: memberListQuery,
        response: { 200: memberListResponse, ...standardErrors },
      },
    },
    async (request) => members.list(requireActor(request), request.params.companyId, request.query),
  );

  r.get(
    "/companies/:companyId/members.csv",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Every member matching the filters, as a semicolon-separated CSV file",
        params: companyParams,
        querystring: memberFilterQuery,
        response: { 200: z.string().describe("text/csv"), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { filename, csv } = await members.exportCsv(
        requireActor(request),
        request.params.companyId,
        request.query,
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  r.post(
    "/companies/:companyId/members/delete",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Remove members with their personal VMRs and addresses (all or nothing)",
        params: companyParams,
        body: memberIdsBody,
        response: { 200: deleteMembersResponse, ...errors },
      },
    },
    async (request) => members.delete(requireActor(request), request.params.companyId, request.body.ids),
  );

  r.get(
    "/companies/:companyId/members/:memberId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "One member with their personal VMR and, while invited, their invitation",
        params: memberParams,
        response: { 200: member, ...standardErrors },
      },
    },
    async (request) => members.get(requireActor(request), request.params.companyId, request.params.memberId),
  );

  r.patch(
    "/companies/:companyId/members/:memberId",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Change a member: name, email, address name part, role, personal VMR and its PINs",
        params: memberParams,
        body: updateMemberBody,
        response: { 200: updateMemberResponse, ...errors },
      },
    },
    async (request) =>
      members.update(requireActor(request), request.params.companyId, request.params.memberId, request.body),
  );

  r.post(
    "/companies/:companyId/members/:memberId/password-reset",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Email an active member a password reset link",
        params: memberParams,
        response: { 202: okResponse, ...errors },
      },
    },
    async (request, reply) => {
      const answer = await members.sendPasswordReset(
        requireActor(request),
        request.params.companyId,
        request.params.memberId,
      );
      return reply.status(202).send(answer);
    },
  );
}
