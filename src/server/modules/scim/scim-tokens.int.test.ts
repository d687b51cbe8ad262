import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createScimToken, scimClient } from "../../../../test/helpers/scim.js";
import { acceptInvitation, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, scimTokens } from "../../db/schema.js";
import { hashToken } from "../../lib/tokens.js";

describe("SCIM tokens: company admins create, list and revoke them", () => {
  const app = useTestApp();
  const path = (companyId: string) => `/api/v1/companies/${companyId}/scim-tokens`;

  it("shows a new token once, stores only its hash, and lists name, prefix, created and last used", async () => {
    const t = app();
    const { companyA } = await twoTenants(t);
    const empty = await companyA.admin.get(path(companyA.id));
    expect(empty.json()).toEqual({ scimBaseUrl: "http://confero.test/scim/v2", items: [] });

    const created = await createScimToken(companyA.admin, companyA.id, "Entra ID");
    expect(created.secret).toMatch(/^scim_[\w-]{43}$/);
    expect(created.token.prefix).toBe(created.secret.slice(0, 11));
    const [row] = await t.db.select().from(scimTokens).where(eq(scimTokens.id, created.token.id));
    expect(row?.tokenHash).toBe(hashToken(t.config.sessionSecret, created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);

    await scimClient(t, created.secret).get("/Users");
    const listed = (await companyA.admin.get(path(companyA.id))).json();
    expect(listed.items).toEqual([
      {
        id: created.token.id,
        name: "Entra ID",
        prefix: created.token.prefix,
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "scim_token.created"), eq(auditEvents.companyId, companyA.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it("revokes a token once: it stops working at once, a second revoke is 404", async () => {
    const t = app();
    const { companyA } = await twoTenants(t);
    const { token, secret } = await createScimToken(companyA.admin, companyA.id);
    const revoke = () => companyA.admin.post(`${path(companyA.id)}/${token.id}/revoke`);
    const first = await revoke();
    expect(first.statusCode).toBe(200);
    expect(first.json().revokedAt).toEqual(expect.any(String));
    expect((await scimClient(t, secret).get("/Users")).statusCode).toBe(401);
    expect((await revoke()).statusCode).toBe(404);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "scim_token.revoked"));
    expect(audits).toHaveLength(1);
  });

  it("validates the name and refuses members (403) and other companies' admins (404), changing nothing", async () => {
    const t = app();
    const { companyA, companyB } = await twoTenants(t);
    const { token } = await createScimToken(companyA.admin, companyA.id);
    const blank = await companyA.admin.post(path(companyA.id), { name: "  " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual({ name: "Required." });
    expect(
      (await companyA.admin.post(path(companyA.id), { name: "x", scope: "all" })).json().error.fields,
    ).toEqual({
      scope: "Unknown field.",
    });

    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@alpha.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode).toBe(201);
    const mia = await acceptInvitation(t, "mia@alpha.example");
    expect((await mia.get(path(companyA.id))).statusCode).toBe(403);
    expect((await mia.post(path(companyA.id), { name: "Mine" })).statusCode).toBe(403);

    expect((await companyB.admin.get(path(companyA.id))).statusCode).toBe(404);
    expect((await companyB.admin.post(path(companyA.id), { name: "Theirs" })).statusCode).toBe(404);
    expect((await companyB.admin.post(`${path(companyA.id)}/${token.id}/revoke`)).statusCode).toBe(404);
    // B's admin cannot revoke A's token through B's own company either.
    expect((await companyB.admin.post(`${path(companyB.id)}/${token.id}/revoke`)).statusCode).toBe(404);
    const rows = await t.db.select().from(scimTokens);
    expect(rows.map((r) => [r.companyId, r.revokedAt])).toEqual([[companyA.id, null]]);
    expect((await t.app.inject({ method: "GET", url: path(companyA.id) })).statusCode).toBe(401);
  });
});
