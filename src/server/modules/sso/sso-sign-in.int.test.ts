import { and, count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ssoSettingsBody,
  startOidcProvider,
  TEST_REDIRECT_URI,
  type TestIdentityProvider,
} from "../../../../test/helpers/oidc-provider.js";
import { type TestCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, auditEvents, sessions, ssoLoginRequests } from "../../db/schema.js";

describe(`signing in through the company's OpenID Connect provider (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUri: TEST_REDIRECT_URI });
  });
  afterAll(async () => idp.close());
  afterEach(() => {
    idp.misbehave.tamperIdTokenEmail = undefined;
    idp.misbehave.replaceNonce = undefined;
  });

  /** Two tenants; company A signs alpha-co.example in through the provider and has invited Mia. */
  const setup = async (settings: Record<string, unknown> = {}) => {
    const tenants = await twoTenants(app());
    const saved = await configure(tenants.companyA, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    await invite(tenants.companyA, "Mia Member", "mia@alpha-co.example", "mia.member");
    return tenants;
  };

  const configure = (company: TestCompany, settings: Record<string, unknown> = {}) =>
    company.admin.request("PUT", `/api/v1/companies/${company.id}/sso`, ssoSettingsBody(idp, settings));

  const invite = async (company: TestCompany, fullName: string, email: string, videoAddress: string) => {
    const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
      fullName,
      email,
      videoAddress,
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
  };

  /** Start (typed email) → provider login form (as `login`) → the callback URL, not yet followed. */
  const throughProvider = async (browser: TestClient, email: string, login = email) => {
    const started = await browser.get(`/api/v1/auth/sso/start?email=${encodeURIComponent(email)}`);
    expect(started.statusCode, started.body).toBe(302);
    const location = String(started.headers.location);
    expect(location.startsWith(`${idp.issuer}/auth?`)).toBe(true);
    const back = await idp.signIn(location, login);
    expect(`${back.origin}${back.pathname}`).toBe(TEST_REDIRECT_URI);
    return { authorization: new URL(location), callback: `${back.pathname}${back.search}` };
  };

  const signInThroughSso = async (browser: TestClient, email: string, login = email) => {
    const { callback } = await throughProvider(browser, email, login);
    return browser.get(callback);
  };

  const account = async (email: string) =>
    (await app().db.select().from(accounts).where(eq(accounts.email, email)))[0];

  const failures = async () =>
    (await app().db.select().from(auditEvents).where(eq(auditEvents.action, "sso.sign_in_failed"))).map(
      (row) => (row.after as { reason: string }).reason,
    );

  const sessionCount = async () => (await app().db.select({ n: count() }).from(sessions))[0]?.n ?? 0;

  it("signs an invited member in: PKCE S256, state, nonce and login hint; active, linked, audited", async () => {
    const { companyA } = await setup();
    const browser = app().client();
    const { authorization, callback } = await throughProvider(browser, "mia@alpha-co.example");
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: idp.clientId,
      redirect_uri: TEST_REDIRECT_URI,
      response_type: "code",
      code_challenge_method: "S256",
      login_hint: "mia@alpha-co.example",
    });
    expect(authorization.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    // Only a keyed hash of the state is stored.
    const [request] = await app().db.select().from(ssoLoginRequests);
    expect(request?.stateHash).not.toBe(authorization.searchParams.get("state"));

    const done = await browser.get(callback);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe("/");
    expect(browser.cookies.has("confero_session")).toBe(true);
    const me = await browser.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: "mia@alpha-co.example", company: { id: companyA.id } });

    const mia = await account("mia@alpha-co.example");
    expect(mia).toMatchObject({ status: "active", ssoSubject: "mia@alpha-co.example" });
    const [audit] = await app().db.select().from(auditEvents).where(eq(auditEvents.action, "sso.signed_in"));
    expect(audit).toMatchObject({
      companyId: companyA.id,
      actorAccountId: mia?.id,
      after: { activated: true, linkedToProvider: true },
    });
    expect(await app().db.select().from(ssoLoginRequests)).toEqual([]);

    // A second sign-in, by the now linked account, works too.
    const again = await signInThroughSso(app().client(), "mia@alpha-co.example");
    expect(again.headers.location).toBe("/");
  });

  it("refuses a callback whose state is not the one started, or comes to another browser", async () => {
    await setup();
    const sessionsBefore = await sessionCount();
    const browser = app().client();
    const { callback } = await throughProvider(browser, "mia@alpha-co.example");
    const forged = new URL(callback, "http://confero.test");
    forged.searchParams.set("state", "a-state-nobody-started");
    const wrong = await browser.get(`${forged.pathname}${forged.search}`);
    expect(wrong.statusCode).toBe(302);
    expect(wrong.headers.location).toBe("/sign-in?sso_error=invalid_state");

    // The real callback, but in a browser that did not start this sign-in (login CSRF).
    const other = app().client();
    const elsewhere = await other.get(callback);
    expect(elsewhere.headers.location).toBe("/sign-in?sso_error=invalid_state");
    expect(other.cookies.has("confero_session")).toBe(false);
    expect(browser.cookies.has("confero_session")).toBe(false);
    expect(await sessionCount()).toBe(sessionsBefore);
    expect(await failures()).toEqual(["invalid_state", "invalid_state"]);
    expect((await account("mia@alpha-co.example"))?.status).toBe("invited");
  });

  it("consumes the sign-in at the first callback: the same code and state again fail", async () => {
    await setup();
    const browser = app().client();
    const { callback } = await throughProvider(browser, "mia@alpha-co.example");
    const state = new URL(callback, "http://confero.test").searchParams.get("state") ?? "";
    const first = await browser.get(callback);
    expect(first.headers.location).toBe("/");
    const sessionsAfterFirst = await sessionCount();

    const replayer = app().client();
    replayer.cookies.set("confero_sso_state", state);
    const replay = await replayer.get(callback);
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe("/sign-in?sso_error=invalid_state");
    expect(replayer.cookies.has("confero_session")).toBe(false);
    expect(await sessionCount()).toBe(sessionsAfterFirst);
    expect(await failures()).toEqual(["invalid_state"]);
  });

  it("fails a sign-in the provider refused, and one that waited longer than 10 minutes", async () => {
    await setup();
    const browser = app().client();
    const started = await browser.get("/api/v1/auth/sso/start?email=mia%40alpha-co.example");
    const state = new URL(String(started.headers.location)).searchParams.get("state") ?? "";
    const refused = await browser.get(
      `/api/v1/auth/sso/callback?error=access_denied&error_description=End-User+aborted&state=${state}`,
    );
    expect(refused.headers.location).toBe("/sign-in?sso_error=idp_error");

    const { callback } = await throughProvider(browser, "mia@alpha-co.example");
    await app()
      .db.update(ssoLoginRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) });
    const late = await browser.get(callback);
    expect(late.headers.location).toBe("/sign-in?sso_error=invalid_state");
    expect(browser.cookies.has("confero_session")).toBe(false);
    expect(await failures()).toEqual(["idp_error", "invalid_state"]);
  });

  it("refuses a tampered ID token (signature no longer matches the provider's JWKS)", async () => {
    const { companyA } = await setup();
    idp.misbehave.tamperIdTokenEmail = companyA.adminEmail;
    const browser = app().client();
    const done = await signInThroughSso(browser, "mia@alpha-co.example", "mia@alpha-co.example");
    expect(done.headers.location).toBe("/sign-in?sso_error=invalid_response");
    expect(browser.cookies.has("confero_session")).toBe(false);
    expect(await failures()).toEqual(["invalid_response"]);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "sso.sign_in_failed"));
    expect(audit?.companyId).toBe(companyA.id);
    expect(JSON.stringify(audit?.after)).toMatch(/signature/i);
    expect((await account(companyA.adminEmail))?.ssoSubject).toBeNull();
  });

  it("refuses an ID token made for another nonce than the one Confero sent", async () => {
    await setup();
    idp.misbehave.replaceNonce = "a-nonce-from-another-sign-in";
    const browser = app().client();
    const done = await signInThroughSso(browser, "mia@alpha-co.example");
    expect(done.headers.location).toBe("/sign-in?sso_error=invalid_response");
    expect(browser.cookies.has("confero_session")).toBe(false);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "sso.sign_in_failed"));
    expect(JSON.stringify(audit?.after)).toMatch(/nonce/i);
    expect((await account("mia@alpha-co.example"))?.status).toBe("invited");
  });

  it("refuses an email that is no member of the company, also one of another company", async () => {
    const { companyB } = await setup();
    await invite(companyB, "Bob Beta", "bob@beta-co.example", "bob.beta");
    // Someone the provider knows but company A does not.
    const stranger = await signInThroughSso(app().client(), "stranger@alpha-co.example");
    expect(stranger.headers.location).toBe("/sign-in?sso_error=not_a_member");
    // Company A's provider vouching for company B's member: still not A's member.
    const foreign = await signInThroughSso(app().client(), "x@alpha-co.example", "bob@beta-co.example");
    expect(foreign.headers.location).toBe("/sign-in?sso_error=not_a_member");
    expect(await account("bob@beta-co.example")).toMatchObject({ status: "invited", ssoSubject: null });
    expect(await failures()).toEqual(["not_a_member", "not_a_member"]);
  });

  it("refuses an unverified email and a second identity claiming a linked member's email", async () => {
    await setup();
    idp.setAccount("unverified-mia", { email: "mia@alpha-co.example", email_verified: false });
    const unverified = await signInThroughSso(app().client(), "mia@alpha-co.example", "unverified-mia");
    expect(unverified.headers.location).toBe("/sign-in?sso_error=email_unverified");

    expect((await signInThroughSso(app().client(), "mia@alpha-co.example")).headers.location).toBe("/");
    idp.setAccount("impostor", { email: "mia@alpha-co.example" });
    const browser = app().client();
    const impostor = await signInThroughSso(browser, "mia@alpha-co.example", "impostor");
    expect(impostor.headers.location).toBe("/sign-in?sso_error=account_mismatch");
    expect(browser.cookies.has("confero_session")).toBe(false);
    expect((await account("mia@alpha-co.example"))?.ssoSubject).toBe("mia@alpha-co.example");
    expect(await failures()).toEqual(["email_unverified", "account_mismatch"]);
  });

  it("sends an email nobody's SSO covers (or a disabled one) back to the sign-in page", async () => {
    const { companyA } = await setup({ enabled: false });
    const disabled = await app().client().get("/api/v1/auth/sso/start?email=mia%40alpha-co.example");
    expect(disabled.statusCode).toBe(302);
    expect(disabled.headers.location).toBe("/sign-in?sso_error=not_configured");
    const unknown = await app().client().get("/api/v1/auth/sso/start?email=someone%40elsewhere.example");
    expect(unknown.headers.location).toBe("/sign-in?sso_error=not_configured");
    const rows = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sso.sign_in_failed"), eq(auditEvents.companyId, companyA.id)));
    expect(rows).toHaveLength(1);
    const bad = await app().client().get("/api/v1/auth/sso/start?email=not-an-email");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("email");
  });

  it("tells the sign-in page what an email's domain offers, the same for accounts and strangers", async () => {
    const { companyA, companyB } = await setup();
    const ask = async (email: string) => {
      const answer = await app().client().post("/api/v1/auth/sso/discover", { email });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json().sso as string;
    };
    expect(await ask("mia@alpha-co.example")).toBe("available");
    expect(await ask("nobody-at-all@ALPHA-CO.example")).toBe("available");
    expect(await ask(companyB.adminEmail)).toBe("none");

    const adminA = await account(companyA.adminEmail);
    const required = await configure(companyA, { required: true, breakGlassAccountId: adminA?.id });
    expect(required.statusCode, required.body).toBe(200);
    expect(await ask("mia@alpha-co.example")).toBe("required");
    expect(await ask("nobody-at-all@alpha-co.example")).toBe("required");

    expect((await configure(companyA, { enabled: false })).statusCode).toBe(200);
    expect(await ask("mia@alpha-co.example")).toBe("none");
    const invalid = await app().client().post("/api/v1/auth/sso/discover", { email: "nope" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toHaveProperty("email");
  });
});
