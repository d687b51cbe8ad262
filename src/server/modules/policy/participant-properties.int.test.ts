import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { askPolicy, infinityCallQuery, policyChange, policyWorld } from "../../../../test/helpers/policy.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, teamRoomOwners, teamRooms } from "../../db/schema.js";

const CHAIR = { status: "success", action: "continue", result: { preauthenticated_role: "chair" } };
const LEFT_TO_PINS = { status: "success", action: "continue", reason: expect.any(String), result: {} };

describe(`policy: participant properties (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  /** A participant-properties request as Infinity sends it, once the room has a service name. */
  const ask = (room: string, caller: string, registered = "True", extra: Record<string, string> = {}) =>
    askPolicy(
      app(),
      "/participant/properties",
      infinityCallQuery({
        local_alias: `sip:${room}`,
        remote_alias: `sip:${caller}`,
        registered,
        participant_uuid: "f0b1e2c3-0000-4000-8000-000000000001",
        call_uuid: "f0b1e2c3-0000-4000-8000-000000000002",
        participant_type: "standard",
        preauthenticated_role: "",
        service_name: room,
        service_tag: "",
        ...extra,
      }),
    ).then((answer) => {
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    });

  it("makes a personal VMR's owner its chair, from their own address or their twinned video system", async () => {
    const world = await policyWorld(app());
    expect(await ask(world.mia.room, world.mia.address)).toEqual(CHAIR);
    expect(await ask(world.mia.room, world.miaDesk.address)).toEqual(CHAIR);
  });

  it("leaves everyone else to the PIN rules: other members, shared systems, strangers", async () => {
    const world = await policyWorld(app());
    expect(await ask(world.mia.room, world.admin.address)).toEqual(LEFT_TO_PINS);
    expect(await ask(world.mia.room, world.lobby.address)).toEqual(LEFT_TO_PINS);
    expect(await ask(world.mia.room, "alice@example.com")).toEqual(LEFT_TO_PINS);
    const otherAdmin = `admin.beta-co@${world.otherDomain}`;
    expect(await ask(world.mia.room, otherAdmin)).toEqual(LEFT_TO_PINS);
  });

  it("trusts a caller's alias only from a registered device", async () => {
    const world = await policyWorld(app());
    expect(await ask(world.mia.room, world.mia.address, "False")).toEqual(LEFT_TO_PINS);
    expect(await ask(world.mia.room, world.mia.address, "")).toEqual(LEFT_TO_PINS);
  });

  it("finds the room from local_alias when Infinity sends no service name yet", async () => {
    const world = await policyWorld(app());
    expect(await ask(world.mia.room, world.mia.address, "True", { service_name: "" })).toEqual(CHAIR);
  });

  it("follows a team room's owner mode: admins, all members, chosen members", async () => {
    const world = await policyWorld(app());
    const room = world.board.address;
    // Default: the company's admins.
    expect(await ask(room, world.admin.address)).toEqual(CHAIR);
    expect(await ask(room, world.mia.address)).toEqual(LEFT_TO_PINS);
    await policyChange(app(), () =>
      app().db.update(teamRooms).set({ ownerMode: "all_members" }).where(eq(teamRooms.id, world.board.id)),
    );
    expect(await ask(room, world.mia.address)).toEqual(CHAIR);
    expect(await ask(room, world.lobby.address)).toEqual(LEFT_TO_PINS);
    await policyChange(app(), () =>
      app().db.update(teamRooms).set({ ownerMode: "chosen" }).where(eq(teamRooms.id, world.board.id)),
    );
    expect(await ask(room, world.mia.address)).toEqual(LEFT_TO_PINS);
    await policyChange(app(), () =>
      app()
        .db.insert(teamRoomOwners)
        .values({ companyId: world.company.id, roomId: world.board.id, accountId: world.mia.id }),
    );
    expect(await ask(room, world.mia.address)).toEqual(CHAIR);
    expect(await ask(room, world.miaDesk.address)).toEqual(CHAIR);
    expect(await ask(room, world.admin.address)).toEqual(LEFT_TO_PINS);
  });

  it("gives a suspended owner no chair", async () => {
    const world = await policyWorld(app());
    await policyChange(app(), () =>
      app().db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, world.mia.id)),
    );
    expect(await ask(world.mia.room, world.mia.address)).toEqual(LEFT_TO_PINS);
  });

  it("leaves media location and avatars to Infinity (404)", async () => {
    const world = await policyWorld(app());
    const location = await askPolicy(
      app(),
      "/participant/location",
      infinityCallQuery({ local_alias: world.mia.room }),
    );
    expect(location.statusCode).toBe(404);
    expect(location.json()).toMatchObject({ status: "fail", action: "continue", result: {} });
    const avatar = await askPolicy(
      app(),
      `/participant/avatar/${encodeURIComponent(world.mia.address)}`,
      "width=100&height=100&role=chair",
    );
    expect(avatar.statusCode).toBe(404);
    expect(avatar.json()).toMatchObject({ status: "fail", action: "continue", result: {} });
  });
});
