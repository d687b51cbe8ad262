import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { accounts, auditEvents, personalRooms } from "../../db/schema.js";

describe("my profile", () => {
  const app = useTestApp();

  const audits = (action: string) =>
    app().db.select().from(auditEvents).where(eq(auditEvents.action, action));

  it("answers 401 to every endpoint without a session, whatever the body, and changes nothing", async () => {
    await demoCompanies(app());
    const before = await rowCounts(app());
    const client = app().client();
    expect((await client.get("/api/v1/me/profile")).statusCode).toBe(401);
    expect((await client.request("PATCH", "/api/v1/me/profile", { fullName: "X" })).statusCode).toBe(401);
    expect((await client.request("PATCH", "/api/v1/me/profile", { nonsense: 1 })).statusCode).toBe(401);
    expect((await client.request("PATCH", "/api/v1/me/personal-room", { hostPin: "9182" })).statusCode).toBe(
      401,
    );
    expect(await rowCounts(app())).toEqual(before);
  });

  it("shows a member their addresses, company and own room with its PINs", async () => {
    const { acme, as, idOf } = await demoCompanies(app());
    const bobId = await idOf("bob.baker@acme.example");
    await app().db.update(personalRooms).set({ hostPin: "908172" }).where(eq(personalRooms.accountId, bobId));
    const bob = await as("bob.baker@acme.example");
    const response = await bob.get("/api/v1/me/profile");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      fullName: "Bob Baker",
      email: "bob.baker@acme.example",
      videoAddress: "bob.baker@acme.video.example.com",
      company: { id: acme.id, name: acme.name },
      personalRoom: {
        name: "Bob Baker's room",
        address: "bob.baker.vmr@acme.video.example.com",
        hostPin: "908172",
        guestPin: null,
      },
    });
  });

  it("shows operators and partner admins a profile without company or room", async () => {
    const { operator, as } = await demoCompanies(app());
    const mine = (await operator.get("/api/v1/me/profile")).json();
    expect(mine).toMatchObject({ company: null, personalRoom: null, videoAddress: null });
    const paul = await as("paul@northwind.example");
    expect((await paul.get("/api/v1/me/profile")).json()).toMatchObject({
      company: null,
      personalRoom: null,
    });
  });

  it("changes the display name of any kind of account, trimmed and audited", async () => {
    const { operator, as, idOf } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const response = await bob.request("PATCH", "/api/v1/me/profile", { fullName: "  Robert Baker " });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().fullName).toBe("Robert Baker");
    expect((await bob.get("/api/v1/me")).json().fullName).toBe("Robert Baker");
    const bobId = await idOf("bob.baker@acme.example");
    const [audit] = await audits("account.profile_updated");
    expect(audit).toMatchObject({
      actorAccountId: bobId,
      targetId: bobId,
      before: { fullName: "Bob Baker" },
      after: { fullName: "Robert Baker" },
    });
    expect(audit?.companyId).not.toBeNull();
    // The same name again changes nothing and records nothing.
    await bob.request("PATCH", "/api/v1/me/profile", { fullName: "Robert Baker" });
    expect(await audits("account.profile_updated")).toHaveLength(1);

    const renamed = await operator.request("PATCH", "/api/v1/me/profile", { fullName: "Olga the Operator" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await audits("account.profile_updated")).toHaveLength(2);
  });

  it("refuses a bad display name with the field's reason, and changes nothing", async () => {
    const { as } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const before = await rowCounts(app());
    for (const [body, field] of [
      [{ fullName: "   " }, "fullName"],
      [{ fullName: "x".repeat(201) }, "fullName"],
      [{}, "fullName"],
      [{ fullName: "Bob", email: "evil@example.com" }, undefined],
    ] as const) {
      const response = await bob.request("PATCH", "/api/v1/me/profile", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(Object.keys(response.json().error.fields)).toEqual([field]);
    }
    expect(await rowCounts(app())).toEqual(before);
    expect((await bob.get("/api/v1/me")).json().fullName).toBe("Bob Baker");
  });
});

