import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts } from "../../db/schema.js";

const directoryOf = (companyId: string, query = "") => `/api/v1/companies/${companyId}/directory${query}`;

describe("the company directory", () => {
  const app = useTestApp();

  it("answers 401 without a session", async () => {
    const { acme } = await demoCompanies(app());
    const response = await app().client().get(directoryOf(acme.id, "?pageSize=nonsense"));
    expect(response.statusCode).toBe(401);
  });

  it("lists a member's active colleagues by name with their addresses, never their emails", async () => {
    const { acme, as, idOf } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const response = await bob.get(directoryOf(acme.id));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(body.items).toEqual([
      {
        type: "person",
        id: await idOf("alice.andersen@acme.example"),
        name: "Alice Andersen",
        address: "alice.andersen@acme.video.example.com",
        personalRoom: {
          name: "Alice Andersen's room",
          address: "alice.andersen.vmr@acme.video.example.com",
        },
      },
      expect.objectContaining({ name: "Bob Baker", address: "bob.baker@acme.video.example.com" }),
      expect.objectContaining({ name: "Carol Chen" }),
    ]);
    // Dave is still invited; Globex's people are another company's.
    expect(response.body).not.toContain("Dave");
    expect(response.body).not.toContain("Hank");
    expect(response.body).not.toContain("@acme.example");
    expect(response.body).not.toMatch(/pin/i);
  });

  it("lists the company's team rooms among the people, by name, and finds them by name or address", async () => {
    const { acme, globex, as } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    for (const [name, videoAddress] of [
      ["Jupiter", "jupiter.room"],
      ["Boardroom", "board.room"],
    ]) {
      const created = await alice.post(`/api/v1/companies/${acme.id}/team-rooms`, { name, videoAddress });
      expect(created.statusCode, created.body).toBe(201);
    }
    const grace = await as("grace@globex.example");
    const other = await grace.post(`/api/v1/companies/${globex.id}/team-rooms`, {
      name: "Globex Hall",
      videoAddress: "hall",
    });
    expect(other.statusCode, other.body).toBe(201);

    const bob = await as("bob.baker@acme.example");
    const all = (await bob.get(directoryOf(acme.id))).json();
    expect(all.total).toBe(5);
    expect(all.items.map((e: { name: string; type: string }) => `${e.type}:${e.name}`)).toEqual([
      "person:Alice Andersen",
      "room:Boardroom",
      "person:Bob Baker",
      "person:Carol Chen",
      "room:Jupiter",
    ]);
    expect(all.items[1]).toEqual({
      type: "room",
      id: expect.any(String),
      name: "Boardroom",
      address: "board.room@acme.video.example.com",
      personalRoom: null,
    });
    expect(JSON.stringify(all)).not.toContain("Globex Hall");
    const byAddress = (await bob.get(directoryOf(acme.id, "?q=JUPITER.ro"))).json();
    expect(byAddress.items.map((e: { name: string }) => e.name)).toEqual(["Jupiter"]);
    const paged = (await bob.get(directoryOf(acme.id, "?pageSize=2&page=3"))).json();
    expect(paged).toMatchObject({ total: 5, items: [expect.objectContaining({ name: "Jupiter" })] });
  });

  it("leaves suspended members out", async () => {
    const { acme, as } = await demoCompanies(app());
    await app()
      .db.update(accounts)
      .set({ status: "suspended" })
      .where(eq(accounts.email, "carol.chen@acme.example"));
    const alice = await as("alice.andersen@acme.example");
    const names = (await alice.get(directoryOf(acme.id))).json().items.map((e: { name: string }) => e.name);
    expect(names).toEqual(["Alice Andersen", "Bob Baker"]);
  });

  it("finds people by part of a name or address, case-insensitively, and pages", async () => {
    const { acme, as } = await demoCompanies(app());
    const carol = await as("carol.chen@acme.example");
    const names = async (query: string) => {
      const response = await carol.get(directoryOf(acme.id, query));
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((e: { name: string }) => e.name);
    };
    expect(await names("?q=ANDERS")).toEqual(["Alice Andersen"]);
    expect(await names("?q=baker.vmr@")).toEqual(["Bob Baker"]);
    expect(await names("?q=chen%40acme.video")).toEqual(["Carol Chen"]);
    // Emails are not searchable (they would leak through the matches).
    expect(await names("?q=acme.example")).toEqual([]);
    // Wildcards typed into the box match themselves.
    expect(await names("?q=%25")).toEqual([]);
    expect(await names("?q=_")).toEqual([]);
    const second = (await carol.get(directoryOf(acme.id, "?pageSize=2&page=2"))).json();
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((e: { name: string }) => e.name)).toEqual(["Carol Chen"]);
  });

  it("refuses bad paging with the field's reason", async () => {
    const { acme, as } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    for (const query of ["?pageSize=0", "?pageSize=201", "?page=0", "?sort=name", `?q=${"x".repeat(201)}`]) {
      const response = await bob.get(directoryOf(acme.id, query));
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe("VALIDATION_FAILED");
    }
    const badId = await bob.get(directoryOf("not-a-uuid"));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields).toHaveProperty("companyId");
  });

  it("is open to the company's partner admins and operators, 404 to everyone else", async () => {
    const { acme, globex, operator, as } = await demoCompanies(app());
    const paul = await as("paul@northwind.example");
    for (const client of [operator, paul]) {
      expect((await client.get(directoryOf(acme.id))).json().total).toBe(3);
    }
    for (const email of ["grace@globex.example", "hank@globex.example"]) {
      const outsider = await as(email);
      const response = await outsider.get(directoryOf(acme.id));
      expect(response.statusCode, email).toBe(404);
      expect(response.body).not.toContain("Alice");
    }
    const bob = await as("bob.baker@acme.example");
    expect((await bob.get(directoryOf(globex.id))).statusCode).toBe(404);
    expect((await bob.get(directoryOf("00000000-0000-4000-8000-000000000000"))).statusCode).toBe(404);
  });

  it("hides company A from company B's admin and partner, and nothing changes", async () => {
    const { companyA, companyB, partnerA, partnerB } = await twoTenants(app());
    const before = await rowCounts(app());
    expect((await companyB.admin.get(directoryOf(companyA.id))).statusCode).toBe(404);
    expect((await partnerB.admin.get(directoryOf(companyA.id))).statusCode).toBe(404);
    const own = await companyB.admin.get(directoryOf(companyB.id));
    expect(own.json().items.map((e: { name: string }) => e.name)).toEqual(["Admin of beta-co"]);
    const partners = await partnerA.admin.get(directoryOf(companyA.id));
    expect(partners.json().items.map((e: { name: string }) => e.name)).toEqual(["Admin of alpha-co"]);
    expect(await rowCounts(app())).toEqual(before);
  });
});
