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
import { accountTotp, auditEvents, totpRecoveryCodes } from "../../db/schema.js";

describe("two-factor enrolment on the account page", () => {
  const app = useTestApp();
  const clock = useStepClock();
  const STATUS = "/api/v1/me/two-factor";
  const START = "/api/v1/me/two-factor/enrolment";
  const CONFIRM = "/api/v1/me/two-factor/enrolment/confirm";

  const bobSignedIn = async () => {
    const { bob } = await demoAccounts(app());
    return { bob, client: await signIn(app(), bob.email, bob.password) };
  };
  const failures = (accountId: string) =>
    app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.two_factor_failed"), eq(auditEvents.targetId, accountId)));

  it("enrols with a QR code and a first code, and shows ten recovery codes once", async () => {
    const { bob, client } = await bobSignedIn();
    expect((await client.get(STATUS)).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
    });
    const started = await client.post(START);
    expect(started.statusCode).toBe(200);
    const { otpauthUri, qrCode, secret } = started.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*bob\.baker%40acme\.example\?/);
    expect(otpauthUri).toContain("algorithm=SHA1&digits=6&period=30");
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const plain = secret.replace(/ /g, "");
    expect(otpauthUri).toContain(`secret=${plain}`);
    // Sealed, not stored as it is.
    const [stored] = await app().db.select().from(accountTotp).where(eq(accountTotp.accountId, bob.id));
    expect(stored?.secretSealed).not.toContain(plain);
    expect(stored?.confirmedAt).toBeNull();

    const wrong = await client.post(CONFIRM, { code: wrongCodeFor(plain) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      code: "That code is not right. Check the code in your authenticator app.",
    });
    expect((await client.get(STATUS)).json().enabled).toBe(false);
    expect(await failures(bob.id)).toMatchObject([
      { actorAccountId: bob.id, after: { reason: "wrong_code", during: "enrolment" } },
    ]);

    const confirmed = await client.post(CONFIRM, { code: codeFor(plain) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(new Set(codes).size).toBe(10);
    const hashes = await app()
      .db.select()
      .from(totpRecoveryCodes)
      .where(eq(totpRecoveryCodes.accountId, bob.id));
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.codeHash)).not.toContain(codes[0]);

    const status = (await client.get(STATUS)).json();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    expect(status.enabledAt).toEqual(expect.any(String));
    const [enabled] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.two_factor_enabled"));
    expect(enabled).toMatchObject({ actorAccountId: bob.id, targetId: bob.id, after: null });

    // On: a new enrolment or a second confirmation is refused and nothing changes.
    expect((await client.post(START)).statusCode).toBe(409);
    clock.nextStep();
    expect((await client.post(CONFIRM, { code: codeFor(plain) })).statusCode).toBe(409);
    const [after] = await app().db.select().from(accountTotp).where(eq(accountTotp.accountId, bob.id));
    expect(after?.secretSealed).toBe(stored?.secretSealed);
  });

  it("replaces an unconfirmed enrolment when it is started again", async () => {
    const { client } = await bobSignedIn();
    const first = String((await client.post(START)).json().secret).replace(/ /g, "");
    const second = String((await client.post(START)).json().secret).replace(/ /g, "");
    expect(second).not.toBe(first);
    expect((await client.post(CONFIRM, { code: codeFor(first) })).statusCode).toBe(400);
    expect((await client.post(CONFIRM, { code: codeFor(second) })).statusCode).toBe(200);
  });

  it("turns off only with the password and a code or recovery code", async () => {
    const { bob, client } = await bobSignedIn();
    const { secret, recoveryCodes } = await enrol(client, clock.nextStep);
    const DISABLE = "/api/v1/me/two-factor/disable";

    const wrongPassword = await client.post(DISABLE, { password: "not it", code: codeFor(secret) });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.fields).toEqual({ password: "The password is wrong." });
    const wrongCode = await client.post(DISABLE, { password: bob.password, code: wrongCodeFor(secret) });
    expect(wrongCode.statusCode).toBe(400);
    expect(Object.keys(wrongCode.json().error.fields)).toEqual(["code"]);
    const wrongRecovery = await client.post(DISABLE, { password: bob.password, recoveryCode: "aaaa-bbbb" });
    expect(wrongRecovery.json().error.fields).toEqual({
      recoveryCode: "That recovery code is not valid or has already been used.",
    });
    expect(await failures(bob.id)).toHaveLength(2);
    expect((await client.get(STATUS)).json().enabled).toBe(true);

    const off = await client.post(DISABLE, { password: bob.password, recoveryCode: recoveryCodes[3] });
    expect(off.statusCode, off.body).toBe(204);
    expect((await client.get(STATUS)).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await app().db.select().from(totpRecoveryCodes)).toHaveLength(0);
    expect(
      await app().db.select().from(auditEvents).where(eq(auditEvents.action, "account.two_factor_disabled")),
    ).toHaveLength(1);
    // Off again: the password alone signs in.
    const again = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.email, password: bob.password });
    expect(again.statusCode).toBe(200);
  });

  it("regenerates the recovery codes with a current code; the old ones stop working", async () => {
    const { bob, client } = await bobSignedIn();
    const { secret, recoveryCodes: old } = await enrol(client, clock.nextStep);
    const REGENERATE = "/api/v1/me/two-factor/recovery-codes";
    expect((await client.post(REGENERATE, { code: wrongCodeFor(secret) })).statusCode).toBe(400);
    const fresh = await client.post(REGENERATE, { code: codeFor(secret) });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const codes: string[] = fresh.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(old[0]);
    expect(
      await app()
        .db.select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "account.two_factor_recovery_codes_regenerated")),
    ).toHaveLength(1);

    const { challenge } = await passwordStep(app(), bob.email, bob.password);
    const withOld = await app()
      .client()
      .post("/api/v1/auth/login/two-factor", { challenge, recoveryCode: old[0] });
    expect(withOld.statusCode).toBe(400);
    const withNew = await app()
      .client()
      .post("/api/v1/auth/login/two-factor", { challenge, recoveryCode: codes[0] });
    expect(withNew.statusCode, withNew.body).toBe(200);
  });

  it("answers 401 without a session and 400 for bad input, changing nothing", async () => {
    const anonymous = app().client();
    expect((await anonymous.get(STATUS)).statusCode).toBe(401);
    for (const path of [
      START,
      CONFIRM,
      "/api/v1/me/two-factor/disable",
      "/api/v1/me/two-factor/recovery-codes",
    ]) {
      expect((await anonymous.post(path, { code: "123456" })).statusCode, path).toBe(401);
    }
    const { bob, client } = await bobSignedIn();
    await client.post(START);
    const refusals: [string, unknown, Record<string, string>][] = [
      [CONFIRM, { code: "12345" }, { code: "Enter the 6-digit code from your authenticator app." }],
      [CONFIRM, { code: "abcdef" }, { code: "Enter the 6-digit code from your authenticator app." }],
      [CONFIRM, {}, { code: "Enter the 6-digit code from your authenticator app." }],
      [CONFIRM, { code: "123456", extra: 1 }, { extra: "Unknown field." }],
      [
        "/api/v1/me/two-factor/disable",
        { password: "x", code: "123456", recoveryCode: "abcd-2345" },
        { recoveryCode: "Enter either a code from your authenticator app or a recovery code." },
      ],
      [
        "/api/v1/me/two-factor/disable",
        { password: "x" },
        { code: "Enter either a code from your authenticator app or a recovery code." },
      ],
      [
        "/api/v1/me/two-factor/disable",
        { password: "x", recoveryCode: "nope" },
        { recoveryCode: "Enter one of your recovery codes, like abcd-2345." },
      ],
    ];
    for (const [path, body, fields] of refusals) {
      const response = await client.post(path, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    // Turning off or regenerating without two-factor on is a conflict, not a 500.
    expect((await client.post("/api/v1/me/two-factor/recovery-codes", { code: "123456" })).statusCode).toBe(
      409,
    );
    expect((await client.get(STATUS)).json().enabled).toBe(false);
    expect(await failures(bob.id)).toHaveLength(0);
  });
});
