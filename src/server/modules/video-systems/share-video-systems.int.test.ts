import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acceptInvitation, createCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { auditEvents, videoAddresses, videoSystems } from "../../db/schema.js";

/** Deleting a member or revoking their invitation makes their twinned video systems shared. */
describe(`twinned video systems outlive their member (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const { partnerA } = await twoTenants(app());
    const company = await createCompany(app(), partnerA.admin, partnerA.id, "gamma-co", {
      endpointSubscriptions: 4,
    });
    const domain = company.videoDomains[0] ?? "";
    const base = `/api/v1/companies/${company.id}/video-systems`;
    const invite = async (local: string) => {
      const invited = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
        fullName: `Person ${local}`,
        email: `${local}@gamma.example`,
        videoAddress: local,
        role: "member",
      });
      expect(invited.statusCode, invited.body).toBe(201);
      return invited.json().member.id as string;
    };
    const twin = async (memberId: string, name: string, own?: string) => {
      const created = await partnerA.admin.post(base, {
        name,
        twinnedMemberId: memberId,
        ...(own ? { videoAddress: own } : { useMemberAddress: true }),
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    return { partnerA, company, domain, base, invite, twin };
  };

  const systemRow = async (id: string) =>
    (await app().db.select().from(videoSystems).where(eq(videoSystems.id, id)))[0];
  const registryOf = async (address: string) =>
    (await app().db.select().from(videoAddresses).where(eq(videoAddresses.address, address)))[0];

  it("on delete: the system keeps the member's address in the registry and becomes shared", async () => {
    const { company, domain, base, invite, twin } = await setup();
    const memberId = await invite("nora.north");
    await acceptInvitation(app(), "nora.north@gamma.example");
    const sharing = await twin(memberId, "Nora's desk");
    const own = await twin(memberId, "Nora's room", "nora.room");
    const deleted = await company.admin.post(`/api/v1/companies/${company.id}/members/delete`, {
      ids: [memberId],
    });
    expect(deleted.statusCode, deleted.body).toBe(200);

    expect(await systemRow(sharing)).toMatchObject({
      twinnedAccountId: null,
      address: `nora.north@${domain}`,
    });
    expect(await registryOf(`nora.north@${domain}`)).toMatchObject({
      ownerType: "video_system",
      ownerId: sharing,
    });
    expect(await registryOf(`nora.room@${domain}`)).toMatchObject({
      ownerType: "video_system",
      ownerId: own,
    });
    // The personal VMR's address went with the member.
    expect(await registryOf(`nora.north.vmr@${domain}`)).toBeUndefined();
    const tab = await company.admin.get(base);
    expect(
      tab
        .json()
        .items.map((s: { name: string; usesMemberAddress: boolean }) => [s.name, s.usesMemberAddress]),
    ).toEqual([
      ["Nora's desk", false],
      ["Nora's room", false],
    ]);
    // Now its own address: editable, and the old one is freed.
    const patched = await company.admin.request("PATCH", `${base}/${sharing}`, {
      addressLocalPart: "nora.desk",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await registryOf(`nora.north@${domain}`)).toBeUndefined();
    const audits = await app().db.select().from(auditEvents).where(eq(auditEvents.targetId, sharing));
    expect(audits.map((a) => a.action)).toContain("video_system.updated");
  });

  it("moves a system on its member's address along when the member's address changes", async () => {
    const { company, domain, base, invite, twin } = await setup();
    const memberId = await invite("pia.pike");
    const sharing = await twin(memberId, "Pia's desk");
    const changed = await company.admin.request(
      "PATCH",
      `/api/v1/companies/${company.id}/members/${memberId}`,
      {
        videoAddressLocalPart: "pia.pike2",
      },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const system = (await company.admin.get(`${base}/${sharing}`)).json();
    expect(system).toMatchObject({ videoAddress: `pia.pike2@${domain}`, usesMemberAddress: true });
    expect(await registryOf(`pia.pike@${domain}`)).toBeUndefined();
  });

  it("on revoke: the same, and a new member cannot take the system's address", async () => {
    const { company, domain, base, invite, twin } = await setup();
    const memberId = await invite("otto.other");
    const sharing = await twin(memberId, "Otto's desk");
    const revoked = await company.admin.post(`/api/v1/companies/${company.id}/invitations/revoke`, {
      ids: [memberId],
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await systemRow(sharing)).toMatchObject({ twinnedAccountId: null });
    expect(await registryOf(`otto.other@${domain}`)).toMatchObject({
      ownerType: "video_system",
      ownerId: sharing,
    });
    const reinvite = await company.admin.post(`/api/v1/companies/${company.id}/invitations`, {
      fullName: "Otto Again",
      email: "otto.again@gamma.example",
      videoAddress: "otto.other",
      role: "member",
    });
    expect(reinvite.statusCode).toBe(409);
    expect((await company.admin.get(base)).json().total).toBe(1);
  });
});
