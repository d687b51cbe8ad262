import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoCompanies } from "../../../../test/helpers/demo.js";
import { invitationToken, rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import type { TestClient } from "../../../../test/helpers/test-client.js";
import { accounts, auditEvents, personalRooms } from "../../db/schema.js";

type Call = [method: "GET" | "POST" | "PATCH", url: string, body?: unknown];

/** Every endpoint of the members contract, aimed at one member of one company. */
const memberCalls = (companyId: string, memberId: string): Call[] => {
  const base = `/api/v1/companies/${companyId}`;
  return [
    ["GET", `${base}/members`],
    ["GET", `${base}/members.csv`],
    ["GET", `${base}/members/${memberId}`],
    ["PATCH", `${base}/members/${memberId}`, { fullName: "Taken Over" }],
    ["POST", `${base}/members/delete`, { ids: [memberId] }],
    ["POST", `${base}/members/${memberId}/password-reset`],
    ["GET", `${base}/invitations`],
    [
      "POST",
      `${base}/invitations`,
      { fullName: "Mallory", email: "mallory@evil.example", videoAddress: "mallory.evil", role: "admin" },
    ],
    ["POST", `${base}/invitations/resend`, { ids: [memberId] }],
    ["POST", `${base}/invitations/revoke`, { ids: [memberId] }],
    ["POST", `${base}/personal-rooms/host-pins`],
  ];
};

async function statuses(client: TestClient, calls: Call[]): Promise<string[]> {
  const answers: string[] = [];
  for (const [method, url, body] of calls) {
    answers.push(`${method} ${url} → ${(await client.request(method, url, body)).statusCode}`);
  }
  return answers;
}

const expectAll = (answers: string[], status: number) =>
  expect(answers).toEqual(answers.map((a) => a.replace(/→ \d+$/, `→ ${status}`)));

describe("who may see and change members", () => {
  const app = useTestApp();

  it("answers 401 to every endpoint without a session, whatever the input", async () => {
    const { acme, idOf } = await demoCompanies(app());
    const bob = await idOf("bob.baker@acme.example");
    const before = await rowCounts(app());
    expectAll(await statuses(app().client(), memberCalls(acme.id, bob)), 401);
    const garbage = await app().client().post(`/api/v1/companies/${acme.id}/invitations`, { nonsense: 1 });
    expect(garbage.statusCode).toBe(401);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("answers 403 to a member of the company, also about themself, and nothing changes", async () => {
    const { acme, as, idOf } = await demoCompanies(app());
    const bob = await as("bob.baker@acme.example");
    const before = await rowCounts(app());
    for (const target of ["bob.baker@acme.example", "dave.dunn@acme.example"]) {
      const answers = await statuses(bob, memberCalls(acme.id, await idOf(target)));
      expectAll(answers, 403);
    }
    const refused = await bob.get(`/api/v1/companies/${acme.id}/members`);
    expect(refused.json().error.code).toBe("FORBIDDEN");
    expect(await rowCounts(app())).toEqual(before);
  });

  it("company B's admin gets 404 for company A's members and invitations, and the rows stay as they were", async () => {
    const { companyA, companyB, partnerA } = await twoTenants(app());
    // Company A gets an invited member, so resend and revoke have a real target.
    const invited = await companyA.admin.post(`/api/v1/companies/${companyA.id}/invitations`, {
      fullName: "Ivy Invited",
      email: "ivy@alpha.example",
      videoAddress: "ivy.invited",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const ivyId = invited.json().member.id as string;
    const [adminA] = await app().db.select().from(accounts).where(eq(accounts.email, companyA.adminEmail));
    const snapshot = async () => ({
      counts: await rowCounts(app()),
      accounts: await app().db.select().from(accounts).where(eq(accounts.companyId, companyA.id)),
      rooms: await app().db.select().from(personalRooms).where(eq(personalRooms.companyId, companyA.id)),
    });
    const before = await snapshot();
    const ivyLink = await invitationToken(app(), "ivy@alpha.example");

    for (const target of [adminA?.id ?? "", ivyId]) {
      expectAll(await statuses(companyB.admin, memberCalls(companyA.id, target)), 404);
      // Company A's member through company B's own paths: not found either.
      const viaOwn = memberCalls(companyB.id, target).filter(([, url]) => url.includes(target));
      expectAll(await statuses(companyB.admin, viaOwn), 404);
    }
    expect(await snapshot()).toEqual(before);
    // Ivy's link still works: nothing was resent or revoked.
    expect((await app().client().get(`/api/v1/invitations/${ivyLink}`)).statusCode).toBe(200);
    // Company A's own admin and partner A's admin reach the same endpoints.
    expect((await companyA.admin.get(`/api/v1/companies/${companyA.id}/members`)).statusCode).toBe(200);
    expect((await partnerA.admin.get(`/api/v1/companies/${companyA.id}/members/${ivyId}`)).statusCode).toBe(
      200,
    );
  });

  it("partner B's admin gets 404 for every members endpoint of partner A's company", async () => {
    const { companyA, partnerB } = await twoTenants(app());
    const [adminA] = await app().db.select().from(accounts).where(eq(accounts.email, companyA.adminEmail));
    const before = await rowCounts(app());
    expectAll(await statuses(partnerB.admin, memberCalls(companyA.id, adminA?.id ?? "")), 404);
    expect(await rowCounts(app())).toEqual(before);
  });

  it("a partner admin and an operator act for the customer, audited as themselves", async () => {
    const { acme, operator, as, idOf } = await demoCompanies(app());
    const paul = await as("paul@northwind.example");
    const carol = await idOf("carol.chen@acme.example");
    const listed = await paul.get(`/api/v1/companies/${acme.id}/members`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().total).toBe(4);

    const renamed = await paul.request("PATCH", `/api/v1/companies/${acme.id}/members/${carol}`, {
      fullName: "Carol Chen-Smith",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const invited = await operator.post(`/api/v1/companies/${acme.id}/invitations`, {
      fullName: "Oscar Operatorinvited",
      email: "oscar@acme.example",
      videoAddress: "oscar.acme",
      role: "member",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    // Acting does not use a licence: only the invited member does.
    expect(invited.json().licences).toEqual({ used: 5, total: 25, remaining: 20 });

    const audits = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, acme.id), eq(auditEvents.action, "member.updated")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorKind: "partner_admin",
      actorName: "Paul Partner",
      targetId: carol,
    });
    const [invitedAudit] = await app()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.companyId, acme.id), eq(auditEvents.targetId, invited.json().member.id)));
    expect(invitedAudit).toMatchObject({ action: "account.invited", actorKind: "operator" });
  });
});
