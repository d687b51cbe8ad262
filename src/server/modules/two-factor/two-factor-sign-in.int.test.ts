import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import {
  codeFor,
  demoAccounts,
  enrol,
  passwordStep,
  useStepClock,
  wrongCodeFor,
} from "../../../../test/helpers/two-factor.js";
import { accountTotp, auditEvents, sessions, signInChallenges } from "../../db/schema.js";

describe("signing in with two-factor", () => {
  const app = useTestApp();
  const clock = useStepClock();
  const SECOND_STEP = "/api/v1/auth/login/two-factor";

  /** Bob with an authenticator, signed out again. */
  const bobEnrolled = async () => {
    const accounts = await demoAccounts(app());
    const client = await signIn(app(), accounts.bob.email, accounts.bob.password);
    const enrolled = await enrol(client, clock.nextStep);
    await client.post("/api/v1/auth/logout");
    await app().db.delete(sessions);
    return { ...accounts, ...enrolled };
  };
  const failures = (accountId: string) =>
    app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.two_factor_failed"), eq(auditEvents.targetId, accountId)));

  it("answers a right password with a challenge, not a session, and signs in with the code", async () => {
    const { bob, secret } = await bobEnrolled();
    const { client, body } = await passwordStep(app(), bob.email, bob.password);
    expect(body).toEqual({
      status: "two_factor_required",
      challenge: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBe(5 * 60 * 1000);
    expect(client.cookies.has("confero_session")).toBe(false);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    expect(await app().db.select().from(sessions)).toHaveLength(0);
    const [stored] = await app().db.select().from(signInChallenges);
    expect(stored?.tokenHash).not.toBe(body.challenge);

    const done = await client.post(SECOND_STEP, { challenge: body.challenge, code: codeFor(secret) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ email: bob.email, kind: "member" });
    expect((await client.get("/api/v1/me")).json().email).toBe(bob.email);
    expect(await app().db.select().from(signInChallenges)).toHaveLength(0);

    // A challenge is good for one sign-in.
    clock.nextStep();
    const reused = await app()
      .client()
      .post(SECOND_STEP, { challenge: body.challenge, code: codeFor(secret) });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe("INVALID_TOKEN");
  });

  it("burns the challenge after five wrong codes, audits each one and starts no session", async () => {
    const { bob, secret } = await bobEnrolled();
    const [totpBefore] = await app().db.select().from(accountTotp);
    const { client, challenge } = await passwordStep(app(), bob.email, bob.password);
    const wrong = wrongCodeFor(secret);
    for (const left of [4, 3, 2, 1]) {
      const response = await client.post(SECOND_STEP, { challenge, code: wrong });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual({
        code: `That code is not right. Check the code in your authenticator app. ${left} attempt${left === 1 ? "" : "s"} left.`,
      });
    }
    const fifth = await client.post(SECOND_STEP, { challenge, code: wrong });
    expect(fifth.statusCode).toBe(400);
    expect(fifth.json().error).toEqual({
      code: "INVALID_TOKEN",
      message: "Too many wrong codes. Sign in again with your password.",
    });
    // Burned: even the right code no longer works with it.
    const right = await client.post(SECOND_STEP, { challenge, code: codeFor(secret) });
    expect(right.json().error.code).toBe("INVALID_TOKEN");

    const audited = await failures(bob.id);
    expect(audited).toHaveLength(5);
    expect(audited.map((row) => row.after)).toEqual(
      [4, 3, 2, 1, 0].map((attemptsLeft) => ({ reason: "wrong_code", during: "sign_in", attemptsLeft })),
    );
    expect(audited[0]).toMatchObject({
      actorAccountId: bob.id,
      actorKind: "member",
      companyId: bob.companyId,
    });
    expect(await app().db.select().from(sessions)).toHaveLength(0);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    expect((await app().db.select().from(accountTotp))[0]).toEqual(totpBefore);

    // A fresh password sign-in gets a fresh challenge.
    const again = await passwordStep(app(), bob.email, bob.password);
    const ok = await again.client.post(SECOND_STEP, { challenge: again.challenge, code: codeFor(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("accepts a code once: the same code cannot sign in twice", async () => {
    const { bob, secret } = await bobEnrolled();
    const code = codeFor(secret);
    const first = await passwordStep(app(), bob.email, bob.password);
    expect((await first.client.post(SECOND_STEP, { challenge: first.challenge, code })).statusCode).toBe(200);
    const second = await passwordStep(app(), bob.email, bob.password);
    const replayed = await second.client.post(SECOND_STEP, { challenge: second.challenge, code });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.fields.code).toMatch(/^That code has already been used\./);
    expect((await failures(bob.id))[0]?.after).toMatchObject({ reason: "replayed_code" });
    // An older code (the previous step) is refused too once a later one was used.
    clock.nextStep();
    const older = await second.client.post(SECOND_STEP, {
      challenge: second.challenge,
      code: codeFor(secret, -2),
    });
    expect(older.statusCode).toBe(400);
    const next = await second.client.post(SECOND_STEP, {
      challenge: second.challenge,
      code: codeFor(secret),
    });
    expect(next.statusCode, next.body).toBe(200);
  });

  it("signs in with a recovery code once, typed in any case and without the dash", async () => {
    const { bob, recoveryCodes } = await bobEnrolled();
    const code = recoveryCodes[0] ?? "";
    const first = await passwordStep(app(), bob.email, bob.password);
    const typed = ` ${code.replace("-", "").toUpperCase()} `;
    const used = await first.client.post(SECOND_STEP, { challenge: first.challenge, recoveryCode: typed });
    expect(used.statusCode, used.body).toBe(200);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.two_factor_recovery_code_used"));
    expect(audit).toMatchObject({ targetId: bob.id, after: { recoveryCodesLeft: 9 } });
    expect((await first.client.get("/api/v1/me/two-factor")).json().recoveryCodesLeft).toBe(9);

    const second = await passwordStep(app(), bob.email, bob.password);
    const again = await second.client.post(SECOND_STEP, { challenge: second.challenge, recoveryCode: code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({
      recoveryCode: "That recovery code is not valid or has already been used. 4 attempts left.",
    });
  });

  it("does not complete one account's challenge with another account's code", async () => {
    const { bob, alice, secret: bobSecret } = await bobEnrolled();
    const aliceClient = await signIn(app(), alice.email, alice.password);
    const { secret: aliceSecret, recoveryCodes: aliceCodes } = await enrol(aliceClient, clock.nextStep);
    expect(aliceSecret).not.toBe(bobSecret);
    await app().db.delete(sessions);

    const { client, challenge } = await passwordStep(app(), bob.email, bob.password);
    const withAlices = await client.post(SECOND_STEP, { challenge, code: codeFor(aliceSecret) });
    expect(withAlices.statusCode).toBe(400);
    const withAlicesRecovery = await client.post(SECOND_STEP, { challenge, recoveryCode: aliceCodes[0] });
    expect(withAlicesRecovery.statusCode).toBe(400);
    expect(await app().db.select().from(sessions)).toHaveLength(0);
    expect(await failures(bob.id)).toHaveLength(2);
    expect(await failures(alice.id)).toHaveLength(0);
    // Alice's recovery code is still hers to use.
    const hers = await passwordStep(app(), alice.email, alice.password);
    const ok = await hers.client.post(SECOND_STEP, {
      challenge: hers.challenge,
      recoveryCode: aliceCodes[0],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("limits wrong codes per account across challenges, with Retry-After", async () => {
    const { bob, secret } = await bobEnrolled();
    const wrong = wrongCodeFor(secret);
    for (let round = 0; round < 2; round++) {
      const { client, challenge } = await passwordStep(app(), bob.email, bob.password);
      for (let i = 0; i < 5; i++) await client.post(SECOND_STEP, { challenge, code: wrong });
    }
    const { client, challenge } = await passwordStep(app(), bob.email, bob.password);
    const blocked = await client.post(SECOND_STEP, { challenge, code: codeFor(secret) });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(await app().db.select().from(sessions)).toHaveLength(0);
    expect(await failures(bob.id)).toHaveLength(10);
  });

  it("refuses an expired challenge and bad input, and keeps accounts without two-factor as they were", async () => {
    const { bob, secret, alice } = await bobEnrolled();
    const { client, challenge } = await passwordStep(app(), bob.email, bob.password);
    const refusals: [unknown, Record<string, string>][] = [
      [{ challenge }, { code: "Enter either a code from your authenticator app or a recovery code." }],
      [{ challenge, code: "1234567" }, { code: "Enter the 6-digit code from your authenticator app." }],
      [{ code: "123456" }, { challenge: "Required." }],
    ];
    for (const [body, fields] of refusals) {
      const response = await client.post(SECOND_STEP, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    const unknown = await client.post(SECOND_STEP, { challenge: "not-a-challenge", code: "123456" });
    expect(unknown.json().error).toEqual({
      code: "INVALID_TOKEN",
      message: "This sign-in has expired. Sign in again with your password.",
    });
    clock.advance(5 * 60 * 1000 + 1);
    const late = await client.post(SECOND_STEP, { challenge, code: codeFor(secret) });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe("INVALID_TOKEN");
    expect(await failures(bob.id)).toHaveLength(0);

    const plain = await app()
      .client()
      .post("/api/v1/auth/login", { login: alice.email, password: alice.password });
    expect(plain.statusCode).toBe(200);
    expect(plain.json().email).toBe(alice.email);
  });
});
