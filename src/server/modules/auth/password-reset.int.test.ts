import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { outbox, passwordResetTokens } from "../../db/schema.js";
import { seedDemo } from "../demo/seed-demo.js";

describe("password reset by email", () => {
  const app = useTestApp({ authLimits: { resetRequestsPerIp: { limit: 4, windowSeconds: 900 } } });

  const carol = async () => {
    const seeded = await seedDemo(app().db);
    const account = seeded.accounts.find((a) => a.email === "carol.chen@acme.example");
    if (!account) throw new Error("no Carol");
    return account;
  };

  const resetLinkFromOutbox = async () => {
    const [mail] = await app().db.select().from(outbox);
    const link = mail?.textBody.match(/https?:\/\/\S+reset-password\?token=[\w-]+/)?.[0];
    if (!mail || !link) throw new Error("no reset email in the outbox");
    return { mail, link, token: new URL(link).searchParams.get("token") ?? "" };
  };

  it("answers the same whether or not the email has an account, and mails only real ones", async () => {
    const account = await carol();
    const known = await app()
      .client()
      .post("/api/v1/auth/password-reset", { email: account.email.toUpperCase() });
    const unknown = await app().client().post("/api/v1/auth/password-reset", { email: "ghost@acme.example" });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mails = await app().db.select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: account.email, status: "pending" });
    expect(mails[0]?.subject).toBe("Reset your Confero Demo password");
    const { mail, link } = await resetLinkFromOutbox();
    expect(link.startsWith("http://confero.test/reset-password?token=")).toBe(true);
    expect(mail.htmlBody).toContain(link);
  });

  it("sets the new password once, signs out every session, and the link dies", async () => {
    const account = await carol();
    const session = await signIn(app(), account.email, account.password);
    await app().client().post("/api/v1/auth/password-reset", { email: account.email });
    const { token } = await resetLinkFromOutbox();

    const weak = await app()
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "tiny" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ password: "Use at least 10 characters." });

    const password = "my new reset passphrase";
    const ok = await app().client().post("/api/v1/auth/password-reset/confirm", { token, password });
    expect(ok.statusCode).toBe(204);
    expect((await session.get("/api/v1/me")).statusCode).toBe(401);
    await signIn(app(), account.email, password);

    const reused = await app()
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "another passphrase" });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe("INVALID_TOKEN");
    await signIn(app(), account.email, password);
  });

  it("refuses a link older than an hour", async () => {
    const account = await carol();
    await app().client().post("/api/v1/auth/password-reset", { email: account.email });
    const { token } = await resetLinkFromOutbox();
    await app().db.update(passwordResetTokens).set({ expiresAt: sql`now() - interval '1 second'` });
    const late = await app()
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "too late passphrase" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(/expired or has already been used/);
    await signIn(app(), account.email, account.password);
  });

  it("stores only a hash of the token, valid for one hour", async () => {
    const account = await carol();
    await app().client().post("/api/v1/auth/password-reset", { email: account.email });
    const { token } = await resetLinkFromOutbox();
    const [row] = await app().db.select().from(passwordResetTokens);
    expect(row?.tokenHash).not.toBe(token);
    const minutes = ((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 60_000;
    expect(minutes).toBeCloseTo(60, 0);
  });

  it("limits reset requests per IP", async () => {
    await carol();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await app()
            .client()
            .post("/api/v1/auth/password-reset", { email: `x${i}@y.example` })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    expect((await app().db.select({ n: count() }).from(outbox))[0]?.n).toBe(0);
  });
});
