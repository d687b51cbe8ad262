import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  askPolicy,
  infinityCallQuery,
  type PolicyWorld,
  policyChange,
  policyWorld,
} from "../../../../test/helpers/policy.js";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.js";
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
} from "../../../../test/helpers/test-database.js";

/**
 * A PIN or address changed in the UI is in the very next policy answer, on every instance: two
 * Confero instances share one database, each with its own in-memory policy cache and its own
 * LISTEN connection; one saves, the other answers.
 */
describe(`policy: fresh answers across instances (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let ui: TestApp;
  let infinity: TestApp;

  beforeEach(async () => {
    database = await createTestDatabase();
    ui = await createTestApp({ database });
    infinity = await createTestApp({ database });
  });
  afterEach(async () => {
    await ui.close();
    await infinity.close();
    await database.close();
  });

  const conference = async (t: TestApp, alias: string) => {
    const answer = await askPolicy(t, "/service/configuration", infinityCallQuery({ local_alias: alias }));
    return { statusCode: answer.statusCode, body: answer.json() };
  };
  /** Saves through the UI's API; the change reaches each instance by NOTIFY (timed here). */
  const patchMember = async (world: PolicyWorld, body: unknown) => {
    const saved = await policyChange([ui, infinity], () =>
      world.company.admin.request(
        "PATCH",
        `/api/v1/companies/${world.company.id}/members/${world.mia.id}`,
        body,
      ),
    );
    expect(saved.statusCode, saved.body).toBe(200);
  };

  it("answers with a PIN changed on another instance, every time", async () => {
    const world = await policyWorld(ui);
    for (let round = 0; round < 10; round += 1) {
      // The answering instance has the room in memory…
      const before = await conference(infinity, world.mia.room);
      expect(before.body.result.pin).toBe(round === 0 ? "4821" : `${5000 + round - 1}`);
      // …a PIN is saved through the other instance's API…
      await patchMember(world, { personalRoom: { hostPin: `${5000 + round}` } });
      // …and the very next answer has it, on the other instance and on the saving one.
      expect((await conference(infinity, world.mia.room)).body.result.pin).toBe(`${5000 + round}`);
      expect((await conference(ui, world.mia.room)).body.result.pin).toBe(`${5000 + round}`);
    }
  });

  it("follows a room's new address at once: the old one is gone, the new one answers", async () => {
    const world = await policyWorld(ui);
    expect((await conference(infinity, world.mia.room)).statusCode).toBe(200);
    await patchMember(world, { personalRoom: { addressLocalPart: "mia.meets" } });
    expect((await conference(infinity, world.mia.room)).statusCode).toBe(404);
    const moved = await conference(infinity, `mia.meets@${world.domain}`);
    expect(moved.body.result).toMatchObject({ service_type: "conference", pin: "4821" });
  });

  it("forgets what the event sink's batch read ahead (taken addresses and free ones) when a room moves", async () => {
    const world = await policyWorld(ui);
    const moved = `mia.meets@${world.domain}`;
    const cache = infinity.services.policyCache;
    await cache.prefetch([world.mia.room, moved]);
    expect((await cache.target(world.mia.room))?.type).toBe("personal_room");
    expect(await cache.target(moved)).toBeNull();
    await patchMember(world, { personalRoom: { addressLocalPart: "mia.meets" } });
    expect(await cache.target(world.mia.room)).toBeNull();
    expect((await conference(infinity, moved)).body.result).toMatchObject({ service_type: "conference" });
  });

  it("answers from the database alone while change notifications cannot be heard", async () => {
    const world = await policyWorld(ui);
    const cache = infinity.services.policyCache;
    expect(cache.fresh).toBe(true);
    await cache.stop();
    expect(cache.fresh).toBe(false);
    expect((await conference(infinity, world.mia.room)).body.result.pin).toBe("4821");
    // Saved with no instance listening: nothing to wait for, the answer reads the database.
    const saved = await world.company.admin.request(
      "PATCH",
      `/api/v1/companies/${world.company.id}/members/${world.mia.id}`,
      { personalRoom: { hostPin: "7777" } },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await conference(infinity, world.mia.room)).body.result.pin).toBe("7777");
  });
});
