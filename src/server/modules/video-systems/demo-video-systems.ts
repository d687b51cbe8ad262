import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { newToken } from "../../lib/tokens.js";
import { claimVideoAddress } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import type { SystemActor } from "../auth/actor.js";
import { insertVideoSystem } from "./video-systems.repository.js";

/** A seeded video system as `confero seed-demo --json` prints it. */
export interface SeededVideoSystem {
  id: string;
  companyId: string;
  name: string;
  videoAddress: string;
  serialNumber: string | null;
  /** The email of the member it is twinned to; null when shared. */
  twinnedTo: string | null;
  usesMemberAddress: boolean;
}

interface DemoSystemSpec {
  company: string;
  name: string;
  /** The system's own address name part; null: it shares its member's address. */
  local: string | null;
  serialNumber: string | null;
  twinnedTo: string | null;
}

/**
 * Acme: two shared systems (Reception, Board room East) and Bob's desk twinned to Bob on his
 * own address. Globex: the shared Lobby and Hank's desk twinned to Hank with an address of its
 * own. Three and two of each company's ten endpoint subscriptions.
 */
const DEMO_SYSTEMS: DemoSystemSpec[] = [
  {
    company: "acme",
    name: "Reception",
    local: "reception.lobby",
    serialNumber: "ACME-RX-0001",
    twinnedTo: null,
  },
  { company: "acme", name: "Board room East", local: "boardroom.east", serialNumber: null, twinnedTo: null },
  {
    company: "acme",
    name: "Bob's desk",
    local: null,
    serialNumber: "ACME-DK-0002",
    twinnedTo: "bob.baker@acme.example",
  },
  { company: "globex", name: "Lobby", local: "lobby", serialNumber: "GLX-0001", twinnedTo: null },
  {
    company: "globex",
    name: "Hank's desk",
    local: "hank.desk",
    serialNumber: null,
    twinnedTo: "hank@globex.example",
  },
];

/**
 * Adds the demo's video systems inside the seed's transaction, as the partner adding them would
 * leave them: own addresses in the registry, twinned ones on their member, an audit record each.
 */
export async function seedDemoVideoSystems(
  tx: Db,
  actor: SystemActor,
  companies: readonly { id: string; slug: string; videoDomains: string[] }[],
  members: ReadonlyMap<string, { id: string; videoAddress: string | null }>,
): Promise<SeededVideoSystem[]> {
  const seeded: SeededVideoSystem[] = [];
  for (const spec of DEMO_SYSTEMS) {
    const company = companies.find((c) => c.slug === spec.company);
    const domain = company?.videoDomains[0];
    const member = spec.twinnedTo ? members.get(spec.twinnedTo) : undefined;
    if (!company || !domain || (spec.twinnedTo && !member)) continue;
    const id = randomUUID();
    const videoAddress = spec.local ? `${spec.local}@${domain}` : (member?.videoAddress ?? "");
    if (spec.local) {
      await claimVideoAddress(
        tx,
        { address: videoAddress, companyId: company.id, ownerType: "video_system", ownerId: id },
        "videoAddress",
      );
    }
    await insertVideoSystem(tx, {
      id,
      companyId: company.id,
      name: spec.name,
      address: videoAddress,
      serialNumber: spec.serialNumber,
      twinnedAccountId: member?.id ?? null,
      connectToken: newToken(),
    });
    await recordAudit(tx, actor, {
      action: "video_system.created",
      target: { type: "video_system", id },
      companyId: company.id,
      after: {
        name: spec.name,
        videoAddress,
        serialNumber: spec.serialNumber,
        usesMemberAddress: !spec.local,
      },
    });
    seeded.push({
      id,
      companyId: company.id,
      name: spec.name,
      videoAddress,
      serialNumber: spec.serialNumber,
      twinnedTo: spec.twinnedTo,
      usesMemberAddress: !spec.local,
    });
  }
  return seeded;
}
