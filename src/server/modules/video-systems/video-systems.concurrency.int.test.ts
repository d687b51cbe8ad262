import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { videoAddresses, videoSystems } from "../../db/schema.js";

/**
 * Partners adding video systems at the same moment. On PostgreSQL the requests run in parallel
 * transactions and the company row lock decides; on PGlite (one connection) they serialise.
 */
describe(`adding video systems at the same moment (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("gives the last endpoint subscription to exactly one of two creates", async () => {
    const { partnerA, operator } = await twoTenants(app());
    const company = await createCompany(app(), partnerA.admin, partnerA.id, "racers", {
      endpointSubscriptions: 1,
    });
    const base = `/api/v1/companies/${company.id}/video-systems`;
    const responses = await Promise.all([
      partnerA.admin.post(base, { name: "One", videoAddress: "system.one" }),
      operator.post(base, { name: "Two", videoAddress: "system.two" }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe("LICENCE_LIMIT");
    expect(
      await app().db.select().from(videoSystems).where(eq(videoSystems.companyId, company.id)),
    ).toHaveLength(1);
    expect(
      await app().db.select().from(videoAddresses).where(eq(videoAddresses.ownerType, "video_system")),
    ).toHaveLength(1);
  });
});
