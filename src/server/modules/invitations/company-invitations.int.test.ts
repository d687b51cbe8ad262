import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { INVITEE_PASSWORD, invitationToken, rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import {
  accounts,
  auditEvents,
  invitations,
  outbox,
  personalRooms,
  videoAddresses,
} from "../../db/schema.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe(`a company's invitations (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const paul = await demo.as("paul@northwind.example");
    const base = `/api/v1/companies/${demo.acme.id}`;
    const invite = (body: Record<string, unknown>, client = alice) =>
      client.post(`${base}/invitations`, { role: "member", ...body });
    const setLicences = async (licences: number) => {
      const response = await paul.request(
        "PATCH",
        `/api/v1/partners/${demo.partnerId}/companies/${demo.acme.id}`,
        {
          licences,
        },
      );
      expect(response.statusCode, response.body).toBe(200);
    };
    const memberCount = async () =>
      (await app().db.select({ n: count() }).from(accounts).where(eq(accounts.companyId, demo.acme.id)))[0]
        ?.n;
    return { ...demo, alice, paul, base, invite, setLicences, memberCount };
  };

  it("invites one member: invited account, personal VMR, both addresses and a 30-day email", async () => {
    const { invite, acme, alice, base } = await setup();
    const response = await invite({
      fullName: "Erin Evans",
      email: "Erin.Evans@Acme.example",
      videoAddress: "Erin.Evans",
      role: "admin",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { member, licences } = response.json();
    expect(licences).toEqual({ used: 5, total: 25, remaining: 20 });
    expect(member).toMatchObject({
      fullName: "Erin Evans",
      email: "erin.evans@acme.example",
      videoAddress: "erin.evans@acme.video.example.com",
      role: "admin",
      status: "invited",
      personalRoomAddress: "erin.evans.vmr@acme.video.example.com",
      personalRoom: { name: "Erin Evans's room", hostPin: null, guestPin: null },
      invitation: { invitedBy: "Alice Andersen" },
    });
    const expires = new Date(member.invitation.expiresAt).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);

    const registry = await app()
      .db.select()
      .from(videoAddresses)
      .where(eq(videoAddresses.companyId, acme.id));
    expect(
      registry
        .filter((r) => r.address.startsWith("erin.evans"))
        .map((r) => r.ownerType)
        .sort(),
    ).toEqual(["member", "personal_room"]);
    const [mail] = await app()
      .db.select()
      .from(outbox)
      .where(eq(outbox.toAddress, "erin.evans@acme.example"));
    expect(mail?.subject).toMatch(/invited to Acme/);
    expect(mail?.textBody).toContain("/invitations/");
    // One audit record (account.invited), not two.
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, acme.id), eq(auditEvents.targetId, member.id)));
    expect(audits.map((a) => a.action)).toEqual(["account.invited"]);
    // The invitee accepts and becomes an active admin.
    const token = await invitationToken(app(), "erin.evans@acme.example");
    const accepted = await app()
      .client()
      .post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect((await alice.get(`${base}/members/${member.id}`)).json()).toMatchObject({
      status: "active",
      invitation: null,
    });
    expect(JSON.stringify(response.json())).not.toMatch(/token|passwordHash/i);
  });

  it("refuses bad input with 400 fields and taken addresses or emails with 409, writing nothing", async () => {
    const { invite } = await setup();
    const before = await rowCounts(app());
    const cases: [Record<string, unknown>, number, Record<string, unknown>][] = [
      [
        { fullName: "", email: "nope", videoAddress: "x" },
        400,
        { fullName: expect.any(String), email: expect.any(String) },
      ],
      [
        { fullName: "Short", email: "short@acme.example", videoAddress: "shrt" },
        400,
        { videoAddress: expect.any(String) },
      ],
      [
        { fullName: "Elsewhere", email: "else@acme.example", videoAddress: "someone@globex.example" },
        400,
        { videoAddress: expect.stringMatching(/domain/) },
      ],
      [
        { fullName: "Bob Again", email: "bob2@acme.example", videoAddress: "bob.baker" },
        409,
        { videoAddress: "This video address is already taken." },
      ],
      [
        { fullName: "Bob Mail", email: "bob.baker@acme.example", videoAddress: "bob.mail" },
        409,
        { email: "An account with this email already exists." },
      ],
      [
        { fullName: "Role", email: "role@acme.example", videoAddress: "role.person", role: "owner" },
        400,
        { role: expect.any(String) },
      ],
    ];
    for (const [body, status, fields] of cases) {
      const response = await invite(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.fields).toEqual(fields);
    }
    expect(await rowCounts(app())).toEqual(before);
  });

  it("refuses with 409 LICENCE_LIMIT and both numbers when no licence is left, writing nothing", async () => {
    const { invite, setLicences } = await setup();
    await setLicences(4);
    const before = await rowCounts(app());
    const response = await invite({
      fullName: "Frank Full",
      email: "frank@acme.example",
      videoAddress: "frank.full",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: "LICENCE_LIMIT",
      message: "No licences left (4 of 4 in use)",
    });
    expect(await rowCounts(app())).toEqual(before);
  });

  it("gives the new personal VMR a random 4-digit host PIN while the company setting is on", async () => {
    const { invite, paul, partnerId, acme } = await setup();
    const on = await paul.request("PATCH", `/api/v1/partners/${partnerId}/companies/${acme.id}`, {
      hostPinOnAllPersonalRooms: true,
    });
    expect(on.statusCode).toBe(200);
    const response = await invite({
      fullName: "Gina Pin",
      email: "gina@acme.example",
      videoAddress: "gina.pin",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().member.personalRoom.hostPin).toMatch(/^\d{4}$/);
    expect(response.json().member.personalRoom.guestPin).toBeNull();
  });

  it("with one licence left, six admins inviting at once get exactly one 201", async () => {
    const { invite, setLicences, memberCount, paul, alice } = await setup();
    await setLicences(5);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        invite(
          { fullName: `Racer ${i}`, email: `racer${i}@acme.example`, videoAddress: `racer.number${i}` },
          i % 2 === 0 ? alice : paul,
        ),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error.code).toBe("LICENCE_LIMIT");
    }
    expect(await memberCount()).toBe(5);
    const racers = await app().db.select().from(outbox);
    expect(racers.filter((m) => m.toAddress.startsWith("racer"))).toHaveLength(1);
  });

  it("lists pending invitations newest first, with who invited and when they expire", async () => {
    const { invite, alice, base } = await setup();
    expect(
      (await invite({ fullName: "Hugo Newest", email: "hugo@acme.example", videoAddress: "hugo.newest" }))
        .statusCode,
    ).toBe(201);
    const response = await alice.get(`${base}/invitations`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(body.items.map((i: { fullName: string }) => i.fullName)).toEqual(["Hugo Newest", "Dave Dunn"]);
    expect(body.items[0]).toEqual({
      memberId: expect.any(String),
      fullName: "Hugo Newest",
      email: "hugo@acme.example",
      videoAddress: "hugo.newest@acme.video.example.com",
      invitedAt: expect.any(String),
      invitedBy: "Alice Andersen",
      expiresAt: expect.any(String),
      expired: false,
    });
    expect(body.items[1]).toMatchObject({ invitedBy: "confero command line", expired: false });
    // An expired link shows as expired.
    await app()
      .db.update(invitations)
      .set({ expiresAt: new Date(Date.now() - DAY_MS) });
    const later = (await alice.get(`${base}/invitations?pageSize=1&page=2`)).json();
    expect(later).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(later.items[0]).toMatchObject({ fullName: "Dave Dunn", expired: true });
  });

  it("resends: the old link dies, the new one works, 30 days start again", async () => {
    const { alice, base, idOf, seeded } = await setup();
    const dave = await idOf("dave.dunn@acme.example");
    const oldToken = seeded.invited[0]?.invitationUrl?.split("/invitations/")[1] ?? "";
    expect((await app().client().get(`/api/v1/invitations/${oldToken}`)).statusCode).toBe(200);
    // Pretend the invitation went out 20 days ago.
    await app()
      .db.update(invitations)
      .set({ createdAt: new Date(Date.now() - 20 * DAY_MS), expiresAt: new Date(Date.now() + 10 * DAY_MS) })
      .where(eq(invitations.accountId, dave));

    const response = await alice.post(`${base}/invitations/resend`, { ids: [dave] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ resent: 1 });
    expect((await app().client().get(`/api/v1/invitations/${oldToken}`)).statusCode).toBe(404);
    const newToken = await invitationToken(app(), "dave.dunn@acme.example");
    expect(newToken).not.toBe(oldToken);
    const shown = await app().client().get(`/api/v1/invitations/${newToken}`);
    expect(shown.statusCode).toBe(200);
    expect(Math.abs(new Date(shown.json().expiresAt).getTime() - (Date.now() + 30 * DAY_MS))).toBeLessThan(
      60_000,
    );
    const member = (await alice.get(`${base}/members/${dave}`)).json();
    expect(member.invitation).toMatchObject({
      invitedBy: "Alice Andersen",
      expiresAt: shown.json().expiresAt,
    });
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "invitation.resent"));
    expect(audits.map((a) => a.targetId)).toEqual([dave]);
    const accepted = await app()
      .client()
      .post(`/api/v1/invitations/${newToken}/accept`, { password: INVITEE_PASSWORD });
    expect(accepted.statusCode).toBe(200);
  });

  it("resend and revoke answer 404 and change nothing when an id is not an invited member", async () => {
    const { alice, base, idOf } = await setup();
    const dave = await idOf("dave.dunn@acme.example");
    const bob = await idOf("bob.baker@acme.example");
    const hank = await idOf("hank@globex.example");
    const before = await rowCounts(app());
    for (const action of ["resend", "revoke"]) {
      for (const other of [bob, hank, "00000000-0000-4000-8000-000000000000"]) {
        const response = await alice.post(`${base}/invitations/${action}`, { ids: [dave, other] });
        expect(response.statusCode, `${action} ${other}`).toBe(404);
      }
      expect((await alice.post(`${base}/invitations/${action}`, { ids: [] })).statusCode).toBe(400);
    }
    expect(await rowCounts(app())).toEqual(before);
  });

  it("revokes: the member, VMR and addresses go, the licence is free and the link is dead", async () => {
    const { alice, base, idOf, seeded, acme } = await setup();
    const dave = await idOf("dave.dunn@acme.example");
    const token = seeded.invited[0]?.invitationUrl?.split("/invitations/")[1] ?? "";
    const response = await alice.post(`${base}/invitations/revoke`, { ids: [dave] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ revoked: 1 });
    expect(await app().db.select().from(accounts).where(eq(accounts.id, dave))).toEqual([]);
    expect(await app().db.select().from(personalRooms).where(eq(personalRooms.accountId, dave))).toEqual([]);
    const registry = await app()
      .db.select()
      .from(videoAddresses)
      .where(eq(videoAddresses.companyId, acme.id));
    expect(registry.filter((r) => r.address.startsWith("dave.dunn"))).toEqual([]);
    expect((await alice.get(`${base}/members`)).json().licences).toEqual({
      used: 3,
      total: 25,
      remaining: 22,
    });
    expect((await app().client().get(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
    expect((await alice.get(`${base}/invitations`)).json().total).toBe(0);
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "invitation.revoked"));
    expect(audit).toMatchObject({ targetId: dave, before: { email: "dave.dunn@acme.example" } });
    // The address is free again.
    const again = await alice.post(`${base}/invitations`, {
      fullName: "Dave Dunn",
      email: "dave.dunn@acme.example",
      videoAddress: "dave.dunn",
      role: "member",
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});
