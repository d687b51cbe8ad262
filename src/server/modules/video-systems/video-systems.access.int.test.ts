import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowCounts, twoTenants } from "../../../../test/helpers/tenants.js";
import { useTestApp } from "../../../../test/helpers/test-app.js";
import { TestClient } from "../../../../test/helpers/test-client.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { videoSystems } from "../../db/schema.js";

type Call = [method: "GET" | "POST" | "PATCH", url: string, body?: unknown, csv?: boolean];

const FILE = "username,video_domain,display_name\nintruder.one,alpha-co.video.example.com,Intruder\n";

/** Every video-system endpoint, aimed at one system (and one member) of one company. */
const calls = (companyId: string, systemId: string, memberId: string): Call[] => {
  const base = `/api/v1/companies/${companyId}/video-systems`;
  return [
    ["GET", base],
    ["POST", base, { name: "Intruder", videoAddress: "intruder.system" }],
    ["GET", `${base}/${systemId}`],
    ["PATCH", `${base}/${systemId}`, { name: "Taken over" }],
    ["POST", `${base}/delete`, { ids: [systemId] }],
    ["POST", `${base}/bulk/preview`, FILE, true],
    ["POST", `${base}/bulk`, FILE, true],
    ["GET", `/api/v1/companies/${companyId}/members/${memberId}/video-systems`],
  ];
};

async function statuses(client: TestClient, list: Call[]): Promise<string[]> {
  const answers: string[] = [];
  for (const [method, url, body, csv] of list) {
    const headers: Record<string, string> = csv ? { "content-type": "text/csv" } : {};
    answers.push(`${method} ${url} → ${(await client.request(method, url, body, headers)).statusCode}`);
  }
  return answers;
}

const expectAll = (answers: string[], status: number) =>
  expect(answers).toEqual(answers.map((a) => a.replace(/→ \d+$/, `→ ${status}`)));

describe(`who may see and change video systems (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  const setup = async () => {
    const tenants = await twoTenants(app());
    const { companyA, partnerA } = tenants;
    const created = await partnerA.admin.post(`/api/v1/companies/${companyA.id}/video-systems`, {
      name: "Alpha room",
      videoAddress: "alpha.room",
      serialNumber: "A-1",
    });
    expect(created.statusCode, created.body).toBe(201);
    const me = await companyA.admin.get("/api/v1/me");
    return { ...tenants, systemId: created.json().id as string, adminId: me.json().id as string };
  };

  const snapshot = async (companyId: string) => ({
    counts: await rowCounts(app()),
    systems: await app().db.select().from(videoSystems).where(eq(videoSystems.companyId, companyId)),
  });

  it("answers 404 to another company's admin and partner, and nothing changes", async () => {
    const { companyA, companyB, partnerB, systemId, adminId } = await setup();
    const before = await snapshot(companyA.id);
    expectAll(await statuses(companyB.admin, calls(companyA.id, systemId, adminId)), 404);
    expectAll(await statuses(partnerB.admin, calls(companyA.id, systemId, adminId)), 404);
    // Company A's system through company B's own path is unknown too.
    expect(
      (await companyB.admin.get(`/api/v1/companies/${companyB.id}/video-systems/${systemId}`)).statusCode,
    ).toBe(404);
    const patched = await partnerB.admin.request(
      "PATCH",
      `/api/v1/companies/${companyB.id}/video-systems/${systemId}`,
      {
        name: "x",
      },
    );
    expect(patched.statusCode).toBe(404);
    const deleted = await partnerB.admin.post(`/api/v1/companies/${companyB.id}/video-systems/delete`, {
      ids: [systemId],
    });
    expect(deleted.statusCode).toBe(404);
    expect(await snapshot(companyA.id)).toEqual(before);
  });

  it("answers 401 without a session", async () => {
    const { companyA, systemId, adminId } = await setup();
    const anonymous = new TestClient(app().app);
    expectAll(await statuses(anonymous, calls(companyA.id, systemId, adminId)), 401);
  });

  it("lets the operator act for any company", async () => {
    const { operator, companyA } = await setup();
    const created = await operator.post(`/api/v1/companies/${companyA.id}/video-systems`, {
      name: "By operator",
      videoAddress: "operator.room",
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it("answers 400 for ids that are not ids", async () => {
    const { companyA } = await setup();
    const response = await companyA.admin.get(`/api/v1/companies/${companyA.id}/video-systems/not-an-id`);
    expect(response.statusCode).toBe(400);
  });
});
