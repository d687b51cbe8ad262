import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup, signIn } from "../../../../test/helpers/fixtures.js";
import { companyBody, rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, service } from "../../db/schema.js";
import { seedDemo } from "../demo/seed-demo.js";

describe("service settings", () => {
  const app = useTestApp();
  const PATH = "/api/v1/service/settings";

  const withDemo = async () => {
    const operator = await completeSetup(app());
    const seeded = await seedDemo(app().db);
    const as = (email: string) => {
      const account = seeded.accounts.find((a) => a.email === email);
      if (!account) throw new Error(`no ${email}`);
      return signIn(app(), account.email, account.password);
    };
    return { operator, seeded, as };
  };

  it("operators read and change the name, domains and default suffix", async () => {
    const operator = await completeSetup(app());
    expect((await operator.get(PATH)).json()).toEqual({
      name: "Example Video",
      domains: ["video.example.com"],
      defaultVmrSuffix: ".vmr",
      requireTwoFactorForStaff: false,
    });
    const changed = await operator.request("PATCH", PATH, {
      name: "Example Meetings",
      domains: ["video.example.com", " Meet.Example.ORG "],
      defaultVmrSuffix: "-Room",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({
      name: "Example Meetings",
      domains: ["video.example.com", "meet.example.org"],
      defaultVmrSuffix: "-room",
      requireTwoFactorForStaff: false,
    });
    const [audit] = await app()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "service.updated"));
    expect(audit).toMatchObject({
      actorKind: "operator",
      before: { name: "Example Video", domains: ["video.example.com"], defaultVmrSuffix: ".vmr" },
      after: { name: "Example Meetings", defaultVmrSuffix: "-room" },
    });
    // New companies get the new default suffix.
    const partner = (await operator.post("/api/v1/partners", { name: "Alpha" })).json();
    const company = await operator.post(`/api/v1/partners/${partner.id}/companies`, companyBody("acme"));
    expect(company.json().vmrSuffix).toBe("-room");
  });

  it("refuses bad input and changes nothing", async () => {
    const operator = await completeSetup(app());
    const [before] = await app().db.select().from(service);
    const refusals: [unknown, Record<string, unknown>][] = [
      [{ domains: [] }, { domains: "Keep at least one service domain." }],
      [
        { domains: ["video.example.com", "VIDEO.example.com"] },
        { "domains.1": "This domain is listed twice." },
      ],
      [{ domains: ["localhost"] }, { "domains.0": expect.stringMatching(/full domain name/) }],
      [{ defaultVmrSuffix: "vmr" }, { defaultVmrSuffix: expect.any(String) }],
      [{ name: "" }, { name: "Required." }],
      [{ colour: "blue" }, { colour: "Unknown field." }],
      [{ requireTwoFactorForStaff: "yes" }, { requireTwoFactorForStaff: "Choose on or off." }],
    ];
    for (const [body, fields] of refusals) {
      const response = await operator.request("PATCH", PATH, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual(fields);
    }
    expect((await app().db.select().from(service))[0]).toEqual(before);
  });

  it("keeps domains that companies use, and the primary domain first while companies use it as their root", async () => {
    const { operator, seeded } = await withDemo();
    const before = await rowCounts(app());
    const removed = await operator.request("PATCH", PATH, { domains: ["meet.example.org"] });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.message).toBe(
      "1 company still uses video.example.com; it cannot be removed.",
    );

    // A hosted domain (or one under or above it) cannot become a service domain.
    for (const domain of ["globex.example", "video.globex.example"]) {
      const clash = await operator.request("PATCH", PATH, { domains: ["video.example.com", domain] });
      expect(clash.statusCode, domain).toBe(409);
      expect(Object.keys(clash.json().error.fields)).toEqual(["domains.1"]);
    }
    expect(await rowCounts(app())).toEqual(before);

    // Adding a second domain and making it primary is fine while nobody uses the root domain …
    const moved = await operator.request("PATCH", PATH, {
      domains: ["meet.example.org", "video.example.com"],
    });
    expect(moved.statusCode).toBe(200);
    const back = await operator.request("PATCH", PATH, {
      domains: ["video.example.com", "meet.example.org"],
    });
    expect(back.statusCode).toBe(200);
    // … but not once a company's addresses are on it.
    const partnerId = seeded.partners[0]?.id;
    const root = await operator.post(
      `/api/v1/partners/${partnerId}/companies`,
      companyBody("rooted", { domainSetup: "service_root" }),
    );
    expect(root.statusCode).toBe(201);
    const blocked = await operator.request("PATCH", PATH, {
      domains: ["meet.example.org", "video.example.com"],
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/^1 company uses the primary domain video\.example\.com/);
    expect((await operator.get(PATH)).json().domains).toEqual(["video.example.com", "meet.example.org"]);
  });

  it("is for operators only: 401 without a session, 403 for everyone else", async () => {
    const { as } = await withDemo();
    const anonymous = app().client();
    expect((await anonymous.get(PATH)).statusCode).toBe(401);
    expect((await anonymous.request("PATCH", PATH, { name: "Hacked" })).statusCode).toBe(401);
    for (const email of ["paul@northwind.example", "alice.andersen@acme.example", "bob.baker@acme.example"]) {
      const client = await as(email);
      expect((await client.get(PATH)).statusCode, email).toBe(403);
      expect((await client.request("PATCH", PATH, { name: "Hacked" })).statusCode, email).toBe(403);
    }
    expect((await app().db.select().from(service))[0]?.name).toBe("Example Video");
  });
});
