import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  rowCounts,
  type TestCompany,
  twoTenants,
} from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { accounts, auditEvents, teamRoomOwners, teamRooms, videoAddresses } from "../../db/schema.js";

type Call = [method: "GET" | "POST" | "PATCH" | "PUT", url: string, body?: unknown];

/** Every team-room endpoint, aimed at one room (and one member as its owner) of one company. */
const roomCalls = (companyId: string, roomId: string, memberId: string): Call[] => {
  const base = `/api/v1/companies/${companyId}/team-rooms`;
  return [
    ["GET", base],
    ["POST", base, { name: "Intruder", videoAddress: "intruder.room" }],
    ["GET", `${base}/${roomId}`],
    ["PATCH", `${base}/${roomId}`, { name: "Taken over", hostPin: "9731" }],
    ["PUT", `${base}/${roomId}/owners`, { mode: "chosen", memberIds: [memberId] }],
    ["POST", `${base}/delete`, { ids: [roomId] }],
  ];
};

async function statuses(client: TestClient, calls: Call[]): Promise<string[]> {
  const answers: string[] = [];
  for (const [method, url, body] of calls) {
    answers.push(`${method} ${url} → ${(await client.request(method, url, body)).statusCode}`);
  }
  return answers;
}

const expectAll = (answers: string[], status: number) =>
  expect(answers).toEqual(answers.map((a) => a.replace(/→ \d+$/, `→ ${status}`)));

describe(`who may see and change team rooms (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  /** Two tenants; company A has a room whose chosen owner is its member Mia. */
  const setup = async () => {
    const tenants = await twoTenants(app());
    const { companyA } = tenants;
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@alpha.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const mia = await acceptInvitation(app(), "mia@alpha.example");
    const miaId = invited.json().member.id as string;
    const room = await addRoom(companyA, "Alpha room", "alpha.room");
    const owners = await companyA.admin.request(
      "PUT",
      `/api/v1/companies/${companyA.id}/team-rooms/${room}/owners`,
      { mode: "chosen", memberIds: [miaId] },
    );
    expect(owners.statusCode, owners.body).toBe(200);
    return { ...tenants, mia, miaId, room };
  };

  const addRoom = async (company: TestCompany, name: string, local: string) => {
    const created = await company.admin.post(`/api/v1/companies/${company.id}/team-rooms`, {
      name,
      videoAddress: local,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().room.id as string;
  };

  const snapshot = async (companyId: string) => ({
    counts: await rowCounts(app()),
    rooms: await app().db.select().from(teamRooms).where(eq(teamRooms.companyId, companyId)),
    owners: await app().db.select().from(teamRoomOwners).where(eq(teamRoomOwners.companyId, companyId)),
    registry: await app().db.select().from(videoAddresses).where(eq(videoAddresses.companyId, companyId)),
    audits: (await app().db.select().from(auditEvents)).length,
  });

  it("answers 401 to every endpoint without a session, whatever the input", async () => {
    const { companyA, room, miaId } = await setup();
    const before = await snapshot(companyA.id);
    const anonymous = app().client();
    expectAll(await statuses(anonymous, roomCalls(companyA.id, room, miaId)), 401);
    expectAll(
      await statuses(anonymous, [
        ["GET", "/api/v1/me/rooms"],
        ["PATCH", `/api/v1/me/rooms/${room}`, { nonsense: true }],
      ]),
      401,
    );
    expect(await snapshot(companyA.id)).toEqual(before);
  });

  it("answers 403 to a member (even the room's owner) on the admin endpoints, and nothing changes", async () => {
    const { companyA, room, mia, miaId } = await setup();
    const before = await snapshot(companyA.id);
    const answers = await statuses(mia, roomCalls(companyA.id, room, miaId));
    expectAll(answers, 403);
    expect(await snapshot(companyA.id)).toEqual(before);
  });

  it("company B's admin gets 404 for company A's rooms, on every endpoint, and nothing changes", async () => {
    const { companyA, companyB, room, miaId } = await setup();
    const roomB = await addRoom(companyB, "Beta room", "beta.room");
    const [adminB] = await app().db.select().from(accounts).where(eq(accounts.email, companyB.adminEmail));
    const before = await snapshot(companyA.id);

    expectAll(await statuses(companyB.admin, roomCalls(companyA.id, room, miaId)), 404);
    // Company A's room (and member) through company B's own paths: not found either.
    const viaOwn = roomCalls(companyB.id, room, miaId).filter(([, url]) => url.includes(room));
    expectAll(await statuses(companyB.admin, viaOwn), 404);
    const ownersOfA = await companyB.admin.request(
      "PUT",
      `/api/v1/companies/${companyB.id}/team-rooms/${roomB}/owners`,
      { mode: "chosen", memberIds: [miaId] },
    );
    expect(ownersOfA.statusCode).toBe(404);
    // My rooms: B's admin controls B's rooms only.
    const mine = (await companyB.admin.get("/api/v1/me/rooms")).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([roomB]);
    const patched = await companyB.admin.request("PATCH", `/api/v1/me/rooms/${room}`, { name: "Mine now" });
    expect(patched.statusCode).toBe(404);

    expect(await snapshot(companyA.id)).toEqual(before);
    expect(adminB?.companyId).toBe(companyB.id);
    // Company A's own admin and partner A's admin reach the same room.
    expect((await companyA.admin.get(`/api/v1/companies/${companyA.id}/team-rooms/${room}`)).statusCode).toBe(
      200,
    );
  });

  it("partner B's admin gets 404 for every endpoint of partner A's company; partner A's admin acts", async () => {
    const { companyA, partnerA, partnerB, room, miaId } = await setup();
    const before = await snapshot(companyA.id);
    expectAll(await statuses(partnerB.admin, roomCalls(companyA.id, room, miaId)), 404);
    expect(await snapshot(companyA.id)).toEqual(before);

    const listed = await partnerA.admin.get(`/api/v1/companies/${companyA.id}/team-rooms`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((r: { name: string }) => r.name)).toEqual(["Alpha room"]);
    const renamed = await partnerA.admin.request(
      "PATCH",
      `/api/v1/companies/${companyA.id}/team-rooms/${room}`,
      { name: "Renamed by partner" },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "team_room.updated"));
    expect(audit).toMatchObject({ actorKind: "partner_admin", companyId: companyA.id, targetId: room });
    // The partner's company list shows the room count; acting used no licence.
    const companies = (await partnerA.admin.get(`/api/v1/partners/${partnerA.id}/companies`)).json();
    expect(companies.items[0]).toMatchObject({ teamRoomCount: 1, memberCount: 2, licences: { used: 3 } });
  });
});
