import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import { companyParams, memberIdsBody } from "../members/members.schemas.js";
import {
  inviteMemberBody,
  inviteMemberResponse,
  pendingInvitationsQuery,
  pendingInvitationsResponse,
  resendResponse,
  revokeResponse,
} from "./company-invitations.schemas.js";
import type { CompanyInvitationsService } from "./company-invitations.service.js";

const errors = { ...standardErrors, 409: errorResponse };

/** A company's invitations, for its admins (and its partner's admins or operators acting for it). */
export function companyInvitationRoutes(
  app: FastifyInstance,
  deps: { companyInvitations: CompanyInvitationsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.companyInvitations;
  const tags = ["invitations"];

  r.get(
    "/companies/:companyId/invitations",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Pending invitations (invited members), newest first",
        params: companyParams,
        querystring: pendingInvitationsQuery,
        response: { 200: pendingInvitationsResponse, ...standardErrors },
      },
    },
    async (request) => service.listPending(requireActor(request), request.params.companyId, request.query),
  );

  r.post(
    "/companies/:companyId/invitations",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Invite one member: invited account, personal VMR and a 30-day invitation email",
        params: companyParams,
        body: inviteMemberBody,
        response: { 201: inviteMemberResponse, ...errors },
      },
    },
    async (request, reply) => {
      const invited = await service.invite(requireActor(request), request.params.companyId, request.body);
      return reply.status(201).send(invited);
    },
  );

  r.post(
    "/companies/:companyId/invitations/resend",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Send invited members a new link (valid 30 days); their old links stop working",
        params: companyParams,
        body: memberIdsBody,
        response: { 200: resendResponse, ...errors },
      },
    },
    async (request) => service.resend(requireActor(request), request.params.companyId, request.body.ids),
  );

  r.post(
    "/companies/:companyId/invitations/revoke",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Revoke invitations: remove the invited members with their VMRs, freeing the licences",
        params: companyParams,
        body: memberIdsBody,
        response: { 200: revokeResponse, ...errors },
      },
    },
    async (request) => service.revoke(requireActor(request), request.params.companyId, request.body.ids),
  );
}
