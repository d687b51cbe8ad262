import { eq } from "drizzle-orm";
import { accounts } from "../../src/server/db/schema.js";
import { twoTenants } from "./tenants.js";
import type { TestApp } from "./test-app.js";
import type { TestClient } from "./test-client.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A SCIM client: bearer token, application/scim+json bodies, as Entra ID and Okta send them. */
export function scimClient(t: TestApp, token: string) {
  const request = (method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/scim/v2${path}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: typeof body === "string" ? body : JSON.stringify(body) }),
    });
  return {
    get: (path: string) => request("GET", path),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      request("POST", path, body, headers),
    put: (path: string, body: unknown) => request("PUT", path, body),
    patch: (path: string, body: unknown) => request("PATCH", path, body),
    delete: (path: string) => request("DELETE", path),
  };
}
export type ScimTestClient = ReturnType<typeof scimClient>;

/** Creates a SCIM token for the company through the admin API; returns the secret. */
export async function createScimToken(admin: TestClient, companyId: string, name = "Entra ID") {
  const created = await admin.post(`/api/v1/companies/${companyId}/scim-tokens`, { name });
  if (created.statusCode !== 201) throw new Error(`scim token: ${created.statusCode} ${created.body}`);
  return created.json() as { token: { id: string; prefix: string }; secret: string; scimBaseUrl: string };
}

/** Two tenants, each with a SCIM token and its client. */
export async function scimWorld(t: TestApp) {
  const tenants = await twoTenants(t);
  const tokenA = await createScimToken(tenants.companyA.admin, tenants.companyA.id);
  const tokenB = await createScimToken(tenants.companyB.admin, tenants.companyB.id, "Okta");
  return {
    ...tenants,
    tokenA,
    tokenB,
    scimA: scimClient(t, tokenA.secret),
    scimB: scimClient(t, tokenB.secret),
    domainA: tenants.companyA.videoDomains[0] as string,
  };
}

export async function accountByEmail(t: TestApp, email: string) {
  const [row] = await t.db.select().from(accounts).where(eq(accounts.email, email));
  return row;
}

/** The user body Entra ID's provisioning service POSTs (its default attribute mappings). */
export function entraUser(userName: string, overrides: Record<string, unknown> = {}) {
  return {
    schemas: [
      "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    ],
    externalId: `entra-${userName}`,
    userName,
    active: true,
    displayName: "Jane Doe",
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: "Jane Doe", familyName: "Doe", givenName: "Jane" },
    title: "Engineer",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "R&D", employeeNumber: "42" },
    ...overrides,
  };
}

/** The user body Okta POSTs. */
export function oktaUser(userName: string, overrides: Record<string, unknown> = {}) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    name: { givenName: "Olly", familyName: "Okta" },
    emails: [{ primary: true, value: userName, type: "work" }],
    displayName: "Olly Okta",
    locale: "en-US",
    externalId: "00u1abcd",
    groups: [],
    password: "ignored-Passw0rd",
    active: true,
    ...overrides,
  };
}
