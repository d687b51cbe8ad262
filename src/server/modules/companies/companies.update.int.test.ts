import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup, signIn } from "../../../../test/helpers/fixtures.js";
import { rowCounts } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { auditEvents, companies, companyDomains } from "../../db/schema.js";
import { seedDemo } from "../demo/seed-demo.js";

describe("changing a company", () => {
  const app = useTestApp();

  /** The demo data: Acme (4 members, one invited; service subdomain) and Globex (2 members, hosted), partner Northwind. */
  const demo = async () => {
    const operator = await completeSetup(app());
    // Counts Acme's and Globex's licences and addresses without the demo team rooms.
    const seeded = await seedDemo(app().db, { teamRooms: false });
    const company = (slug: string) => {
      const found = seeded.companies.find((c) => c.slug === slug);
      if (!found) throw new Error(`no ${slug}`);
      return found;
    };
    const as = (email: string) => {
      const account = seeded.accounts.find((a) => a.email === email);
      if (!account) throw new Error(`no ${email}`);
      return signIn(app(), account.email, account.password);
    };
    const partnerId = seeded.partners[0]?.id ?? "";
    const acme = company("acme");
    const globex = company("globex");
    const paul = await as("paul@northwind.example");
    const patch = (companyId: string, body: unknown) =>
      paul.request("PATCH", `/api/v1/partners/${partnerId}/companies/${companyId}`, body);
    return { operator, partnerId, acme, globex, paul, as, patch };
  };
  const companyRow = async (id: string) =>
    (await app().db.select().from(companies).where(eq(companies.id, id)))[0];
  const updates = (companyId: string) =>
    app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "company.updated"), eq(auditEvents.companyId, companyId)));

  it("changes what the partner sets and audits only what changed", async () => {
    const { acme, patch } = await demo();
    const response = await patch(acme.id, {
      name: "Acme Corp",
      status: "paid",
      licences: 30,
      endpointSubscriptions: 0,
      vmrSuffix: "-meet",
      hostPinOnAllPersonalRooms: true,
      timeZone: "America/New_York",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: "Acme Corp",
      status: "paid",
      licences: { used: 4, total: 30 },
      endpointSubscriptions: { used: 0, total: 0 },
      vmrSuffix: "-meet",
      hostPinOnAllPersonalRooms: true,
      timeZone: "America/New_York",
      memberCount: 4,
      addressCountsByDomain: { "acme.video.example.com": 8 },
    });
    const [audit] = await updates(acme.id);
    expect(audit).toMatchObject({
      actorKind: "partner_admin",
      before: { name: "Acme", licences: 25, endpointSubscriptions: 10, vmrSuffix: ".vmr" },
      after: { name: "Acme Corp", licences: 30, endpointSubscriptions: 0, vmrSuffix: "-meet" },
    });
    expect(Object.keys(audit?.after as object)).not.toContain("status");

    const unchanged = await patch(acme.id, { name: "Acme Corp", licences: 30 });
    expect(unchanged.statusCode).toBe(200);
    expect(await updates(acme.id)).toHaveLength(1);
  });

  it("keeps licences at or above the members using them (409 LICENCE_LIMIT with both numbers)", async () => {
    const { acme, patch } = await demo();
    const before = await companyRow(acme.id);
    const response = await patch(acme.id, { licences: 2, name: "Not applied" });
    expect(response.statusCode).toBe(409);
    const { error } = response.json();
    expect(error.code).toBe("LICENCE_LIMIT");
    expect(error.message).toMatch(/uses 4 licences/);
    expect(error.message).toMatch(/\b2 is too few/);
    expect(await companyRow(acme.id)).toEqual(before);
    expect(await updates(acme.id)).toHaveLength(0);
    expect((await patch(acme.id, { licences: 4 })).json().licences).toEqual({ used: 4, total: 4 });
    const zero = await patch(acme.id, { licences: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields).toEqual({ licences: "Use at least 1." });
  });

  it("adds, reorders and removes hosted domains, but not one that addresses still use", async () => {
    const { globex, acme, patch } = await demo();
    const added = await patch(globex.id, { hostedDomains: ["globex.example", "Globex.Test"] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({
      videoDomains: ["globex.example", "globex.test"],
      hostedDomains: ["globex.example", "globex.test"],
      addressCountsByDomain: { "globex.example": 4, "globex.test": 0 },
    });
    const reordered = await patch(globex.id, { hostedDomains: ["globex.test", "globex.example"] });
    expect(reordered.json().videoDomains).toEqual(["globex.test", "globex.example"]);

    const before = await rowCounts(app());
    const inUse = await patch(globex.id, { hostedDomains: ["globex.test"] });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toMatch(/^4 addresses still use globex\.example/);
    expect(inUse.json().error.fields.hostedDomains).toMatch(/^4 addresses still use globex\.example/);
    expect(await rowCounts(app())).toEqual(before);

    const removed = await patch(globex.id, { hostedDomains: ["globex.example"] });
    expect(removed.json()).toMatchObject({ hostedDomains: ["globex.example"] });
    const audits = await updates(globex.id);
    expect(audits.at(-1)).toMatchObject({
      before: { hostedDomains: ["globex.test", "globex.example"] },
      after: { hostedDomains: ["globex.example"] },
    });

    const refusals: [unknown, number, Record<string, unknown>][] = [
      [{ hostedDomains: [] }, 400, { hostedDomains: "Add at least one domain for domain hosting." }],
      [
        { hostedDomains: ["globex.example", "acme.video.example.com"] },
        400,
        { "hostedDomains.1": expect.any(String) },
      ],
      [{ hostedDomains: ["globex.example", "bad domain"] }, 400, { "hostedDomains.1": expect.any(String) }],
    ];
    for (const [body, status, fields] of refusals) {
      const response = await patch(globex.id, body);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.fields).toEqual(fields);
    }
    const notHosted = await patch(acme.id, { hostedDomains: ["acme.example"] });
    expect(notHosted.statusCode).toBe(400);
    expect(notHosted.json().error.fields).toEqual({
      hostedDomains: "Only companies with domain hosting have hosted domains.",
    });
    expect(
      await app().db.select().from(companyDomains).where(eq(companyDomains.companyId, acme.id)),
    ).toHaveLength(1);
  });

  it("refuses another company's hosted domain with 409 on its index", async () => {
    const { globex, acme, patch, partnerId, operator } = await demo();
    const created = await operator.post(`/api/v1/partners/${partnerId}/companies`, {
      name: "Hooli",
      slug: "hooli",
      domainSetup: "hosted",
      hostedDomains: ["hooli.example"],
      licences: 1,
      endpointSubscriptions: 0,
      timeZone: "UTC",
      firstAdmin: { fullName: "Gavin", email: "gavin@hooli.example", videoAddress: "gavin" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const taken = await patch(globex.id, { hostedDomains: ["globex.example", "hooli.example"] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual({
      "hostedDomains.1": "Another company already uses this domain.",
    });
    expect((await companyRow(acme.id))?.name).toBe("Acme");
  });

  it("lets a company's admin change its name and time zone, and nothing else, in the settings", async () => {
    const { acme, as } = await demo();
    const alice = await as("alice.andersen@acme.example");
    const path = `/api/v1/companies/${acme.id}/settings`;
    const changed = await alice.request("PATCH", path, { name: " Acme AS ", timeZone: "Europe/Oslo" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: "Acme AS",
      timeZone: "Europe/Oslo",
      licences: { total: 25 },
    });
    const [audit] = await updates(acme.id);
    expect(audit).toMatchObject({ actorKind: "member", actorName: "Alice Andersen" });

    const before = await companyRow(acme.id);
    const licences = await alice.request("PATCH", path, { licences: 100 });
    expect(licences.statusCode).toBe(400);
    expect(licences.json().error.fields).toEqual({ licences: "Unknown field." });
    const zone = await alice.request("PATCH", path, { timeZone: "Nowhere/Atlantis" });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.fields.timeZone).toMatch(/time zone/);
    const empty = await alice.request("PATCH", path, { name: "  " });
    expect(empty.json().error.fields).toEqual({ name: "Required." });
    expect(await companyRow(acme.id)).toEqual(before);
  });

  it("tells whether an address is free and follows the rules", async () => {
    const { acme, globex, as } = await demo();
    const alice = await as("alice.andersen@acme.example");
    const check = async (companyId: string, address: string, client = alice) => {
      const response = await client.get(
        `/api/v1/companies/${companyId}/video-addresses/availability?address=${encodeURIComponent(address)}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    expect(await check(acme.id, " Someone.New ")).toEqual({
      address: "someone.new@acme.video.example.com",
      available: true,
      problems: [],
    });
    const taken = await check(acme.id, "bob.baker");
    expect(taken).toMatchObject({ address: "bob.baker@acme.video.example.com", available: false });
    expect(taken.problems.map((p: { rule: string }) => p.rule)).toEqual(["taken"]);
    const room = await check(acme.id, "bob.baker.vmr@acme.video.example.com");
    expect(room.problems.map((p: { rule: string }) => p.rule)).toEqual(["taken"]);
    expect((await check(acme.id, "bob")).problems.map((p: { rule: string }) => p.rule)).toEqual([
      "too_short",
    ]);
    expect((await check(acme.id, "x@globex.example")).problems.map((p: { rule: string }) => p.rule)).toEqual([
      "too_short",
      "domain",
    ]);
    expect((await check(acme.id, "")).problems.map((p: { rule: string }) => p.rule)).toEqual(["required"]);

    const grace = await as("grace@globex.example");
    expect(await check(globex.id, "bo", grace)).toMatchObject({
      address: "bo@globex.example",
      available: true,
    });
    const missing = await alice.get(`/api/v1/companies/${acme.id}/video-addresses/availability`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ address: "Required." });
  });
});
