import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { askPolicy, infinityCallQuery, policyChange } from "../../../../test/helpers/policy.js";
import { accountByEmail, entraUser, scimWorld } from "../../../../test/helpers/scim.js";
import { INVITEE_PASSWORD, invitationToken } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, companySso, outbox, personalRooms, sessions } from "../../db/schema.js";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

describe("SCIM: discovery and an Entra ID provisioning cycle", () => {
  const app = useTestApp();

  it("describes itself: ServiceProviderConfig, ResourceTypes and Schemas (with the Confero extension)", async () => {
    const { scimA } = await scimWorld(app());
    const config = await scimA.get("/ServiceProviderConfig");
    expect(config.statusCode).toBe(200);
    expect(config.headers["content-type"]).toMatch(/^application\/scim\+json/);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const types = (await scimA.get("/ResourceTypes")).json();
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(["User"]);
    const schemas = (await scimA.get("/Schemas")).json();
    const confero = schemas.Resources.find((s: { id: string }) => s.id.includes("confero"));
    expect(confero.attributes.map((a: { name: string }) => a.name)).toEqual(["videoAddress"]);
    expect((await scimA.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")).statusCode).toBe(200);
  });

  it("creates, finds, patches, deactivates, reactivates and deletes a user as Entra ID does", async () => {
    const t = app();
    const { scimA, companyA, domainA } = await scimWorld(t);
    // 1. Entra looks the user up first.
    const none = await scimA.get(
      `/Users?filter=${encodeURIComponent('userName eq "jane.doe@corp.example"')}`,
    );
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [] });

    // 2. POST with the enterprise extension.
    const created = await scimA.post("/Users", entraUser("Jane.Doe@corp.example"));
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(created.headers.location).toBe(`http://confero.test/scim/v2/Users/${user.id}`);
    expect(user).toMatchObject({
      userName: "jane.doe@corp.example",
      displayName: "Jane Doe",
      externalId: "entra-Jane.Doe@corp.example",
      active: true,
      emails: [{ value: "jane.doe@corp.example", primary: true }],
      "urn:ietf:params:scim:schemas:extension:confero:2.0:User": { videoAddress: `jane.doe@${domainA}` },
      meta: { resourceType: "User", version: expect.stringMatching(/^W\/"\d+"$/) },
    });
    const row = await accountByEmail(t, "jane.doe@corp.example");
    expect(row).toMatchObject({
      status: "invited",
      provisionedBy: "scim",
      companyId: companyA.id,
      role: "member",
    });
    const [room] = await t.db.select().from(personalRooms).where(eq(personalRooms.accountId, user.id));
    expect(room?.address).toBe(`jane.doe.vmr@${domainA}`);
    // Not covered by single sign-on: the normal invitation email.
    expect(await invitationToken(t, "jane.doe@corp.example")).toBeTruthy();

    // 3. The same user name again (another IdP user) is a uniqueness conflict, nothing written.
    const again = await scimA.post("/Users", entraUser("jane.doe@corp.example", { externalId: "other" }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ scimType: "uniqueness", status: "409" });

    // 4. Found by filter.
    const found = await scimA.get(
      `/Users?filter=${encodeURIComponent('userName eq "jane.doe@corp.example"')}`,
    );
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: user.id }] });

    // 5. PATCH with Entra's "Replace" ops and a path-less value object.
    const patched = await scimA.patch(`/Users/${user.id}`, {
      schemas: [PATCH],
      Operations: [
        { op: "Replace", path: "displayName", value: "Jane Q. Doe" },
        { op: "Replace", value: { "name.givenName": "Jane", externalId: "entra-42" } },
        { op: "Add", path: 'emails[type eq "work"].value', value: "jane.doe@corp.example" },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ displayName: "Jane Q. Doe", externalId: "entra-42" });
    expect(patched.json().meta.version).not.toBe(user.meta.version);

    // The member accepts their invitation and signs in.
    const jane = t.client();
    const token = await invitationToken(t, "jane.doe@corp.example");
    expect(
      (await jane.post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD })).statusCode,
    ).toBe(200);

    // 6. Deactivate with active "False": suspended, sessions gone, sign-in refused, VMR rejects calls.
    const off = await policyChange(t, () =>
      scimA.patch(`/Users/${user.id}`, {
        schemas: [PATCH],
        Operations: [{ op: "Replace", path: "active", value: "False" }],
      }),
    );
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await accountByEmail(t, "jane.doe@corp.example"))?.status).toBe("suspended");
    expect(await t.db.select().from(sessions).where(eq(sessions.accountId, user.id))).toEqual([]);
    expect((await jane.get("/api/v1/me")).statusCode).toBe(401);
    const signIn = await t
      .client()
      .post("/api/v1/auth/login", { login: "jane.doe@corp.example", password: INVITEE_PASSWORD });
    expect(signIn.statusCode).toBe(401);
    const call = await askPolicy(
      t,
      "/service/configuration",
      infinityCallQuery({ local_alias: room?.address }),
    );
    expect(call.json()).toMatchObject({ action: "reject", reason: expect.stringContaining("suspended") });

    // 7. Reactivate (path-less, boolean): active again, signs in, the VMR takes calls.
    const on = await policyChange(t, () =>
      scimA.patch(`/Users/${user.id}`, {
        schemas: [PATCH],
        Operations: [{ op: "Replace", value: { active: true } }],
      }),
    );
    expect(on.json().active).toBe(true);
    expect((await accountByEmail(t, "jane.doe@corp.example"))?.status).toBe("active");
    const back = await t
      .client()
      .post("/api/v1/auth/login", { login: "jane.doe@corp.example", password: INVITEE_PASSWORD });
    expect(back.statusCode).toBe(200);
    const callAgain = await askPolicy(
      t,
      "/service/configuration",
      infinityCallQuery({ local_alias: room?.address }),
    );
    expect(callAgain.json().result.service_type).toBe("conference");

    // 8. DELETE: gone with their personal VMR; a second DELETE is 404.
    expect((await scimA.delete(`/Users/${user.id}`)).statusCode).toBe(204);
    expect(await accountByEmail(t, "jane.doe@corp.example")).toBeUndefined();
    expect(await t.db.select().from(personalRooms).where(eq(personalRooms.accountId, user.id))).toEqual([]);
    expect((await scimA.delete(`/Users/${user.id}`)).statusCode).toBe(404);

    const actions = (
      await t.db
        .select({ action: auditEvents.action, actor: auditEvents.actorName })
        .from(auditEvents)
        .where(and(eq(auditEvents.companyId, companyA.id), eq(auditEvents.targetId, user.id)))
    ).map((a) => `${a.action} by ${a.actor}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'member.provisioned by SCIM client "Entra ID"',
        'member.updated by SCIM client "Entra ID"',
        'member.suspended by SCIM client "Entra ID"',
        'member.reactivated by SCIM client "Entra ID"',
        'member.deleted by SCIM client "Entra ID"',
      ]),
    );
  });

  it("numbers derived addresses on a clash and honours an explicit videoAddress", async () => {
    const { scimA, domainA } = await scimWorld(app());
    const first = await scimA.post("/Users", entraUser("jane.doe@corp.example"));
    const second = await scimA.post("/Users", entraUser("jane.doe@other.example"));
    const third = await scimA.post(
      "/Users",
      entraUser("jd@third.example", {
        "urn:ietf:params:scim:schemas:extension:confero:2.0:User": { videoAddress: "Jane.Video" },
      }),
    );
    const address = (r: typeof first) =>
      r.json()["urn:ietf:params:scim:schemas:extension:confero:2.0:User"].videoAddress;
    expect(address(first)).toBe(`jane.doe@${domainA}`);
    expect(address(second)).toBe(`jane.doe2@${domainA}`);
    expect(address(third)).toBe(`jane.video@${domainA}`);
    const bad = await scimA.post(
      "/Users",
      entraUser("jx@third.example", {
        "urn:ietf:params:scim:schemas:extension:confero:2.0:User": { videoAddress: "9lives" },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      scimType: "invalidValue",
      detail: expect.stringContaining("videoAddress"),
    });
  });

  it("creates members covered by single sign-on active, with no password and no email", async () => {
    const t = app();
    const { scimA, companyA } = await scimWorld(t);
    await t.db.insert(companySso).values({
      companyId: companyA.id,
      enabled: true,
      issuer: "https://idp.corp.example",
      clientId: "confero",
      clientSecretSealed: "sealed",
      emailDomains: ["corp.example"],
    });
    const mailsBefore = (await t.db.select().from(outbox)).length;
    const covered = await scimA.post("/Users", entraUser("sso.user@corp.example"));
    expect(covered.statusCode, covered.body).toBe(201);
    expect(await accountByEmail(t, "sso.user@corp.example")).toMatchObject({
      status: "active",
      passwordHash: null,
    });
    expect((await t.db.select().from(outbox)).length).toBe(mailsBefore);

    const uncovered = await scimA.post("/Users", entraUser("guest.user@elsewhere.example"));
    expect(uncovered.statusCode).toBe(201);
    expect((await accountByEmail(t, "guest.user@elsewhere.example"))?.status).toBe("invited");
    expect(await invitationToken(t, "guest.user@elsewhere.example")).toBeTruthy();
  });
});
