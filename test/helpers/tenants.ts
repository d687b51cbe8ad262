import { count, desc, eq } from "drizzle-orm";
import {
  accounts,
  auditEvents,
  companies,
  companyDomains,
  invitations,
  outbox,
  partners,
  personalRooms,
  videoAddresses,
} from "../../src/server/db/schema.js";
import { completeSetup } from "./fixtures.js";
import type { TestApp } from "./test-app.js";
import type { TestClient } from "./test-client.js";

/**
 * Partners, companies and their admins, built through the API the way people build them: an
 * operator creates a partner and invites its admin, the admin accepts the emailed link, and so on.
 */
export const INVITEE_PASSWORD = "an invited passphrase";

/** The token in the newest invitation email to `email` (the outbox holds every email). */
export async function invitationToken(t: TestApp, email: string): Promise<string> {
  const [mail] = await t.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const token = mail?.textBody.match(/\/invitations\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation email to ${email}`);
  return token;
}

/** Accepts the invitation emailed to `email`; returns the new account's signed-in client. */
export async function acceptInvitation(t: TestApp, email: string): Promise<TestClient> {
  const client = t.client();
  const token = await invitationToken(t, email);
  const response = await client.post(`/api/v1/invitations/${token}/accept`, { password: INVITEE_PASSWORD });
  if (response.statusCode !== 200) throw new Error(`accept failed: ${response.statusCode} ${response.body}`);
  return client;
}

export interface TestPartner {
  id: string;
  name: string;
  admin: TestClient;
  adminEmail: string;
}

export async function createPartner(t: TestApp, operator: TestClient, name: string): Promise<TestPartner> {
  const created = await operator.post("/api/v1/partners", { name });
  if (created.statusCode !== 201) throw new Error(`partner: ${created.statusCode} ${created.body}`);
  const { id } = created.json() as { id: string };
  const adminEmail = `admin@${name.toLowerCase().replace(/\W+/g, "-")}.example`;
  const invited = await operator.post(`/api/v1/partners/${id}/admins`, {
    fullName: `${name} Admin`,
    email: adminEmail,
  });
  if (invited.statusCode !== 201) throw new Error(`partner admin: ${invited.statusCode} ${invited.body}`);
  return { id, name, admin: await acceptInvitation(t, adminEmail), adminEmail };
}

/** A CreateCompany body on the service subdomain; the first admin's address is a bare local part. */
export function companyBody(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `${slug[0]?.toUpperCase()}${slug.slice(1)} Inc`,
    slug,
    domainSetup: "service_subdomain",
    licences: 5,
    endpointSubscriptions: 2,
    timeZone: "Europe/Oslo",
    firstAdmin: {
      fullName: `Admin of ${slug}`,
      email: `admin@${slug}.example`,
      videoAddress: `admin.${slug}`,
    },
    ...overrides,
  };
}

export interface TestCompany {
  id: string;
  slug: string;
  partnerId: string;
  videoDomains: string[];
  admin: TestClient;
  adminEmail: string;
}

/** Creates a company through `client` (an operator or partner admin) and signs its first admin in. */
export async function createCompany(
  t: TestApp,
  client: TestClient,
  partnerId: string,
  slug: string,
  overrides: Record<string, unknown> = {},
): Promise<TestCompany> {
  const body = companyBody(slug, overrides);
  const created = await client.post(`/api/v1/partners/${partnerId}/companies`, body);
  if (created.statusCode !== 201) throw new Error(`company: ${created.statusCode} ${created.body}`);
  const company = created.json() as { id: string; videoDomains: string[] };
  return {
    id: company.id,
    slug,
    partnerId,
    videoDomains: company.videoDomains,
    admin: await acceptInvitation(t, body.firstAdmin.email),
    adminEmail: body.firstAdmin.email,
  };
}

/** Setup done, and two partners A and B, each with a signed-in admin and one company with its admin. */
export async function twoTenants(t: TestApp) {
  const operator = await completeSetup(t);
  const partnerA = await createPartner(t, operator, "Alpha Partners");
  const partnerB = await createPartner(t, operator, "Beta Partners");
  const companyA = await createCompany(t, partnerA.admin, partnerA.id, "alpha-co");
  const companyB = await createCompany(t, partnerB.admin, partnerB.id, "beta-co");
  return { operator, partnerA, partnerB, companyA, companyB };
}

/** How many rows each table a company change writes to holds — to check that nothing changed. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = {
    partners,
    companies,
    companyDomains,
    accounts,
    videoAddresses,
    personalRooms,
    invitations,
    outbox,
    auditEvents,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    counts[name] = (await t.db.select({ n: count() }).from(table))[0]?.n ?? -1;
  }
  return counts;
}
