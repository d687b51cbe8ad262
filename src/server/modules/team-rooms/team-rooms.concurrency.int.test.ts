import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { teamRooms, videoAddresses } from "../../db/schema.js";

/**
 * Admins adding team rooms at the same moment. On PostgreSQL the requests run in parallel
 * transactions and the company row lock decides; on PGlite (one connection) they serialise.
 */
describe(`adding team rooms at the same moment (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("gives the last licence to exactly one of two admins", async () => {
    const { partnerA } = await twoTenants(app());
    // One admin and licences for two: the admin and one room.
    const company = await createCompany(app(), partnerA.admin, partnerA.id, "racers", { licences: 2 });
    const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
      fullName: "Second Admin",
      email: "second@racers.example",
      videoAddress: "second.admin",
      role: "admin",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    // Now both licences are used by admins: give the company one more, for one room.
    const raised = await partnerA.admin.request(
      "PATCH",
      `/api/v1/partners/${partnerA.id}/companies/${company.id}`,
      { licences: 3 },
    );
    expect(raised.statusCode, raised.body).toBe(200);
    const base = `/api/v1/companies/${company.id}/team-rooms`;
    const responses = await Promise.all([
      company.admin.post(base, { name: "Room one", videoAddress: "room.one" }),
      partnerA.admin.post(base, { name: "Room two", videoAddress: "room.two" }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.statusCode === 409);
    expect(refused?.json().error.code).toBe("LICENCE_LIMIT");
    const rooms = await app().db.select().from(teamRooms).where(eq(teamRooms.companyId, company.id));
    expect(rooms).toHaveLength(1);
    const roomAddresses = await app()
      .db.select({ n: count() })
      .from(videoAddresses)
      .where(eq(videoAddresses.ownerType, "team_room"));
    expect(roomAddresses[0]?.n).toBe(1);
    expect((await company.admin.get(base)).json().licences).toEqual({ used: 3, total: 3, remaining: 0 });
  });

  it("gives a contested address to exactly one room", async () => {
    const { companyA } = await twoTenants(app());
    const base = `/api/v1/companies/${companyA.id}/team-rooms`;
    const responses = await Promise.all(
      [1, 2, 3].map((n) => companyA.admin.post(base, { name: `Room ${n}`, videoAddress: "same.room" })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await app().db.select().from(teamRooms).where(eq(teamRooms.companyId, companyA.id))).toHaveLength(
      1,
    );
  });
});
