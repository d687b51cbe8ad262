import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import { companyParams } from "../members/members.schemas.js";
import { directoryQuery, directoryResponse } from "./directory.schemas.js";
import type { DirectoryService } from "./directory.service.js";

export function directoryRoutes(app: FastifyInstance, deps: { directory: DirectoryService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/companies/:companyId/directory",
    {
      preValidation: requireSession,
      schema: {
        tags: ["directory"],
        summary: "The company's people (and later team rooms) by name and address, searchable, paged",
        params: companyParams,
        querystring: directoryQuery,
        response: { 200: directoryResponse, ...standardErrors },
      },
    },
    async (request) => deps.directory.list(requireActor(request), request.params.companyId, request.query),
  );
}
