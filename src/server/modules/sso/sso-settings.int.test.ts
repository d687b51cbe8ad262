import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ssoSettingsBody,
  startOidcProvider,
  TEST_REDIRECT_URI,
  type TestIdentityProvider,
} from "../../../../test/helpers/oidc-provider.js";
import {
  acceptInvitation,
  rowCounts,
  type TestCompany,
  twoTenants,
} from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, auditEvents, companySso } from "../../db/schema.js";
import { SecretBox } from "../../lib/secret-box.js";

type Call = [method: "GET" | "PUT" | "DELETE" | "POST", url: string, body?: unknown];

describe(`a company's single sign-on settings (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: TEST_REDIRECT_URI });
  });
  afterAll(async () => idp.close());

  const base = (company: { id: string }) => `/api/v1/companies/${company.id}/sso`;
  const save = (company: TestCompany, overrides: Record<string, unknown> = {}, client = company.admin) =>
    client.request("PUT", base(company), ssoSettingsBody(idp, overrides));
  const accountId = async (email: string) =>
    (await app().db.select().from(accounts).where(eq(accounts.email, email)))[0]?.id ?? "";
  const ssoRows = () => app().db.select().from(companySso);

  const calls = (companyId: string): Call[] => [
    ["GET", `/api/v1/companies/${companyId}/sso`],
    ["PUT", `/api/v1/companies/${companyId}/sso`, ssoSettingsBody(idp, { emailDomains: ["evil.example"] })],
    ["DELETE", `/api/v1/companies/${companyId}/sso`],
    ["POST", `/api/v1/companies/${companyId}/sso/discovery-test`, { issuer: idp.issuer }],
  ];
  const statuses = async (client: TestClient, list: Call[]) => {
    const answers: number[] = [];
    for (const [method, url, body] of list)
      answers.push((await client.request(method, url, body)).statusCode);
    return answers;
  };

  it("shows the redirect URI and the company's admins before anything is set up", async () => {
    const { companyA } = await twoTenants(app());
    const answer = await companyA.admin.get(base(companyA));
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({
      redirectUri: "http://confero.test/api/v1/auth/sso/callback",
      admins: [
        {
          id: await accountId(companyA.adminEmail),
          fullName: "Admin of alpha-co",
          email: companyA.adminEmail,
        },
      ],
      settings: null,
    });
  });

  it("saves settings after discovery: secret sealed and never shown, domains normalised, audited", async () => {
    const { companyA } = await twoTenants(app());
    const saved = await save(companyA, {
      emailDomains: [" Alpha-Co.Example ", "@alpha-co.example", "sub.alpha.example"],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(saved.json().settings).toMatchObject({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretSet: true,
      emailDomains: ["alpha-co.example", "sub.alpha.example"],
      enabled: true,
      required: false,
      breakGlassAccountId: null,
    });
    const [row] = await ssoRows();
    expect(row?.clientSecretSealed).not.toContain(idp.clientSecret);
    const box = new SecretBox(app().config.sessionSecret, "oidc-client-secret");
    expect(box.open(row?.clientSecretSealed ?? "")).toBe(idp.clientSecret);
    expect((await companyA.admin.get(base(companyA))).body).not.toContain(idp.clientSecret);

    // Saving again without a secret keeps it; a new one replaces it.
    expect((await save(companyA, { clientSecret: undefined, enabled: false })).statusCode).toBe(200);
    expect(box.open((await ssoRows())[0]?.clientSecretSealed ?? "")).toBe(idp.clientSecret);
    expect((await save(companyA, { clientSecret: "another secret" })).statusCode).toBe(200);
    expect(box.open((await ssoRows())[0]?.clientSecretSealed ?? "")).toBe("another secret");

    const audits = await app().db.select().from(auditEvents).where(eq(auditEvents.companyId, companyA.id));
    const sso = audits.filter((a) => a.action.startsWith("sso."));
    expect(sso.map((a) => a.action).sort()).toEqual(["sso.configured", "sso.updated", "sso.updated"]);
    expect(JSON.stringify(sso)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(sso)).not.toContain("another secret");
  });

  it("answers 400 with the field for each bad input, and saves nothing", async () => {
    const { companyA } = await twoTenants(app());
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@alpha-co.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode).toBe(201);
    await acceptInvitation(app(), "mia@alpha-co.example");
    const before = await rowCounts(app());
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ issuer: "http://login.example.com" }, "issuer", /https/],
      [{ issuer: "not a url" }, "issuer", /URL/],
      [{ issuer: "http://127.0.0.1:1" }, "issuer", /discovery document/],
      [{ emailDomains: [] }, "emailDomains", /at least one/],
      [{ emailDomains: ["alpha-co.example", "not a domain"] }, "emailDomains", /not a valid email domain/],
      [{ clientId: "" }, "clientId", /Required/],
      [{ clientSecret: undefined }, "clientSecret", /client secret/],
      [{ required: true }, "breakGlassAccountId", /break-glass/],
      [
        { required: true, breakGlassAccountId: await accountId("mia@alpha-co.example") },
        "breakGlassAccountId",
        /admin/,
      ],
      [{ enabled: "yes" }, "enabled", /./],
    ];
    for (const [overrides, field, message] of cases) {
      const answer = await save(companyA, overrides);
      expect(answer.statusCode, `${JSON.stringify(overrides)} → ${answer.body}`).toBe(400);
      expect(answer.json().error.fields?.[field], JSON.stringify(overrides)).toMatch(message);
    }
    expect(await ssoRows()).toEqual([]);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("requires a break-glass admin for required SSO, and refuses a domain another company has", async () => {
    const { companyA, companyB } = await twoTenants(app());
    const adminA = await accountId(companyA.adminEmail);
    const required = await save(companyA, { required: true, breakGlassAccountId: adminA });
    expect(required.statusCode, required.body).toBe(200);
    expect(required.json().settings).toMatchObject({ required: true, breakGlassAccountId: adminA });
    // Company B's admin cannot be company A's break-glass admin.
    const foreign = await save(companyA, {
      required: true,
      breakGlassAccountId: await accountId(companyB.adminEmail),
    });
    expect(foreign.statusCode).toBe(400);

    const taken = await save(companyB, { emailDomains: ["beta-co.example", "ALPHA-CO.example"] });
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json().error.fields.emailDomains).toContain("alpha-co.example");
    expect((await ssoRows()).map((row) => row.companyId)).toEqual([companyA.id]);
  });

  it("tests discovery without saving anything", async () => {
    const { companyA } = await twoTenants(app());
    const answer = await companyA.admin.post(`${base(companyA)}/discovery-test`, { issuer: idp.issuer });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
      tokenEndpoint: `${idp.issuer}/token`,
      jwksUri: `${idp.issuer}/jwks`,
    });
    const down = await companyA.admin.post(`${base(companyA)}/discovery-test`, {
      issuer: "http://127.0.0.1:1",
    });
    expect(down.statusCode).toBe(400);
    expect(down.json().error.fields.issuer).toMatch(/127\.0\.0\.1:1\/\.well-known\/openid-configuration/);
    expect(await ssoRows()).toEqual([]);
  });

  it("removes single sign-on (audited); removing it again is 404", async () => {
    const { companyA } = await twoTenants(app());
    expect((await save(companyA)).statusCode).toBe(200);
    const removed = await companyA.admin.request("DELETE", base(companyA));
    expect(removed.statusCode).toBe(204);
    expect(await ssoRows()).toEqual([]);
    const [audit] = await app().db.select().from(auditEvents).where(eq(auditEvents.action, "sso.removed"));
    expect(audit).toMatchObject({ companyId: companyA.id, before: { issuer: idp.issuer } });
    expect((await companyA.admin.request("DELETE", base(companyA))).statusCode).toBe(404);
  });

  it("keeps company A's settings from company B's admin (404), members (403) and strangers (401)", async () => {
    const { companyA, companyB } = await twoTenants(app());
    expect((await save(companyA)).statusCode).toBe(200);
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@alpha-co.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode).toBe(201);
    const mia = await acceptInvitation(app(), "mia@alpha-co.example");
    const before = { counts: await rowCounts(app()), sso: await ssoRows() };

    expect(await statuses(companyB.admin, calls(companyA.id))).toEqual([404, 404, 404, 404]);
    expect(await statuses(mia, calls(companyA.id))).toEqual([403, 403, 403, 403]);
    expect(await statuses(app().client(), calls(companyA.id))).toEqual([401, 401, 401, 401]);
    expect(await statuses(companyB.admin, calls("00000000-0000-4000-8000-000000000000"))).toEqual([
      404, 404, 404, 404,
    ]);
    expect({ counts: await rowCounts(app()), sso: await ssoRows() }).toEqual(before);
  });

  it("lets the company's partner admin set it up for the company", async () => {
    const { companyA, partnerA, partnerB } = await twoTenants(app());
    expect((await save(companyA, {}, partnerA.admin)).statusCode).toBe(200);
    expect((await partnerB.admin.get(base(companyA))).statusCode).toBe(404);
  });
});
