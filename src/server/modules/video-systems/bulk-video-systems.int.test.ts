import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCompany, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { auditEvents, videoAddresses, videoSystems } from "../../db/schema.js";

const CSV = { "content-type": "text/csv" };

describe(`bulk video systems from a CSV (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async (endpointSubscriptions = 5) => {
    const tenants = await twoTenants(app());
    const { partnerA } = tenants;
    const company = await createCompany(app(), partnerA.admin, partnerA.id, "gamma-co", {
      endpointSubscriptions,
    });
    const domain = company.videoDomains[0] ?? "";
    const base = `/api/v1/companies/${company.id}/video-systems`;
    const upload = (path: string, file: string, client = partnerA.admin) =>
      client.request("POST", `${base}/bulk${path}`, file, CSV);
    return { ...tenants, company, domain, base, upload };
  };

  it("previews every row with its problems, then creates the valid ones in one go", async () => {
    const { partnerA, company, domain, base, upload } = await setup();
    await partnerA.admin.post(base, {
      name: "Existing",
      videoAddress: "existing.room",
      serialNumber: "SN-OLD",
    });
    const file = [
      "username,video_domain,display_name,serial_number",
      `Room.One,${domain},Room one,SN-1`,
      `room.two,${domain},"Room two, big",`,
      `room.one,${domain},Duplicate,SN-2`,
      `existing.room,${domain},Has one,`,
      `admin.gamma-co,${domain},Admin's address,`,
      `room.three,elsewhere.example,Wrong domain,`,
      `1room.bad,${domain},Bad name,`,
      `room.four,${domain},,`,
      `room.five,${domain},Serial twice,SN-1`,
      `room.six,${domain},Serial taken,SN-OLD`,
    ].join("\r\n");
    const preview = await upload("/preview", file);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({
      validCount: 2,
      invalidCount: 8,
      fileProblems: [],
      subscriptionsRemaining: 4,
    });
    const rules = body.rows.map((r: { line: number; problems: { rule: string }[] }) => [
      r.line,
      r.problems.map((p) => p.rule),
    ]);
    expect(rules).toEqual([
      [2, []],
      [3, []],
      [4, ["duplicate"]],
      [5, ["subscribed"]],
      [6, ["taken"]],
      [7, ["domain"]],
      [8, ["first_character"]],
      [9, ["required"]],
      [10, ["duplicate"]],
      [11, ["subscribed"]],
    ]);
    expect(body.rows[0]).toMatchObject({ videoAddress: `room.one@${domain}`, serialNumber: "SN-1" });
    expect(await app().db.select().from(videoSystems)).toHaveLength(1);

    const stale = await upload("?expect=3", file);
    expect(stale.statusCode).toBe(409);
    const created = await upload("?expect=2", file);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      created: 2,
      skipped: 8,
      endpointSubscriptions: { used: 3, total: 5, remaining: 2 },
    });
    const systems = await app().db.select().from(videoSystems).where(eq(videoSystems.companyId, company.id));
    expect(systems.map((s) => s.name).sort()).toEqual(["Existing", "Room one", "Room two, big"]);
    const claims = await app()
      .db.select()
      .from(videoAddresses)
      .where(eq(videoAddresses.ownerType, "video_system"));
    expect(claims).toHaveLength(3);
    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "video_system.created"));
    expect(audits).toHaveLength(3);
    // Uploading the same file again: every row now has a subscription.
    const again = await upload("/preview", file);
    expect(again.json().validCount).toBe(0);
    expect((await upload("", file)).statusCode).toBe(400);
  });

  it("creates nothing when the subscriptions fall short, and says how many are missing", async () => {
    const { domain, upload } = await setup(1);
    const file = `username,video_domain,display_name\nroom.one,${domain},One\nroom.two,${domain},Two\n`;
    const preview = await upload("/preview", file);
    expect(preview.json()).toMatchObject({
      validCount: 2,
      subscriptionsRemaining: 1,
      subscriptionsMissing: 1,
    });
    const refused = await upload("", file);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("LICENCE_LIMIT");
    expect(refused.json().error.message).toMatch(/1 more are needed/);
    expect(await app().db.select().from(videoSystems)).toHaveLength(0);
  });

  it("refuses whole files that cannot be used, with a clear message", async () => {
    const { domain, upload } = await setup();
    const problemOf = async (file: string) => {
      const response = await upload("/preview", file);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().rows).toEqual([]);
      return response.json().fileProblems[0] as string;
    };
    expect(await problemOf(`username;video_domain;display_name\nroom.one;${domain};One\n`)).toMatch(
      /semicolons; separate the columns with commas/,
    );
    expect(
      await problemOf(`username,video_domain,display_name,colour\nroom.one,${domain},One,red\n`),
    ).toMatch(/Unknown column “colour”/);
    expect(await problemOf(`room.one,${domain},One\n`)).toMatch(/Unknown column/);
    expect(await problemOf("username,video_domain\nroom.one,x\n")).toMatch(/no “display_name” column/);
    expect(await problemOf("username,video_domain,display_name\n")).toMatch(/only a header/);
    expect(await problemOf("")).toMatch(/empty/);
    expect(await problemOf("\u0000\u0001binary")).toMatch(/not a UTF-8 text file/);
    const rows = Array.from({ length: 5001 }, (_, i) => `room.r${i},${domain},Room ${i}`);
    expect(await problemOf(["username,video_domain,display_name", ...rows].join("\n"))).toMatch(
      /5,001 rows; at most 5,000/,
    );
    const create = await upload("", `username;video_domain;display_name\nroom.one;${domain};One\n`);
    expect(create.statusCode).toBe(400);
    expect(await app().db.select().from(videoSystems)).toHaveLength(0);
  });

  it("is for the partner only, and takes only text/csv", async () => {
    const { company, domain, base, upload } = await setup();
    const file = `username,video_domain,display_name\nroom.one,${domain},One\n`;
    const refused = await upload("", file, company.admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("Contact your partner (Alpha Partners)");
    expect((await upload("/preview", file, company.admin)).statusCode).toBe(403);
    const json = await company.admin.post(`${base}/bulk`, { file });
    expect(json.statusCode).toBe(415);
    expect(await app().db.select().from(videoSystems)).toHaveLength(0);
  });
});
