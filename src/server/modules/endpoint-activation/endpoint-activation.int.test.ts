import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acceptInvitation, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import { auditEvents, endpointActivationCodes, videoSystems } from "../../db/schema.js";
import { CODE_EXPIRED, CODE_FORMAT, CODE_UNKNOWN, CODE_USED } from "./endpoint-activation.service.js";

describe(`activating a video system's subscription (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const tenants = await twoTenants(app());
    const { companyA } = tenants;
    const system = await insertVideoSystem(app(), companyA.id, {
      name: "Meeting Room 6",
      address: `room6.alpha@${companyA.videoDomains[0]}`,
    });
    const base = `/api/v1/companies/${companyA.id}/video-systems/${system.id}`;
    return { ...tenants, system, base };
  };

  /** Redeems like an endpoint does: a fresh client with no cookies, session or CSRF token. */
  const redeem = (code: string, ip = "203.0.113.7") =>
    app().app.inject({
      method: "POST",
      url: "/api/v1/endpoint-activations",
      payload: { code },
      remoteAddress: ip,
    });

  it("issues a one-time code that an endpoint redeems for SIP credentials, once", async () => {
    const { companyA, system, base } = await setup();
    const before = await companyA.admin.get(`${base}/activation`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({
      videoSystem: { id: system.id, name: "Meeting Room 6", videoAddress: system.address },
      status: "not_activated",
      activatedAt: null,
      registeredAt: null,
      code: null,
      registrar: "video.example.com",
    });

    const issued = await companyA.admin.post(`${base}/activation-codes`);
    expect(issued.statusCode, issued.body).toBe(201);
    const { code, expiresAt } = issued.json() as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await app().db.select().from(endpointActivationCodes);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect((await companyA.admin.get(`${base}/activation`)).json().code).toEqual({ expiresAt });

    // Typed as a person might: lowercase, spaces instead of dashes.
    const redeemed = await redeem(code.toLowerCase().replaceAll("-", " "));
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    const settings = redeemed.json();
    expect(settings).toEqual({
      sipUsername: system.address,
      sipPassword: expect.any(String),
      registrar: "video.example.com",
      displayName: "Meeting Room 6",
    });
    expect(settings.sipPassword.length).toBeGreaterThanOrEqual(20);

    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, system.id));
    expect(row?.activatedAt).toBeInstanceOf(Date);
    expect(row?.sipPasswordEncrypted).toBeTruthy();
    expect(row?.sipPasswordEncrypted).not.toContain(settings.sipPassword);
    const after = (await companyA.admin.get(`${base}/activation`)).json();
    expect(after).toMatchObject({ status: "activated", activatedAt: expect.any(String), code: null });

    const again = await redeem(code);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe(CODE_USED);

    const audits = await app().db.select().from(auditEvents).where(eq(auditEvents.targetId, system.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "video_system.activated",
      "video_system.activation_code_issued",
    ]);
    expect(JSON.stringify(audits)).not.toContain(code);
    expect(JSON.stringify(audits)).not.toContain(settings.sipPassword);
  });

  it("re-activation with a new code gives a new password; a newer code retires the older one", async () => {
    const { companyA, base } = await setup();
    const first = (await companyA.admin.post(`${base}/activation-codes`)).json().code as string;
    const second = (await companyA.admin.post(`${base}/activation-codes`)).json().code as string;
    const retired = await redeem(first);
    expect(retired.statusCode).toBe(400);
    expect(retired.json().error.message).toBe(CODE_EXPIRED);
    const one = (await redeem(second)).json().sipPassword as string;
    const third = (await companyA.admin.post(`${base}/activation-codes`)).json().code as string;
    const two = await redeem(third);
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json().sipPassword).not.toBe(one);
  });

  it("refuses unknown, malformed and expired codes with a clear message, changing nothing", async () => {
    const { companyA, system, base } = await setup();
    const unknown = await redeem("ABCD-EFGH-JKMN");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe(CODE_UNKNOWN);
    const malformed = await redeem("hello");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toEqual({ code: CODE_FORMAT });
    expect((await redeem({} as unknown as string)).statusCode).toBe(400);

    const code = (await companyA.admin.post(`${base}/activation-codes`)).json().code as string;
    await app()
      .db.update(endpointActivationCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await redeem(code);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.message).toBe(CODE_EXPIRED);
    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, system.id));
    expect(row).toMatchObject({ activatedAt: null, sipPasswordEncrypted: null });
  });

  it("limits failed guesses per IP (429 with Retry-After), even for a right code, not other IPs", async () => {
    const { companyA, base } = await setup();
    const code = (await companyA.admin.post(`${base}/activation-codes`)).json().code as string;
    for (let i = 0; i < 10; i += 1) expect((await redeem("ABCD-EFGH-JKMN")).statusCode).toBe(404);
    const blocked = await redeem(code);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await redeem(code, "198.51.100.9")).statusCode).toBe(200);
  });

  it("needs no session or CSRF token to redeem, but admin endpoints need both", async () => {
    const { companyA, base } = await setup();
    const anonymous = app().client();
    expect((await anonymous.get(`${base}/activation`)).statusCode).toBe(401);
    expect((await anonymous.post(`${base}/activation-codes`)).statusCode).toBe(401);
    companyA.admin.sendCsrf = false;
    expect((await companyA.admin.post(`${base}/activation-codes`)).statusCode).toBe(403);
  });

  it("lets only the company's admins (and its partner) in: members 403, other companies 404", async () => {
    const { companyA, companyB, partnerA, partnerB, system, base } = await setup();
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Mia Member",
      email: "mia@alpha.example",
      videoAddress: "mia.member",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const mia = await acceptInvitation(app(), "mia@alpha.example");
    expect((await mia.get(`${base}/activation`)).statusCode).toBe(403);
    expect((await mia.post(`${base}/activation-codes`)).statusCode).toBe(403);
    expect((await partnerA.admin.post(`${base}/activation-codes`)).statusCode).toBe(201);

    const codesBefore = await app().db.select().from(endpointActivationCodes);
    const viaOwnCompany = `/api/v1/companies/${companyB.id}/video-systems/${system.id}`;
    for (const client of [companyB.admin, partnerB.admin]) {
      for (const url of [base, viaOwnCompany]) {
        expect((await client.get(`${url}/activation`)).statusCode).toBe(404);
        expect((await client.post(`${url}/activation-codes`)).statusCode).toBe(404);
      }
    }
    expect(await app().db.select().from(endpointActivationCodes)).toEqual(codesBefore);
  });
});
