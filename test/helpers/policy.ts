import { eq } from "drizzle-orm";
import { accounts, videoSystems } from "../../src/server/db/schema.js";
import { completeSetup } from "./fixtures.js";
import { acceptInvitation, createCompany, createPartner, type TestCompany } from "./tenants.js";
import type { TestApp } from "./test-app.js";
import type { TestClient } from "./test-client.js";
import { insertVideoSystem } from "./video-systems.js";

/**
 * Infinity's own query strings (pexip-infinity.md §1), in its order, with its `True`/`False`
 * and empty `key=` values; `overrides` replace or add parameters (undefined drops one).
 */
export function infinityCallQuery(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    call_direction: "dial_in",
    protocol: "sip",
    bandwidth: "0",
    vendor: "Cisco/CE",
    encryption: "On",
    registered: "False",
    trigger: "invite",
    remote_display_name: "Alice",
    remote_alias: "sip:alice@example.com",
    remote_address: "10.44.151.5",
    remote_port: "58435",
    call_tag: "",
    idp_uuid: "",
    has_authenticated_display_name: "False",
    supports_direct_media: "False",
    teams_tenant_id: "",
    location: "London",
    node_ip: "10.144.101.21",
    version_id: "35",
    pseudo_version_id: "77683.0.0",
    local_alias: "meet.bob",
    ...overrides,
  };
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

export async function askPolicy(
  t: TestApp,
  path: string,
  query: string,
  headers: Record<string, string> = {},
) {
  return t.app.inject({ method: "GET", url: `/policy/v1${path}?${query}`, headers });
}

export interface PolicyWorld {
  operator: TestClient;
  company: TestCompany;
  domain: string;
  /** The company's first admin: own address, personal room. */
  admin: { id: string; address: string; room: string; email: string };
  /** An active member with PINs on their room and a twinned video system. */
  mia: { id: string; address: string; room: string; email: string; client: TestClient };
  board: { id: string; address: string };
  lobby: { id: string; address: string };
  miaDesk: { id: string; address: string };
  other: TestCompany;
  otherDomain: string;
}

/** A company with people, rooms and video systems as Infinity would meet them, and a second company. */
export async function policyWorld(t: TestApp): Promise<PolicyWorld> {
  const operator = await completeSetup(t);
  const partner = await createPartner(t, operator, "Alpha Partners");
  const company = await createCompany(t, partner.admin, partner.id, "alpha-co", { licences: 10 });
  const other = await createCompany(t, partner.admin, partner.id, "beta-co");
  const domain = company.videoDomains[0] as string;
  const base = `/api/v1/companies/${company.id}`;
  const invited = await company.admin.post(`${base}/invitations`, {
    fullName: "Mia Hansen",
    email: "mia@alpha.example",
    videoAddress: "mia.hansen",
    role: "member",
  });
  if (invited.statusCode !== 201) throw new Error(`invite: ${invited.statusCode} ${invited.body}`);
  const miaId = invited.json().member.id as string;
  const client = await acceptInvitation(t, "mia@alpha.example");
  const pins = await company.admin.request("PATCH", `${base}/members/${miaId}`, {
    personalRoom: { hostPin: "4821", guestPin: "9315" },
  });
  if (pins.statusCode !== 200) throw new Error(`pins: ${pins.statusCode} ${pins.body}`);
  const room = await company.admin.post(`${base}/team-rooms`, {
    name: "Board room",
    videoAddress: "board.room",
    hostPin: "1357",
  });
  if (room.statusCode !== 201) throw new Error(`team room: ${room.statusCode} ${room.body}`);
  const [adminRow] = await t.db.select().from(accounts).where(eq(accounts.email, company.adminEmail));
  if (!adminRow?.videoAddress) throw new Error("no admin");
  const lobby = await insertVideoSystem(t, company.id, { name: "Lobby", address: `lobby.alpha@${domain}` });
  const miaDesk = await insertVideoSystem(t, company.id, {
    name: "Mia's desk",
    address: `mia.desk@${domain}`,
  });
  await t.db.update(videoSystems).set({ twinnedAccountId: miaId }).where(eq(videoSystems.id, miaDesk.id));
  return {
    operator,
    company,
    domain,
    admin: {
      id: adminRow.id,
      address: adminRow.videoAddress,
      room: `admin.alpha-co.vmr@${domain}`,
      email: company.adminEmail,
    },
    mia: {
      id: miaId,
      address: `mia.hansen@${domain}`,
      room: `mia.hansen.vmr@${domain}`,
      email: "mia@alpha.example",
      client,
    },
    board: { id: room.json().room.id as string, address: `board.room@${domain}` },
    lobby: { id: lobby.id, address: lobby.address },
    miaDesk: { id: miaDesk.id, address: miaDesk.address },
    other,
    otherDomain: other.videoDomains[0] as string,
  };
}

/**
 * Runs a change, then waits until every given instance has heard of it: a change reaches each
 * instance's policy cache by NOTIFY, a moment after it commits (policy-cache.ts). Fails if one
 * never does.
 */
export async function policyChange<T>(apps: TestApp | TestApp[], change: () => Promise<T>): Promise<T> {
  const instances = Array.isArray(apps) ? apps : [apps];
  const before = instances.map((t) => t.services.policyCache.drops);
  const result = await change();
  const heard = await Promise.all(
    instances.map((t, i) => t.services.policyCache.droppedSince(before[i] ?? 0)),
  );
  if (heard.includes(false)) throw new Error("a policy change was not heard within 2 s");
  return result;
}
