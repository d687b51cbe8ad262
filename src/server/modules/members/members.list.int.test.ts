import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";

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
});
