import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts, auditEvents, sessions } from "../../db/schema.js";
import { seedDemo } from "../demo/seed-demo.js";

describe("sign-in, sessions and sign-out", () => {
  const app = useTestApp({
    authLimits: {
      failuresPerAccount: { limit: 3, windowSeconds: 600 },
      failuresPerIp: { limit: 8, windowSeconds: 300 },
    },
  });

  const member = async () => {
    const seeded = await seedDemo(app().db);
    const bob = seeded.accounts.find((a) => a.email === "bob.baker@acme.example");
    if (!bob?.videoAddress) throw new Error("demo data lacks Bob");
    return { ...bob, videoAddress: bob.videoAddress };
  };

  it("signs in with an email or a video address, in any case", async () => {
    const bob = await member();
    for (const login of [bob.email, bob.email.toUpperCase(), ` ${bob.videoAddress.toUpperCase()} `]) {
      const client = app().client();
      const response = await client.post("/api/v1/auth/login", { login, password: bob.password });
      expect(response.statusCode, login).toBe(200);
      expect(response.json()).toMatchObject({
        email: bob.email,
        kind: "member",
        role: "member",
        company: { name: "Acme" },
        partner: null,
      });
      expect((await client.get("/api/v1/me")).json().videoAddress).toBe(bob.videoAddress);
    }
  });

  it("sets an HttpOnly, SameSite=Lax session cookie that is not Secure on http", async () => {
    const bob = await member();
    const response = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.email, password: bob.password });
    const cookie = response.cookies.find((c) => c.name === "confero_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    const [stored] = await app().db.select().from(sessions);
    expect(stored?.idHash).not.toBe(cookie?.value);
  });

  it("answers a wrong password and an unknown account the same way", async () => {
    const bob = await member();
    const wrong = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.email, password: "not the password" });
    const unknown = await app()
      .client()
      .post("/api/v1/auth/login", { login: "nobody@nowhere.example", password: "not the password" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "Wrong email, video address or password.",
    });
  });

  it("locks an account after repeated failures, even for the right password, with Retry-After", async () => {
    const bob = await member();
    for (let i = 0; i < 3; i++) {
      const r = await app()
        .client()
        .post("/api/v1/auth/login", { login: bob.email, password: `wrong ${i}` });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.videoAddress, password: bob.password });
    // The video address is a different key; the email is the one that was attacked.
    expect(blocked.statusCode).toBe(200);
    const locked = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.email, password: bob.password });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(500);
    expect(locked.json().error.code).toBe("RATE_LIMITED");
  });

  it("limits failed attempts per IP across accounts, and only failed ones", async () => {
    const bob = await member();
    // An office behind one address: more successful sign-ins than the limit, none refused.
    for (let i = 0; i < 10; i++) {
      const ok = await app()
        .client()
        .post("/api/v1/auth/login", { login: bob.email, password: bob.password });
      expect(ok.statusCode, `sign-in ${i + 1}`).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await app()
        .client()
        .post("/api/v1/auth/login", { login: `user${i}@x.example`, password: "whatever12" });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
  });

  it("signs out: the cookie is cleared and the session is gone from the database", async () => {
    const bob = await member();
    const client = await signIn(app(), bob.email, bob.password);
    const token = client.cookies.get("confero_session");
    const out = await client.post("/api/v1/auth/logout");
    expect(out.statusCode).toBe(204);
    expect(client.cookies.has("confero_session")).toBe(false);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    // The old cookie value no longer works either.
    const replay = await app()
      .client()
      .get("/api/v1/me", { cookie: `confero_session=${token}` });
    expect(replay.statusCode).toBe(401);
    expect(await app().db.select().from(sessions)).toHaveLength(0);
  });

  it("ends idle sessions and sessions past their absolute lifetime", async () => {
    const bob = await member();
    const idle = await signIn(app(), bob.email, bob.password);
    await app().db.update(sessions).set({ lastSeenAt: sql`now() - interval '9 hours'` });
    expect((await idle.get("/api/v1/me")).statusCode).toBe(401);

    const old = await signIn(app(), bob.email, bob.password);
    await app().db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await old.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("a suspended account's sessions stop working and it cannot sign in", async () => {
    const bob = await member();
    const client = await signIn(app(), bob.email, bob.password);
    await app().db.update(accounts).set({ status: "suspended" }).where(eq(accounts.email, bob.email));
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    const again = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob.email, password: bob.password });
    expect(again.statusCode).toBe(401);
  });

  it("changing the password signs out every other session but keeps this one", async () => {
    const bob = await member();
    const laptop = await signIn(app(), bob.email, bob.password);
    const phone = await signIn(app(), bob.email, bob.password);
    const newPassword = "a brand new passphrase";

    const wrong = await laptop.post("/api/v1/me/password", {
      currentPassword: "nope-nope-nope",
      newPassword,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: "The current password is wrong." });

    const short = await laptop.post("/api/v1/me/password", {
      currentPassword: bob.password,
      newPassword: "short",
    });
    expect(short.json().error.fields).toEqual({ newPassword: "Use at least 10 characters." });

    const changed = await laptop.post("/api/v1/me/password", { currentPassword: bob.password, newPassword });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    await signIn(app(), bob.email, newPassword);
    const old = await app().client().post("/api/v1/auth/login", { login: bob.email, password: bob.password });
    expect(old.statusCode).toBe(401);
    const audit = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.password_changed"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorName).toBe("Bob Baker");
  });

  it("requires a session for /me and for changing the password", async () => {
    const client = app().client();
    const me = await client.get("/api/v1/me");
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("UNAUTHENTICATED");
    const change = await client.post("/api/v1/me/password", {
      currentPassword: "x",
      newPassword: "y".repeat(12),
    });
    expect(change.statusCode).toBe(401);
  });
});

describe("CSRF protection", () => {
  const app = useTestApp();

  it("refuses a state-changing request without the X-CSRF-Token header, and changes nothing", async () => {
    const seeded = await seedDemo(app().db);
    const bob = seeded.accounts.find((a) => a.email === "bob.baker@acme.example");
    if (!bob) throw new Error("no Bob");
    const client = await signIn(app(), bob.email, bob.password);
    client.sendCsrf = false;
    const noHeader = await client.post("/api/v1/me/password", {
      currentPassword: bob.password,
      newPassword: "a brand new passphrase",
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe("CSRF_FAILED");

    const wrongHeader = await client.post(
      "/api/v1/auth/logout",
      {},
      { "x-csrf-token": "forged-by-another-site" },
    );
    expect(wrongHeader.statusCode).toBe(403);
    expect((await client.get("/api/v1/me")).statusCode).toBe(200);
    await signIn(app(), bob.email, bob.password);
  });

  it("sets a readable csrf_token cookie on the first API request", async () => {
    const response = await app().client().get("/api/v1/setup/status");
    const cookie = response.cookies.find((c) => c.name === "csrf_token");
    expect(cookie?.httpOnly).toBeFalsy();
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
  });
});

describe("secure cookies", () => {
  const app = useTestApp({ config: { publicUrl: "https://confero.example", secureCookies: true } });

  it("marks cookies Secure when the public URL is https", async () => {
    const seeded = await seedDemo(app().db);
    const bob = seeded.accounts.find((a) => a.email === "bob.baker@acme.example");
    const response = await app()
      .client()
      .post("/api/v1/auth/login", { login: bob?.email, password: bob?.password });
    expect(response.cookies.find((c) => c.name === "confero_session")?.secure).toBe(true);
    const first = await app().client().get("/api/v1/setup/status");
    expect(first.cookies.find((c) => c.name === "csrf_token")?.secure).toBe(true);
  });
});
