import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { policyChange } from "../../../../test/helpers/policy.js";
import { createCompany, createPartner } from "../../../../test/helpers/tenants.js";
import { type TestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import { accounts, companies, personalRooms, videoSystems } from "../../db/schema.js";

/** A company with an activated and a not-activated video system; the activated one's password. */
async function setup(t: TestApp) {
  const operator = await completeSetup(t);
  const partner = await createPartner(t, operator, "Alpha Partners");
  const company = await createCompany(t, partner.admin, partner.id, "alpha-co");
  const domain = company.videoDomains[0] as string;
  const active = await insertVideoSystem(t, company.id, { name: "Room 6", address: `room6.alpha@${domain}` });
  const idle = await insertVideoSystem(t, company.id, { name: "Lobby", address: `lobby.alpha@${domain}` });
  const base = `/api/v1/companies/${company.id}/video-systems/${active.id}`;
  const code = (await company.admin.post(`${base}/activation-codes`)).json().code as string;
  const redeemed = await t.app.inject({
    method: "POST",
    url: "/api/v1/endpoint-activations",
    payload: { code },
  });
  expect(redeemed.statusCode, redeemed.body).toBe(200);
  return { company, domain, active, idle, password: redeemed.json().sipPassword as string };
}

const ask = (t: TestApp, alias: string, query = "protocol=sip&auth_type=credentials", headers = {}) =>
  t.app.inject({ method: "GET", url: `/policy/v1/registrations/${alias}?${query}`, headers });

const CONTINUE = { status: "success", action: "continue", result: {}, reason: expect.any(String) };
const REJECT = { status: "success", action: "reject", result: {}, reason: expect.any(String) };

describe(`registration policy for video systems (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("answers an activated system with its activation's credentials and marks it Registered", async () => {
    const { active, password, company } = await setup(app());
    const answer = await ask(app(), encodeURIComponent(active.address));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.json()).toEqual({ status: "success", result: { username: active.address, password } });
    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, active.id));
    expect(row?.registeredAt).toBeInstanceOf(Date);
    const status = await company.admin.get(
      `/api/v1/companies/${company.id}/video-systems/${active.id}/activation`,
    );
    expect(status.json()).toMatchObject({ status: "registered", registeredAt: expect.any(String) });
  });

  it("finds the system whatever form Infinity sends the alias in", async () => {
    const { active, password } = await setup(app());
    const forms = [
      `sip:${active.address}`,
      `SIPS:${active.address.toUpperCase()}:5061;transport=tls`,
      `h323:${active.address}`,
      `sip:${active.address};transport=tcp`,
    ];
    for (const form of forms) {
      const answer = await ask(app(), encodeURIComponent(form), 'protocol=sip&auth_type="credentials"');
      expect(answer.json(), form).toEqual({
        status: "success",
        result: { username: active.address, password },
      });
    }
  });

  it("answers aliases longer than a path parameter may be", async () => {
    const t = app();
    const operator = await completeSetup(t);
    const partner = await createPartner(t, operator, "Long Partners");
    const company = await createCompany(t, partner.admin, partner.id, "a-company-with-a-rather-long-name");
    const address = `${"a".repeat(60)}@${company.videoDomains[0]}`;
    const system = await insertVideoSystem(t, company.id, { name: "Long", address });
    const raw = `sip:${address.toUpperCase()}:5061;transport=tls;lr`;
    expect(raw.length).toBeGreaterThan(120);
    expect((await ask(t, encodeURIComponent(raw))).json()).toEqual(REJECT);
    expect(system.address).toBe(address);
  });

  it("answers SSO registrations (quoted or not) with an empty result", async () => {
    const { active } = await setup(app());
    for (const authType of ["sso", '"sso"', "%22sso%22"]) {
      const answer = await ask(app(), active.address, `protocol=webrtc&auth_type=${authType}`);
      expect(answer.json()).toEqual({ status: "success", result: {} });
    }
  });

  it("rejects a system that is not activated, and aliases no one has", async () => {
    const { idle } = await setup(app());
    expect((await ask(app(), idle.address)).json()).toEqual(REJECT);
    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, idle.id));
    expect(row?.registeredAt).toBeNull();
    expect((await ask(app(), "nobody@elsewhere.example.com")).json()).toEqual(REJECT);
    expect((await ask(app(), "nobody")).json()).toEqual(REJECT);
  });

  it("rejects every system of a suspended company, credentials or SSO", async () => {
    const { active, company } = await setup(app());
    await policyChange(app(), () =>
      app().db.update(companies).set({ status: "suspended" }).where(eq(companies.id, company.id)),
    );
    expect((await ask(app(), active.address)).json()).toEqual(REJECT);
    expect((await ask(app(), active.address, "auth_type=sso")).json()).toEqual(REJECT);
  });

  it("leaves a member's own address to Infinity's device settings, refuses rooms and suspended members", async () => {
    const { company } = await setup(app());
    const [admin] = await app().db.select().from(accounts).where(eq(accounts.companyId, company.id));
    const own = admin?.videoAddress as string;
    expect((await ask(app(), encodeURIComponent(`sip:${own}`))).json()).toEqual(CONTINUE);
    expect((await ask(app(), own, "protocol=webrtc&auth_type=sso")).json()).toEqual({
      status: "success",
      result: {},
    });
    const [room] = await app().db.select().from(personalRooms).where(eq(personalRooms.companyId, company.id));
    expect((await ask(app(), room?.address as string)).json()).toEqual(REJECT);
    await policyChange(app(), () =>
      app()
        .db.update(accounts)
        .set({ status: "suspended" })
        .where(eq(accounts.id, admin?.id as string)),
    );
    expect((await ask(app(), own)).json()).toEqual(REJECT);
    expect((await ask(app(), own, "auth_type=sso")).json()).toEqual(REJECT);
  });

  it("records a device's re-registrations at most once a minute", async () => {
    const { active } = await setup(app());
    expect((await ask(app(), active.address)).statusCode).toBe(200);
    const earlier = new Date(Date.now() - 30_000);
    await app().db.update(videoSystems).set({ registeredAt: earlier }).where(eq(videoSystems.id, active.id));
    expect((await ask(app(), active.address)).statusCode).toBe(200);
    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, active.id));
    expect(row?.registeredAt?.getTime()).toBe(earlier.getTime());
  });

  it("never answers odd input with a 500", async () => {
    await setup(app());
    const odd = [
      "%00",
      "%F0%9F%92%A9",
      encodeURIComponent("a".repeat(2000)),
      encodeURIComponent("<script>@x"),
      encodeURIComponent('"'),
      "sip%3A",
      encodeURIComponent("@@@"),
      encodeURIComponent("room6.alpha@"),
      "%E0%A4%A",
    ];
    for (const alias of odd) {
      const answer = await ask(app(), alias, "auth_type=a&auth_type=b&registered=True&x=");
      expect(answer.statusCode, alias).toBeLessThan(500);
      // An undecodable URL never reaches the route: Infinity is told to fall back (404).
      expect(answer.json(), alias).toEqual(
        alias === "%E0%A4%A" ? { ...REJECT, status: "fail", action: "continue" } : REJECT,
      );
    }
    expect((await ask(app(), "room6", "")).statusCode).toBe(200);
  });
});

describe(`registration policy with basic auth configured (${testDatabaseKind()})`, () => {
  const app = useTestApp({
    config: { policyCredentials: { username: "infinity", password: "p0licy-pass" } },
  });
  const basic = (user: string, password: string) => ({
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
  });

  it("needs Infinity's username and password", async () => {
    const { active, password } = await setup(app());
    const without = await ask(app(), active.address);
    expect(without.statusCode).toBe(401);
    expect(without.headers["www-authenticate"]).toMatch(/^Basic /);
    expect((await ask(app(), active.address, "", basic("infinity", "wrong"))).statusCode).toBe(401);
    expect((await ask(app(), active.address, "", basic("other", "p0licy-pass"))).statusCode).toBe(401);
    const right = await ask(app(), active.address, "auth_type=credentials", basic("infinity", "p0licy-pass"));
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ status: "success", result: { username: active.address, password } });
  });
});
