import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { queryRows } from "../../db/client.js";
import { listMembers, MEMBER_SORTS, type MemberSort, SEARCH_TOTAL_CAP } from "./members.repository.js";

describe("the members list and its CSV export", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const list = async (query = "") => {
      const response = await alice.get(`/api/v1/companies/${demo.acme.id}/members${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const names = async (query = "") =>
      (await list(query)).items.map((m: { fullName: string }) => m.fullName) as string[];
    return { ...demo, alice, list, names };
  };

  it("lists the company's members only, by name, with their personal VMR and the licences", async () => {
    const { list } = await setup();
    const page = await list();
    expect(page).toMatchObject({
      total: 4,
      page: 1,
      pageSize: 20,
      licences: { used: 4, total: 25, remaining: 21 },
    });
    expect(page.items.map((m: { fullName: string }) => m.fullName)).toEqual([
      "Alice Andersen",
      "Bob Baker",
      "Carol Chen",
      "Dave Dunn",
    ]);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      fullName: "Alice Andersen",
      email: "alice.andersen@acme.example",
      videoAddress: "alice.andersen@acme.video.example.com",
      role: "admin",
      status: "active",
      personalRoomAddress: "alice.andersen.vmr@acme.video.example.com",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(page.items[3]).toMatchObject({ fullName: "Dave Dunn", status: "invited", role: "member" });
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|password_hash|token/i);
  });

  it("searches name, email and video address, case-insensitively, and treats % and _ literally", async () => {
    const { names } = await setup();
    expect(await names("?q=CAROL")).toEqual(["Carol Chen"]);
    expect(await names("?q=bob.baker%40acme")).toEqual(["Bob Baker"]);
    expect(await names("?q=dunn.vmr")).toEqual([]);
    expect(await names("?q=acme.video")).toHaveLength(4);
    expect(await names("?q=%25")).toEqual([]);
    expect(await names("?q=_")).toEqual([]);
    expect(await names("?q=%20%20")).toHaveLength(4);
  });

  it("sorts by every column, filters by status and pages without overlap", async () => {
    const { names, list } = await setup();
    expect(await names("?sort=-fullName")).toEqual([
      "Dave Dunn",
      "Carol Chen",
      "Bob Baker",
      "Alice Andersen",
    ]);
    expect(await names("?sort=-email")).toEqual(["Dave Dunn", "Carol Chen", "Bob Baker", "Alice Andersen"]);
    expect(await names("?sort=videoAddress")).toEqual([
      "Alice Andersen",
      "Bob Baker",
      "Carol Chen",
      "Dave Dunn",
    ]);
    expect(await names("?sort=role")).toEqual(["Alice Andersen", "Bob Baker", "Carol Chen", "Dave Dunn"]);
    expect((await names("?sort=status")).at(-1)).toBe("Dave Dunn");
    expect(await names("?sort=createdAt")).toHaveLength(4);
    expect(await names("?status=invited")).toEqual(["Dave Dunn"]);
    expect(await names("?status=active&q=a")).toEqual(["Alice Andersen", "Bob Baker", "Carol Chen"]);
    expect(await names("?status=suspended")).toEqual([]);

    const first = await list("?pageSize=3&page=1");
    const second = await list("?pageSize=3&page=2");
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items.map((m: { fullName: string }) => m.fullName)).toEqual(["Dave Dunn"]);
    expect((await list("?page=9")).items).toEqual([]);
  });

  it("refuses unknown sorts, statuses and parameters with 400 and fields", async () => {
    const { alice, acme } = await setup();
    for (const query of ["?sort=password", "?status=gone", "?pageSize=1000", "?page=0", "?extra=1"]) {
      const response = await alice.get(`/api/v1/companies/${acme.id}/members${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields, query).toBeDefined();
    }
  });

  it("exports the filtered members as a semicolon CSV, formulas escaped", async () => {
    const { alice, acme, idOf } = await setup();
    const carol = await idOf("carol.chen@acme.example");
    const renamed = await alice.request("PATCH", `/api/v1/companies/${acme.id}/members/${carol}`, {
      fullName: "=cmd()",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const response = await alice.get(`/api/v1/companies/${acme.id}/members.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="acme-members\.csv"/);
    const rows = parse(response.body, { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]).toEqual(["Full name", "Email", "Video address", "Role", "Status", "Personal VMR"]);
    // The order of "=cmd()" among letters depends on the database's collation.
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        [
          "'=cmd()",
          "carol.chen@acme.example",
          "carol.chen@acme.video.example.com",
          "Member",
          "Active",
          "carol.chen.vmr@acme.video.example.com",
        ],
        [
          "Alice Andersen",
          "alice.andersen@acme.example",
          "alice.andersen@acme.video.example.com",
          "Admin",
          "Active",
          "alice.andersen.vmr@acme.video.example.com",
        ],
        expect.arrayContaining(["Bob Baker"]),
        expect.arrayContaining(["Dave Dunn", "Invited"]),
      ]),
    );
    expect(rows).toHaveLength(5);
    expect(response.body).not.toMatch(/(^|;)"?=cmd/m);

    const invitedOnly = await alice.get(`/api/v1/companies/${acme.id}/members.csv?status=invited`);
    const invitedRows = parse(invitedOnly.body, { delimiter: ";", bom: true }) as string[][];
    expect(invitedRows.map((r) => r[0])).toEqual(["Full name", "Dave Dunn"]);
  });

  it("searches with line breaks, % and _; one or two letters find the start of a word", async () => {
    const { names, alice, acme, idOf } = await setup();
    // Each field is matched on its own: a search cannot join the end of one to the next.
    expect(await names("?q=andersen%0Aalice")).toEqual([]);
    expect(await names("?q=n%0Aa")).toEqual([]);
    expect(await names("?q=e")).toHaveLength(4);
    expect(await names("?q=BA")).toEqual(["Bob Baker"]);
    // "ol" is inside Carol, not the start of a word; three letters match anywhere.
    expect(await names("?q=ol")).toEqual([]);
    expect(await names("?q=ch")).toEqual(["Carol Chen"]);
    expect(await names("?q=rol")).toEqual(["Carol Chen"]);
    expect(await names("?q=%25%25")).toEqual([]);
    expect(await names("?q=b_b")).toEqual([]);
    const aliceId = await idOf("alice.andersen@acme.example");
    const renamed = await alice.request("PATCH", `/api/v1/companies/${acme.id}/members/${aliceId}`, {
      fullName: "Alice 100%_Andersen",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await names("?q=0%25_a")).toEqual(["Alice 100%_Andersen"]);
    expect(await names("?q=10")).toEqual(["Alice 100%_Andersen"]);
    expect(await names("?q=0")).toEqual([]);
    expect(await names("?q=0%25")).toEqual(["Alice 100%_Andersen"]);
    expect(await names("?q=_")).toEqual(["Alice 100%_Andersen"]);
    expect(await names("?q=%25x")).toEqual([]);
  });

  it("finds rare characters and whole words between punctuation anywhere, in the list and the CSV", async () => {
    const { names, alice, acme, idOf } = await setup();
    for (const [email, fullName] of [
      ["bob.baker@acme.example", "Zoë Brontë"],
      ["carol.chen@acme.example", "Åsa Nyström"],
    ]) {
      const id = await idOf(email as string);
      const renamed = await alice.request("PATCH", `/api/v1/companies/${acme.id}/members/${id}`, {
        fullName,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    }
    // Inside a word and at its end, capitals lowercased: not only the start of a word.
    expect(await names("?q=%C3%AB")).toEqual(["Zoë Brontë"]); // ë
    expect(await names("?q=%C3%8B")).toEqual(["Zoë Brontë"]); // Ë
    expect(await names("?q=t%C3%AB")).toEqual(["Zoë Brontë"]); // të
    expect(await names("?q=%C3%AB%20")).toEqual(["Zoë Brontë"]); // "ë " (end of the first name)
    expect(await names("?q=%C3%B6m")).toEqual(["Åsa Nyström"]); // öm
    expect(await names("?q=%C3%A5")).toEqual(["Åsa Nyström"]); // å, the start of the name
    expect(await names("?q=%C3%A4")).toEqual([]); // ä
    expect(await names("?q=%C3%B8x")).toEqual([]); // øx
    // Both characters must be there next to each other, not just anywhere.
    expect(await names("?q=%C3%ABz")).toEqual([]); // ëz
    // One or two ASCII letters still match the start of a word only.
    expect(await names("?q=br")).toEqual(["Zoë Brontë"]);
    expect(await names("?q=ro")).toEqual([]);
    // Whole words between punctuation ("brien", "smith", "sales") are found wherever they are.
    const daveId = await idOf("dave.dunn@acme.example");
    const dave = await alice.request("PATCH", `/api/v1/companies/${acme.id}/members/${daveId}`, {
      fullName: "Dave O'Brien-Smith (Sales) <Ops>",
    });
    expect(dave.statusCode, dave.body).toBe(200);
    const daveName = "Dave O'Brien-Smith (Sales) <Ops>";
    for (const q of [
      "o'brien-smith (s",
      "-smith (sales) <",
      "(sales)",
      " <ops>",
      ".dunn@acme.",
      "@acme.video.",
    ]) {
      expect(await names(`?q=${encodeURIComponent(q)}`), q).toContain(daveName);
    }
    expect(await names(`?q=${encodeURIComponent("-smith (sale)")}`)).toEqual([]);

    const csv = await alice.get(`/api/v1/companies/${acme.id}/members.csv?q=%C3%B6`);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body, { delimiter: ";", bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Åsa Nyström"]);
  });

  it("pages, sorts and searches 5,000 members exactly like a sort of all of them", async () => {
    const { list, acme, globex } = await setup();
    const db = app().db;
    // Names repeat (ties read by id), 500 members share each creation time (like a batch).
    const addMembers = (companyId: string, count: number, tag: string) =>
      db.execute(sql`
        insert into accounts (kind, company_id, role, status, full_name, email, video_address, created_at)
        select 'member', ${companyId}, case when i % 40 = 0 then 'admin' else 'member' end,
               case when i % 37 = 0 then 'suspended' when i % 10 = 0 then 'invited' else 'active' end,
               (array['Ada','Bea','Cyd','Eve','Ida','Zoë'])[1 + i % 6] || ' ' ||
                 (array['Berg','Dahl','Lind','Moe','Roth','Vik','Wolf'])[1 + (i / 6) % 7],
               ${tag} || lpad(i::text, 5, '0') || '.x@ex' || (i % 3) || '.test',
               'v' || ${tag} || lpad(i::text, 5, '0') || '@' || ${tag} || '.video.example.com',
               now() - make_interval(hours => i / 500)
        from generate_series(1, ${count}::int) as i`);
    await addMembers(acme.id, 5_200, "m");
    await addMembers(globex.id, 300, "g");

    interface Row {
      id: string;
      name: string;
      email: string;
      video: string | null;
      micros: string;
      status: string;
      role: string;
    }
    const all = await queryRows<Row>(
      db,
      sql`select id, lower(full_name) as name, email, video_address as video, status, role,
                 (extract(epoch from created_at) * 1000000)::bigint::text as micros
          from accounts where company_id = ${acme.id} and kind = 'member'`,
    );
    const cmp = (a: string | bigint | null, b: string | bigint | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
    const lead: Record<string, (r: Row) => string | bigint | null> = {
      email: (r) => r.email,
      videoAddress: (r) => r.video,
      createdAt: (r) => BigInt(r.micros),
      status: (r) => r.status,
      role: (r) => r.role,
    };
    /** One or two letters or digits match the start of a word; anything else, anywhere. */
    const matches = (field: string, q: string) =>
      /^[a-z0-9]{1,2}$/.test(q)
        ? field.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(q))
        : field.includes(q);
    /** The order the API promises: descending sorts reverse the ties too, but -createdAt. */
    const expected = (sort: MemberSort, status: string | null, q: string | null) => {
      const field = sort.replace("-", "");
      const down = sort.startsWith("-") ? -1 : 1;
      const tiesDown = sort.startsWith("-") && field !== "createdAt" ? -1 : 1;
      const key = lead[field];
      return all
        .filter((r) => !status || r.status === status)
        .filter((r) => !q || [r.name, r.email, r.video ?? ""].some((f) => matches(f, q)))
        .sort(
          (a, b) =>
            (key ? down * cmp(key(a), key(b)) : 0) ||
            (key ? tiesDown : down) * cmp(a.name, b.name) ||
            (key ? tiesDown : down) * cmp(a.id, b.id),
        )
        .map((r) => r.id);
    };

    // "e" matches everyone (counted to 1,000; the sort's index is walked, however deep the
    // page); "ë", "m0012" and "ida moe" match fewer (counted and sorted); "x_" and "%" no one.
    // ".x@ex1" (a third of them) holds a whole word, "x", which the word index finds.
    const searches = [null, "e", "ë", "m0012", "ida moe", ".x@ex1", "x_", "%"];
    for (const sort of MEMBER_SORTS) {
      for (const status of [null, "invited"]) {
        for (const q of searches) {
          if (status && q && q !== "e") continue;
          const want = expected(sort, status, q);
          const last = Math.max(1, Math.ceil(want.length / 100));
          for (const page of new Set([1, 2, Math.ceil(last / 2), last - 1, last, last + 1])) {
            if (page < 1) continue;
            const query = new URLSearchParams({ sort, page: String(page), pageSize: "100" });
            if (status) query.set("status", status);
            if (q) query.set("q", q);
            const got = await list(`?${query}`);
            const label = `${query}`;
            // Only a search counts to the cap; the whole list and a status filter count exactly.
            const capped = q !== null && want.length > SEARCH_TOTAL_CAP;
            expect(got.total, label).toBe(capped ? SEARCH_TOTAL_CAP : want.length);
            expect(got.totalCapped, label).toBe(capped);
            expect(
              got.items.map((m: { id: string }) => m.id),
              label,
            ).toEqual(want.slice((page - 1) * 100, page * 100));
          }
        }
      }
    }

    // Past the cap (lowered here to 500), a search is counted to it and still paged in exact
    // order: "e" matches everyone, "ë" (Zoë) 1 in 6, all at the end of the name order, ".x@ex1"
    // 1 in 3.
    for (const sort of MEMBER_SORTS) {
      for (const q of ["e", "ë", ".x@ex1"]) {
        const want = expected(sort, null, q);
        const last = Math.ceil(want.length / 100);
        for (const page of new Set([1, Math.ceil(last / 2), last])) {
          const got = await listMembers(db, acme.id, { q, sort, page, pageSize: 100 }, 500);
          const label = `${sort} ${q} page ${page}`;
          expect(want.length, label).toBeGreaterThan(500);
          expect(got, label).toMatchObject({ total: 500, totalCapped: true });
          expect(
            got.items.map((m) => m.id),
            label,
          ).toEqual(want.slice((page - 1) * 100, page * 100));
        }
      }
    }
  });
});
