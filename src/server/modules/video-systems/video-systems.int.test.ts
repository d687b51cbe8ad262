import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acceptInvitation, createCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { auditEvents, videoAddresses, videoSystems } from "../../db/schema.js";

describe(`video systems: add, list, edit, delete (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async (overrides: Record<string, unknown> = {}) => {
    const tenants = await twoTenants(app());
    const { partnerA } = tenants;
    const company = await createCompany(app(), partnerA.admin, partnerA.id, "gamma-co", {
      endpointSubscriptions: 3,
      ...overrides,
    });
    const base = `/api/v1/companies/${company.id}/video-systems`;
    const domain = company.videoDomains[0] ?? "";
    const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@gamma.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const miaId = invited.json().member.id as string;
    return { ...tenants, company, base, domain, miaId };
  };

  it("lets the partner add a shared system with its own address, counted as a subscription", async () => {
    const { partnerA, company, base, domain } = await setup();
    const created = await partnerA.admin.post(base, {
      name: "Board room",
      videoAddress: "Board.Room",
      serialNumber: " SN-1 ",
    });
    expect(created.statusCode, created.body).toBe(201);
    const system = created.json();
    expect(system).toMatchObject({
      name: "Board room",
      videoAddress: `board.room@${domain}`,
      serialNumber: "SN-1",
      twinnedMember: null,
      usesMemberAddress: false,
      status: "not_activated",
      activatedAt: null,
      registeredAt: null,
    });
    const [claim] = await app()
      .db.select()
      .from(videoAddresses)
      .where(eq(videoAddresses.address, `board.room@${domain}`));
    expect(claim).toMatchObject({ ownerType: "video_system", ownerId: system.id, companyId: company.id });
    const list = await company.admin.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      endpointSubscriptions: { used: 1, total: 3, remaining: 2 },
    });
    const audit = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "video_system.created"));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorKind).toBe("partner_admin");
  });

  it("refuses the company's own admin with the partner's name, and changes nothing", async () => {
    const { company, base } = await setup();
    const refused = await company.admin.post(base, { name: "Mine", videoAddress: "mine.system" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("Contact your partner (Alpha Partners) to add video systems.");
    expect(await app().db.select().from(videoSystems)).toHaveLength(0);
  });

  it("twins a system to a member, sharing the member's address without a registry row of its own", async () => {
    const { partnerA, company, base, domain, miaId } = await setup();
    const created = await partnerA.admin.post(base, {
      name: "Mia's desk",
      twinnedMemberId: miaId,
      useMemberAddress: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      videoAddress: `mia.member@${domain}`,
      usesMemberAddress: true,
      twinnedMember: { id: miaId, fullName: "Mia Member" },
    });
    const own = await app()
      .db.select()
      .from(videoAddresses)
      .where(and(eq(videoAddresses.ownerType, "video_system"), eq(videoAddresses.companyId, company.id)));
    expect(own).toHaveLength(0);
    // Twinned systems are not on the tab (shared only) but under their member.
    expect((await company.admin.get(base)).json().total).toBe(0);
    expect((await company.admin.get(`${base}?twinned=twinned`)).json().total).toBe(1);
    const mine = await company.admin.get(`/api/v1/companies/${company.id}/members/${miaId}/video-systems`);
    expect(mine.json().map((s: { name: string }) => s.name)).toEqual(["Mia's desk"]);
    // A second system cannot share the same address.
    const again = await partnerA.admin.post(base, {
      name: "Twice",
      twinnedMemberId: miaId,
      useMemberAddress: true,
    });
    expect(again.statusCode).toBe(409);
    // Its address is the member's: not changeable here.
    const patched = await company.admin.request("PATCH", `${base}/${created.json().id}`, {
      addressLocalPart: "other.desk",
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.fields.addressLocalPart).toContain("member's address");
  });

  it("says what is wrong with bad input and taken addresses or serial numbers", async () => {
    const { partnerA, base, miaId } = await setup();
    const bad = await partnerA.admin.post(base, { name: "", videoAddress: "1bad" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain("name");
    const badAddress = await partnerA.admin.post(base, { name: "X", videoAddress: "1bad" });
    expect(badAddress.json().error.fields.videoAddress).toMatch(/Cannot start/);
    const otherDomain = await partnerA.admin.post(base, {
      name: "X",
      videoAddress: "room.one@elsewhere.example",
    });
    expect(otherDomain.json().error.fields.videoAddress).toMatch(/domain/);
    const unknownField = await partnerA.admin.post(base, {
      name: "X",
      videoAddress: "room.one",
      colour: "red",
    });
    expect(unknownField.statusCode).toBe(400);
    const taken = await partnerA.admin.post(base, { name: "X", videoAddress: "mia.member" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields.videoAddress).toBe("This video address is already taken.");
    const noMember = await partnerA.admin.post(base, { name: "X", useMemberAddress: true });
    expect(noMember.json().error.fields.twinnedMemberId).toBeDefined();
    expect(
      (await partnerA.admin.post(base, { name: "A", videoAddress: "room.aaa", serialNumber: "S1" }))
        .statusCode,
    ).toBe(201);
    const serial = await partnerA.admin.post(base, {
      name: "B",
      videoAddress: "room.bbb",
      serialNumber: "S1",
    });
    expect(serial.statusCode).toBe(409);
    expect(serial.json().error.fields.serialNumber).toMatch(/serial number/);
    expect(miaId).toBeTruthy();
    expect(await app().db.select().from(videoSystems)).toHaveLength(1);
  });

  it("refuses past the company's endpoint subscriptions", async () => {
    const { partnerA, base } = await setup({ endpointSubscriptions: 1 });
    expect((await partnerA.admin.post(base, { name: "One", videoAddress: "system.one" })).statusCode).toBe(
      201,
    );
    const over = await partnerA.admin.post(base, { name: "Two", videoAddress: "system.two" });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("LICENCE_LIMIT");
    expect(over.json().error.message).toMatch(/1 of 1/);
  });

  it("lets admins rename and readdress, searching and paging the tab", async () => {
    const { partnerA, company, base, domain } = await setup();
    const one = (await partnerA.admin.post(base, { name: "Zeta", videoAddress: "zeta.room" })).json();
    await partnerA.admin.post(base, { name: "alpha", videoAddress: "alpha.room", serialNumber: "XYZ-9" });
    const page = await company.admin.get(`${base}?pageSize=1`);
    expect(page.json().items.map((s: { name: string }) => s.name)).toEqual(["alpha"]);
    expect(page.json().total).toBe(2);
    expect((await company.admin.get(`${base}?q=xyz`)).json().items).toHaveLength(1);
    const patched = await company.admin.request("PATCH", `${base}/${one.id}`, {
      name: "Zeta room",
      addressLocalPart: "Zeta.Two",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: "Zeta room", videoAddress: `zeta.two@${domain}` });
    const registry = await app().db.select().from(videoAddresses).where(eq(videoAddresses.ownerId, one.id));
    expect(registry.map((r) => r.address)).toEqual([`zeta.two@${domain}`]);
    const tooShort = await company.admin.request("PATCH", `${base}/${one.id}`, { addressLocalPart: "ab" });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields.addressLocalPart).toBeDefined();
    const updates = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "video_system.updated"));
    expect(updates[0]?.after).toMatchObject({ name: "Zeta room", videoAddress: `zeta.two@${domain}` });
  });

  it("lets the partner delete systems (freeing address and subscription) but not the company admin", async () => {
    const { partnerA, company, base } = await setup();
    const one = (await partnerA.admin.post(base, { name: "Gone", videoAddress: "gone.room" })).json();
    const refused = await company.admin.post(`${base}/delete`, { ids: [one.id] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "Contact your partner (Alpha Partners) to remove video systems.",
    );
    const deleted = await partnerA.admin.post(`${base}/delete`, { ids: [one.id] });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({
      deleted: 1,
      endpointSubscriptions: { used: 0, total: 3, remaining: 3 },
    });
    expect(
      await app().db.select().from(videoAddresses).where(eq(videoAddresses.ownerId, one.id)),
    ).toHaveLength(0);
    expect((await partnerA.admin.post(base, { name: "Again", videoAddress: "gone.room" })).statusCode).toBe(
      201,
    );
  });

  it("refuses the company's plain members (403)", async () => {
    const { company, base, miaId } = await setup();
    const mia = await acceptInvitation(app(), "mia@gamma.example");
    expect((await mia.get(base)).statusCode).toBe(403);
    expect((await mia.get(`/api/v1/companies/${company.id}/members/${miaId}/video-systems`)).statusCode).toBe(
      403,
    );
  });
});
