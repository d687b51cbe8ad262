import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { accounts, apiTokens, auditEvents } from "../../db/schema.js";
import { DEFAULT_API_TOKEN_LIMITS } from "./api-token-auth.js";

type Method = "GET" | "HEAD" | "POST" | "PATCH" | "DELETE";

describe("using an API token (Authorization: Bearer)", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const mint = async (client: TestClient, scope: "read" | "write", name = `${scope} token`) => {
      const response = await client.post("/api/v1/me/api-tokens", { name, scope, expiresInDays: 30 });
      if (response.statusCode !== 201) throw new Error(`token: ${response.statusCode} ${response.body}`);
      return response.json() as { token: string; apiToken: { id: string; prefix: string } };
    };
    /** A script's request: the bearer header only — no cookies, no CSRF token. */
    const bearer = (token: string, method: Method, url: string, payload?: object, headers = {}) =>
      app().app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, payload });
    const bobId = await demo.idOf("bob.baker@acme.example");
    const bobUrl = `/api/v1/companies/${demo.acme.id}/members/${bobId}`;
    const bobName = async () =>
      (await app().db.select().from(accounts).where(eq(accounts.id, bobId)))[0]?.fullName;
    const audits = (action: string) =>
      app().db.select().from(auditEvents).where(eq(auditEvents.action, action));
    const tokenRow = async (id: string) =>
      (await app().db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0];
    return { ...demo, alice, mint, bearer, bobId, bobUrl, bobName, audits, tokenRow };
  };

  const expectInvalidToken = (response: {
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }) => {
    expect(response.statusCode, response.body).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="confero", error="invalid_token"');
    expect(JSON.parse(response.body).error.code).toBe("INVALID_API_TOKEN");
  };

  it("a read token reads what its owner's role allows, records last use, and audits reads sparingly", async () => {
    const { alice, mint, bearer, acme, bobUrl, audits, tokenRow } = await setup();
    const { token, apiToken } = await mint(alice, "read");
    const me = await bearer(token, "GET", "/api/v1/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ email: "alice.andersen@acme.example", role: "admin" });
    const members = await bearer(token, "GET", `/api/v1/companies/${acme.id}/members`);
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json().total).toBeGreaterThan(2);
    expect((await bearer(token, "GET", bobUrl)).statusCode).toBe(200);

    const row = await tokenRow(apiToken.id);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row?.lastUsedIp).toBe("127.0.0.1");
    const listed = (await alice.get("/api/v1/me/api-tokens")).json();
    expect(listed.items[0]).toMatchObject({ lastUsedIp: "127.0.0.1" });
    expect(listed.items[0].lastUsedAt).not.toBeNull();

    // Three reads within the interval: one audit row, naming the first read.
    const used = await audits("api_token.used");
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({ companyId: acme.id, targetId: apiToken.id, actorName: "Alice Andersen" });
    expect(used[0]?.after).toMatchObject({ method: "GET", path: "/api/v1/me", status: 200, scope: "read" });
  });

  it("a read token is refused on PATCH (403 INSUFFICIENT_SCOPE), nothing changes, and the refusal is audited", async () => {
    const { alice, mint, bearer, bobUrl, bobName, bobId, audits, acme } = await setup();
    const { token, apiToken } = await mint(alice, "read");
    const before = await rowCounts(app());
    const attempts: [Method, string, object][] = [
      ["PATCH", bobUrl, { fullName: "Changed By Script" }],
      ["POST", `/api/v1/companies/${acme.id}/members/delete`, { ids: [bobId] }],
      ["POST", `${bobUrl}/password-reset`, {}],
    ];
    for (const [method, url, body] of attempts) {
      const response = await bearer(token, method, url, body);
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(403);
      expect(response.json().error.code).toBe("INSUFFICIENT_SCOPE");
    }
    expect(await bobName()).toBe("Bob Baker");
    const after = await rowCounts(app());
    expect(after.auditEvents).toBe((before.auditEvents ?? 0) + attempts.length);
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
    const refused = await audits("api_token.refused");
    expect(refused).toHaveLength(attempts.length);
    expect(refused[0]).toMatchObject({ targetId: apiToken.id });
    expect(refused[0]?.after).toMatchObject({ reason: "insufficient_scope", method: "PATCH", path: bobUrl });
    expect(await audits("member.updated")).toHaveLength(0);
  });

  it("a write token PATCHes a member without cookies or CSRF; the change and the use are audited", async () => {
    const { alice, mint, bearer, bobUrl, bobName, bobId, audits, acme } = await setup();
    const { token, apiToken } = await mint(alice, "write");
    const response = await bearer(token, "PATCH", bobUrl, { fullName: "Robert Baker" });
    expect(response.statusCode, response.body).toBe(200);
    expect(await bobName()).toBe("Robert Baker");
    const [change] = await audits("member.updated");
    expect(change).toMatchObject({ targetId: bobId, actorName: "Alice Andersen", companyId: acme.id });
    // Every state-changing use is audited, with its outcome; a second one too.
    expect((await bearer(token, "PATCH", bobUrl, { fullName: "Bob Baker" })).statusCode).toBe(200);
    const used = await audits("api_token.used");
    expect(used).toHaveLength(2);
    expect(used[0]).toMatchObject({ targetId: apiToken.id, companyId: acme.id });
    expect(used[0]?.after).toMatchObject({ method: "PATCH", path: bobUrl, status: 200, scope: "write" });
  });

  it("ignores the session cookie: a bad bearer never falls back to the signed-in session", async () => {
    const { alice, bobUrl, bobName } = await setup();
    const withCookie = await alice.get("/api/v1/me", { authorization: "Bearer cfo_nonsense" });
    expectInvalidToken(withCookie);
    const patch = await alice.request(
      "PATCH",
      bobUrl,
      { fullName: "Via Cookie" },
      { authorization: "Basic eDp5" },
    );
    expect(patch.statusCode).toBe(401);
    expect(patch.headers["www-authenticate"]).toBe('Bearer realm="confero", error="invalid_request"');
    expect(await bobName()).toBe("Bob Baker");
  });

  it("revoked, expired, unknown and malformed tokens get 401 invalid_token, each audited without the token", async () => {
    const { alice, mint, bearer, audits, acme } = await setup();
    const revoked = await mint(alice, "write", "revoked one");
    const expired = await mint(alice, "write", "expired one");
    expect((await bearer(revoked.token, "GET", "/api/v1/me")).statusCode).toBe(200);
    expect((await alice.post(`/api/v1/me/api-tokens/${revoked.apiToken.id}/revoke`)).statusCode).toBe(200);
    await app()
      .db.update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, expired.apiToken.id));

    expectInvalidToken(await bearer(revoked.token, "GET", "/api/v1/me"));
    expectInvalidToken(await bearer(expired.token, "PATCH", "/api/v1/me/profile", { fullName: "X" }));
    const unknown = `cfo_${"A".repeat(43)}`;
    expectInvalidToken(await bearer(unknown, "GET", "/api/v1/me"));
    expectInvalidToken(await bearer("not-one-of-ours", "GET", "/api/v1/me"));
    expectInvalidToken(
      await app().app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Bearer" } }),
    );

    const rejected = await audits("api_token.rejected");
    const reasons = rejected.map((row) => (row.after as { reason: string }).reason).sort();
    expect(reasons).toEqual(["expired", "malformed", "malformed", "revoked", "unknown"]);
    const revokedAudit = rejected.find((row) => row.targetId === revoked.apiToken.id);
    expect(revokedAudit).toMatchObject({ companyId: acme.id, actorName: "Alice Andersen", ip: "127.0.0.1" });
    expect(revokedAudit?.after).toMatchObject({ prefix: revoked.apiToken.prefix, path: "/api/v1/me" });
    const unknownAudit = rejected.find((row) => (row.after as { reason: string }).reason === "unknown");
    expect(unknownAudit).toMatchObject({ companyId: null, actorKind: "system", ip: "127.0.0.1" });
    expect(unknownAudit?.after).toMatchObject({ prefix: "cfo_AAAAAAAA" });
    const everything = JSON.stringify(rejected);
    for (const secret of [revoked.token, expired.token, unknown]) expect(everything).not.toContain(secret);
  });

  it("another company's token gets 404 on this company's member, and nothing changes", async () => {
    const { as, mint, bearer, bobUrl, bobName, acme } = await setup();
    const grace = await as("grace@globex.example");
    const { token } = await mint(grace, "write");
    const before = await rowCounts(app());
    expect((await bearer(token, "GET", bobUrl)).statusCode).toBe(404);
    expect((await bearer(token, "PATCH", bobUrl, { fullName: "Taken Over" })).statusCode).toBe(404);
    expect((await bearer(token, "GET", `/api/v1/companies/${acme.id}/members`)).statusCode).toBe(404);
    expect(await bobName()).toBe("Bob Baker");
    const after = await rowCounts(app());
    // Only the audit of the token's uses (the PATCH, and the first read) was added.
    expect({ ...after, auditEvents: before.auditEvents }).toEqual(before);
    const uses = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "api_token.used"), eq(auditEvents.companyId, acme.id)));
    expect(uses).toHaveLength(0);
  });

  it("a partner admin's token acts on the partner's customer companies", async () => {
    const { as, mint, bearer, partnerId, acme } = await setup();
    const paul = await as("paul@northwind.example");
    const { token } = await mint(paul, "read");
    const companies = await bearer(token, "GET", `/api/v1/partners/${partnerId}/companies`);
    expect(companies.statusCode, companies.body).toBe(200);
    expect((await bearer(token, "GET", `/api/v1/companies/${acme.id}/members`)).statusCode).toBe(200);
  });

  it("stops working when its owner is demoted to member or suspended", async () => {
    const { alice, as, mint, bearer, bobUrl, bobId, audits } = await setup();
    expect((await alice.request("PATCH", bobUrl, { role: "admin" })).statusCode).toBe(200);
    const bob = await as("bob.baker@acme.example");
    const { token, apiToken } = await mint(bob, "read");
    expect((await bearer(token, "GET", "/api/v1/me")).statusCode).toBe(200);

    expect((await alice.request("PATCH", bobUrl, { role: "member" })).statusCode).toBe(200);
    expectInvalidToken(await bearer(token, "GET", "/api/v1/me"));
    const [rejected] = await audits("api_token.rejected");
    expect(rejected).toMatchObject({ targetId: apiToken.id, actorAccountId: bobId });
    expect(rejected?.after).toMatchObject({ reason: "owner_not_allowed" });

    const aliceToken = await mint(alice, "read");
    await app()
      .db.update(accounts)
      .set({ status: "suspended" })
      .where(eq(accounts.email, "alice.andersen@acme.example"));
    expectInvalidToken(await bearer(aliceToken.token, "GET", "/api/v1/me"));
  });

  it("limits refused tokens per IP: after the limit, 429 without checking", async () => {
    const { alice, mint, bearer, audits } = await setup();
    const { token } = await mint(alice, "read");
    const wrong = `cfo_${"B".repeat(43)}`;
    const { limit } = DEFAULT_API_TOKEN_LIMITS.failuresPerIp;
    for (let attempt = 0; attempt < limit; attempt++) {
      expect((await bearer(wrong, "GET", "/api/v1/me")).statusCode).toBe(401);
    }
    const blocked = await bearer(wrong, "GET", "/api/v1/me");
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    // Even a good token waits from this address; another address is not affected.
    expect((await bearer(token, "GET", "/api/v1/me")).statusCode).toBe(429);
    const elsewhere = await app().app.inject({
      method: "GET",
      url: "/api/v1/me",
      remoteAddress: "10.1.2.3",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.statusCode).toBe(200);
    expect(await audits("api_token.rejected")).toHaveLength(limit);
  });
});
