import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { accounts, auditEvents, outbox, personalRooms, videoAddresses } from "../../db/schema.js";

describe("deleting members and resetting their passwords", () => {
  const app = useTestApp();

  const setup = async () => {
    const demo = await demoCompanies(app());
    const alice = await demo.as("alice.andersen@acme.example");
    const ids = {
      alice: await demo.idOf("alice.andersen@acme.example"),
      bob: await demo.idOf("bob.baker@acme.example"),
      carol: await demo.idOf("carol.chen@acme.example"),
      dave: await demo.idOf("dave.dunn@acme.example"),
      hank: await demo.idOf("hank@globex.example"),
    };
    const remove = (memberIds: string[], client = alice) =>
      client.post(`/api/v1/companies/${demo.acme.id}/members/delete`, { ids: memberIds });
    const licences = async () =>
      (await alice.get(`/api/v1/companies/${demo.acme.id}/members`)).json().licences;
    return { ...demo, alice, ids, remove, licences };
  };

  it("removes the members, their personal VMRs and addresses, and frees their licences", async () => {
    const { ids, remove, licences, acme, as } = await setup();
    const bob = await as("bob.baker@acme.example");
    expect(await licences()).toEqual({ used: 4, total: 25, remaining: 21 });
    const response = await remove([ids.bob, ids.dave]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ deleted: 2 });
    expect(await licences()).toEqual({ used: 2, total: 25, remaining: 23 });

    const gone = [ids.bob, ids.dave];
    expect(await app().db.select().from(accounts).where(inArray(accounts.id, gone))).toEqual([]);
    expect(await app().db.select().from(personalRooms).where(inArray(personalRooms.accountId, gone))).toEqual(
      [],
    );
    const addresses = (
      await app().db.select().from(videoAddresses).where(eq(videoAddresses.companyId, acme.id))
    ).map((r) => r.address);
    expect(addresses.sort()).toEqual([
      "alice.andersen.vmr@acme.video.example.com",
      "alice.andersen@acme.video.example.com",
      "carol.chen.vmr@acme.video.example.com",
      "carol.chen@acme.video.example.com",
    ]);
    // Bob's session ends with his account.
    expect((await bob.get("/api/v1/me")).statusCode).toBe(401);
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "member.deleted"), eq(auditEvents.companyId, acme.id)));
    expect(audits.map((a) => a.targetId).sort()).toEqual([...gone].sort());
    expect(audits.find((a) => a.targetId === ids.bob)?.before).toMatchObject({
      email: "bob.baker@acme.example",
      videoAddress: "bob.baker@acme.video.example.com",
    });
  });

  it("refuses to delete yourself or the last admin (409), and changes nothing", async () => {
    const { ids, remove, as, acme } = await setup();
    const before = await rowCounts(app());
    const yourself = await remove([ids.bob, ids.alice]);
    expect(yourself.statusCode).toBe(409);
    expect(yourself.json().error.message).toBe("You cannot delete yourself.");

    // Paul (partner admin) is not a member: he may delete Alice only while another admin stays.
    const paul = await as("paul@northwind.example");
    const lastAdmin = await remove([ids.alice], paul);
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json().error.message).toMatch(/at least one administrator/);
    expect(await rowCounts(app())).toEqual(before);

    const promoted = await paul.request("PATCH", `/api/v1/companies/${acme.id}/members/${ids.bob}`, {
      role: "admin",
    });
    expect(promoted.statusCode).toBe(200);
    expect((await remove([ids.alice], paul)).json()).toEqual({ deleted: 1 });
  });

  it("answers 404 and deletes nothing when one id is unknown or of another company", async () => {
    const { ids, remove } = await setup();
    const before = await rowCounts(app());
    for (const bad of [ids.hank, "00000000-0000-4000-8000-000000000000"]) {
      const response = await remove([ids.bob, ids.carol, bad]);
      expect(response.statusCode).toBe(404);
    }
    expect(await rowCounts(app())).toEqual(before);
    const refusals = [[], Array.from({ length: 501 }, () => ids.bob), ["nope"]];
    for (const list of refusals) {
      const response = await remove(list);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toBeDefined();
    }
  });

  it("emails an active member a password reset link; invited members get 409", async () => {
    const { ids, alice, acme } = await setup();
    const path = (id: string) => `/api/v1/companies/${acme.id}/members/${id}/password-reset`;
    const response = await alice.post(path(ids.carol));
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    const [mail] = await app()
      .db.select()
      .from(outbox)
      .where(eq(outbox.toAddress, "carol.chen@acme.example"));
    expect(mail?.subject).toMatch(/Reset your .* password/);
    const token = mail?.textBody.match(/reset-password\?token=([\w-]+)/)?.[1];
    const confirmed = await app()
      .client()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "a brand new passphrase" });
    expect(confirmed.statusCode, confirmed.body).toBe(204);

    const invited = await alice.post(path(ids.dave));
    expect(invited.statusCode).toBe(409);
    expect(invited.json().error.message).toMatch(/resend the invitation instead/);
    expect(
      await app().db.select().from(outbox).where(eq(outbox.toAddress, "dave.dunn@acme.example")),
    ).toEqual([]);
    expect((await alice.post(path(ids.hank))).statusCode).toBe(404);
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "member.password_reset_sent"));
    expect(audits.map((a) => a.targetId)).toEqual([ids.carol]);
  });
});
