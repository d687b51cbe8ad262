import { describe, expect, it } from "vitest";
import { companyBody, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";

describe("the partners-and-companies API over HTTP", () => {
  const app = useTestApp();

  it("documents every endpoint in the OpenAPI document, with a summary and tags", async () => {
    const openapi = (await app().app.inject({ url: "/api/docs/openapi.json" })).json();
    const expected: [string, string][] = [
      ["/api/v1/service/settings", "get"],
      ["/api/v1/service/settings", "patch"],
      ["/api/v1/partners", "get"],
      ["/api/v1/partners", "post"],
      ["/api/v1/partners/{partnerId}", "get"],
      ["/api/v1/partners/{partnerId}", "patch"],
      ["/api/v1/partners/{partnerId}/admins", "get"],
      ["/api/v1/partners/{partnerId}/admins", "post"],
      ["/api/v1/companies", "get"],
      ["/api/v1/partners/{partnerId}/companies", "get"],
      ["/api/v1/partners/{partnerId}/companies", "post"],
      ["/api/v1/partners/{partnerId}/companies/{companyId}", "get"],
      ["/api/v1/partners/{partnerId}/companies/{companyId}", "patch"],
      ["/api/v1/companies/{companyId}", "get"],
      ["/api/v1/companies/{companyId}/settings", "patch"],
      ["/api/v1/companies/{companyId}/video-addresses/availability", "get"],
      ["/api/v1/invitations/{token}", "get"],
      ["/api/v1/invitations/{token}/accept", "post"],
    ];
    for (const [path, method] of expected) {
      const operation = openapi.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String));
      expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
    for (const schema of [
      "Company",
      "CompanySummary",
      "Partner",
      "PartnerAdmin",
      "ServiceSettings",
      "Invitation",
    ]) {
      expect(Object.keys(openapi.components.schemas)).toContain(schema);
    }
  });

  it("answers bad input with 4xx, never 500", async () => {
    const { partnerA, companyA } = await twoTenants(app());
    const create = `/api/v1/partners/${partnerA.id}/companies`;
    const bodies: unknown[] = [
      null,
      [],
      "text",
      { ...companyBody("x1"), hostedDomains: "globex.example" },
      { ...companyBody("x2"), licences: "5" },
      { ...companyBody("x3"), firstAdmin: null },
      {
        ...companyBody("x4"),
        firstAdmin: { fullName: "A", email: "a@b.example", videoAddress: "ünïcødé@x" },
      },
      { ...companyBody("x5"), firstAdmin: { fullName: "A", email: "a@b.example", videoAddress: "a@b@c" } },
      {
        ...companyBody("x6"),
        firstAdmin: { fullName: "A", email: "a@b.example", videoAddress: "x".repeat(400) },
      },
      { ...companyBody("x7"), licences: 1e20 },
      { ...companyBody("x8"), timeZone: 42 },
      { ...companyBody("x9"), domainSetup: "hosted", hostedDomains: Array(50).fill("a.example") },
      { ...companyBody("x10"), slug: "a".repeat(5000) },
    ];
    for (const body of bodies) {
      const response = await partnerA.admin.post(create, body, { "content-type": "application/json" });
      expect(response.statusCode, JSON.stringify(body)?.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, response.body).toBeLessThan(500);
    }
    const queries = [
      `/api/v1/partners/${partnerA.id}/companies?page=0`,
      `/api/v1/partners/${partnerA.id}/companies?page=abc`,
      `/api/v1/partners/${partnerA.id}/companies?status=gold`,
      `/api/v1/partners/${partnerA.id}/companies?q=${"%25_\\".repeat(10)}`,
      `/api/v1/partners/${partnerA.id}/companies?q=${"q".repeat(300)}`,
      `/api/v1/partners/${partnerA.id}/companies/not-a-uuid`,
      `/api/v1/companies/${companyA.id}/video-addresses/availability?address=${"%F0%9F%98%80".repeat(10)}`,
      `/api/v1/companies/${companyA.id}/video-addresses/availability?address=a&address=b`,
      `/api/v1/invitations/${"x".repeat(500)}`,
    ];
    for (const url of queries) {
      const response = await partnerA.admin.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });
});
