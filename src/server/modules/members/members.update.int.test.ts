import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts, auditEvents, personalRooms, videoAddresses } from "../../db/schema.js";

describe("changing a member", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const ids = {
      alice: await demo.idOf("alice.andersen@acme.example"),
      bob: await demo.idOf("bob.baker@acme.example"),
      carol: await demo.idOf("carol.chen@acme.example"),
    };
    const patch = (memberId: string, body: unknown, client = alice) =>
      client.request("PATCH", `/api/v1/companies/${demo.acme.id}/members/${memberId}`, body);
    const registry = async (address: string) =>
      (await app().db.select().from(videoAddresses).where(eq(videoAddresses.address, address)))[0];
    const audits = () =>
      app()
        .db.select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "member.updated"), eq(auditEvents.companyId, demo.acme.id)));
    return { ...demo, alice, ids, patch, registry, audits };
  };

  it("changes name, email and role, and answers the member with no warnings", async () => {
    const { ids, patch, audits } = await setup();
    const response = await patch(ids.bob, {
      fullName: "Robert Baker",
      email: "Robert@Acme.example",
      role: "admin",
    });
    expect(response.statusCode, response.body).toBe(200);
    const { member, warnings } = response.json();
    expect(warnings).toEqual([]);
    expect(member).toMatchObject({
      id: ids.bob,
      fullName: "Robert Baker",
      email: "robert@acme.example",
      role: "admin",
      status: "active",
      videoAddress: "bob.baker@acme.video.example.com",
      personalRoom: { address: "bob.baker.vmr@acme.video.example.com", hostPin: null, guestPin: null },
      invitation: null,
    });
    const [audit] = await audits();
    expect(audit).toMatchObject({
      targetId: ids.bob,
      before: { fullName: "Bob Baker", email: "bob.baker@acme.example", role: "member" },
      after: { fullName: "Robert Baker", email: "robert@acme.example", role: "admin" },
    });
  });

  it("moves the address to a new name part, freeing the old one; the domain part cannot change", async () => {
    const { ids, patch, registry, seeded } = await setup();
    const response = await patch(ids.bob, {
      videoAddressLocalPart: "Robert.Baker",
      personalRoom: { addressLocalPart: "robert.room", name: "Robert's den" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().member).toMatchObject({
      videoAddress: "robert.baker@acme.video.example.com",
      personalRoomAddress: "robert.room@acme.video.example.com",
      personalRoom: { name: "Robert's den", address: "robert.room@acme.video.example.com" },
    });
    expect(await registry("bob.baker@acme.video.example.com")).toBeUndefined();
    expect(await registry("bob.baker.vmr@acme.video.example.com")).toBeUndefined();
    expect(await registry("robert.baker@acme.video.example.com")).toMatchObject({
      ownerType: "member",
      ownerId: ids.bob,
    });
    expect((await registry("robert.room@acme.video.example.com"))?.ownerType).toBe("personal_room");
    // The freed address can be taken by someone else straight away.
    const carol = await patch(ids.carol, { videoAddressLocalPart: "bob.baker" });
    expect(carol.statusCode, carol.body).toBe(200);
    // Bob signs in with his new address.
    const password = seeded.accounts.find((a) => a.email === "bob.baker@acme.example")?.password;
    const login = await app()
      .client()
      .post("/api/v1/auth/login", { login: "robert.baker@acme.video.example.com", password });
    expect(login.statusCode).toBe(200);

    // A full address is not a local part: the domain cannot be typed in.
    const withDomain = await patch(ids.bob, { videoAddressLocalPart: "robert@other.example" });
    expect(withDomain.statusCode).toBe(400);
    expect(Object.keys(withDomain.json().error.fields)).toEqual(["videoAddressLocalPart"]);
    const unknown = await patch(ids.bob, { videoAddress: "robert@globex.example" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ videoAddress: "Unknown field." });
  });

  it("refuses a taken address with 409 on the field, and a bad one with 400; nothing changes", async () => {
    const { ids, patch } = await setup();
    const before = await rowCounts(app());
    const [bobBefore] = await app().db.select().from(accounts).where(eq(accounts.id, ids.bob));
    const taken = await patch(ids.bob, { fullName: "Not applied", videoAddressLocalPart: "carol.chen" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual({
      videoAddressLocalPart: "This video address is already taken.",
    });
    const roomTaken = await patch(ids.bob, { personalRoom: { addressLocalPart: "carol.chen.vmr" } });
    expect(roomTaken.statusCode).toBe(409);
    expect(roomTaken.json().error.fields).toEqual({
      "personalRoom.addressLocalPart": "This video address is already taken.",
    });
    const emailTaken = await patch(ids.bob, { email: "carol.chen@acme.example" });
    expect(emailTaken.statusCode).toBe(409);
    expect(emailTaken.json().error.fields).toEqual({ email: "An account with this email already exists." });
    const short = await patch(ids.bob, {
      videoAddressLocalPart: "bob",
      personalRoom: { addressLocalPart: "9room" },
    });
    expect(short.statusCode).toBe(400);
    expect(Object.keys(short.json().error.fields).sort()).toEqual([
      "personalRoom.addressLocalPart",
      "videoAddressLocalPart",
    ]);
    expect(await rowCounts(app())).toEqual(before);
    const [bobAfter] = await app().db.select().from(accounts).where(eq(accounts.id, ids.bob));
    expect(bobAfter).toEqual(bobBefore);
  });

  it("applies the PIN rules (400 on the field), warns on trivial PINs and audits PINs as set / not set", async () => {
    const { ids, patch, audits } = await setup();
    const refusals: [unknown, Record<string, string>][] = [
      [{ hostPin: "12a4" }, { "personalRoom.hostPin": expect.stringMatching(/digits/) }],
      [{ hostPin: "123" }, { "personalRoom.hostPin": expect.any(String) }],
      [{ hostPin: "1".repeat(21) }, { "personalRoom.hostPin": expect.any(String) }],
      [{ guestPin: "5678" }, { "personalRoom.guestPin": "A guest PIN needs a host PIN." }],
      [
        { hostPin: "5678", guestPin: "5678#" },
        { "personalRoom.guestPin": "The guest PIN must differ from the host PIN." },
      ],
    ];
    for (const [personalRoom, fields] of refusals) {
      const response = await patch(ids.bob, { personalRoom });
      expect(response.statusCode, JSON.stringify(personalRoom)).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    expect(await audits()).toHaveLength(0);

    const trivial = await patch(ids.bob, { personalRoom: { hostPin: "1234", guestPin: "8403#" } });
    expect(trivial.statusCode, trivial.body).toBe(200);
    expect(trivial.json().warnings).toEqual([expect.stringMatching(/^Host PIN: .*easy to guess/)]);
    expect(trivial.json().member.personalRoom).toMatchObject({ hostPin: "1234", guestPin: "8403#" });

    // Removing the host PIN while a guest PIN stays is refused; removing both works.
    const orphan = await patch(ids.bob, { personalRoom: { hostPin: null } });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.fields).toEqual({ "personalRoom.guestPin": "A guest PIN needs a host PIN." });
    const removed = await patch(ids.bob, { personalRoom: { hostPin: "", guestPin: null } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().member.personalRoom).toMatchObject({ hostPin: null, guestPin: null });

    const trail = await audits();
    expect(trail.map((a) => [a.before, a.after])).toEqual([
      [
        { "personalRoom.hostPin": "not set", "personalRoom.guestPin": "not set" },
        { "personalRoom.hostPin": "set", "personalRoom.guestPin": "set" },
      ],
      [
        { "personalRoom.hostPin": "set", "personalRoom.guestPin": "set" },
        { "personalRoom.hostPin": "not set", "personalRoom.guestPin": "not set" },
      ],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/1234|8403/);
    const [room] = await app().db.select().from(personalRooms).where(eq(personalRooms.accountId, ids.bob));
    expect(room).toMatchObject({ hostPin: null, guestPin: null });
  });

  it("refuses to demote the last admin (409), and allows it once there is another", async () => {
    const { ids, patch } = await setup();
    const last = await patch(ids.alice, { role: "member" });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.fields).toEqual({ role: expect.stringMatching(/at least one administrator/) });
    expect((await patch(ids.bob, { role: "admin" })).statusCode).toBe(200);
    const demoted = await patch(ids.alice, { role: "member" });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().member.role).toBe("member");
  });

  it("answers 404 for an unknown member or one of another company, and 400 for a bad id", async () => {
    const { patch, globex, idOf, alice, acme } = await setup();
    const hank = await idOf("hank@globex.example");
    expect((await patch(hank, { fullName: "Hacked" })).statusCode).toBe(404);
    expect((await patch("00000000-0000-4000-8000-000000000000", { fullName: "X" })).statusCode).toBe(404);
    expect((await alice.get(`/api/v1/companies/${acme.id}/members/not-a-uuid`)).statusCode).toBe(400);
    const [hankRow] = await app().db.select().from(accounts).where(eq(accounts.id, hank));
    expect(hankRow?.fullName).toBe("Hank Hill");
    expect(globex.id).not.toBe(acme.id);
  });
});
