import type { AddressObject } from "mailparser";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { completeSetup, OPERATOR, tokenFromLink } from "../../../../test/helpers/fixtures.js";
import { type SmtpCapture, startSmtpCapture } from "../../../../test/helpers/smtp-capture.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import {
  createTestDatabase,
  type TestDatabase,
  truncateAll,
} from "../../../../test/helpers/test-database.js";
import { MailWorker } from "../mail/mail-worker.js";

const NEW_PASSWORD = "a brand new passphrase";

let database: TestDatabase;
let capture: SmtpCapture;
let t: TestApp | undefined;

// One database and one SMTP server per file; each test gets an emptied database and a fresh app.
beforeAll(async () => {
  [database, capture] = await Promise.all([createTestDatabase(), startSmtpCapture()]);
});
beforeEach(async () => {
  await truncateAll(database);
  capture.messages.length = 0;
});
afterEach(async () => {
  await t?.close();
  t = undefined;
});
afterAll(async () => {
  await Promise.all([database.close(), capture.stop()]);
});

/** The real delivery path: outbox → MailWorker → SMTP. Returns how many messages it handled. */
async function runMailWorker(app: TestApp): Promise<number> {
  const worker = new MailWorker({
    db: app.db,
    log: pino({ level: "silent" }),
    smtpUrl: app.config.smtpUrl,
    from: app.config.mailFrom,
  });
  const handled = await worker.runOnce();
  await worker.stop();
  return handled;
}

const login = (app: TestApp, password: string) =>
  app.client().post("/api/v1/auth/login", { login: OPERATOR.email, password });

describe("password reset by email, end to end", () => {
  it("mails a one-time link that sets a new password", async () => {
    t = await createTestApp({
      database,
      config: { smtpUrl: capture.url, mailFrom: "Example Video <no-reply@video.example.com>" },
    });
    await completeSetup(t);

    // Typed in capitals and with spaces, as people do.
    const request = await t.client().post("/api/v1/auth/password-reset", {
      email: `  ${OPERATOR.email.toUpperCase()} `,
    });
    expect(request.statusCode).toBe(202);

    expect(await runMailWorker(t)).toBe(1);
    const [mail] = await capture.waitFor(1);
    if (!mail) throw new Error("no email arrived");
    const to = (mail.to as AddressObject).value[0]?.address;
    expect(to).toBe(OPERATOR.email);
    expect(mail.subject).toBe("Reset your Example Video password");
    const link = mail.text?.match(/https?:\/\/\S+/)?.[0];
    expect(link).toMatch(/^http:\/\/confero\.test\/reset-password\?token=[\w-]+$/);
    expect(mail.html).toContain(`href="${link}"`);
    const token = tokenFromLink(link ?? null);

    const confirm = await t
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: NEW_PASSWORD });
    expect(confirm.statusCode).toBe(204);

    expect((await login(t, NEW_PASSWORD)).statusCode).toBe(200);
    const old = await login(t, OPERATOR.password);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe("INVALID_CREDENTIALS");

    const again = await t
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "yet another passphrase" });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("INVALID_TOKEN");
    // The refused second use changed nothing.
    expect((await login(t, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("answers an unknown email the same way and sends nothing", async () => {
    t = await createTestApp({ database, config: { smtpUrl: capture.url } });
    await completeSetup(t);

    const response = await t.client().post("/api/v1/auth/password-reset", { email: "nobody@example.test" });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });

    // The SMTP server answers only after storing a message, so nothing here means nothing sent.
    expect(await runMailWorker(t)).toBe(0);
    expect(capture.messages).toHaveLength(0);
  });
});
