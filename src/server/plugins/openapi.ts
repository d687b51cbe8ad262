import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/**
 * The OpenAPI document is generated from the same Zod schemas that validate requests, served
 * at /api/docs/openapi.json with a browsable page at /api/docs. Register before the routes.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Confero API",
        version: "1",
        description: [
          "Company administration for business video meetings.",
          "",
          "**Authentication.** Either a session (the `confero_session` cookie from `POST /auth/login`) or an API token: `Authorization: Bearer cfo_…`.",
          "Session requests that change state send the `csrf_token` cookie's value in `X-CSRF-Token`; bearer requests need no CSRF header and send no cookies (a cookie beside a bearer token is ignored).",
          "",
          "**API tokens** belong to company admins and partner admins (create them under *My profile*, or `POST /me/api-tokens` with a session). A token acts as its owner with the owner's current role; scope `read` allows GET and HEAD only (others: 403 `INSUFFICIENT_SCOPE`), `write` everything the role allows.",
          "Creating and revoking tokens, passwords, two-factor sign-in and a company's SCIM and SSO settings need a session (403 `SESSION_REQUIRED`).",
          'An unknown, malformed, revoked or expired token, or one whose owner is no longer an active admin, gets 401 `INVALID_API_TOKEN` with `WWW-Authenticate: Bearer realm="confero", error="invalid_token"`; repeated failures from one address get 429. Every use is audited.',
        ].join("\n"),
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "confero_session",
            description:
              "The session cookie set at sign-in. Requests that change state also send `X-CSRF-Token`.",
          },
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "cfo_<43 base64url characters>",
            description:
              "An API token of a company or partner admin (scope read or write). No CSRF header needed.",
          },
        },
      },
      security: [{ session: [] }, { bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/docs/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
