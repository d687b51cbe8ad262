import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { companyBody, createPartner } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, companies, videoAddresses } from "../../db/schema.js";

/**
 * Requests racing for the same address or slug. On PostgreSQL they run in parallel
 * transactions and the unique indexes decide; on PGlite (one connection) they serialise.
 */
describe(`creating companies at the same moment (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  const PARALLEL = 8;

  it("gives a contested first-admin address to exactly one company", async () => {
    const operator = await completeSetup(app());
    const partner = await createPartner(app(), operator, "Alpha Partners");
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        partner.admin.post(
          `/api/v1/partners/${partner.id}/companies`,
          companyBody(`race-${i}`, {
            domainSetup: "service_root",
            firstAdmin: {
              fullName: `Racer ${i}`,
              email: `racer${i}@race.example`,
              videoAddress: "same.person",
            },
          }),
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(PARALLEL - 1).fill(409)]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error.fields).toEqual({
        "firstAdmin.videoAddress": "This video address is already taken.",
      });
    }
    const registry = await app()
      .db.select()
      .from(videoAddresses)
      .where(like(videoAddresses.address, "same.person%"));
    expect(registry.map((r) => r.address).sort()).toEqual([
      "same.person.vmr@video.example.com",
      "same.person@video.example.com",
    ]);
    const winner = responses.find((r) => r.statusCode === 201)?.json();
    expect(registry.every((r) => r.companyId === winner?.id)).toBe(true);
    expect((await app().db.select({ n: count() }).from(companies))[0]?.n).toBe(1);
    const members = await app().db.select().from(accounts).where(eq(accounts.kind, "member"));
    expect(members.map((m) => m.companyId)).toEqual([winner?.id]);
  });

  it("gives a contested slug to exactly one company", async () => {
    const operator = await completeSetup(app());
    const partner = await createPartner(app(), operator, "Alpha Partners");
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        partner.admin.post(
          `/api/v1/partners/${partner.id}/companies`,
          companyBody("same-slug", {
            firstAdmin: {
              fullName: `Racer ${i}`,
              email: `racer${i}@race.example`,
              videoAddress: `racer.number${i}`,
            },
          }),
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(PARALLEL - 1).fill(409)]);
    expect((await app().db.select({ n: count() }).from(companies))[0]?.n).toBe(1);
    expect((await app().db.select({ n: count() }).from(videoAddresses))[0]?.n).toBe(2);
  });
});
