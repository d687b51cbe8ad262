import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../../../../test/helpers/fixtures.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import {
  accounts,
  callLegs,
  companies,
  invitations,
  personalRooms,
  rejectedEvents,
  roomIntervals,
  teamRoomOwners,
  teamRooms,
  usageDaily,
  videoAddresses,
  videoSystems,
} from "../../db/schema.js";
import { seedDemo } from "./seed-demo.js";

describe("demo data", () => {
  const app = useTestApp();

  it("gives every member a registered address and a personal VMR; Globex hosts its domain", async () => {
    const seeded = await seedDemo(app().db);
    const members = seeded.accounts.filter((a) => a.kind === "member");
    expect(members.length).toBeGreaterThan(0);
    const registry = await app().db.select().from(videoAddresses);
    const rooms = await app().db.select().from(personalRooms);
    for (const member of members) {
      expect(member.personalRoomAddress).toBe(member.videoAddress?.replace("@", ".vmr@"));
      expect(registry.find((r) => r.address === member.videoAddress)?.ownerType).toBe("member");
      const room = rooms.find((r) => r.address === member.personalRoomAddress);
      expect(room?.name).toBe(`${member.fullName}'s room`);
      expect(registry.find((r) => r.address === member.personalRoomAddress)?.ownerId).toBe(room?.id);
    }
    const ownSystemAddresses = seeded.videoSystems.filter((v) => !v.usesMemberAddress).length;
    expect(registry).toHaveLength(
      (members.length + seeded.invited.length) * 2 + seeded.teamRooms.length + ownSystemAddresses,
    );
    for (const other of seeded.accounts.filter((a) => a.kind !== "member")) {
      expect(other.personalRoomAddress).toBeNull();
    }
    const setups = Object.fromEntries(
      (await app().db.select().from(companies)).map((c) => [c.slug, c.domainSetup]),
    );
    expect(setups).toEqual({ acme: "service_subdomain", globex: "hosted" });

    const grace = seeded.accounts.find((a) => a.email === "grace@globex.example");
    const globex = seeded.companies.find((c) => c.slug === "globex");
    const client = await signIn(app(), grace?.email ?? "", grace?.password ?? "");
    const company = (await client.get(`/api/v1/companies/${globex?.id}`)).json();
    expect(company).toMatchObject({
      hostedDomains: ["globex.example"],
      videoDomains: ["globex.example"],
      // Grace, Hank and the Boardroom.
      licences: { used: 3, total: 25 },
      teamRoomCount: 1,
      // Two members with their VMRs, the Boardroom, and the video systems Lobby and Hank's desk.
      addressCountsByDomain: { "globex.example": 7 },
    });
  });

  it("adds team rooms with owners in Acme and Globex, each with its address and a licence", async () => {
    const seeded = await seedDemo(app().db);
    const acme = seeded.companies.find((c) => c.slug === "acme");
    const bob = seeded.accounts.find((a) => a.email === "bob.baker@acme.example");
    expect(seeded.teamRooms.map((r) => [r.name, r.videoAddress, r.ownerMode, r.owners])).toEqual([
      ["Jupiter", "jupiter.room@acme.video.example.com", "chosen", ["bob.baker@acme.example"]],
      ["Meeting Room 6", "meeting.room6@acme.video.example.com", "all_members", []],
      ["Boardroom", "boardroom@globex.example", "admins", []],
    ]);
    const rooms = await app().db.select().from(teamRooms);
    const registry = await app().db.select().from(videoAddresses);
    for (const room of rooms) {
      expect(registry.find((r) => r.address === room.address)).toMatchObject({
        ownerType: "team_room",
        ownerId: room.id,
        companyId: room.companyId,
      });
    }
    const owners = await app().db.select().from(teamRoomOwners);
    expect(owners).toHaveLength(1);
    expect(owners[0]?.roomId).toBe(seeded.teamRooms[0]?.id);

    // Within the licences; Bob sees Jupiter and Meeting Room 6 under My rooms.
    const alice = seeded.accounts.find((a) => a.email === "alice.andersen@acme.example");
    const admin = await signIn(app(), alice?.email ?? "", alice?.password ?? "");
    const list = (await admin.get(`/api/v1/companies/${acme?.id}/team-rooms`)).json();
    expect(list.licences).toEqual({ used: 6, total: 25, remaining: 19 });
    const bobClient = await signIn(app(), bob?.email ?? "", bob?.password ?? "");
    const mine = (await bobClient.get("/api/v1/me/rooms")).json();
    expect(mine.items.map((r: { name: string }) => r.name)).toEqual(["Jupiter", "Meeting Room 6"]);
  });

  it("adds no team rooms when asked not to", async () => {
    const seeded = await seedDemo(app().db, { teamRooms: false });
    expect(seeded.teamRooms).toEqual([]);
    expect(await app().db.select().from(teamRooms)).toEqual([]);
    expect(await app().db.select().from(videoSystems)).toEqual([]);
  });

  it("adds shared and twinned video systems within each company's endpoint subscriptions", async () => {
    const seeded = await seedDemo(app().db);
    expect(seeded.videoSystems.map((v) => [v.name, v.videoAddress, v.twinnedTo])).toEqual([
      ["Reception", "reception.lobby@acme.video.example.com", null],
      ["Board room East", "boardroom.east@acme.video.example.com", null],
      ["Bob's desk", "bob.baker@acme.video.example.com", "bob.baker@acme.example"],
      ["Lobby", "lobby@globex.example", null],
      ["Hank's desk", "hank.desk@globex.example", "hank@globex.example"],
    ]);
    const acme = seeded.companies.find((c) => c.slug === "acme");
    const alice = seeded.accounts.find((a) => a.email === "alice.andersen@acme.example");
    const admin = await signIn(app(), alice?.email ?? "", alice?.password ?? "");
    const tab = (await admin.get(`/api/v1/companies/${acme?.id}/video-systems`)).json();
    expect(tab.items.map((v: { name: string }) => v.name)).toEqual(["Board room East", "Reception"]);
    expect(tab.endpointSubscriptions).toEqual({ used: 3, total: 10, remaining: 7 });
    const [bob] = await app().db.select().from(accounts).where(eq(accounts.email, "bob.baker@acme.example"));
    const twinned = (
      await admin.get(`/api/v1/companies/${acme?.id}/members/${bob?.id}/video-systems`)
    ).json();
    expect(twinned).toMatchObject([{ name: "Bob's desk", usesMemberAddress: true }]);
  });

  it("leaves one Acme member invited: a pending invitation, both addresses, a personal VMR, no password", async () => {
    const seeded = await seedDemo(app().db, {
      sessionSecret: app().config.sessionSecret,
      publicUrl: "http://x.test",
    });
    const acme = seeded.companies.find((c) => c.slug === "acme");
    expect(seeded.invited).toHaveLength(1);
    const [dave] = seeded.invited;
    expect(dave).toMatchObject({
      email: "dave.dunn@acme.example",
      companyId: acme?.id,
      videoAddress: "dave.dunn@acme.video.example.com",
      personalRoomAddress: "dave.dunn.vmr@acme.video.example.com",
    });
    expect(seeded.accounts.map((a) => a.email)).not.toContain("dave.dunn@acme.example");
    const [account] = await app()
      .db.select()
      .from(accounts)
      .where(eq(accounts.email, "dave.dunn@acme.example"));
    expect(account).toMatchObject({ status: "invited", passwordHash: null, companyId: acme?.id });
    const pending = await app()
      .db.select()
      .from(invitations)
      .where(eq(invitations.accountId, account?.id ?? ""));
    expect(pending).toHaveLength(1);
    expect(pending[0]?.usedAt).toBeNull();
    expect(pending[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
    const rooms = await app()
      .db.select()
      .from(personalRooms)
      .where(eq(personalRooms.accountId, account?.id ?? ""));
    expect(rooms.map((r) => r.address)).toEqual(["dave.dunn.vmr@acme.video.example.com"]);
    // The link works with the secret the seed was given.
    const token = dave?.invitationUrl?.split("/invitations/")[1] ?? "";
    const shown = await app().client().get(`/api/v1/invitations/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ email: "dave.dunn@acme.example", companyName: "Acme" });
  });

  it("adds call history through the event sink: calls in both companies, counted once, in the past", async () => {
    const seeded = await seedDemo(app().db, { callHistory: { days: 30, calls: 50 } });
    expect(seeded.callHistory.map((h) => [h.companyId, h.days, h.calls])).toEqual(
      seeded.companies.map((c, i) => [c.id, 30, i === 0 ? 30 : 20]),
    );
    expect(await app().db.select().from(rejectedEvents)).toEqual([]);
    const legs = await app().db.select().from(callLegs);
    const counted = legs.filter((l) => l.countedDay !== null);
    const now = Date.now();
    for (const leg of legs) {
      expect(seeded.companies.map((c) => c.id)).toContain(leg.companyId);
      expect(leg.endedAt?.getTime()).toBeLessThan(now);
      expect(leg.connectedAt?.getTime()).toBeGreaterThan(now - 40 * 86400_000);
      expect(leg.durationSeconds).toBeGreaterThan(0);
    }
    // Every call is counted once: point-to-point calls by the caller's leg only.
    const calleeLegs = legs.filter((l) => l.serviceType === "gateway" && l.direction === "out");
    expect(counted).toHaveLength(legs.length - calleeLegs.length);
    const usage = await app().db.select().from(usageDaily);
    const totals = usage.filter((u) => u.dimension === "total");
    expect(totals.reduce((n, u) => n + u.calls, 0)).toBe(counted.length);
    const seconds = counted.reduce((n, l) => n + (l.durationSeconds ?? 0), 0);
    expect(totals.reduce((n, u) => n + u.callSeconds, 0)).toBeCloseTo(seconds, 0);
    expect(totals.some((u) => u.roomSeconds > 0)).toBe(true);
    expect(usage.some((u) => u.dimension === "vmr")).toBe(true);
    expect(usage.some((u) => u.dimension === "user")).toBe(true);
    expect((await app().db.select().from(roomIntervals)).length).toBeGreaterThan(0);
  });

  it("adds no call history unless asked (confero seed-demo asks)", async () => {
    const bare = await seedDemo(app().db, { sessionSecret: app().config.sessionSecret });
    expect(bare.callHistory).toEqual([]);
    expect(await app().db.select().from(callLegs)).toEqual([]);
  });
});
