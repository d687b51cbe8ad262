import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup, signIn } from "../../../../test/helpers/fixtures.js";
import { companyBody, rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { auditEvents, companies, partners } from "../../db/schema.js";
import { seedDemo } from "../demo/seed-demo.js";

type Call = [method: "GET" | "POST" | "PATCH", url: string, body?: unknown];

const companyCalls = (partnerId: string, companyId: string): Call[] => [
  ["GET", "/api/v1/companies"],
  ["GET", `/api/v1/partners/${partnerId}/companies`],
  ["POST", `/api/v1/partners/${partnerId}/companies`, companyBody("new-co")],
  ["GET", `/api/v1/partners/${partnerId}/companies/${companyId}`],
  ["PATCH", `/api/v1/partners/${partnerId}/companies/${companyId}`, { name: "Renamed", licences: 50 }],
  ["GET", `/api/v1/companies/${companyId}`],
  ["PATCH", `/api/v1/companies/${companyId}/settings`, { name: "Renamed", timeZone: "UTC" }],
  ["GET", `/api/v1/companies/${companyId}/video-addresses/availability?address=someone.new`],
];

const call = (client: TestClient, [method, url, body]: Call) => client.request(method, url, body);

async function statuses(client: TestClient, calls: Call[]): Promise<string[]> {
  const answers: string[] = [];
  for (const c of calls) answers.push(`${c[0]} ${c[1]} → ${(await call(client, c)).statusCode}`);
  return answers;
}

const expectAll = (answers: string[], status: number) =>
  expect(answers).toEqual(answers.map((a) => a.replace(/→ \d+$/, `→ ${status}`)));

describe("who may see and change companies", () => {
  const app = useTestApp();

  it("answers 401 to every company endpoint without a session, whatever the input", async () => {
    const { partnerA, companyA } = await twoTenants(app());
    const before = await rowCounts(app());
    expectAll(await statuses(app().client(), companyCalls(partnerA.id, companyA.id)), 401);
    const garbage = await app().client().post(`/api/v1/partners/${partnerA.id}/companies`, { nonsense: 1 });
    expect(garbage.statusCode).toBe(401);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("answers 403 to the wrong role: members, company admins at partner level, partner admins on /companies", async () => {
    await completeSetup(app());
    const seeded = await seedDemo(app().db);
    const person = (email: string) => {
      const account = seeded.accounts.find((a) => a.email === email);
      if (!account) throw new Error(`no ${email}`);
      return signIn(app(), account.email, account.password);
    };
    const acme = seeded.companies.find((c) => c.slug === "acme");
    const partnerId = seeded.partners[0]?.id ?? "";
    if (!acme) throw new Error("no Acme");
    const calls = companyCalls(partnerId, acme.id);
    const before = await rowCounts(app());

    // Bob is a member of Acme: everything is refused, also his own company.
    expectAll(await statuses(await person("bob.baker@acme.example"), calls), 403);
    // Alice administers Acme: its company endpoints work, the partner's and the operator's do not.
    const alice = await statuses(await person("alice.andersen@acme.example"), calls);
    expect(alice.slice(0, 5)).toEqual(alice.slice(0, 5).map((a) => a.replace(/\d+$/, "403")));
    expect(alice.slice(5)).toEqual(alice.slice(5).map((a) => a.replace(/\d+$/, "200")));
    // Paul (the partner's admin) may do all but the operators' list of every company.
    const paul = await statuses(await person("paul@northwind.example"), calls);
    expect(paul[0]).toMatch(/→ 403$/);
    expect(paul.slice(1)).toEqual(
      paul.slice(1).map((a) => a.replace(/\d+$/, a.startsWith("POST") ? "201" : "200")),
    );
    const after = await rowCounts(app());
    expect(after.companies).toBe((before.companies ?? 0) + 1);
  });

  it("partner B's admin gets 404 for everything of partner A, and nothing changes", async () => {
    const { partnerA, partnerB, companyA } = await twoTenants(app());
    const [partnerBefore] = await app().db.select().from(partners).where(eq(partners.id, partnerA.id));
    const [companyBefore] = await app().db.select().from(companies).where(eq(companies.id, companyA.id));
    const before = await rowCounts(app());

    const calls = companyCalls(partnerA.id, companyA.id).slice(1);
    calls.push(
      ["GET", `/api/v1/partners/${partnerA.id}`],
      ["PATCH", `/api/v1/partners/${partnerA.id}`, { name: "Taken over" }],
      ["GET", `/api/v1/partners/${partnerA.id}/admins`],
      [
        "POST",
        `/api/v1/partners/${partnerA.id}/admins`,
        { fullName: "Mallory", email: "mallory@evil.example" },
      ],
      // Partner A's company under partner B's own path.
      ["GET", `/api/v1/partners/${partnerB.id}/companies/${companyA.id}`],
      ["PATCH", `/api/v1/partners/${partnerB.id}/companies/${companyA.id}`, { licences: 99 }],
    );
    const answers = await statuses(partnerB.admin, calls);
    expectAll(answers, 404);
    const body = (await partnerB.admin.get(`/api/v1/companies/${companyA.id}`)).json();
    expect(body.error.code).toBe("NOT_FOUND");

    const [partnerAfter] = await app().db.select().from(partners).where(eq(partners.id, partnerA.id));
    const [companyAfter] = await app().db.select().from(companies).where(eq(companies.id, companyA.id));
    expect(partnerAfter).toEqual(partnerBefore);
    expect(companyAfter).toEqual(companyBefore);
    expect(await rowCounts(app())).toEqual(before);
    // Partner B's own list does not show partner A's company.
    const own = (await partnerB.admin.get(`/api/v1/partners/${partnerB.id}/companies`)).json();
    expect(own.items.map((c: { slug: string }) => c.slug)).toEqual(["beta-co"]);
  });

  it("company B's admin gets 404 for company A, and nothing changes", async () => {
    const { companyA, companyB } = await twoTenants(app());
    const [before] = await app().db.select().from(companies).where(eq(companies.id, companyA.id));
    const calls = companyCalls(companyA.partnerId, companyA.id).slice(5);
    expectAll(await statuses(companyB.admin, calls), 404);
    const [after] = await app().db.select().from(companies).where(eq(companies.id, companyA.id));
    expect(after).toEqual(before);
    expectAll(await statuses(companyA.admin, calls), 200);
  });

  it("a partner admin acts for their customer: audited as partner_admin, no licence used", async () => {
    const { partnerA, companyA, operator } = await twoTenants(app());
    const path = `/api/v1/companies/${companyA.id}/settings`;
    const before = (await companyA.admin.get(`/api/v1/companies/${companyA.id}`)).json();
    expect(before.licences).toEqual({ used: 1, total: 5 });

    const changed = await partnerA.admin.request("PATCH", path, { name: "Alpha Renamed", timeZone: "UTC" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Alpha Renamed", timeZone: "UTC", licences: { used: 1 } });
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "company.updated"), eq(auditEvents.companyId, companyA.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorKind: "partner_admin",
      actorName: "Alpha Partners Admin",
      companyId: companyA.id,
      before: { name: "Alpha-co Inc", timeZone: "Europe/Oslo" },
      after: { name: "Alpha Renamed", timeZone: "UTC" },
    });

    const byOperator = await operator.request("PATCH", path, { timeZone: "Europe/Berlin" });
    expect(byOperator.statusCode).toBe(200);
    const [last] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "company.updated"), eq(auditEvents.actorKind, "operator")));
    expect(last).toMatchObject({ companyId: companyA.id, after: { timeZone: "Europe/Berlin" } });

    const after = (await companyA.admin.get(`/api/v1/companies/${companyA.id}`)).json();
    expect(after.licences).toEqual({ used: 1, total: 5 });
    expect(after.memberCount).toBe(1);
  });
});
