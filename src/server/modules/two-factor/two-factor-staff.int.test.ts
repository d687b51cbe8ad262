import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { INVITEE_PASSWORD, invitationToken } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import {
  codeFor,
  demoAccounts,
  enrol,
  passwordStep,
  useStepClock,
  wrongCodeFor,
} from "../../../../test/helpers/two-factor.js";
import { accountTotp, auditEvents, service, sessions } from "../../db/schema.js";

describe("requiring two-factor sign-in for operators and partner admins", () => {
  const app = useTestApp();
  const clock = useStepClock();
  const SETTINGS = "/api/v1/service/settings";
  const ENROL = "/api/v1/auth/login/two-factor/enrolment";

  /** The demo data with the requirement switched on by its operator. */
  const required = async () => {
    const accounts = await demoAccounts(app());
    const operator = await signIn(app(), accounts.operator.email, accounts.operator.password);
    const on = await operator.request("PATCH", SETTINGS, { requireTwoFactorForStaff: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().requireTwoFactorForStaff).toBe(true);
    return { ...accounts, operatorClient: operator };
  };

  it("is an audited operator setting that members and partner admins cannot change", async () => {
    const { paul, alice } = await required();
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "service.updated"));
    expect(audit).toMatchObject({
      before: { requireTwoFactorForStaff: false },
      after: { requireTwoFactorForStaff: true },
    });
    // Paul is staff: he cannot sign in with a password alone any more, so use Alice for the 403.
    const aliceClient = await signIn(app(), alice.email, alice.password);
    expect(
      (await aliceClient.request("PATCH", SETTINGS, { requireTwoFactorForStaff: false })).statusCode,
    ).toBe(403);
    expect((await passwordStep(app(), paul.email, paul.password)).body.status).toBe(
      "two_factor_enrolment_required",
    );
    expect((await app().db.select().from(service))[0]?.requireTwoFactorForStaff).toBe(true);
  });

  it("makes a partner admin without an authenticator enrol before the first session", async () => {
    const { paul } = await required();
    const { client, challenge, body } = await passwordStep(app(), paul.email, paul.password);
    expect(body.status).toBe("two_factor_enrolment_required");
    expect(await app().db.select().from(sessions).where(eq(sessions.accountId, paul.id))).toHaveLength(0);
    // No code can answer it: there is no authenticator yet.
    const code = await client.post("/api/v1/auth/login/two-factor", { challenge, code: "123456" });
    expect(code.statusCode).toBe(409);

    const started = await client.post(ENROL, { challenge });
    expect(started.statusCode, started.body).toBe(200);
    const secret = String(started.json().secret).replace(/ /g, "");
    expect(started.json().otpauthUri).toContain("paul%40northwind.example");

    const wrong = await client.post(`${ENROL}/confirm`, { challenge, code: wrongCodeFor(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.code).toMatch(/4 attempts left\.$/);
    const [failure] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.two_factor_failed"), eq(auditEvents.targetId, paul.id)));
    expect(failure?.after).toEqual({ reason: "wrong_code", during: "enrolment", attemptsLeft: 4 });
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);

    const confirmed = await client.post(`${ENROL}/confirm`, { challenge, code: codeFor(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await client.get("/api/v1/me")).json()).toMatchObject({
      email: paul.email,
      kind: "partner_admin",
    });
    expect((await client.get("/api/v1/me/two-factor")).json()).toMatchObject({
      enabled: true,
      required: true,
    });
    // The challenge is spent; the next sign-in asks for a code.
    expect((await client.post(ENROL, { challenge })).json().error.code).toBe("INVALID_TOKEN");
    clock.nextStep();
    const next = await passwordStep(app(), paul.email, paul.password);
    expect(next.body.status).toBe("two_factor_required");
    const done = await next.client.post("/api/v1/auth/login/two-factor", {
      challenge: next.challenge,
      code: codeFor(secret),
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it("signs a newly invited partner admin in only through enrolment, not by accepting the invitation", async () => {
    const { operatorClient } = await required();
    const partner = (await operatorClient.post("/api/v1/partners", { name: "Gamma Partners" })).json();
    const invited = await operatorClient.post(`/api/v1/partners/${partner.id}/admins`, {
      fullName: "Gus Gamma",
      email: "gus@gamma.example",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = await invitationToken(app(), "gus@gamma.example");
    const browser = app().client();
    const accepted = await browser.post(`/api/v1/invitations/${token}/accept`, {
      password: INVITEE_PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.json()).toEqual({ status: "sign_in_required", login: "gus@gamma.example" });
    expect(accepted.headers["set-cookie"] ?? "").not.toContain("confero_session");
    expect((await browser.get("/api/v1/me")).statusCode).toBe(401);
    const next = await passwordStep(app(), "gus@gamma.example", INVITEE_PASSWORD);
    expect(next.body.status).toBe("two_factor_enrolment_required");
  });

  it("leaves members alone, keeps staff from turning it off, and ends when switched off", async () => {
    const { bob, paul, operator, operatorClient } = await required();
    expect(
      (await app().client().post("/api/v1/auth/login", { login: bob.email, password: bob.password }))
        .statusCode,
    ).toBe(200);

    // The operator's own session still works; enrolling from the account page is the way in.
    const { secret } = await enrol(operatorClient, clock.nextStep);
    const off = await operatorClient.post("/api/v1/me/two-factor/disable", {
      password: operator.password,
      code: codeFor(secret),
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toMatch(/requires two-factor sign-in for operators and partner admins/);
    expect(
      await app().db.select().from(accountTotp).where(eq(accountTotp.accountId, operator.id)),
    ).toHaveLength(1);

    const switched = await operatorClient.request("PATCH", SETTINGS, { requireTwoFactorForStaff: false });
    expect(switched.json().requireTwoFactorForStaff).toBe(false);
    const paulAgain = await app()
      .client()
      .post("/api/v1/auth/login", { login: paul.email, password: paul.password });
    expect(paulAgain.statusCode).toBe(200);
    // The operator enrolled, so a code is still asked of them.
    expect((await passwordStep(app(), operator.email, operator.password)).body.status).toBe(
      "two_factor_required",
    );
  });

  it("refuses the enrolment step for a challenge that does not need it", async () => {
    const { bob } = await demoAccounts(app());
    const client = await signIn(app(), bob.email, bob.password);
    const { secret } = await enrol(client, clock.nextStep);
    const { challenge } = await passwordStep(app(), bob.email, bob.password);
    const refused = await app().client().post(ENROL, { challenge });
    expect(refused.statusCode).toBe(409);
    const [totp] = await app().db.select().from(accountTotp).where(eq(accountTotp.accountId, bob.id));
    expect(totp?.confirmedAt).not.toBeNull();
    const stillWorks = await app()
      .client()
      .post("/api/v1/auth/login/two-factor", { challenge, code: codeFor(secret) });
    expect(stillWorks.statusCode).toBe(200);
  });
});
