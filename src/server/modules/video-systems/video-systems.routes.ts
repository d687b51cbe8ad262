import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { VIDEO_SYSTEM_CSV_HEADER, VIDEO_SYSTEM_CSV_MAX_BYTES } from "../../../domain/video-systems-csv.js";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import type { BulkVideoSystemsService } from "./bulk-video-systems.service.js";
import { VIDEO_SYSTEM_FILE_PROBLEMS } from "./bulk-video-systems-csv.js";
import {
  bulkCreateQuery,
  bulkCreateResponse,
  bulkPreviewResponse,
  companyParams,
  createVideoSystemBody,
  deleteVideoSystemsResponse,
  memberParams,
  updateVideoSystemBody,
  videoSystem,
  videoSystemIdsBody,
  videoSystemListQuery,
  videoSystemListResponse,
  videoSystemParams,
} from "./video-systems.schemas.js";
import type { VideoSystemsService } from "./video-systems.service.js";

const errors = { ...standardErrors, 409: errorResponse };
const uploadErrors = { ...errors, 413: errorResponse, 415: errorResponse };
const tags = ["video systems"];
const base = "/companies/:companyId/video-systems";

/** Uploads are the raw file (`Content-Type: text/csv`); over 2 MB is a 413 before parsing. */
const upload = {
  bodyLimit: VIDEO_SYSTEM_CSV_MAX_BYTES,
  config: {
    bodyMessages: {
      tooLarge: VIDEO_SYSTEM_FILE_PROBLEMS.tooLarge,
      unsupportedType: `Upload the file as text/csv: ${VIDEO_SYSTEM_CSV_HEADER}.`,
    },
  },
} as const;

function fileBytes(request: FastifyRequest): Uint8Array {
  return request.body instanceof Uint8Array ? request.body : new Uint8Array();
}

export async function videoSystemRoutes(
  app: FastifyInstance,
  deps: { videoSystems: VideoSystemsService; bulkVideoSystems: BulkVideoSystemsService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { videoSystems, bulkVideoSystems } = deps;

  r.get(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's video systems (shared ones by default) and its endpoint subscriptions",
        params: companyParams,
        querystring: videoSystemListQuery,
        response: { 200: videoSystemListResponse, ...standardErrors },
      },
    },
    async (request) => videoSystems.list(requireActor(request), request.params.companyId, request.query),
  );

  r.post(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Add a video system (one endpoint subscription) — the company's partner only",
        params: companyParams,
        body: createVideoSystemBody,
        response: { 201: videoSystem, ...errors },
      },
    },
    async (request, reply) => {
      const created = await videoSystems.create(
        requireActor(request),
        request.params.companyId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  r.post(
    `${base}/delete`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Delete video systems, freeing their subscriptions (all or nothing) — partner only",
        params: companyParams,
        body: videoSystemIdsBody,
        response: { 200: deleteVideoSystemsResponse, ...errors },
      },
    },
    async (request) => videoSystems.delete(requireActor(request), request.params.companyId, request.body.ids),
  );

  r.get(
    `${base}/:videoSystemId`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "One video system",
        params: videoSystemParams,
        response: { 200: videoSystem, ...standardErrors },
      },
    },
    async (request) =>
      videoSystems.get(requireActor(request), request.params.companyId, request.params.videoSystemId),
  );

  r.patch(
    `${base}/:videoSystemId`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Rename a video system or change its address name part (the domain is fixed)",
        params: videoSystemParams,
        body: updateVideoSystemBody,
        response: { 200: videoSystem, ...errors },
      },
    },
    async (request) =>
      videoSystems.update(
        requireActor(request),
        request.params.companyId,
        request.params.videoSystemId,
        request.body,
      ),
  );

  r.get(
    "/companies/:companyId/members/:memberId/video-systems",
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The video systems twinned to one member (their user page)",
        params: memberParams,
        response: { 200: z.array(videoSystem), ...standardErrors },
      },
    },
    async (request) =>
      videoSystems.twinnedTo(requireActor(request), request.params.companyId, request.params.memberId),
  );

  // The CSV uploads live in their own scope with only the CSV body parser.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ["text/csv", "application/csv"],
      { parseAs: "buffer", bodyLimit: VIDEO_SYSTEM_CSV_MAX_BYTES },
      (_r, body, done) => done(null, body),
    );
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const description = `Body: the CSV file itself (Content-Type: text/csv), comma-separated, header ${VIDEO_SYSTEM_CSV_HEADER}, at most 5,000 rows.`;

    s.post(
      `${base}/bulk/preview`,
      {
        ...upload,
        preValidation: requireSession,
        schema: {
          tags,
          summary: "Preview a bulk video-system file: every row's values and problems — partner only",
          description: `${description} Nothing is written.`,
          params: companyParams,
          response: { 200: bulkPreviewResponse, ...uploadErrors },
        },
      },
      async (request) =>
        bulkVideoSystems.preview(requireActor(request), request.params.companyId, fileBytes(request)),
    );

    s.post(
      `${base}/bulk`,
      {
        ...upload,
        preValidation: requireSession,
        schema: {
          tags,
          summary: "Create every valid row of a bulk video-system file in one transaction — partner only",
          description: `${description} Rows with problems are skipped; nothing is created when the subscriptions do not suffice (409 LICENCE_LIMIT) or \`expect\` differs from the rows that can be created now (409).`,
          params: companyParams,
          querystring: bulkCreateQuery,
          response: { 201: bulkCreateResponse, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const result = await bulkVideoSystems.create(
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
