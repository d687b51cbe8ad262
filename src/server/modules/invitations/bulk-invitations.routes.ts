import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { BULK_INVITE_MAX_BYTES } from "../../../domain/bulk-invite.js";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import { companyParams } from "../members/members.schemas.js";
import {
  bulkInvitePreviewResponse,
  bulkInviteQuery,
  bulkInviteResponse,
} from "./bulk-invitations.schemas.js";
import type { BulkInvitationsService } from "./bulk-invitations.service.js";
import { FILE_PROBLEMS } from "./bulk-invite-csv.js";

const CSV_TYPES = ["text/csv", "application/csv"];

/**
 * Uploads are the raw file (`Content-Type: text/csv`), not JSON or a form: the file's bytes go
 * to the CSV reader untouched (BOM, encoding and all). A body over 5 MB is refused with 413
 * from its Content-Length, before anything is read or parsed.
 */
const upload = {
  bodyLimit: BULK_INVITE_MAX_BYTES,
  config: {
    bodyMessages: {
      tooLarge: FILE_PROBLEMS.tooLarge,
      unsupportedType: "Upload the file as text/csv: Full name;email;video address.",
    },
  },
} as const;

const errors = { ...standardErrors, 409: errorResponse, 413: errorResponse, 415: errorResponse };

function fileBytes(request: FastifyRequest): Uint8Array {
  // The scope below has only the CSV parser, so any other body never reaches a handler (415).
  return request.body instanceof Uint8Array ? request.body : new Uint8Array();
}

/** Bulk invite (`Full name;email;video address`): preview, problems as CSV, and invite. */
export async function bulkInvitationRoutes(
  app: FastifyInstance,
  deps: { bulkInvitations: BulkInvitationsService },
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      CSV_TYPES,
      { parseAs: "buffer", bodyLimit: BULK_INVITE_MAX_BYTES },
      (_r, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const service = deps.bulkInvitations;
    const tags = ["invitations"];

    r.post(
      "/companies/:companyId/invitations/bulk/preview",
      {
        ...upload,
        preValidation: requireSession,
        schema: {
          tags,
          summary: "Preview a bulk invite file: every row's normalised values and problems",
          description:
            "Body: the CSV file itself (Content-Type: text/csv), `Full name;email;video address`, at most 5 MB and 20,000 rows. Nothing is written.",
          params: companyParams,
          response: { 200: bulkInvitePreviewResponse, ...errors },
        },
      },
      async (request) => service.preview(requireActor(request), request.params.companyId, fileBytes(request)),
    );

    r.post(
      "/companies/:companyId/invitations/bulk/problems.csv",
      {
        ...upload,
        preValidation: requireSession,
        schema: {
          tags,
          summary: "The rows of a bulk invite file that have problems, with the problems, as CSV",
          params: companyParams,
          response: { 200: z.string().describe("text/csv"), ...errors },
        },
      },
      async (request, reply) => {
        const csv = await service.problemsCsv(
          requireActor(request),
          request.params.companyId,
          fileBytes(request),
        );
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="invite-problems.csv"')
          .header("cache-control", "no-store")
          .send(csv);
      },
    );

    r.post(
      "/companies/:companyId/invitations/bulk",
      {
        ...upload,
        preValidation: requireSession,
        schema: {
          tags,
          summary: "Invite every valid row of a bulk invite file as a Member, all in one transaction",
          description:
            "Body: the same CSV file as for the preview. Rows with problems are skipped; nothing is invited when the licences do not suffice (409 LICENCE_LIMIT) or when `expect` (the count the admin confirmed) differs from the rows that can be invited now (409).",
          params: companyParams,
          querystring: bulkInviteQuery,
          response: { 201: bulkInviteResponse, ...errors },
        },
      },
      async (request, reply) => {
        const result = await service.invite(
          requireActor(request),
          request.params.companyId,
          fileBytes(request),
          request.query.expect,
        );
        return reply.status(201).send(result);
      },
    );
  });
}
