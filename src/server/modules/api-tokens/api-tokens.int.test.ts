import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { apiTokens, auditEvents } from "../../db/schema.js";
import { hashToken } from "../../lib/tokens.js";

describe("managing API tokens", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const create = (client: TestClient, body: Record<string, unknown> = {}) =>
      client.post("/api/v1/me/api-tokens", { name: "CI deploy", scope: "read", expiresInDays: 30, ...body });
    const tokenRows = () => app().db.select().from(apiTokens);
    const audits = (action: string) =>
      app().db.select().from(auditEvents).where(eq(auditEvents.action, action));
    return { ...demo, alice, create, tokenRows, audits };
  };

  it("creates a token shown once, stores only its hash, and lists it without the secret", async () => {
    const { alice, create, tokenRows, audits, acme } = await setup();
    const before = Date.now();
    const response = await create(alice, { name: "  CI deploy  ", scope: "write", expiresInDays: 90 });
    expect(response.statusCode, response.body).toBe(201);
    const { token, apiToken } = response.json();
    expect(token).toMatch(/^cfo_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: "CI deploy",
      scope: "write",
      status: "active",
      prefix: token.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    const days = (Date.parse(apiToken.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);

    const [row] = await tokenRows();
    expect(row?.tokenHash).toBe(hashToken(app().config.sessionSecret, token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row?.companyId).toBe(acme.id);

    const list = await alice.get("/api/v1/me/api-tokens");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ id: apiToken.id, name: "CI deploy" }] });
    expect(list.body).not.toContain(token.slice(12));

    const [audit] = await audits("api_token.created");
    expect(audit).toMatchObject({ companyId: acme.id, targetId: apiToken.id });
    expect(audit?.after).toMatchObject({ name: "CI deploy", scope: "write", prefix: apiToken.prefix });
    expect(JSON.stringify(audit)).not.toContain(token.slice(12));
  });

  it("answers bad input with the field and reason, and creates nothing", async () => {
    const { alice, create, tokenRows } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ scope: "admin" }, "scope"],
      [{ expiresInDays: 366 }, "expiresInDays"],
      [{ expiresInDays: 0 }, "expiresInDays"],
      [{ expiresInDays: 1.5 }, "expiresInDays"],
      [{ expiresInDays: "30" }, "expiresInDays"],
      [{ extra: true }, "extra"],
    ];
    for (const [body, field] of cases) {
      const response = await create(alice, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect(await tokenRows()).toHaveLength(0);
  });

  it("refuses a second live token with the same name, but allows it once the first is revoked", async () => {
    const { alice, create, tokenRows } = await setup();
    const first = (await create(alice)).json();
    const again = await create(alice, { name: "ci DEPLOY" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toHaveProperty("name");
    expect(await tokenRows()).toHaveLength(1);

    const revoked = await alice.post(`/api/v1/me/api-tokens/${first.apiToken.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: "revoked" });
    expect((await create(alice)).statusCode).toBe(201);
  });

  it("lets partner admins have tokens, but not members or operators (403)", async () => {
    const { as, operator, create, tokenRows } = await setup();
    const paul = await as("paul@northwind.example");
    const created = await create(paul);
    expect(created.statusCode, created.body).toBe(201);

    const bob = await as("bob.baker@acme.example");
    for (const client of [bob, operator]) {
      expect((await create(client, { name: "mine" })).statusCode).toBe(403);
      expect((await client.get("/api/v1/me/api-tokens")).statusCode).toBe(403);
    }
    expect(await tokenRows()).toHaveLength(1);
  });

  it("needs a session: signed out is 401", async () => {
    const { create } = await setup();
    const anonymous = app().client();
    expect((await anonymous.get("/api/v1/me/api-tokens")).statusCode).toBe(401);
    expect((await create(anonymous)).statusCode).toBe(401);
  });

  it("revokes only the account's own tokens: another company's admin gets 404 and nothing changes", async () => {
    const { alice, as, create, tokenRows, audits } = await setup();
    const { apiToken } = (await create(alice)).json();
    const grace = await as("grace@globex.example");
    const foreign = await grace.post(`/api/v1/me/api-tokens/${apiToken.id}/revoke`);
    expect(foreign.statusCode).toBe(404);
    expect((await tokenRows())[0]?.revokedAt).toBeNull();
    expect((await grace.get("/api/v1/me/api-tokens")).json().total).toBe(0);

    expect((await alice.post(`/api/v1/me/api-tokens/${apiToken.id}/revoke`)).statusCode).toBe(200);
    const twice = await alice.post(`/api/v1/me/api-tokens/${apiToken.id}/revoke`);
    expect(twice.statusCode).toBe(409);
    const revokeAudits = await audits("api_token.revoked");
    expect(revokeAudits).toHaveLength(1);
    expect(revokeAudits[0]).toMatchObject({ targetId: apiToken.id, before: { status: "active" } });

    const badId = await alice.post("/api/v1/me/api-tokens/not-a-uuid/revoke");
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toHaveProperty("tokenId");
  });

  it("cannot be reached with a token: tokens cannot mint, list or revoke tokens, nor change the password", async () => {
    const { alice, create, tokenRows, audits } = await setup();
    const { token, apiToken } = (await create(alice, { scope: "write" })).json();
    const bearer = (method: "GET" | "POST", url: string, payload?: object) =>
      app().app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });

    const attempts = [
      await bearer("POST", "/api/v1/me/api-tokens", { name: "more", scope: "write", expiresInDays: 365 }),
      await bearer("GET", "/api/v1/me/api-tokens"),
      await bearer("POST", `/api/v1/me/api-tokens/${apiToken.id}/revoke`),
      await bearer("POST", "/api/v1/me/password", { currentPassword: "x", newPassword: "y".repeat(12) }),
      await bearer("POST", "/api/v1/auth/logout"),
    ];
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe("SESSION_REQUIRED");
    }
    const rows = await tokenRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedAt).toBeNull();
    const refused = await audits("api_token.refused");
    expect(refused).toHaveLength(attempts.length);
    expect(refused[0]?.after).toMatchObject({ reason: "session_only", path: "/api/v1/me/api-tokens" });
  });

  it("is documented in OpenAPI: the bearer scheme beside the session cookie, token routes for sessions", async () => {
    const response = await app().app.inject({ method: "GET", url: "/api/docs/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(document.security).toEqual([{ session: [] }, { bearerAuth: [] }]);
    expect(document.info.description).toContain("no CSRF header");
    expect(document.paths["/api/v1/me/api-tokens"].post.security).toEqual([{ session: [] }]);
  });
});
