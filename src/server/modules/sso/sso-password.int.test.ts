import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ssoSettingsBody,
  startOidcProvider,
  TEST_REDIRECT_URI,
  type TestIdentityProvider,
} from "../../../../test/helpers/oidc-provider.js";
import {
  acceptInvitation,
  INVITEE_PASSWORD,
  invitationToken,
  twoTenants,
} from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, outbox } from "../../db/schema.js";

describe(`passwords when a company requires single sign-on (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: TEST_REDIRECT_URI });
  });
  afterAll(async () => idp.close());

  /** Company A with a second admin (Ada, break-glass) and a member Mia, all with passwords. */
  const setup = async () => {
    const tenants = await twoTenants(app());
    const { companyA } = tenants;
    for (const [fullName, email, videoAddress, role] of [
      ["Ada Admin", "ada@alpha-co.example", "ada.admin", "admin"],
      ["Mia Member", "mia@alpha-co.example", "mia.member", "member"],
    ] as const) {
      const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
        fullName,
        email,
        videoAddress,
        role,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      await acceptInvitation(app(), email);
    }
    const [ada] = await app().db.select().from(accounts).where(eq(accounts.email, "ada@alpha-co.example"));
    return { ...tenants, adaId: ada?.id ?? "" };
  };

  const login = (email: string) =>
    app().client().post("/api/v1/auth/login", { login: email, password: INVITEE_PASSWORD });
  const mails = async (to: string) =>
    (await app().db.select({ n: count() }).from(outbox).where(eq(outbox.toAddress, to)))[0]?.n ?? 0;

  it("refuses passwords of covered members (SSO_REQUIRED) but not the break-glass admin's", async () => {
    const { companyA, companyB, adaId } = await setup();
    const saved = await companyA.admin.request(
      "PUT",
      `/api/v1/companies/${companyA.id}/sso`,
      ssoSettingsBody(idp, { required: true, breakGlassAccountId: adaId }),
    );
    expect(saved.statusCode, saved.body).toBe(200);

    for (const email of ["mia@alpha-co.example", companyA.adminEmail]) {
      const refused = await login(email);
      expect(refused.statusCode, email).toBe(401);
      expect(refused.json().error).toMatchObject({ code: "SSO_REQUIRED" });
      expect(refused.json().error.message).toMatch(/single sign-on/);
      expect(refused.cookies.some((c) => c.name === "confero_session")).toBe(false);
    }
    // A wrong password still says only "wrong password": the answer reveals nothing more.
    const wrong = await app()
      .client()
      .post("/api/v1/auth/login", { login: "mia@alpha-co.example", password: "nope nope" });
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
    expect((await login("ada@alpha-co.example")).statusCode).toBe(200);
    // Other companies are not affected.
    expect((await login(companyB.adminEmail)).statusCode).toBe(200);
  });

  it("mails no reset link to those it refuses, and still to the break-glass admin", async () => {
    const { companyA, adaId } = await setup();
    await companyA.admin.request(
      "PUT",
      `/api/v1/companies/${companyA.id}/sso`,
      ssoSettingsBody(idp, { required: true, breakGlassAccountId: adaId }),
    );
    const miaBefore = await mails("mia@alpha-co.example");
    const adaBefore = await mails("ada@alpha-co.example");
    for (const email of ["mia@alpha-co.example", "ada@alpha-co.example"]) {
      const asked = await app().client().post("/api/v1/auth/password-reset", { email });
      expect(asked.statusCode).toBe(202);
    }
    expect(await mails("mia@alpha-co.example")).toBe(miaBefore);
    expect(await mails("ada@alpha-co.example")).toBe(adaBefore + 1);
  });

  it("keeps passwords working while SSO is only offered, or required but turned off", async () => {
    const { companyA, adaId } = await setup();
    const put = (overrides: Record<string, unknown>) =>
      companyA.admin.request("PUT", `/api/v1/companies/${companyA.id}/sso`, ssoSettingsBody(idp, overrides));
    expect((await put({ required: false })).statusCode).toBe(200);
    expect((await login("mia@alpha-co.example")).statusCode).toBe(200);
    expect((await put({ required: true, enabled: false, breakGlassAccountId: adaId })).statusCode).toBe(200);
    expect((await login("mia@alpha-co.example")).statusCode).toBe(200);
    // A member whose email the SSO does not cover keeps their password.
    expect(
      (await put({ required: true, breakGlassAccountId: adaId, emailDomains: ["other.example"] })).statusCode,
    ).toBe(200);
    expect((await login("mia@alpha-co.example")).statusCode).toBe(200);
  });

  it("lets no admin send a reset link to a member whose password is off; the break-glass admin's still goes", async () => {
    const { companyA, companyB, adaId } = await setup();
    await companyA.admin.request(
      "PUT",
      `/api/v1/companies/${companyA.id}/sso`,
      ssoSettingsBody(idp, { required: true, breakGlassAccountId: adaId }),
    );
    const [mia] = await app().db.select().from(accounts).where(eq(accounts.email, "mia@alpha-co.example"));
    const reset = (id: string, client = companyA.admin) =>
      client.post(`/api/v1/companies/${companyA.id}/members/${id}/password-reset`, {});
    const miaBefore = await mails("mia@alpha-co.example");

    const refused = await reset(mia?.id ?? "");
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "SSO_REQUIRED" });
    expect(refused.json().error.message).toMatch(/identity provider/);
    expect(await mails("mia@alpha-co.example")).toBe(miaBefore);
    // Another company's admin still only sees "not found".
    expect((await reset(mia?.id ?? "", companyB.admin)).statusCode).toBe(404);

    const adaBefore = await mails("ada@alpha-co.example");
    expect((await reset(adaId)).statusCode).toBe(202);
    expect(await mails("ada@alpha-co.example")).toBe(adaBefore + 1);
  });

  it("accepts an invitation of a member whose password is off only through the identity provider", async () => {
    const { companyA } = await setup();
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Ivo Invited",
      email: "ivo@alpha-co.example",
      videoAddress: "ivo.invited",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = await invitationToken(app(), "ivo@alpha-co.example");
    const shown = async () => (await app().client().get(`/api/v1/invitations/${token}`)).json();
    expect((await shown()).singleSignOn).toBe("none");

    const put = (overrides: Record<string, unknown>) =>
      companyA.admin.request("PUT", `/api/v1/companies/${companyA.id}/sso`, ssoSettingsBody(idp, overrides));
    expect((await put({ required: false })).statusCode).toBe(200);
    expect((await shown()).singleSignOn).toBe("available");
    const [ada] = await app().db.select().from(accounts).where(eq(accounts.email, "ada@alpha-co.example"));
    expect((await put({ required: true, breakGlassAccountId: ada?.id })).statusCode).toBe(200);
    expect((await shown()).singleSignOn).toBe("required");

    const refused = await app()
      .client()
      .post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "SSO_REQUIRED" });
    expect(refused.cookies.some((c) => c.name === "confero_session")).toBe(false);
    // Nothing changed: still invited, no password, and the link still works.
    const [ivo] = await app().db.select().from(accounts).where(eq(accounts.email, "ivo@alpha-co.example"));
    expect(ivo).toMatchObject({ status: "invited", passwordHash: null });
    expect((await shown()).email).toBe("ivo@alpha-co.example");
  });
});
