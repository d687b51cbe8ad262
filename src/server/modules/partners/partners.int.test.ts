import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { acceptInvitation, createPartner, rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { accounts, auditEvents, partners } from "../../db/schema.js";

type Call = [method: "GET" | "POST" | "PATCH", url: string, body?: unknown];

const partnerCalls = (partnerId: string): Call[] => [
  ["GET", "/api/v1/partners"],
  ["POST", "/api/v1/partners", { name: "Gamma Partners" }],
  ["GET", `/api/v1/partners/${partnerId}`],
  ["PATCH", `/api/v1/partners/${partnerId}`, { name: "Renamed Partners" }],
  ["GET", `/api/v1/partners/${partnerId}/admins`],
  ["POST", `/api/v1/partners/${partnerId}/admins`, { fullName: "New Admin", email: "new.admin@x.example" }],
];

async function statuses(client: TestClient, calls: Call[]): Promise<number[]> {
  const answers: number[] = [];
  for (const [method, url, body] of calls) answers.push((await client.request(method, url, body)).statusCode);
  return answers;
}

describe("partners and partner admins", () => {
  const app = useTestApp();

  it("operators create, list, read and rename partners; names are unique in any case", async () => {
    const operator = await completeSetup(app());
    const created = await operator.post("/api/v1/partners", { name: "  Alpha Partners " });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      name: "Alpha Partners",
      companyCount: 0,
      adminCount: 0,
      createdAt: expect.any(String),
    });
    const alpha = created.json().id;
    await operator.post("/api/v1/partners", { name: "Beta Partners" });

    const before = await rowCounts(app());
    const duplicate = await operator.post("/api/v1/partners", { name: "ALPHA partners" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields).toEqual({ name: "Another partner already has this name." });
    const empty = await operator.post("/api/v1/partners", { name: " " });
    expect(empty.json().error.fields).toEqual({ name: "Required." });
    expect(await rowCounts(app())).toEqual(before);

    const list = (await operator.get("/api/v1/partners?q=alp&pageSize=1")).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 1, items: [{ name: "Alpha Partners" }] });
    expect((await operator.get("/api/v1/partners?q=%25")).json().total).toBe(0);
    expect((await operator.get("/api/v1/partners?pageSize=500")).statusCode).toBe(400);

    const renamed = await operator.request("PATCH", `/api/v1/partners/${alpha}`, { name: "Alpha Resellers" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe("Alpha Resellers");
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "partner.updated"));
    expect(audit).toMatchObject({ before: { name: "Alpha Partners" }, after: { name: "Alpha Resellers" } });
    const clash = await operator.request("PATCH", `/api/v1/partners/${alpha}`, { name: "beta partners" });
    expect(clash.statusCode).toBe(409);
    expect((await operator.get(`/api/v1/partners/${alpha}`)).json().name).toBe("Alpha Resellers");
    const missing = await operator.get("/api/v1/partners/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect((await operator.get("/api/v1/partners/not-an-id")).statusCode).toBe(400);
  });

  it("invites partner admins, who can then invite more and see their partner", async () => {
    const operator = await completeSetup(app());
    const partner = await createPartner(app(), operator, "Alpha Partners");
    const invited = await partner.admin.post(`/api/v1/partners/${partner.id}/admins`, {
      fullName: "Second Admin",
      email: " Second@Alpha.Example ",
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toEqual({
      id: expect.any(String),
      fullName: "Second Admin",
      email: "second@alpha.example",
      status: "invited",
      createdAt: expect.any(String),
    });
    const [row] = await app().db.select().from(accounts).where(eq(accounts.email, "second@alpha.example"));
    expect(row).toMatchObject({
      kind: "partner_admin",
      partnerId: partner.id,
      status: "invited",
      role: null,
    });

    const before = await rowCounts(app());
    const again = await operator.post(`/api/v1/partners/${partner.id}/admins`, {
      fullName: "Dup",
      email: "SECOND@alpha.example",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ email: "An account with this email already exists." });
    const bad = await operator.post(`/api/v1/partners/${partner.id}/admins`, { fullName: "", email: "nope" });
    expect(bad.json().error.fields).toEqual({ fullName: "Required.", email: "Enter a valid email address." });
    expect(await rowCounts(app())).toEqual(before);

    await acceptInvitation(app(), "second@alpha.example");
    const admins = (await partner.admin.get(`/api/v1/partners/${partner.id}/admins`)).json();
    expect(admins.total).toBe(2);
    expect(admins.items.map((a: { email: string; status: string }) => [a.email, a.status])).toEqual([
      ["admin@alpha-partners.example", "active"],
      ["second@alpha.example", "active"],
    ]);
    expect((await partner.admin.get(`/api/v1/partners/${partner.id}`)).json()).toMatchObject({
      name: "Alpha Partners",
      adminCount: 2,
      companyCount: 0,
    });
  });

  it("answers 401 without a session", async () => {
    const operator = await completeSetup(app());
    const partner = (await operator.post("/api/v1/partners", { name: "Alpha" })).json();
    const answers = await statuses(app().client(), partnerCalls(partner.id));
    expect(answers).toEqual(answers.map(() => 401));
  });

  it("answers 403 to partner admins for operator work and to company accounts for anything", async () => {
    const { partnerA, companyA } = await twoTenants(app());
    const before = await rowCounts(app());
    // Partner admins: list, create and rename are for operators; their own partner they may read.
    expect(await statuses(partnerA.admin, partnerCalls(partnerA.id).slice(0, 4))).toEqual([
      403, 403, 200, 403,
    ]);
    expect(await statuses(companyA.admin, partnerCalls(partnerA.id))).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("partner B's admin gets 404 on partner A and its admins, and nothing changes", async () => {
    const { partnerA, partnerB } = await twoTenants(app());
    const [before] = await app().db.select().from(partners).where(eq(partners.id, partnerA.id));
    const counts = await rowCounts(app());
    expect(await statuses(partnerB.admin, partnerCalls(partnerA.id).slice(2))).toEqual([404, 404, 404, 404]);
    const [after] = await app().db.select().from(partners).where(eq(partners.id, partnerA.id));
    expect(after).toEqual(before);
    expect(await rowCounts(app())).toEqual(counts);
  });
});
