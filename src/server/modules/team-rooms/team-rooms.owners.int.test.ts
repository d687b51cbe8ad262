import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, teamRoomOwners, teamRooms } from "../../db/schema.js";

/** Owners: who controls a team room besides the admins, and what they may do from "My rooms". */
describe("team room owners and My rooms", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const bob = await demo.as("bob.baker@acme.example");
    const carol = await demo.as("carol.chen@acme.example");
    const base = `/api/v1/companies/${demo.acme.id}/team-rooms`;
    const created = await alice.post(base, {
      name: "Boardroom",
      videoAddress: "board.room.acme",
      hostPin: "4821",
    });
    expect(created.statusCode, created.body).toBe(201);
    const room = created.json().room as { id: string };
    const setOwners = (body: unknown, client = alice) =>
      client.request("PUT", `${base}/${room.id}/owners`, body);
    const myRooms = async (client: typeof bob) =>
      ((await client.get("/api/v1/me/rooms")).json().items as { id: string; name: string }[])
        .filter((r) => r.id === room.id)
        .map((r) => r.name);
    const ids = {
      bob: await demo.idOf("bob.baker@acme.example"),
      carol: await demo.idOf("carol.chen@acme.example"),
      dave: await demo.idOf("dave.dunn@acme.example"),
      grace: await demo.idOf("grace@globex.example"),
    };
    return { ...demo, alice, bob, carol, base, room, setOwners, myRooms, ids };
  };

  it("by default only admins control a room; chosen members then see it under My rooms", async () => {
    const { alice, bob, carol, room, setOwners, myRooms, ids } = await setup();
    expect(await myRooms(alice)).toEqual(["Boardroom"]);
    expect(await myRooms(bob)).toEqual([]);

    const chosen = await setOwners({ mode: "chosen", memberIds: [ids.bob, ids.dave] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({
      ownerMode: "chosen",
      owners: [
        { id: ids.bob, fullName: "Bob Baker" },
        { id: ids.dave, fullName: "Dave Dunn" },
      ],
    });
    expect(await myRooms(bob)).toEqual(["Boardroom"]);
    expect(await myRooms(carol)).toEqual([]);
    const own = (await bob.get("/api/v1/me/rooms"))
      .json()
      .items.find((r: { id: string }) => r.id === room.id);
    expect(own).toMatchObject({ name: "Boardroom", hostPin: "4821", guestPin: null });

    const all = await setOwners({ mode: "all_members" });
    expect(all.json()).toMatchObject({ ownerMode: "all_members", owners: [] });
    expect(await myRooms(carol)).toEqual(["Boardroom"]);
    expect(await app().db.select().from(teamRoomOwners)).toEqual([]);

    await setOwners({ mode: "admins", memberIds: [] });
    expect(await myRooms(bob)).toEqual([]);
    // Saving the same owners again changes nothing and records nothing.
    expect((await setOwners({ mode: "admins" })).statusCode).toBe(200);
    const recorded = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "team_room.owners_changed"), eq(auditEvents.targetId, room.id)));
    expect(recorded).toHaveLength(3);
    expect(await myRooms(carol)).toEqual([]);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "team_room.owners_changed"), eq(auditEvents.targetId, room.id)))
      .orderBy(auditEvents.occurredAt)
      .limit(1);
    expect(audit).toMatchObject({
      before: { name: "Boardroom", ownerMode: "admins", owners: [] },
      after: { name: "Boardroom", ownerMode: "chosen", owners: ["Bob Baker", "Dave Dunn"] },
    });
  });

  it("lets an owner change the name and PINs — not the address — and a non-owner gets 404", async () => {
    const { bob, carol, room, setOwners, ids } = await setup();
    await setOwners({ mode: "chosen", memberIds: [ids.bob] });
    const url = `/api/v1/me/rooms/${room.id}`;
    const changed = await bob.request("PATCH", url, {
      name: "Bob's boardroom",
      hostPin: "2222",
      guestPin: "7315",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({
      room: {
        id: room.id,
        name: "Bob's boardroom",
        videoAddress: "board.room.acme@acme.video.example.com",
        hostPin: "2222",
        guestPin: "7315",
        companyId: expect.any(String),
      },
      warnings: ["Host PIN: All digits are the same, so the PIN is easy to guess."],
    });
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "team_room.updated"), eq(auditEvents.targetId, room.id)));
    expect(audit).toMatchObject({
      actorName: "Bob Baker",
      before: { name: "Boardroom", hostPin: "set", guestPin: "not set" },
      after: { name: "Bob's boardroom", hostPin: "changed", guestPin: "set" },
    });

    const [stored] = await app().db.select().from(teamRooms).where(eq(teamRooms.id, room.id));
    expect((await bob.request("PATCH", url, { addressLocalPart: "bobs.room" })).statusCode).toBe(400);
    expect((await bob.request("PATCH", url, { guestPin: "2222#" })).statusCode).toBe(400);
    const refused = await carol.request("PATCH", url, { name: "Carol's now" });
    expect(refused.statusCode).toBe(404);
    expect(await app().db.select().from(teamRooms).where(eq(teamRooms.id, room.id))).toEqual([stored]);
    // Owners cannot reach the admin endpoints of the room (its address, its owners) either.
    const admin = `/api/v1/companies/${stored?.companyId}/team-rooms/${room.id}`;
    expect((await bob.request("PATCH", admin, { addressLocalPart: "bobs.room" })).statusCode).toBe(403);
    expect(await app().db.select().from(teamRooms).where(eq(teamRooms.id, room.id))).toEqual([stored]);
  });

  it("refuses owners from another company or a bad mode, and nothing changes", async () => {
    const { room, setOwners, ids, bob, base } = await setup();
    await setOwners({ mode: "chosen", memberIds: [ids.carol] });
    const snapshot = async () => ({
      room: await app().db.select().from(teamRooms).where(eq(teamRooms.id, room.id)),
      owners: await app().db.select().from(teamRoomOwners),
    });
    const before = await snapshot();
    const foreign = await setOwners({ mode: "chosen", memberIds: [ids.bob, ids.grace] });
    expect(foreign.statusCode).toBe(404);
    const unknown = await setOwners({ mode: "chosen", memberIds: ["00000000-0000-4000-8000-000000000000"] });
    expect(unknown.statusCode).toBe(404);
    const mixed = await setOwners({ mode: "all_members", memberIds: [ids.bob] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields).toHaveProperty("memberIds");
    for (const body of [
      { mode: "everyone" },
      { memberIds: [ids.bob] },
      { mode: "chosen", memberIds: ["x"] },
    ]) {
      expect((await setOwners(body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    // A member (even an owner) cannot set owners: 403.
    expect((await setOwners({ mode: "all_members" }, bob)).statusCode).toBe(403);
    expect((await bob.get(`${base}/${room.id}`)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("removes a deleted member from the rooms they owned", async () => {
    const { alice, acme, room, setOwners, ids } = await setup();
    await setOwners({ mode: "chosen", memberIds: [ids.bob, ids.carol] });
    const deleted = await alice.post(`/api/v1/companies/${acme.id}/members/delete`, { ids: [ids.bob] });
    expect(deleted.statusCode, deleted.body).toBe(200);
    const owners = await app().db.select().from(teamRoomOwners).where(eq(teamRoomOwners.roomId, room.id));
    expect(owners.map((o) => o.accountId)).toEqual([ids.carol]);
  });

  it("gives partner admins and operators no rooms of their own; they act through the admin endpoints", async () => {
    const { as, operator, base, room } = await setup();
    const paul = await as("paul@northwind.example");
    expect((await paul.get("/api/v1/me/rooms")).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    expect((await paul.request("PATCH", `/api/v1/me/rooms/${room.id}`, { name: "Paul's" })).statusCode).toBe(
      404,
    );
    expect((await operator.get(`${base}/${room.id}`)).statusCode).toBe(200);
    expect((await app().client().get("/api/v1/me/rooms")).statusCode).toBe(401);
    expect(
      (await app().client().request("PATCH", `/api/v1/me/rooms/${room.id}`, { name: 1 })).statusCode,
    ).toBe(401);
  });
});
