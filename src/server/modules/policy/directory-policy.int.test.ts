import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { askPolicy, policyChange, policyWorld } from "../../../../test/helpers/policy.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts } from "../../db/schema.js";

describe(`policy: directory information (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  /** Infinity's own directory request: q, registration_alias, limit and its node details. */
  const search = async (q: string, searcher: string, limit = "10") => {
    const query = `q=${encodeURIComponent(q)}&registration_alias=${encodeURIComponent(searcher)}&limit=${limit}&location=london&node_ip=10.44.155.21&pseudo_version_id=77683.0.0&version_id=35`;
    const answer = await askPolicy(app(), "/registrations", query);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body.status).toBe("success");
    for (const entry of body.result)
      expect(entry).toEqual({ username: "", alias: expect.any(String), description: expect.any(String) });
    return body.result as Array<{ alias: string; description: string }>;
  };

  it("lists the searcher's company's people, rooms and video systems matching the text, sorted", async () => {
    const world = await policyWorld(app());
    const found = await search("mia", `sip:${world.lobby.address}`);
    // By name: "Mia Hansen", "Mia Hansen…" (her room), then "Mia's desk" (a space sorts before "'").
    expect(found.map((e) => e.alias)).toEqual([world.mia.address, world.mia.room, world.miaDesk.address]);
    expect(found.map((e) => e.description)).toEqual([
      "Mia Hansen",
      expect.stringContaining("Mia"),
      "Mia's desk",
    ]);
    const byAddress = await search("board.r", world.mia.address);
    expect(byAddress).toEqual([{ username: "", alias: world.board.address, description: "Board room" }]);
  });

  it("lists everything (up to the limit) for empty text, sorted by name then address", async () => {
    const world = await policyWorld(app());
    const all = await search("", world.mia.address);
    const names = all.map((e) => e.description.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(await search("", world.mia.address, "2")).toEqual(all.slice(0, 2));
  });

  it("never shows another company's entries, and nothing to a searcher no one knows", async () => {
    const world = await policyWorld(app());
    const otherAdmin = `admin.beta-co@${world.otherDomain}`;
    const fromOther = await search("", otherAdmin);
    expect(fromOther.length).toBeGreaterThan(0);
    for (const entry of fromOther) expect(entry.alias.endsWith(`@${world.otherDomain}`)).toBe(true);
    expect(await search("mia", otherAdmin)).toEqual([]);
    expect(await search("mia", "stranger@example.org")).toEqual([]);
    expect(await search("mia", "")).toEqual([]);
  });

  it("leaves out members who cannot be called (suspended) and treats wildcards as text", async () => {
    const world = await policyWorld(app());
    await policyChange(app(), () =>
      app().db.update(accounts).set({ status: "suspended" }).where(eq(accounts.id, world.mia.id)),
    );
    expect((await search("mia", world.admin.address)).map((e) => e.alias)).toEqual([world.miaDesk.address]);
    expect(await search("%", world.admin.address)).toEqual([]);
    expect(await search("_", world.admin.address)).toEqual([]);
  });

  it("falls back to ten entries for a missing or odd limit, and caps a huge one", async () => {
    const world = await policyWorld(app());
    for (const limit of ["", "abc", "-3", "0", "100000"]) {
      const found = await search("", world.admin.address, limit);
      expect(found.length, limit).toBeGreaterThan(0);
      expect(found.length, limit).toBeLessThanOrEqual(100);
    }
  });
});
