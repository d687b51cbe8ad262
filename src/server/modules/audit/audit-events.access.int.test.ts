import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";

/** Every endpoint of the audit log contract for one company. */
const auditUrls = (companyId: string) => {
  const base = `/api/v1/companies/${companyId}`;
  return [`${base}/audit-events`, `${base}/audit-events/people`, `${base}/audit-events.csv`];
};

async function statuses(client: TestClient, urls: string[]): Promise<number[]> {
  const answers: number[] = [];
  for (const url of urls) answers.push((await client.get(url)).statusCode);
  return answers;
}

describe("who may read a company's audit log", () => {
  const app = useTestApp();

  it("answers 401 without a session, also to malformed filters", async () => {
    const { acme } = await demoCompanies(app());
    expect(await statuses(app().client(), auditUrls(acme.id))).toEqual([401, 401, 401]);
    const garbage = await app().client().get(`/api/v1/companies/${acme.id}/audit-events?from=yesterday&x=1`);
    expect(garbage.statusCode).toBe(401);
  });

  it("answers 403 to a member of the company", async () => {
    const { acme, as } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    expect(await statuses(bob, auditUrls(acme.id))).toEqual([403, 403, 403]);
    const refused = await bob.get(`/api/v1/companies/${acme.id}/audit-events`);
    expect(refused.json().error.code).toBe("FORBIDDEN");
  });

  it("company B's admin and partner B's admin get 404 for company A's log, which leaks nothing", async () => {
    const { companyA, companyB, partnerB } = await twoTenants(app());
    // Company A's admin renames themself, so company A's log has an entry with a name in it.
    const me = (await companyA.admin.get("/api/v1/me")).json();
    const renamed = await companyA.admin.request(
      "PATCH",
      `/api/v1/companies/${companyA.id}/members/${me.id}`,
      {
        fullName: "Secret Alpha Name",
      },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const before = await rowCounts(app());

    for (const client of [companyB.admin, partnerB.admin]) {
      expect(await statuses(client, auditUrls(companyA.id))).toEqual([404, 404, 404]);
      for (const url of auditUrls(companyA.id)) {
        const answer = await client.get(url);
        expect(answer.json().error.code).toBe("NOT_FOUND");
        expect(answer.body).not.toContain("Secret Alpha Name");
      }
    }
    // Company B's own log does not show company A's events, whatever the object filter says.
    const own = await companyB.admin.get(
      `/api/v1/companies/${companyB.id}/audit-events?object=${encodeURIComponent("Secret Alpha")}`,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ items: [], total: 0 });
    const ownCsv = await companyB.admin.get(`/api/v1/companies/${companyB.id}/audit-events.csv`);
    expect(ownCsv.body).not.toContain("Secret Alpha Name");
    const ownPeople = await companyB.admin.get(`/api/v1/companies/${companyB.id}/audit-events/people`);
    expect(JSON.stringify(ownPeople.json())).not.toContain("Secret Alpha Name");
    // Reading never writes.
    expect(await rowCounts(app())).toEqual(before);
  });

  it("lets the company's admins, its partner's admins and operators read it", async () => {
    const { acme, operator, as } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    const paul = await as("paul@northwind.example");
    for (const client of [alice, paul, operator]) {
      expect(await statuses(client, auditUrls(acme.id))).toEqual([200, 200, 200]);
    }
    // Globex's admin is another tenant.
    const grace = await as("grace@globex.example");
    expect(await statuses(grace, auditUrls(acme.id))).toEqual([404, 404, 404]);
  });

  it("refuses malformed filters with 400 and the field, never 500", async () => {
    const { acme, as } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    const cases: [string, string][] = [
      ["?from=yesterday", "from"],
      ["?to=2026-02-30", "to"],
      ["?from=2026-11-23T10:00", "from"],
      ["?from=2026-11-23T10:00:00%2B99:00", "from"],
      ["?from=2026-11-24&to=2026-11-23", "to"],
      ["?from=2026-11-23T12:00:00Z&to=2026-11-23T11:59:59Z", "to"],
      ["?person=nobody", "person"],
      ["?pageSize=101", "pageSize"],
      ["?page=0", "page"],
      [`?object=${"x".repeat(201)}`, "object"],
      ["?sort=occurredAt", "sort"],
    ];
    for (const [query, field] of cases) {
      for (const path of ["audit-events", "audit-events.csv"]) {
        if (path.endsWith(".csv") && field.startsWith("page")) continue;
        const response = await alice.get(`/api/v1/companies/${acme.id}/${path}${query}`);
        expect(response.statusCode, `${path}${query}`).toBe(400);
        expect(Object.keys(response.json().error.fields), `${path}${query}`).toContain(field);
      }
    }
    // The same day as start and end is one whole day, not a backwards range.
    const oneDay = await alice.get(`/api/v1/companies/${acme.id}/audit-events?from=2026-11-23&to=2026-11-23`);
    expect(oneDay.statusCode).toBe(200);
  });
});
