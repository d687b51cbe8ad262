import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptInvitation, type TestCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { createTestApp, type TestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import { accounts, auditEvents, personalRooms } from "../../db/schema.js";

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A stand-in for Infinity's management API that records what it receives. */
class FakeInfinity {
  received: Received[] = [];
  answer: { status: number; body: string } = {
    status: 200,
    body: JSON.stringify({ status: "success", data: { participant_id: "p-123" } }),
  };
  private server: Server | undefined;

  async start(): Promise<string> {
    const server = createServer(async (request: IncomingMessage, response) => {
      let raw = "";
      for await (const chunk of request) raw += chunk;
      this.received.push({
        method: request.method,
        url: request.url,
        authorization: request.headers.authorization,
        contentType: request.headers["content-type"],
        body: raw ? JSON.parse(raw) : null,
      });
      response.writeHead(this.answer.status, { "content-type": "application/json" }).end(this.answer.body);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const fake = new FakeInfinity();
let infinityUrl = "";
beforeEach(async () => {
  fake.received = [];
  infinityUrl = await fake.start();
});
afterEach(() => fake.stop());

async function inviteMember(t: TestApp, company: TestCompany, name: string, local: string) {
  const email = `${local}@alpha.example`;
  const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
    fullName: name,
    email,
    videoAddress: local,
    role: "member",
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const id = invited.json().member.id as string;
  const [room] = await t.db.select().from(personalRooms).where(eq(personalRooms.accountId, id));
  return { id, client: await acceptInvitation(t, email), vmr: room?.address as string };
}

async function setup(t: TestApp) {
  const tenants = await twoTenants(t);
  const { companyA } = tenants;
  const domain = companyA.videoDomains[0] as string;
  const system = await insertVideoSystem(t, companyA.id, {
    name: "Meeting Room 6",
    address: `room6.alpha@${domain}`,
  });
  const mia = await inviteMember(t, companyA, "Mia Member", "mia.member");
  const addRoom = async (name: string, local: string) => {
    const created = await companyA.admin.post(`/api/v1/companies/${companyA.id}/team-rooms`, {
      name,
      videoAddress: local,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().room as { id: string; videoAddress: string };
  };
  const jupiter = await addRoom("Jupiter", "jupiter.alpha");
  const saturn = await addRoom("Saturn", "saturn.alpha");
  const owners = await companyA.admin.request(
    "PUT",
    `/api/v1/companies/${companyA.id}/team-rooms/${jupiter.id}/owners`,
    { mode: "chosen", memberIds: [mia.id] },
  );
  expect(owners.statusCode, owners.body).toBe(200);
  return { ...tenants, system, mia, jupiter, saturn, connect: `/api/v1/connect/${system.connectToken}` };
}

describe(`MeetingConnect with Infinity's management API (${testDatabaseKind()})`, () => {
  const app = useTestApp();
  let t: TestApp;
  // The fake's port is only known once it listens: this test's app is built on it (same database).
  beforeEach(async () => {
    t = await createTestApp({
      database: app().database,
      config: { infinityApi: { url: infinityUrl, username: "api", password: "s3cret:pw" } },
    });
  });
  afterEach(() => t.close());

  it("shows anyone which video system it is, and that Confero dials", async () => {
    const { system, connect } = await setup(t);
    const info = await t.client().get(connect);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({
      videoSystem: { name: "Meeting Room 6", videoAddress: system.address },
      company: { name: "Alpha-co Inc" },
      dialsFromConfero: true,
    });
    expect((await t.client().get("/api/v1/connect/no-such-token")).statusCode).toBe(404);
  });

  it("lists the member's own VMR as chair and team rooms as chair where they own them", async () => {
    const { mia, connect, jupiter, saturn } = await setup(t);
    const rooms = await mia.client.get(`${connect}/rooms`);
    expect(rooms.statusCode, rooms.body).toBe(200);
    expect(rooms.json().items).toEqual([
      { kind: "personal", name: expect.any(String), address: mia.vmr, role: "chair" },
      { kind: "team", name: "Jupiter", address: jupiter.videoAddress, role: "chair" },
      { kind: "team", name: "Saturn", address: saturn.videoAddress, role: "guest" },
    ]);
  });

  it("asks Infinity to dial the system in: exact path, basic auth and body; role by the room", async () => {
    const { mia, connect, system, jupiter, saturn, companyA } = await setup(t);
    const dial = (address: string) => mia.client.post(`${connect}/dial`, { address });

    const own = await dial(mia.vmr.toUpperCase());
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ conferenceAlias: mia.vmr, role: "chair", participantId: "p-123" });
    expect(fake.received).toEqual([
      {
        method: "POST",
        url: "/api/admin/command/v1/participant/dial/",
        authorization: `Basic ${Buffer.from("api:s3cret:pw").toString("base64")}`,
        contentType: "application/json",
        body: {
          conference_alias: mia.vmr,
          destination: system.address,
          protocol: "sip",
          role: "chair",
          routing: "routing_rule",
          remote_display_name: "Meeting Room 6",
        },
      },
    ]);
    expect((await dial(jupiter.videoAddress)).json().role).toBe("chair");
    expect((await dial(saturn.videoAddress)).json().role).toBe("guest");
    expect((await dial("sip:someone.else@other.example.com")).json()).toMatchObject({
      conferenceAlias: "someone.else@other.example.com",
      role: "guest",
    });
    // The company's admins control every team room.
    expect((await companyA.admin.post(`${connect}/dial`, { address: saturn.videoAddress })).json().role).toBe(
      "chair",
    );
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "video_system.dialled_in"));
    expect(audits).toHaveLength(5);
  });

  it("turns Infinity's refusal or silence into a clear 502", async () => {
    const { mia, connect } = await setup(t);
    fake.answer = { status: 400, body: JSON.stringify({ status: "failed", reason: "no such conference" }) };
    const refused = await mia.client.post(`${connect}/dial`, { address: mia.vmr });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toMatch(/could not dial the video system: HTTP 400/);
    fake.answer = { status: 200, body: "<html>proxy</html>" };
    expect((await mia.client.post(`${connect}/dial`, { address: mia.vmr })).statusCode).toBe(502);
    await fake.stop();
    const down = await mia.client.post(`${connect}/dial`, { address: mia.vmr });
    expect(down.statusCode).toBe(502);
    expect(down.json().error.message).not.toContain("s3cret");
    await fake.start();
  });

  it("refuses bad input, strangers and the signed-out, without dialling", async () => {
    const { mia, connect, companyB, system } = await setup(t);
    for (const address of ["", "not an address", "a@b@c", "x".repeat(300)]) {
      const bad = await mia.client.post(`${connect}/dial`, { address });
      expect(bad.statusCode, address).toBe(400);
      expect(bad.json().error.fields.address).toBeTruthy();
    }
    expect((await mia.client.post(`${connect}/dial`, { address: mia.vmr, extra: 1 })).statusCode).toBe(400);
    expect((await t.client().post(`${connect}/dial`, { address: mia.vmr })).statusCode).toBe(401);
    expect((await t.client().get(`${connect}/rooms`)).statusCode).toBe(401);
    const stranger = await companyB.admin.post(`${connect}/dial`, { address: mia.vmr });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.message).toContain("Alpha-co Inc");
    expect((await companyB.admin.get(`${connect}/rooms`)).statusCode).toBe(403);
    expect((await mia.client.post("/api/v1/connect/nope/dial", { address: mia.vmr })).statusCode).toBe(404);
    expect(fake.received).toEqual([]);
    const [member] = await t.db.select().from(accounts).where(eq(accounts.id, mia.id));
    expect(member?.companyId).toBe(system.companyId);
  });
});

describe(`MeetingConnect without Infinity's management API (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("tells the page to show the address instead, and does not pretend to dial", async () => {
    const { mia, connect } = await setup(app());
    expect((await app().client().get(connect)).json().dialsFromConfero).toBe(false);
    const dial = await mia.client.post(`${connect}/dial`, { address: mia.vmr });
    expect(dial.statusCode).toBe(409);
    expect(dial.json().error.message).toContain(mia.vmr);
    expect(fake.received).toEqual([]);
  });
});
