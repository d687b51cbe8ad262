import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../audit/audit.js";
import { authenticateScim, ScimUnauthenticated, scimActor } from "./scim-auth.js";
import { schemas, serviceProviderConfig, userResourceType } from "./scim-discovery.js";
import { listResponse } from "./scim-dto.js";
import { SCIM_CONTENT_TYPE, scimErrorBody, toScimError } from "./scim-errors.js";
import type { ScimClient, ScimUsersService } from "./scim-users.service.js";

/**
 * The SCIM 2.0 server (RFC 7643/7644) under /scim/v2, in a scope of its own: no cookies, no
 * CSRF, bearer tokens only (scim-auth.ts). Bodies are application/scim+json or application/json
 * and answers are application/scim+json. Bodies are checked by the pure SCIM rules in
 * src/domain (scim-user.ts, scim-patch.ts, scim-filter.ts) rather than route schemas, because
 * every problem must come back in SCIM's error schema with its scimType. Every failure after
 * the request reached a route — 401s included — is audited as `scim.request_failed`.
 */
declare module "fastify" {
  interface FastifyRequest {
    scimClient?: ScimClient;
  }
}

const JSON_TYPES = ["application/scim+json", "application/json"];

function client(request: FastifyRequest): ScimClient {
  if (!request.scimClient) throw new ScimUnauthenticated("Not authenticated.");
  return request.scimClient;
}

async function auditFailure(db: Db, request: FastifyRequest, error: unknown, status: number, detail: string) {
  const known = request.scimClient
    ? {
        companyId: request.scimClient.companyId,
        tokenId: request.scimClient.tokenId,
        actor: request.scimClient.actor,
      }
    : error instanceof ScimUnauthenticated && error.known
      ? {
          companyId: error.known.companyId,
          tokenId: error.known.tokenId,
          actor: scimActor(error.known.tokenName),
        }
      : { companyId: null, tokenId: null, actor: scimActor("unknown token") };
  const scimType = (error as { scimType?: string }).scimType ?? null;
  await recordAudit(db, known.actor, {
    action: "scim.request_failed",
    target: { type: "scim_token", id: known.tokenId },
    companyId: known.companyId,
    after: { method: request.method, path: request.url.split("?")[0], status, scimType, detail },
  });
}

export async function registerScimServer(
  app: FastifyInstance,
  deps: { db: Db; sessionSecret: string; baseUrl: string; users: ScimUsersService },
): Promise<void> {
  const { users, baseUrl, db } = deps;
  await app.register(
    async (scim) => {
      scim.removeContentTypeParser(["application/json", "text/plain"]);
      scim.addContentTypeParser(
        JSON_TYPES,
        { parseAs: "string" },
        scim.getDefaultJsonParser("error", "error"),
      );

      scim.setErrorHandler(async (error, request, reply) => {
        const { status, body } = toScimError(error);
        if (status >= 500) request.log.error({ err: error }, "SCIM request failed");
        await auditFailure(db, request, error, status, body.detail).catch((e) =>
          request.log.error({ err: e }, "could not audit a failed SCIM request"),
        );
        const headers = error instanceof ScimUnauthenticated ? error.headers : {};
        return reply.status(status).headers(headers).type(SCIM_CONTENT_TYPE).send(body);
      });
      scim.setNotFoundHandler((request, reply) =>
        reply
          .status(404)
          .type(SCIM_CONTENT_TYPE)
          .send(scimErrorBody(404, `No SCIM endpoint ${request.method} ${request.url.split("?")[0]}.`)),
      );
      scim.addHook("onRequest", async (request) => {
        request.scimClient = await authenticateScim(db, deps.sessionSecret, request.headers.authorization);
      });
      scim.addHook("onSend", async (_request, reply, payload) => {
        reply.type(SCIM_CONTENT_TYPE);
        return payload;
      });

      const send = (reply: FastifyReply, status: number, body: unknown) => reply.status(status).send(body);
      const hide = { hide: true } as const;

      scim.get("/ServiceProviderConfig", { schema: hide }, async () => serviceProviderConfig(baseUrl));
      scim.get("/ResourceTypes", { schema: hide }, async () =>
        listResponse([userResourceType(baseUrl)], 1, 1),
      );
      scim.get("/ResourceTypes/User", { schema: hide }, async () => userResourceType(baseUrl));
      scim.get("/Schemas", { schema: hide }, async () => {
        const all = schemas(baseUrl);
        return listResponse(all, all.length, 1);
      });
      scim.get<{ Params: { id: string } }>("/Schemas/:id", { schema: hide }, async (request, reply) => {
        const found = schemas(baseUrl).find((s) => s.id === request.params.id);
        return found ?? send(reply, 404, scimErrorBody(404, "No such schema."));
      });

      type Query = { filter?: string; startIndex?: string; count?: string };
      scim.get<{ Querystring: Query }>("/Users", { schema: hide }, async (request) =>
        users.list(client(request), request.query),
      );
      scim.post("/Users", { schema: hide }, async (request, reply) => {
        const created = await users.create(client(request), request.body);
        return send(reply.header("location", created.meta.location), 201, created);
      });
      scim.get<{ Params: { id: string } }>("/Users/:id", { schema: hide }, async (request) =>
        users.get(client(request), request.params.id),
      );
      scim.put<{ Params: { id: string } }>("/Users/:id", { schema: hide }, async (request) =>
        users.replace(client(request), request.params.id, request.body),
      );
      scim.patch<{ Params: { id: string } }>("/Users/:id", { schema: hide }, async (request) =>
        users.patch(client(request), request.params.id, request.body),
      );
      scim.delete<{ Params: { id: string } }>("/Users/:id", { schema: hide }, async (request, reply) => {
        await users.delete(client(request), request.params.id);
        return reply.status(204).send();
      });
    },
    { prefix: "/scim/v2" },
  );
}
