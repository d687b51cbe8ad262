import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { insertVideoSystem } from "../../../../test/helpers/video-systems.js";
import { auditEvents, videoSystems } from "../../db/schema.js";

describe(`a video system's MeetingConnect QR code (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const tenants = await twoTenants(app());
    const system = await insertVideoSystem(app(), tenants.companyA.id, {
      name: "Meeting Room 6",
      address: `room6.alpha@${tenants.companyA.videoDomains[0]}`,
    });
    const base = `/api/v1/companies/${tenants.companyA.id}/video-systems/${system.id}`;
    return { ...tenants, system, base, connectUrl: `http://confero.test/connect/${system.connectToken}` };
  };

  it("encodes PUBLIC_URL/connect/<token> as PNG (sized) and SVG", async () => {
    const { companyA, system, base, connectUrl } = await setup();
    const link = await companyA.admin.get(`${base}/meeting-connect`);
    expect(link.json()).toEqual({
      videoSystem: { id: system.id, name: "Meeting Room 6", videoAddress: system.address },
      connectUrl,
    });

    const png = await companyA.admin.get(`${base}/qr.png?size=300`);
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-disposition"]).toBe('inline; filename="meeting-room-6-qr.png"');
    const expected = await QRCode.toBuffer(connectUrl, { errorCorrectionLevel: "M", margin: 2, width: 300 });
    expect(png.rawPayload.equals(expected)).toBe(true);
    // 300 px wide: bytes 16–19 of the IHDR chunk.
    expect(png.rawPayload.readUInt32BE(16)).toBe(300);
    expect((await companyA.admin.get(`${base}/qr.png`)).rawPayload.readUInt32BE(16)).toBe(512);
    for (const size of ["5", "9999", "abc"]) {
      const bad = await companyA.admin.get(`${base}/qr.png?size=${size}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.size).toBeTruthy();
    }

    const svg = await companyA.admin.get(`${base}/qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toBe(
      await QRCode.toString(connectUrl, { errorCorrectionLevel: "M", margin: 2, type: "svg" }),
    );
  });

  it("makes a new QR code on request: the old connect link stops working (audited)", async () => {
    const { companyA, system, base } = await setup();
    expect((await app().client().get(`/api/v1/connect/${system.connectToken}`)).statusCode).toBe(200);
    const rotated = await companyA.admin.post(`${base}/connect-token`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { connectUrl } = rotated.json() as { connectUrl: string };
    const token = connectUrl.split("/connect/")[1] as string;
    expect(token).not.toBe(system.connectToken);
    expect(connectUrl).toBe(`http://confero.test/connect/${token}`);
    expect((await app().client().get(`/api/v1/connect/${system.connectToken}`)).statusCode).toBe(404);
    expect((await app().client().get(`/api/v1/connect/${token}`)).statusCode).toBe(200);
    expect((await companyA.admin.get(`${base}/meeting-connect`)).json().connectUrl).toBe(connectUrl);
    const [audit] = await app().db.select().from(auditEvents).where(eq(auditEvents.targetId, system.id));
    expect(audit).toMatchObject({ action: "video_system.qr_code_replaced", companyId: companyA.id });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("is for the company's admins only: signed out 401, other companies 404 with nothing changed", async () => {
    const { companyB, partnerB, system, base } = await setup();
    const anonymous = app().client();
    for (const path of ["meeting-connect", "qr.png", "qr.svg"])
      expect((await anonymous.get(`${base}/${path}`)).statusCode).toBe(401);
    expect((await anonymous.post(`${base}/connect-token`)).statusCode).toBe(401);

    const viaOwnCompany = `/api/v1/companies/${companyB.id}/video-systems/${system.id}`;
    for (const client of [companyB.admin, partnerB.admin]) {
      for (const url of [base, viaOwnCompany]) {
        for (const path of ["meeting-connect", "qr.png", "qr.svg"])
          expect((await client.get(`${url}/${path}`)).statusCode, `${url}/${path}`).toBe(404);
        expect((await client.post(`${url}/connect-token`)).statusCode).toBe(404);
      }
    }
    const [row] = await app().db.select().from(videoSystems).where(eq(videoSystems.id, system.id));
    expect(row?.connectToken).toBe(system.connectToken);
  });
});
