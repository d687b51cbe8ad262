import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { replaceUsage } from "../../../../test/helpers/usage-rows.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import { accounts, personalRooms } from "../../db/schema.js";

interface Item {
  id: string;
  name: string;
  address: string | null;
  calls: number;
  callMinutes: number;
  roomMinutes: number;
}
interface Page {
  from: string;
  to: string;
  timeZone: string;
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

const PERIOD = "from=2026-03-01&to=2026-03-31";
const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

describe("a company's usage by endpoint, user and VMR", () => {
  const app = useTestApp();

  /** Acme's people with usage in March: Alice most minutes, Bob most calls, Carol least, a deleted one. */
  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const ids = {
      alice: await demo.idOf("alice.andersen@acme.example"),
      bob: await demo.idOf("bob.baker@acme.example"),
      carol: await demo.idOf("carol.chen@acme.example"),
      grace: await demo.idOf("grace@globex.example"),
      gone: randomUUID(),
    };
    const user = (key: string, day: string, calls: number, callMinutes: number, roomMinutes = 0) => ({
      day,
      dimension: "user" as const,
      key,
      calls,
      callMinutes,
      roomMinutes,
    });
    await replaceUsage(app().db, demo.acme.id, [
      user(ids.alice, "2026-03-01", 2, 50, 30),
      user(ids.alice, "2026-03-31", 1, 25),
      user(ids.bob, "2026-03-15", 9, 20),
      user(ids.carol, "2026-03-15", 1, 1),
      user(ids.gone, "2026-03-16", 4, 10),
      // Another tenant's account as a key (it never should be): shown as deleted, never by name.
      user(ids.grace, "2026-03-16", 3, 5),
      // Outside the period.
      user(ids.carol, "2026-02-28", 50, 500),
      user(ids.carol, "2026-04-01", 50, 500),
    ]);
    const base = `/api/v1/companies/${demo.acme.id}/usage`;
    const list = async (tab: string, query = "") => {
      const response = await alice.get(`${base}/${tab}?${PERIOD}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Page;
    };
    return { ...demo, alice, ids, base, list };
  };

  it("sums each user's days in the period, names them from their account, sorts and pages", async () => {
    const { ids, list } = await setup();
    const page = await list("users");
    expect(page).toMatchObject({ from: "2026-03-01", to: "2026-03-31", total: 5, page: 1, pageSize: 20 });
    // By call minutes, most first.
    expect(page.items.map((i) => i.id)).toEqual([ids.alice, ids.bob, ids.gone, ids.grace, ids.carol]);
    expect(page.items[0]).toEqual({
      id: ids.alice,
      name: "Alice Andersen",
      address: expect.stringMatching(/^alice\.andersen@/),
      calls: 3,
      callMinutes: 75,
      roomMinutes: 30,
    });
    expect(page.items[2]).toEqual({
      id: ids.gone,
      name: "(deleted)",
      address: null,
      calls: 4,
      callMinutes: 10,
      roomMinutes: 0,
    });
    expect(page.items[3]).toMatchObject({ id: ids.grace, name: "(deleted)", address: null });
    expect(JSON.stringify(page)).not.toContain("Grace");

    const order = async (sort: string) => (await list("users", `&sort=${sort}`)).items.map((i) => i.name);
    // Ties (Alice and Grace's key, 3 calls each) read by name, whatever is gone last.
    expect(await order("calls")).toEqual([
      "Carol Chen",
      "Alice Andersen",
      "(deleted)",
      "(deleted)",
      "Bob Baker",
    ]);
    expect(await order("-calls")).toEqual([
      "Bob Baker",
      "(deleted)",
      "Alice Andersen",
      "(deleted)",
      "Carol Chen",
    ]);
    expect(await order("-roomMinutes")).toEqual([
      "Alice Andersen",
      "Bob Baker",
      "Carol Chen",
      "(deleted)",
      "(deleted)",
    ]);
    // By name; whatever is gone comes last either way.
    expect(await order("name")).toEqual([
      "Alice Andersen",
      "Bob Baker",
      "Carol Chen",
      "(deleted)",
      "(deleted)",
    ]);
    expect(await order("-name")).toEqual([
      "Carol Chen",
      "Bob Baker",
      "Alice Andersen",
      "(deleted)",
      "(deleted)",
    ]);

    // Pages never overlap and add up to the whole list.
    const pages = [];
    for (const n of [1, 2, 3]) pages.push(await list("users", `&sort=name&pageSize=2&page=${n}`));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.total === 5)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.id))).size).toBe(5);
    // Past the last page: no items, still the count.
    expect(await list("users", "&pageSize=2&page=9")).toMatchObject({ items: [], total: 5, page: 9 });
  });

  it("names VMRs from personal and team rooms and endpoints from video systems", async () => {
    const { acme, alice, ids, base, list } = await setup();
    const [aliceRoom] = await app()
      .db.select()
      .from(personalRooms)
      .where(and(eq(personalRooms.companyId, acme.id), eq(personalRooms.accountId, ids.alice)));
    if (!aliceRoom) throw new Error("no personal room");
    const created = await alice.post(`/api/v1/companies/${acme.id}/team-rooms`, {
      name: "Jupiter",
      videoAddress: "jupiter.room",
    });
    expect(created.statusCode, created.body).toBe(201);
    const jupiter = (created.json() as { room: { id: string } }).room;
    const system = await insertVideoSystem(app(), acme.id, {
      name: "Board room",
      address: `board.room@${acme.videoDomains[0]}`,
    });
    const gone = randomUUID();
    await replaceUsage(app().db, acme.id, [
      { day: "2026-03-02", dimension: "vmr", key: aliceRoom.id, calls: 2, callMinutes: 20, roomMinutes: 15 },
      { day: "2026-03-02", dimension: "vmr", key: jupiter.id, calls: 5, callMinutes: 60, roomMinutes: 45 },
      { day: "2026-03-03", dimension: "vmr", key: gone, calls: 1, callMinutes: 1, roomMinutes: 1 },
      { day: "2026-03-02", dimension: "endpoint", key: system.id, calls: 4, callMinutes: 40 },
      // A key that is not an id at all names nothing instead of failing.
      { day: "2026-03-02", dimension: "endpoint", key: "not-a-uuid", calls: 1, callMinutes: 1 },
    ]);

    const vmrs = await list("vmrs");
    expect(vmrs.items).toEqual([
      expect.objectContaining({
        id: jupiter.id,
        name: "Jupiter",
        calls: 5,
        callMinutes: 60,
        roomMinutes: 45,
      }),
      expect.objectContaining({ id: aliceRoom.id, name: aliceRoom.name, address: aliceRoom.address }),
      expect.objectContaining({ id: gone, name: "(deleted)", address: null }),
    ]);
    expect(vmrs.items[0]?.address).toMatch(/^jupiter\.room@/);

    const endpoints = await list("endpoints");
    expect(endpoints.items).toEqual([
      {
        id: system.id,
        name: "Board room",
        address: system.address,
        calls: 4,
        callMinutes: 40,
        roomMinutes: 0,
      },
      { id: "not-a-uuid", name: "(deleted)", address: null, calls: 1, callMinutes: 1, roomMinutes: 0 },
    ]);
    // The users tab has nothing of these.
    const users = await alice.get(`${base}/users?from=2026-03-02&to=2026-03-03`);
    expect(users.json()).toMatchObject({ items: [], total: 0 });
  });

  it("exports a tab whole as CSV (formula-like cells made harmless) and JSON, in the list's order", async () => {
    const { ids, alice, base } = await setup();
    await app()
      .db.update(accounts)
      .set({ fullName: '=HYPERLINK("http://x")' })
      .where(eq(accounts.id, ids.bob));
    const csv = await alice.get(`${base}/users.csv?${PERIOD}&sort=-calls`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="usage-users-acme-2026-03-01-to-2026-03-31.csv"',
    );
    const rows = csvRows(csv.body);
    expect(rows[0]).toEqual(["Name", "Video address", "Calls", "Call minutes", "Room minutes", "Id"]);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual([
      '\'=HYPERLINK("http://x")',
      expect.stringMatching(/^bob\.baker@/),
      "9",
      "20",
      "0",
      ids.bob,
    ]);
    expect(rows.filter((r) => r[0] === "(deleted)").map((r) => r[1])).toEqual(["", ""]);
    expect(csv.body).not.toContain("Grace");

    const json = await alice.get(`${base}/users.json?${PERIOD}&sort=-calls`);
    expect(json.headers["content-disposition"]).toContain("usage-users-acme-2026-03-01-to-2026-03-31.json");
    const file = JSON.parse(json.body) as { from: string; to: string; timeZone: string; items: Item[] };
    expect(file).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    expect(file.items.map((i) => i.name)).toEqual([
      '=HYPERLINK("http://x")',
      "(deleted)",
      "Alice Andersen",
      "(deleted)",
      "Carol Chen",
    ]);
  });
});
