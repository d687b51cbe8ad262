import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { replaceUsage } from "../../../../test/helpers/usage-rows.js";

/** Every route of a company's usage: the summary, the three tabs, each also as CSV and JSON. */
const companyUrls = (companyId: string) => {
  const base = `/api/v1/companies/${companyId}/usage`;
  const routes = [base, `${base}.csv`, `${base}.json`];
  for (const tab of ["endpoints", "users", "vmrs"])
    routes.push(`${base}/${tab}`, `${base}/${tab}.csv`, `${base}/${tab}.json`);
  return routes;
};
const partnerUrls = (partnerId: string) => {
  const base = `/api/v1/partners/${partnerId}/usage`;
  return [base, `${base}.csv`, `${base}.json`];
};
const serviceUrls = ["/api/v1/usage", "/api/v1/usage.csv", "/api/v1/usage.json"];

async function statuses(client: TestClient, urls: string[]): Promise<number[]> {
  const answers: number[] = [];
  for (const url of urls) answers.push((await client.get(url)).statusCode);
  return answers;
}
const all = (status: number, urls: string[]) => urls.map(() => status);

describe("who may read usage", () => {
  const app = useTestApp();

  it("answers 401 without a session, also to malformed periods", async () => {
    const { acme, partnerId } = await demoCompanies(app());
    const anonymous = app().client();
    const urls = [...companyUrls(acme.id), ...partnerUrls(partnerId), ...serviceUrls];
    expect(await statuses(anonymous, urls)).toEqual(all(401, urls));
    const garbage = await anonymous.get(`/api/v1/companies/${acme.id}/usage?from=yesterday&x=1`);
    expect(garbage.statusCode).toBe(401);
  });

  it("answers 403 to a member of the company, and at partner and service level", async () => {
    const { acme, partnerId, as } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    expect(await statuses(bob, companyUrls(acme.id))).toEqual(all(403, companyUrls(acme.id)));
    const refused = await bob.get(`/api/v1/companies/${acme.id}/usage`);
    expect(refused.json().error.code).toBe("FORBIDDEN");
    expect(await statuses(bob, partnerUrls(partnerId))).toEqual([403, 403, 403]);
    expect(await statuses(bob, serviceUrls)).toEqual([403, 403, 403]);
  });

  it("company B's admin and partner B's admin get 404 for company A's usage, which leaks nothing", async () => {
    const { companyA, companyB, partnerA, partnerB } = await twoTenants(app());
    await replaceUsage(app().db, companyA.id, [{ day: "2026-01-05", calls: 4242, callMinutes: 10 }]);
    const before = await rowCounts(app());

    for (const client of [companyB.admin, partnerB.admin]) {
      for (const url of companyUrls(companyA.id)) {
        const answer = await client.get(url);
        expect(answer.statusCode, url).toBe(404);
        expect(answer.json().error.code).toBe("NOT_FOUND");
        expect(answer.body).not.toContain("4242");
      }
      // A malformed period is refused before any company is looked up: it tells nothing about A.
      const bad = await client.get(`/api/v1/companies/${companyA.id}/usage?from=2026-01-01&to=2028-01-01`);
      expect(bad.statusCode).toBe(400);
    }
    // Partner B's admin does not reach partner A; company admins work at no partner's level.
    expect(await statuses(partnerB.admin, partnerUrls(partnerA.id))).toEqual([404, 404, 404]);
    expect(await statuses(companyA.admin, partnerUrls(partnerA.id))).toEqual([403, 403, 403]);
    expect(await statuses(partnerA.admin, serviceUrls)).toEqual([403, 403, 403]);
    // Partner B's own view shows only its own company.
    const own = await partnerB.admin.get(
      `/api/v1/partners/${partnerB.id}/usage?from=2026-01-01&to=2026-01-31`,
    );
    expect(own.json()).toMatchObject({ total: 1, items: [{ companyId: companyB.id, calls: 0 }] });
    expect(own.body).not.toContain(companyA.id);
    // Reading never writes.
    expect(await rowCounts(app())).toEqual(before);
  });

  it("answers 404 for a company or partner that does not exist, also to operators", async () => {
    const { operator } = await demoCompanies(app());
    const nobody = "00000000-0000-4000-8000-000000000000";
    expect(await statuses(operator, companyUrls(nobody))).toEqual(all(404, companyUrls(nobody)));
    expect(await statuses(operator, partnerUrls(nobody))).toEqual([404, 404, 404]);
  });

  it("lets the company's admins, its partner's admins and operators read it", async () => {
    const { acme, partnerId, operator, as } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    const paul = await as("paul@northwind.example");
    for (const client of [alice, paul, operator]) {
      expect(await statuses(client, companyUrls(acme.id))).toEqual(all(200, companyUrls(acme.id)));
    }
    for (const client of [paul, operator]) {
      expect(await statuses(client, partnerUrls(partnerId))).toEqual([200, 200, 200]);
    }
    expect(await statuses(operator, serviceUrls)).toEqual([200, 200, 200]);
    // Globex's admin is another tenant.
    const grace = await as("grace@globex.example");
    expect(await statuses(grace, companyUrls(acme.id))).toEqual(all(404, companyUrls(acme.id)));
  });

  it("refuses malformed periods, sorts and pages with 400 and the field, never 500", async () => {
    const { acme, partnerId, operator, as } = await demoCompanies(app());
    const alice = await as("alice.andersen@acme.example");
    const cases: [string, string][] = [
      ["?from=yesterday", "from"],
      ["?to=2026-02-30", "to"],
      ["?from=2026-1-5", "from"],
      ["?from=2026-11-23T10:00:00Z", "from"],
      ["?from=2026-11-24&to=2026-11-23", "to"],
      // 13 months at most: 2024-12-31 … 2026-01-31 is one day too long.
      ["?from=2024-12-31&to=2026-01-31", "from"],
      // Only a start: the period runs to today, far too long.
      ["?from=2000-01-01", "from"],
      ["?x=1", "x"],
    ];
    const listCases: [string, string][] = [
      ["?sort=occurredAt", "sort"],
      ["?pageSize=201", "pageSize"],
      ["?page=0", "page"],
    ];
    const check = async (client: TestClient, url: string, field: string) => {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(Object.keys(response.json().error.fields ?? {}), url).toContain(field);
    };
    const base = `/api/v1/companies/${acme.id}/usage`;
    for (const [query, field] of cases) {
      for (const path of [base, `${base}.csv`, `${base}/users`, `${base}/vmrs.json`]) {
        await check(alice, `${path}${query}`, field);
      }
      for (const path of [`/api/v1/partners/${partnerId}/usage`, "/api/v1/usage.csv"]) {
        await check(operator, `${path}${query}`, field);
      }
    }
    for (const [query, field] of listCases) {
      for (const path of [`${base}/endpoints`, `/api/v1/partners/${partnerId}/usage`, "/api/v1/usage"]) {
        await check(path.startsWith(base) ? alice : operator, `${path}${query}`, field);
      }
    }
    // The summary takes no sort or page; exports take no page.
    await check(alice, `${base}?sort=calls`, "sort");
    await check(alice, `${base}/users.csv?page=2`, "page");
    // 13 whole months are fine, and so is a single day.
    expect((await alice.get(`${base}?from=2025-01-01&to=2026-01-31`)).statusCode).toBe(200);
    expect((await alice.get(`${base}?from=2026-01-31&to=2026-01-31`)).statusCode).toBe(200);
  });
});
