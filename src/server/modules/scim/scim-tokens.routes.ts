import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  companyParams,
  createScimTokenBody,
  createScimTokenResponse,
  scimToken,
  scimTokenListResponse,
  tokenParams,
} from "./scim-tokens.schemas.js";
import type { ScimTokensService } from "./scim-tokens.service.js";

const errors = { ...standardErrors, 409: errorResponse };

/** Company admins' management of SCIM tokens (session scope, /api/v1). */
export function scimTokenRoutes(app: FastifyInstance, deps: { scimTokens: ScimTokensService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { scimTokens } = deps;
  const tags = ["scim"];
  const base = "/companies/:companyId/scim-tokens";

  r.get(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "The company's SCIM tokens (name, prefix, created, last used) and the SCIM base URL",
        params: companyParams,
        response: { 200: scimTokenListResponse, ...standardErrors },
      },
    },
    async (request) => scimTokens.list(requireActor(request), request.params.companyId),
  );

  r.post(
    base,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Create a SCIM token for an identity provider; the token is in this answer only",
        params: companyParams,
        body: createScimTokenBody,
        response: { 201: createScimTokenResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await scimTokens.create(requireActor(request), request.params.companyId, request.body);
      return reply.status(201).send(created);
    },
  );

  r.post(
    `${base}/:tokenId/revoke`,
    {
      preValidation: requireSession,
      schema: {
        tags,
        summary: "Revoke a SCIM token: the identity provider's next request is refused (401)",
        params: tokenParams,
        response: { 200: scimToken, ...errors },
      },
    },
    async (request) =>
      scimTokens.revoke(requireActor(request), request.params.companyId, request.params.tokenId),
  );
}
