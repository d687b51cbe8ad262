import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { completeSetup } from "../../../../test/helpers/fixtures.js";
import { companyBody, createPartner, type TestPartner } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import {
  accounts,
  auditEvents,
  companyDomains,
  invitations,
  outbox,
  personalRooms,
  videoAddresses,
} from "../../db/schema.js";

describe("creating a company", () => {
  const app = useTestApp();
  let partner: TestPartner;
  let operator: TestClient;

  const setUp = async () => {
    operator = await completeSetup(app());
    partner = await createPartner(app(), operator, "Alpha Partners");
  };
  const create = (body: unknown, client: TestClient = partner.admin, partnerId = partner.id) =>
    client.post(`/api/v1/partners/${partnerId}/companies`, body);

  it("creates the company, its domain, its invited first admin with a personal VMR, and the invitation", async () => {
    await setUp();
    const response = await create(
      companyBody("acme", {
        name: "Acme",
        firstAdmin: { fullName: "Alice Admin", email: "Alice@Acme.example", videoAddress: " Alice.Admin " },
      }),
    );
    expect(response.statusCode).toBe(201);
    const company = response.json();
    expect(company).toEqual({
      id: expect.any(String),
      name: "Acme",
      slug: "acme",
      partner: { id: partner.id, name: "Alpha Partners" },
      status: "trial",
      licences: { used: 1, total: 5 },
      endpointSubscriptions: { used: 0, total: 2 },
      memberCount: 1,
      teamRoomCount: 0,
      createdAt: expect.any(String),
      domainSetup: "service_subdomain",
      videoDomains: ["acme.video.example.com"],
      hostedDomains: [],
      vmrSuffix: ".vmr",
      hostPinOnAllPersonalRooms: false,
      timeZone: "Europe/Oslo",
      addressCountsByDomain: { "acme.video.example.com": 2 },
    });

    const db = app().db;
    expect(await db.select().from(companyDomains)).toMatchObject([
      { companyId: company.id, domain: "acme.video.example.com", kind: "service" },
    ]);
    const [admin] = await db.select().from(accounts).where(eq(accounts.email, "alice@acme.example"));
    expect(admin).toMatchObject({
      kind: "member",
      role: "admin",
      status: "invited",
      companyId: company.id,
      videoAddress: "alice.admin@acme.video.example.com",
      passwordHash: null,
    });
    const [room] = await db.select().from(personalRooms);
    expect(room).toMatchObject({
      companyId: company.id,
      accountId: admin?.id,
      name: "Alice Admin's room",
      address: "alice.admin.vmr@acme.video.example.com",
    });
    const registry = await db.select().from(videoAddresses).orderBy(videoAddresses.address);
    expect(registry.map((r) => [r.address, r.ownerType, r.ownerId])).toEqual([
      ["alice.admin.vmr@acme.video.example.com", "personal_room", room?.id],
      ["alice.admin@acme.video.example.com", "member", admin?.id],
    ]);
    const [invitation] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.accountId, admin?.id ?? ""));
    expect(invitation?.companyId).toBe(company.id);
    const mails = await db.select().from(outbox).where(eq(outbox.toAddress, "alice@acme.example"));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.companyId).toBe(company.id);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.companyId, company.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["account.invited", "company.created"]);
    expect(audit.find((a) => a.action === "company.created")).toMatchObject({
      actorKind: "partner_admin",
      after: { slug: "acme", licences: 5, firstAdmin: { email: "alice@acme.example" } },
    });

    // The operator sees it in the list of every company; the partner in its own list.
    const all = (await operator.get("/api/v1/companies?q=acm")).json();
    expect(all).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(all.items[0]).toMatchObject({ slug: "acme", licences: { used: 1, total: 5 }, memberCount: 1 });
    const mine = (await partner.admin.get(`/api/v1/partners/${partner.id}/companies?status=trial`)).json();
    expect(mine.total).toBe(1);
    const none = (await partner.admin.get(`/api/v1/partners/${partner.id}/companies?status=paid`)).json();
    expect(none.total).toBe(0);
    const counts = (await operator.get(`/api/v1/partners/${partner.id}`)).json();
    expect(counts).toMatchObject({ companyCount: 1, adminCount: 1 });
  });

  it("hosts custom domains, where a short address is fine", async () => {
    await setUp();
    const response = await create(
      companyBody("globex", {
        domainSetup: "hosted",
        hostedDomains: ["Globex.Example", "globex.test."],
        vmrSuffix: "-room",
        firstAdmin: { fullName: "Bo", email: "bo@globex.example", videoAddress: "bo@globex.test" },
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      domainSetup: "hosted",
      videoDomains: ["globex.example", "globex.test"],
      hostedDomains: ["globex.example", "globex.test"],
      vmrSuffix: "-room",
      addressCountsByDomain: { "globex.example": 0, "globex.test": 2 },
    });
    const [room] = await app().db.select().from(personalRooms);
    expect(room?.address).toBe("bo-room@globex.test");
  });

  it("puts service-root companies' addresses on the service's own domain", async () => {
    await setUp();
    const response = await create(
      companyBody("initech", {
        domainSetup: "service_root",
        firstAdmin: { fullName: "Ina", email: "ina@initech.example", videoAddress: "ina.initech" },
      }),
      operator,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      videoDomains: ["video.example.com"],
      addressCountsByDomain: { "video.example.com": 2 },
    });
    expect(await app().db.select().from(companyDomains)).toEqual([]);
  });
});
