import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountByEmail, oktaUser, scimClient, scimWorld } from "../../../../test/helpers/scim.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, companies, scimTokens } from "../../db/schema.js";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const filterFor = (userName: string) => `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;

describe("SCIM: an Okta cycle, bad input, licences and tenancy", () => {
  const app = useTestApp();

  it("plays Okta: filter, create, PUT full replace, PATCH active false, paging", async () => {
    const t = app();
    const { scimA, domainA } = await scimWorld(t);
    expect((await scimA.get(filterFor("olly@okta.example"))).json().totalResults).toBe(0);
    const created = await scimA.post("/Users", oktaUser("olly@okta.example"));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect(created.json()).toMatchObject({ displayName: "Olly Okta", externalId: "00u1abcd" });

    // PUT replaces: a new name and email; externalId left out is cleared; the address stays.
    const put = await scimA.put(
      `/Users/${id}`,
      oktaUser("olly.o@okta.example", {
        id,
        displayName: undefined,
        externalId: undefined,
        name: { givenName: "Oliver", familyName: "Okta" },
      }),
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ userName: "olly.o@okta.example", displayName: "Oliver Okta" });
    expect(put.json().externalId).toBeUndefined();
    expect(put.json()["urn:ietf:params:scim:schemas:extension:confero:2.0:User"].videoAddress).toBe(
      `olly.user@${domainA}`,
    );
    expect(await accountByEmail(t, "olly@okta.example")).toBeUndefined();

    const off = await scimA.patch(`/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(off.json().active).toBe(false);
    expect((await accountByEmail(t, "olly.o@okta.example"))?.status).toBe("suspended");
    // Reactivating a member who never set a password and has no SSO: invited again, a fresh email.
    const on = await scimA.patch(`/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "active", value: true }],
    });
    expect(on.json().active).toBe(true);
    expect((await accountByEmail(t, "olly.o@okta.example"))?.status).toBe("invited");

    // Paging: the company admin and Olly; startIndex is 1-based, count caps the page.
    const page = (await scimA.get("/Users?startIndex=2&count=1")).json();
    expect(page).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1 });
    expect(page.Resources[0].id).toBe(id);
    expect((await scimA.get("/Users?count=0")).json()).toMatchObject({ totalResults: 2, Resources: [] });
  });

  it("shows an admin's edit on the Members page as a new lastModified and version", async () => {
    const t = app();
    const { scimA, companyA } = await scimWorld(t);
    const created = await scimA.post("/Users", oktaUser("edna@okta.example"));
    expect(created.statusCode, created.body).toBe(201);
    const { id, meta: before } = created.json();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const renamed = await companyA.admin.request("PATCH", `/api/v1/companies/${companyA.id}/members/${id}`, {
      fullName: "Edna Edited",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = (await scimA.get(`/Users/${id}`)).json();
    expect(after.displayName).toBe("Edna Edited");
    expect(Date.parse(after.meta.lastModified)).toBeGreaterThan(Date.parse(before.lastModified));
    expect(after.meta.version).not.toBe(before.version);
  });

  it("refuses malformed JSON, bad filters and unknown attributes with SCIM errors, changing nothing, auditing each", async () => {
    const t = app();
    const { scimA, companyA } = await scimWorld(t);
    const before = await rowCounts(t);
    const malformed = await scimA.post("/Users", '{"schemas": [');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "400",
      scimType: "invalidSyntax",
      detail: expect.any(String),
    });
    const badFilter = await scimA.get(`/Users?filter=${encodeURIComponent("userName eq")}`);
    expect(badFilter.json()).toMatchObject({ status: "400", scimType: "invalidFilter" });
    const unsupported = await scimA.get(`/Users?filter=${encodeURIComponent('title co "x"')}`);
    expect(unsupported.json()).toMatchObject({
      scimType: "invalidFilter",
      detail: expect.stringContaining("userName eq"),
    });
    const unknown = await scimA.post("/Users", oktaUser("x@okta.example", { favouriteColour: "blue" }));
    expect(unknown.json()).toMatchObject({
      status: "400",
      scimType: "invalidSyntax",
      detail: expect.stringContaining("favouriteColour"),
    });
    const badPath = await scimA.patch(`/Users/${companyA.id}`, { schemas: [PATCH], Operations: [] });
    expect(badPath.statusCode).toBe(404);
    const failures = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "scim.request_failed"), eq(auditEvents.companyId, companyA.id)));
    expect(failures).toHaveLength(5);
    expect(failures.map((f) => (f.after as { status: number }).status).sort()).toEqual([
      400, 400, 400, 400, 404,
    ]);
    const after = await rowCounts(t);
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
  });

  it("answers 409 with a SCIM body when the company's licences are used up", async () => {
    const t = app();
    const { scimA, companyA } = await scimWorld(t);
    await t.db.update(companies).set({ licences: 2 }).where(eq(companies.id, companyA.id));
    expect((await scimA.post("/Users", oktaUser("one@okta.example"))).statusCode).toBe(201);
    const full = await scimA.post("/Users", oktaUser("two@okta.example", { externalId: "2" }));
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ status: "409", detail: expect.stringContaining("No licences left") });
    expect(await accountByEmail(t, "two@okta.example")).toBeUndefined();
  });

  it("keeps each token to its own company; a revoked or unknown token is 401 with WWW-Authenticate", async () => {
    const t = app();
    const { scimA, scimB, companyA, tokenA } = await scimWorld(t);
    const jane = (await scimA.post("/Users", oktaUser("jane@alpha.example"))).json();
    // Company B's token sees only company B: A's user is not found, and nothing changes.
    expect((await scimB.get(filterFor("jane@alpha.example"))).json().totalResults).toBe(0);
    expect((await scimB.get(`/Users/${jane.id}`)).statusCode).toBe(404);
    const patch = await scimB.patch(`/Users/${jane.id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    expect(patch.statusCode).toBe(404);
    expect((await scimB.delete(`/Users/${jane.id}`)).statusCode).toBe(404);
    expect((await accountByEmail(t, "jane@alpha.example"))?.status).toBe("invited");
    expect((await scimB.get("/Users")).json().Resources.map((u: { userName: string }) => u.userName)).toEqual(
      ["admin@beta-co.example"],
    );

    const unknown = await scimClient(t, "scim_not-a-token").get("/Users");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(unknown.json()).toMatchObject({ status: "401" });
    expect((await t.app.inject({ method: "GET", url: "/scim/v2/Users" })).statusCode).toBe(401);

    const revoked = await companyA.admin.post(
      `/api/v1/companies/${companyA.id}/scim-tokens/${tokenA.token.id}/revoke`,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await scimA.get("/Users");
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/revoked/);
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "scim.request_failed"), eq(auditEvents.companyId, companyA.id)));
    expect(audited.map((a) => (a.after as { status: number }).status)).toContain(401);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const t = app();
    const { scimA, tokenA } = await scimWorld(t);
    const lastUsed = async () =>
      (await t.db.select().from(scimTokens).where(eq(scimTokens.id, tokenA.token.id)))[0]?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await scimA.get("/Users");
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await scimA.get("/Users");
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
  });

  it("never lets SCIM remove or suspend the company's last admin", async () => {
    const t = app();
    const { scimA, companyA } = await scimWorld(t);
    const admin = await accountByEmail(t, companyA.adminEmail);
    const suspend = await scimA.patch(`/Users/${admin?.id}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(suspend.statusCode).toBe(409);
    expect((await scimA.delete(`/Users/${admin?.id}`)).statusCode).toBe(409);
    expect((await accountByEmail(t, companyA.adminEmail))?.status).toBe("active");
  });
});
