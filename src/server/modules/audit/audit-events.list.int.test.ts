import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, personalRooms } from "../../db/schema.js";

interface Item {
  id: string;
  occurredAt: string;
  actor: { id: string | null; name: string; kind: string };
  action: string;
  actionLabel: string;
  target: { type: string; id: string | null; label: string | null };
  summary: string;
  changes?: { field: string; before: string | null; after: string | null }[];
}

describe("a company's audit log: words, filters, order, paging and CSV", () => {
  const app = useTestApp();

  /** Acme with three changes on top of the demo data: Alice promotes Carol and invites Eve, Paul renames Bob. */
  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const paul = await demo.as("paul@northwind.example");
    const aliceId = await demo.idOf("alice.andersen@acme.example");
    const bobId = await demo.idOf("bob.baker@acme.example");
    const carolId = await demo.idOf("carol.chen@acme.example");
    const base = `/api/v1/companies/${demo.acme.id}`;
    const promoted = await alice.request("PATCH", `${base}/members/${carolId}`, { role: "admin" });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const invited = await alice.post(`${base}/invitations`, {
      fullName: "Eve Example",
      email: "eve@acme.example",
      videoAddress: "eve.example",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const renamed = await paul.request("PATCH", `${base}/members/${bobId}`, { fullName: "Robert Baker" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const list = async (query = "") => {
      const response = await alice.get(`${base}/audit-events${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Item[]; total: number; page: number; pageSize: number };
    };
    return { ...demo, alice, paul, aliceId, bobId, carolId, base, list };
  };

  it("lists the company's events newest first, in words, with who acted and for whom", async () => {
    const { list, aliceId, carolId, bobId } = await setup();
    const page = await list();
    // Demo seeding recorded Acme's four accounts; then the three changes above.
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 25 });
    const times = page.items.map((i) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.items.map((i) => i.action).slice(0, 3)).toEqual([
      "member.updated",
      "account.invited",
      "member.updated",
    ]);
    const [rename, invite, promote] = page.items;
    expect(promote).toEqual({
      id: expect.any(String),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      actor: { id: aliceId, name: "Alice Andersen", kind: "member" },
      action: "member.updated",
      actionLabel: "Changed a member",
      // Only the role was recorded; the name comes from the account as it is now.
      target: { type: "account", id: carolId, label: "Carol Chen" },
      summary: "Changed role from Member to Admin",
      changes: [{ field: "role", before: "Member", after: "Admin" }],
      ip: "127.0.0.1",
    });
    expect(invite).toMatchObject({
      actionLabel: "Invited a member",
      target: { type: "account", label: "Eve Example" },
      summary: "Invited Eve Example (eve@acme.example) as Member",
    });
    expect(rename).toMatchObject({
      actor: { name: "Paul Partner", kind: "partner_admin" },
      target: { id: bobId, label: "Robert Baker" },
      summary: "Changed name from Bob Baker to Robert Baker",
    });
    expect(page.items.at(-1)).toMatchObject({ actor: { id: null, kind: "system" } });
    // Nothing of Globex.
    expect(JSON.stringify(page)).not.toMatch(/globex|Grace|Hank/i);
  });

  it("filters by person, by object text (case-insensitively) and by day or moment", async () => {
    const { list, alice, base, acme, aliceId, bobId, carolId, paul } = await setup();
    const paulId = (await paul.get("/api/v1/me")).json().id as string;
    const actions = async (query: string) => (await list(query)).items.map((i) => i.action);

    expect(await actions(`?person=${aliceId}`)).toEqual(["account.invited", "member.updated"]);
    expect(await actions(`?person=${paulId}`)).toEqual(["member.updated"]);
    // Carol's email finds her creation and the role change that recorded only the role.
    const carol = await list(`?object=${encodeURIComponent("CAROL.chen@ACME")}`);
    expect(carol.items.map((i) => [i.action, i.target.id])).toEqual([
      ["member.updated", carolId],
      ["account.created", carolId],
    ]);
    expect((await list(`?object=${carolId}`)).total).toBe(2);
    expect(await actions("?object=eve.example")).toEqual(["account.invited"]);
    expect(await actions("?object=Bob%20Baker")).toEqual(["member.updated", "account.created"]);
    expect((await list("?object=%25")).total).toBe(0);
    expect(await actions(`?person=${aliceId}&object=carol`)).toEqual(["member.updated"]);

    const people = await alice.get(`${base}/audit-events/people`);
    expect(people.json()).toEqual([
      { id: aliceId, name: "Alice Andersen", kind: "member" },
      { id: paulId, name: "Paul Partner", kind: "partner_admin" },
    ]);

    // Three events on known days: 10 January late evening, 11 January just after midnight, 12 January.
    await app()
      .db.insert(auditEvents)
      .values(
        ["2026-01-10T23:30:00Z", "2026-01-11T00:30:00Z", "2026-01-12T12:00:00Z"].map((at, n) => ({
          companyId: acme.id,
          actorKind: "system",
          actorName: "test",
          action: `test.event_${n}`,
          targetType: "company",
          targetId: acme.id,
          occurredAt: new Date(at),
        })),
      );
    const tests = async (query: string) => (await actions(query)).filter((a) => a.startsWith("test."));
    expect(await tests("?from=2026-01-11&to=2026-01-11")).toEqual(["test.event_1"]);
    expect(await tests("?to=2026-01-11")).toEqual(["test.event_1", "test.event_0"]);
    expect(await tests("?from=2026-01-11")).toEqual(["test.event_2", "test.event_1"]);
    expect(await tests("?from=2026-01-11T00:30:00Z&to=2026-01-11T00:30:00Z")).toEqual(["test.event_1"]);
    // A browser in UTC+01:00 asking for its 11 January gets the late-evening event (UTC) too.
    const local = `?from=${encodeURIComponent("2026-01-11T00:00:00+01:00")}&to=${encodeURIComponent("2026-01-11T23:59:59.999+01:00")}`;
    expect(await tests(local)).toEqual(["test.event_1", "test.event_0"]);
    expect((await list("?from=2026-01-11&to=2026-01-12")).total).toBe(2);
    // A personal VMR's change is found by the room's address and labelled with its name.
    const [bobRoom] = await app().db.select().from(personalRooms).where(eq(personalRooms.accountId, bobId));
    await app()
      .db.insert(auditEvents)
      .values({
        companyId: acme.id,
        actorKind: "member",
        actorName: "Robert Baker",
        action: "personal_room.updated",
        targetType: "personal_room",
        targetId: bobRoom?.id ?? "",
        before: { hostPin: "not set" },
        after: { hostPin: "set" },
      });
    const room = await list("?object=BOB.baker.vmr");
    expect(room.items).toMatchObject([
      {
        actionLabel: "Changed a personal VMR",
        target: { type: "personal_room", label: bobRoom?.name },
        summary: "Changed host PIN from not set to set",
      },
    ]);
    // Unknown actions still read as words.
    const [unknown] = (await list("?to=2026-01-10")).items;
    expect(unknown).toMatchObject({ actionLabel: "Test event 0", summary: "Test event 0: Acme" });
  });

  it("pages without overlap and caps the page size at 100", async () => {
    const { list } = await setup();
    const all = (await list()).items.map((i) => i.id);
    const first = await list("?pageSize=3&page=1");
    const second = await list("?pageSize=3&page=2");
    const third = await list("?pageSize=3&page=3");
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(all);
    expect(third.items).toHaveLength(1);
    expect((await list("?page=9")).items).toEqual([]);
    expect((await list("?pageSize=100")).pageSize).toBe(100);
  });

  it("exports the filtered log as CSV, newest first, formula-like names escaped", async () => {
    const { alice, base, carolId, paul } = await setup();
    const renamed = await alice.request("PATCH", `${base}/members/${carolId}`, { fullName: "=cmd()" });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const response = await alice.get(`${base}/audit-events.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="audit-log-acme-${today}.csv"`,
    );
    expect(response.headers["x-rows-capped"]).toBeUndefined();
    const rows = parse(response.body, { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]).toEqual(["When", "Who", "Action", "Object", "Details", "IP"]);
    expect(rows).toHaveLength(9);
    expect(rows[1]).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      "Alice Andersen",
      "Changed a member",
      "'=cmd()",
      "Changed name from Carol Chen to =cmd()",
      "127.0.0.1",
    ]);
    expect(rows[2]).toEqual([
      expect.any(String),
      "Paul Partner (partner admin)",
      "Changed a member",
      "Robert Baker",
      "Changed name from Bob Baker to Robert Baker",
      "127.0.0.1",
    ]);
    expect(response.body).not.toMatch(/(^|;)"?=cmd/m);

    const paulId = (await paul.get("/api/v1/me")).json().id as string;
    const filtered = await alice.get(`${base}/audit-events.csv?person=${paulId}&object=robert`);
    const filteredRows = parse(filtered.body, { delimiter: ";", bom: true }) as string[][];
    expect(filteredRows.map((r) => r[3])).toEqual(["Object", "Robert Baker"]);
  });
});
