import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponse, standardErrors } from "../../lib/http-schemas.js";
import { requireActor, requireSession } from "../../plugins/session.js";
import {
  apiToken,
  createTokenBody,
  createTokenResponse,
  tokenListQuery,
  tokenListResponse,
  tokenParams,
} from "./api-tokens.schemas.js";
import type { ApiTokensService } from "./api-tokens.service.js";

const errors = { ...standardErrors, 409: errorResponse };

/**
 * The signed-in account's own API tokens. Sessions only (`sessionOnly`, and the path is in
 * `isSessionOnlyRoute` too): a token can neither list, mint nor revoke tokens.
 */
export function apiTokenRoutes(app: FastifyInstance, deps: { apiTokens: ApiTokensService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { apiTokens } = deps;
  const tags = ["api tokens"];
  const config = { sessionOnly: true };
  const security = [{ session: [] }];

  r.get(
    "/me/api-tokens",
    {
      config,
      preValidation: requireSession,
      schema: {
        tags,
        security,
        summary: "Your API tokens, newest first (company and partner admins; never the secrets)",
        querystring: tokenListQuery,
        response: { 200: tokenListResponse, ...standardErrors },
      },
    },
    async (request) => apiTokens.list(requireActor(request), request.query),
  );

  r.post(
    "/me/api-tokens",
    {
      config,
      preValidation: requireSession,
      schema: {
        tags,
        security,
        summary: "Create an API token: name, scope (read or write), days until it expires (1–365)",
        description: "The answer holds the token itself, shown this once; only its hash is kept.",
        body: createTokenBody,
        response: { 201: createTokenResponse, ...errors },
      },
    },
    async (request, reply) => {
      const created = await apiTokens.create(requireActor(request), request.body);
      return reply.status(201).send(created);
    },
  );

  r.post(
    "/me/api-tokens/:tokenId/revoke",
    {
      config,
      preValidation: requireSession,
      schema: {
        tags,
        security,
        summary: "Revoke one of your API tokens: it stops working at once",
        params: tokenParams,
        response: { 200: apiToken, ...errors },
      },
    },
    async (request) => apiTokens.revoke(requireActor(request), request.params.tokenId),
  );
}
