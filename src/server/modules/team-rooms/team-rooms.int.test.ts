import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { auditEvents, teamRooms, videoAddresses } from "../../db/schema.js";

const DOMAIN = "acme.video.example.com";

describe(`a company's team rooms (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const paul = await demo.as("paul@northwind.example");
    const base = `/api/v1/companies/${demo.acme.id}/team-rooms`;
    const add = (body: Record<string, unknown>, client = alice) => client.post(base, body);
    const licences = async () => (await alice.get(base)).json().licences;
    const setLicences = async (total: number) => {
      const response = await paul.request(
        "PATCH",
        `/api/v1/partners/${demo.partnerId}/companies/${demo.acme.id}`,
        { licences: total },
      );
      expect(response.statusCode, response.body).toBe(200);
    };
    const registryOwner = async (address: string) =>
      (await app().db.select().from(videoAddresses).where(eq(videoAddresses.address, address)))[0];
    return { ...demo, alice, paul, base, add, licences, setLicences, registryOwner };
  };

  it("adds a room with one licence, its address in the registry, PINs kept and audited without digits", async () => {
    const { add, licences, registryOwner, acme, base, alice } = await setup();
    const before = await licences();
    const response = await add({
      name: "Jupiter",
      videoAddress: "Jupiter.Room",
      hostPin: "4821",
      guestPin: "1234",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { room, licences: after, warnings } = response.json();
    expect(room).toMatchObject({
      name: "Jupiter",
      videoAddress: `jupiter.room@${DOMAIN}`,
      hostPin: "4821",
      guestPin: "1234",
      hostPinSet: true,
      guestPinSet: true,
      ownerMode: "admins",
      owners: [],
    });
    expect(after).toEqual({ used: before.used + 1, total: before.total, remaining: before.remaining - 1 });
    expect(warnings).toEqual(["Guest PIN: The digits run in order, so the PIN is easy to guess."]);
    expect(await registryOwner(`jupiter.room@${DOMAIN}`)).toMatchObject({
      ownerType: "team_room",
      ownerId: room.id,
      companyId: acme.id,
    });
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "team_room.created"), eq(auditEvents.targetId, room.id)));
    expect(audit?.after).toEqual({
      name: "Jupiter",
      videoAddress: `jupiter.room@${DOMAIN}`,
      hostPin: "set",
      guestPin: "set",
    });
    expect(JSON.stringify(audit)).not.toContain("4821");
    // The company's pages count it: one more licence, one team room.
    const company = (await alice.get(`/api/v1/companies/${acme.id}`)).json();
    expect(company.licences.used).toBe(before.used + 1);
    expect(company.teamRoomCount).toBeGreaterThanOrEqual(1);
    const listed = (await alice.get(`${base}?q=jupiter`)).json();
    expect(listed.items).toEqual([
      {
        id: room.id,
        name: "Jupiter",
        videoAddress: `jupiter.room@${DOMAIN}`,
        hostPinSet: true,
        guestPinSet: true,
        ownerMode: "admins",
        owners: [],
      },
    ]);
  });

  it("lists by name, searches name and address, and pages", async () => {
    const { add, alice, base } = await setup();
    for (const name of ["zeta Room", "Alpha room", "meeting room 6"]) {
      const slug = name.toLowerCase().replace(/\W+/g, ".");
      expect((await add({ name, videoAddress: `tr.${slug}` })).statusCode).toBe(201);
    }
    const all = (await alice.get(`${base}?q=room`)).json();
    expect(all.items.map((r: { name: string }) => r.name)).toEqual([
      "Alpha room",
      "meeting room 6",
      "zeta Room",
    ]);
    const byAddress = (await alice.get(`${base}?q=tr.zeta`)).json();
    expect(byAddress.items.map((r: { name: string }) => r.name)).toEqual(["zeta Room"]);
    const page2 = (await alice.get(`${base}?q=room&page=2&pageSize=2`)).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((r: { name: string }) => r.name)).toEqual(["zeta Room"]);
    expect((await alice.get(`${base}?q=${encodeURIComponent("100%")}`)).json().items).toEqual([]);
  });

  it("refuses past the licences with LICENCE_LIMIT, and nothing is written", async () => {
    const { add, licences, setLicences } = await setup();
    await setLicences((await licences()).used);
    const before = await rowCounts(app());
    const refused = await add({ name: "One too many", videoAddress: "one.too.many" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("LICENCE_LIMIT");
    expect(await rowCounts(app())).toEqual(before);
    expect(await app().db.select().from(teamRooms)).toHaveLength(0);
  });

  it("keeps the partner from setting the licences below the members and rooms using them", async () => {
    const { add, licences, paul, partnerId, acme } = await setup();
    expect((await add({ name: "Jupiter", videoAddress: "jupiter.room" })).statusCode).toBe(201);
    const { used } = await licences();
    const lowered = await paul.request("PATCH", `/api/v1/partners/${partnerId}/companies/${acme.id}`, {
      licences: used - 1,
    });
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json().error.code).toBe("LICENCE_LIMIT");
  });

  it("documents every endpoint in the OpenAPI document", async () => {
    const openapi = (await app().app.inject({ url: "/api/docs/openapi.json" })).json();
    const expected: [string, string][] = [
      ["/api/v1/companies/{companyId}/team-rooms", "get"],
      ["/api/v1/companies/{companyId}/team-rooms", "post"],
      ["/api/v1/companies/{companyId}/team-rooms/delete", "post"],
      ["/api/v1/companies/{companyId}/team-rooms/{roomId}", "get"],
      ["/api/v1/companies/{companyId}/team-rooms/{roomId}", "patch"],
      ["/api/v1/companies/{companyId}/team-rooms/{roomId}/owners", "put"],
      ["/api/v1/me/rooms", "get"],
      ["/api/v1/me/rooms/{roomId}", "patch"],
    ];
    for (const [path, method] of expected) {
      expect(openapi.paths[path]?.[method]?.summary, `${method} ${path}`).toEqual(expect.any(String));
    }
    expect(Object.keys(openapi.components.schemas)).toEqual(
      expect.arrayContaining(["TeamRoom", "TeamRoomSummary", "OwnTeamRoom"]),
    );
  });

  it("refuses an address already in use (by a member or another room) on the field, and bad input with 400", async () => {
    const { add } = await setup();
    const taken = await add({ name: "Bob's twin", videoAddress: `bob.baker@${DOMAIN}` });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual({ videoAddress: "This video address is already taken." });
    expect((await add({ name: "First", videoAddress: "shared.room" })).statusCode).toBe(201);
    const again = await add({ name: "Second", videoAddress: "Shared.Room" });
    expect(again.statusCode).toBe(409);

    const before = await rowCounts(app());
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "Short", videoAddress: "abc" }, "videoAddress"],
      [{ name: "Elsewhere", videoAddress: "room.somewhere@globex.example" }, "videoAddress"],
      [{ name: "Digits", videoAddress: "1room.here" }, "videoAddress"],
      [{ name: "", videoAddress: "empty.name" }, "name"],
      [{ name: "Letters", videoAddress: "pin.letters", hostPin: "12ab" }, "hostPin"],
      [{ name: "Guest only", videoAddress: "guest.only", guestPin: "4821" }, "guestPin"],
      [{ name: "Same", videoAddress: "same.pins", hostPin: "4821", guestPin: "4821#" }, "guestPin"],
    ];
    for (const [body, field] of cases) {
      const response = await add(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    for (const body of [
      { name: "X", videoAddress: "unknown.field", owner: "me" },
      { name: "No address" },
      [],
    ]) {
      expect((await add(body as Record<string, unknown>)).statusCode).toBe(400);
    }
    expect(await rowCounts(app())).toEqual(before);
  });

  it("changes name, address name part (domain fixed) and PINs, with warnings and an audit trail", async () => {
    const { add, alice, base, registryOwner } = await setup();
    const room = (await add({ name: "Jupiter", videoAddress: "jupiter.room", hostPin: "4821" })).json().room;
    const url = `${base}/${room.id}`;
    const changed = await alice.request("PATCH", url, {
      name: "Saturn",
      addressLocalPart: "Saturn.Room",
      hostPin: "9731",
      guestPin: "1111",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      room: { name: "Saturn", videoAddress: `saturn.room@${DOMAIN}`, hostPin: "9731", guestPin: "1111" },
      warnings: ["Guest PIN: All digits are the same, so the PIN is easy to guess."],
    });
    expect(await registryOwner(`jupiter.room@${DOMAIN}`)).toBeUndefined();
    expect((await registryOwner(`saturn.room@${DOMAIN}`))?.ownerId).toBe(room.id);

    const removed = await alice.request("PATCH", url, { hostPin: null, guestPin: null });
    expect(removed.json().room).toMatchObject({ hostPin: null, guestPin: null, hostPinSet: false });
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "team_room.updated"), eq(auditEvents.targetId, room.id)))
      .orderBy(auditEvents.occurredAt);
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { name: "Jupiter", videoAddress: `jupiter.room@${DOMAIN}`, hostPin: "set", guestPin: "not set" },
        { name: "Saturn", videoAddress: `saturn.room@${DOMAIN}`, hostPin: "changed", guestPin: "set" },
      ],
      [
        { name: "Saturn", hostPin: "set", guestPin: "set" },
        { name: "Saturn", hostPin: "not set", guestPin: "not set" },
      ],
    ]);

    const before = await rowCounts(app());
    const bad = await alice.request("PATCH", url, { addressLocalPart: "x" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(["addressLocalPart"]);
    const otherDomain = await alice.request("PATCH", url, { addressLocalPart: "saturn@globex.example" });
    expect(otherDomain.statusCode).toBe(400);
    const takenByBob = await alice.request("PATCH", url, { addressLocalPart: "bob.baker" });
    expect(takenByBob.statusCode).toBe(409);
    expect(takenByBob.json().error.fields).toEqual({
      addressLocalPart: "This video address is already taken.",
    });
    expect((await alice.request("PATCH", url, { guestPin: "4821" })).statusCode).toBe(400);
    expect((await alice.request("PATCH", url, { videoAddress: "x@y" })).statusCode).toBe(400);
    expect(await rowCounts(app())).toEqual(before);
    expect((await registryOwner(`saturn.room@${DOMAIN}`))?.ownerId).toBe(room.id);
  });

  it("deletes rooms all or nothing, freeing their licences and addresses", async () => {
    const { add, alice, base, licences, registryOwner } = await setup();
    const start = await licences();
    const a = (await add({ name: "Room A", videoAddress: "room.aaaa" })).json().room;
    const b = (await add({ name: "Room B", videoAddress: "room.bbbb" })).json().room;
    expect((await licences()).used).toBe(start.used + 2);

    const before = await rowCounts(app());
    const partly = await alice.post(`${base}/delete`, {
      ids: [a.id, "00000000-0000-4000-8000-000000000000"],
    });
    expect(partly.statusCode).toBe(404);
    expect(await rowCounts(app())).toEqual(before);
    expect((await alice.post(`${base}/delete`, { ids: [] })).statusCode).toBe(400);

    const deleted = await alice.post(`${base}/delete`, { ids: [a.id, b.id, a.id] });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({ deleted: 2, licences: start });
    expect(await registryOwner(`room.aaaa@${DOMAIN}`)).toBeUndefined();
    expect((await alice.get(`${base}/${a.id}`)).statusCode).toBe(404);
    // The address is free for a new room.
    expect((await add({ name: "Room A again", videoAddress: "room.aaaa" })).statusCode).toBe(201);
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "team_room.deleted"));
    expect(
      audits.map((e) => e.before).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual([
      { name: "Room A", videoAddress: `room.aaaa@${DOMAIN}` },
      { name: "Room B", videoAddress: `room.bbbb@${DOMAIN}` },
    ]);
  });

  it("counts team rooms against the licences of member invitations too", async () => {
    const { add, alice, acme, licences, setLicences } = await setup();
    await setLicences((await licences()).used + 1);
    expect((await add({ name: "Last licence", videoAddress: "last.licence" })).statusCode).toBe(201);
    const invited = await alice.post(`/api/v1/companies/${acme.id}/invitations`, {
      fullName: "Late Larry",
      email: "larry@acme.example",
      videoAddress: "late.larry",
      role: "member",
    });
    expect(invited.statusCode).toBe(409);
    expect(invited.json().error.code).toBe("LICENCE_LIMIT");
  });
});