describe("my personal meeting room", () => {
  const app = useTestApp();

  const patchRoom = (client: TestClient, body: unknown) =>
    client.request("PATCH", "/api/v1/me/personal-room", body);
  const roomAudits = () =>
    app().db.select().from(auditEvents).where(eq(auditEvents.action, "personal_room.updated"));

  it("changes its name and PINs, warns about easy PINs, and audits without the digits", async () => {
    const { as, idOf } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const bobId = await idOf("bob.baker@acme.example");
    const response = await patchRoom(bob, { name: " Bob's den ", hostPin: "1234", guestPin: "8403#" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      personalRoom: {
        name: "Bob's den",
        address: "bob.baker.vmr@acme.video.example.com",
        hostPin: "1234",
        guestPin: "8403#",
      },
      warnings: ["Host PIN: The digits run in order, so the PIN is easy to guess."],
    });
    const [room] = await app().db.select().from(personalRooms).where(eq(personalRooms.accountId, bobId));
    expect(room).toMatchObject({ name: "Bob's den", hostPin: "1234", guestPin: "8403#" });

    const changed = await patchRoom(bob, { hostPin: "908172" });
    expect(changed.json().warnings).toEqual([]);
    const cleared = await patchRoom(bob, { hostPin: null, guestPin: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().personalRoom).toMatchObject({ hostPin: null, guestPin: null });

    const trail = await roomAudits();
    const inRoom = (values: Record<string, string>) =>
      Object.fromEntries(Object.entries(values).map(([key, value]) => [`personalRoom.${key}`, value]));
    expect(trail.map((a) => [a.before, a.after])).toEqual([
      [
        inRoom({ name: "Bob Baker's room", hostPin: "not set", guestPin: "not set" }),
        inRoom({ name: "Bob's den", hostPin: "set", guestPin: "set" }),
      ],
      [inRoom({ hostPin: "set" }), inRoom({ hostPin: "changed" })],
      [inRoom({ hostPin: "set", guestPin: "set" }), inRoom({ hostPin: "not set", guestPin: "not set" })],
    ]);
    expect(trail.every((a) => a.actorAccountId === bobId && a.targetType === "personal_room")).toBe(true);
    const text = JSON.stringify(trail);
    for (const pin of ["1234", "8403", "908172"]) expect(text).not.toContain(pin);
  });

  it("refuses PINs that break the rules with the field's reason, writing nothing at all", async () => {
    const { as, idOf } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const bobId = await idOf("bob.baker@acme.example");
    const ok = await patchRoom(bob, { hostPin: "5566#", guestPin: "7788" });
    expect(ok.statusCode, ok.body).toBe(200);
    const before = await rowCounts(app());
    const cases: [unknown, Record<string, unknown>][] = [
      [{ name: "New name", hostPin: "12a4" }, { hostPin: "Use 4–20 digits, optionally ending in #." }],
      [{ hostPin: "123" }, { hostPin: expect.any(String) }],
      [{ guestPin: "1".repeat(21) }, { guestPin: expect.any(String) }],
      [{ hostPin: null }, { guestPin: "A guest PIN needs a host PIN." }],
      [{ guestPin: "5566" }, { guestPin: "The guest PIN must differ from the host PIN." }],
      [{ name: "" }, { name: "Required." }],
    ];
    for (const [body, fields] of cases) {
      const response = await patchRoom(bob, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields, JSON.stringify(body)).toEqual(fields);
    }
    const unknown = await patchRoom(bob, { addressLocalPart: "bobby" });
    expect(unknown.statusCode).toBe(400);
    expect(await rowCounts(app())).toEqual(before);
    const [room] = await app().db.select().from(personalRooms).where(eq(personalRooms.accountId, bobId));
    expect(room).toMatchObject({ name: "Bob Baker's room", hostPin: "5566#", guestPin: "7788" });
  });

  it("is 404 for accounts without a personal room (operators, partner admins)", async () => {
    const { operator, as } = await demoCompanies(app());
    const paul = await as("paul@northwind.example");
    const before = await rowCounts(app());
    for (const client of [operator, paul]) {
      const response = await patchRoom(client, { hostPin: "908172" });
      expect(response.statusCode, response.body).toBe(404);
    }
    expect(await rowCounts(app())).toEqual(before);
  });

  it("changes only the caller's own room: company B's admin cannot reach company A's rooms", async () => {
    const { companyA, companyB } = await twoTenants(app());
    const roomsOf = (companyId: string) =>
      app().db.select().from(personalRooms).where(eq(personalRooms.companyId, companyId));
    const roomsA = await roomsOf(companyA.id);
    const response = await patchRoom(companyB.admin, { name: "Beta's room", hostPin: "908172" });
    expect(response.statusCode, response.body).toBe(200);
    expect(await roomsOf(companyA.id)).toEqual(roomsA);
    const [roomB] = await roomsOf(companyB.id);
    expect(roomB).toMatchObject({ name: "Beta's room", hostPin: "908172" });
    const [audit] = await roomAudits();
    expect(audit?.companyId).toBe(companyB.id);
    // The name change of B's admin leaves A's accounts alone too.
    const namesA = await app().db.select().from(accounts).where(eq(accounts.companyId, companyA.id));
    await companyB.admin.request("PATCH", "/api/v1/me/profile", { fullName: "Renamed" });
    expect(await app().db.select().from(accounts).where(eq(accounts.companyId, companyA.id))).toEqual(namesA);
    const renamed = await app()
      .db.select()
      .from(accounts)
      .where(and(eq(accounts.companyId, companyB.id), eq(accounts.fullName, "Renamed")));
    expect(renamed).toHaveLength(1);
  });
});
