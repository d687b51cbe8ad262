import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import {
  companyBody,
  createPartner,
  INVITEE_PASSWORD,
  invitationToken,
} from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts, auditEvents, invitations, outbox } from "../../db/schema.js";

describe("invitations", () => {
  const app = useTestApp();

  /** A company created by an operator; its first admin is invited. */
  const invitedAdmin = async () => {
    const operator = await completeSetup(app());
    const partner = await createPartner(app(), operator, "Alpha Partners");
    const body = companyBody("acme", {
      firstAdmin: { fullName: "Alice Admin", email: "Alice@Acme.Example", videoAddress: "Alice.Admin" },
    });
    const created = await operator.post(`/api/v1/partners/${partner.id}/companies`, body);
    expect(created.statusCode).toBe(201);
    return { email: "alice@acme.example", token: await invitationToken(app(), "alice@acme.example") };
  };

  it("emails the invited admin a link naming the company and the service, valid 30 days", async () => {
    const { email, token } = await invitedAdmin();
    const [mail] = await app().db.select().from(outbox).where(eq(outbox.toAddress, email));
    expect(mail?.subject).toBe("You are invited to Acme Inc on Example Video");
    expect(mail?.textBody).toContain(`http://confero.test/invitations/${token}`);
    expect(mail?.textBody).toContain("valid for 30 days");
    expect(mail?.textBody).toContain("administrator of Acme Inc");
    expect(mail?.textBody).toContain("alice.admin@acme.video.example.com");
    expect(mail?.htmlBody).toContain(`href="http://confero.test/invitations/${token}"`);
    const [stored] = await app().db.select().from(invitations);
    expect(stored?.tokenHash).not.toBe(token);
    const days = ((stored?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("shows the invitation to whoever has the link", async () => {
    const { token } = await invitedAdmin();
    const response = await app().client().get(`/api/v1/invitations/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      fullName: "Alice Admin",
      email: "alice@acme.example",
      kind: "member",
      companyName: "Acme Inc",
      partnerName: null,
      videoAddress: "alice.admin@acme.video.example.com",
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      singleSignOn: "none",
    });
  });

  it("refuses a short password with a field message and changes nothing", async () => {
    const { email, token } = await invitedAdmin();
    const response = await app().client().post(`/api/v1/invitations/${token}/accept`, { password: "short" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ password: "Use at least 10 characters." });
    const [account] = await app().db.select().from(accounts).where(eq(accounts.email, email));
    expect(account?.status).toBe("invited");
    expect(account?.passwordHash).toBeNull();
    expect((await app().client().get(`/api/v1/invitations/${token}`)).statusCode).toBe(200);
  });

  it("accepting signs the admin in, activates the account, and the link then 404s", async () => {
    const { email, token } = await invitedAdmin();
    const client = app().client();
    const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      email,
      kind: "member",
      role: "admin",
      company: { name: "Acme Inc" },
    });
    const me = await client.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email, kind: "member", role: "admin" });
    const [account] = await app().db.select().from(accounts).where(eq(accounts.email, email));
    expect(account?.status).toBe("active");
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.activated"), eq(auditEvents.targetId, account?.id ?? "")));
    expect(audit).toMatchObject({ actorAccountId: account?.id, companyId: account?.companyId });
    expect(account?.companyId).toEqual(expect.any(String));

    const again = await app().client().get(`/api/v1/invitations/${token}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toEqual({
      code: "NOT_FOUND",
      message: "This invitation link is invalid, has expired or has already been used.",
    });
    const reuse = await app()
      .client()
      .post(`/api/v1/invitations/${token}/accept`, { password: "another passphrase" });
    expect(reuse.statusCode).toBe(404);
    // The refused second use did not change the password.
    const signIn = await app()
      .client()
      .post("/api/v1/auth/login", { login: email, password: INVITEE_PASSWORD });
    expect(signIn.statusCode).toBe(200);
  });

  it("an expired invitation 404s and cannot be accepted", async () => {
    const { email, token } = await invitedAdmin();
    await app().db.update(invitations).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await app().client().get(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
    const accept = await app()
      .client()
      .post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
    expect(accept.statusCode).toBe(404);
    const [account] = await app().db.select().from(accounts).where(eq(accounts.email, email));
    expect(account?.status).toBe("invited");
  });

  it("an unknown token 404s; an invited account cannot sign in before accepting", async () => {
    const { email } = await invitedAdmin();
    expect((await app().client().get("/api/v1/invitations/not-a-token")).statusCode).toBe(404);
    const accept = await app()
      .client()
      .post("/api/v1/invitations/not-a-token/accept", { password: INVITEE_PASSWORD });
    expect(accept.statusCode).toBe(404);
    const login = await app()
      .client()
      .post("/api/v1/auth/login", { login: email, password: INVITEE_PASSWORD });
    expect(login.statusCode).toBe(401);
    const [account] = await app().db.select().from(accounts).where(eq(accounts.email, email));
    const used = await app()
      .db.select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.accountId, account?.id ?? ""), isNotNull(invitations.usedAt)));
    expect(used[0]?.n).toBe(0);
  });

  it("a partner admin's invitation names the partner", async () => {
    const operator = await completeSetup(app());
    const created = (await operator.post("/api/v1/partners", { name: "Gamma Partners" })).json();
    const invited = await operator.post(`/api/v1/partners/${created.id}/admins`, {
      fullName: "Gus Gamma",
      email: "gus@gamma.example",
    });
    expect(invited.statusCode).toBe(201);
    const token = await invitationToken(app(), "gus@gamma.example");
    const shown = (await app().client().get(`/api/v1/invitations/${token}`)).json();
    expect(shown).toMatchObject({ kind: "partner_admin", partnerName: "Gamma Partners", companyName: null });
    const [mail] = await app().db.select().from(outbox).where(eq(outbox.toAddress, "gus@gamma.example"));
    expect(mail?.subject).toBe("You are invited to Gamma Partners on Example Video");
    expect(mail?.textBody).toContain("administrator of the partner Gamma Partners");
    const client = app().client();
    const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
    expect(accepted.json()).toMatchObject({ kind: "partner_admin", partner: { name: "Gamma Partners" } });
  });
});
