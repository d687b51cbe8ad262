import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client.js";
import { claimVideoAddress } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import type { SystemActor } from "../auth/actor.js";
import { insertTeamRoom, replaceRoomOwners } from "./team-rooms.repository.js";
import type { OwnerMode } from "./team-rooms.schemas.js";

/** A seeded team room as `confero seed-demo --json` prints it. */
export interface SeededTeamRoom {
  id: string;
  companyId: string;
  name: string;
  videoAddress: string;
  hostPin: string | null;
  guestPin: string | null;
  ownerMode: OwnerMode;
  /** The chosen owners' emails (mode "chosen"). */
  owners: string[];
}

interface DemoRoomSpec {
  company: string;
  name: string;
  local: string;
  hostPin: string | null;
  guestPin: string | null;
  ownerMode: OwnerMode;
  owners: string[];
}

/**
 * Acme: "Jupiter" controlled by Bob (chosen), "Meeting Room 6" by every member. Globex: the
 * "Boardroom", administrators only. Three licences in all, well within the demo's 25 each.
 */
const DEMO_ROOMS: DemoRoomSpec[] = [
  {
    company: "acme",
    name: "Jupiter",
    local: "jupiter.room",
    hostPin: "4821",
    guestPin: "7305",
    ownerMode: "chosen",
    owners: ["bob.baker@acme.example"],
  },
  {
    company: "acme",
    name: "Meeting Room 6",
    local: "meeting.room6",
    hostPin: null,
    guestPin: null,
    ownerMode: "all_members",
    owners: [],
  },
  {
    company: "globex",
    name: "Boardroom",
    local: "boardroom",
    hostPin: "9146",
    guestPin: null,
    ownerMode: "admins",
    owners: [],
  },
];

/**
 * Adds the demo's team rooms inside the seed's transaction: each address in the registry, the
 * chosen owners, and an audit record, as an admin adding them would leave them.
 */
export async function seedDemoTeamRooms(
  tx: Db,
  actor: SystemActor,
  companies: readonly { id: string; slug: string; videoDomains: string[] }[],
  accountIds: ReadonlyMap<string, string>,
): Promise<SeededTeamRoom[]> {
  const seeded: SeededTeamRoom[] = [];
  for (const spec of DEMO_ROOMS) {
    const company = companies.find((c) => c.slug === spec.company);
    const domain = company?.videoDomains[0];
    if (!company || !domain) continue;
    const id = randomUUID();
    const videoAddress = `${spec.local}@${domain}`;
    await claimVideoAddress(
      tx,
      { address: videoAddress, companyId: company.id, ownerType: "team_room", ownerId: id },
      "videoAddress",
    );
    await insertTeamRoom(tx, {
      id,
      companyId: company.id,
      name: spec.name,
      address: videoAddress,
      hostPin: spec.hostPin,
      guestPin: spec.guestPin,
      ownerMode: spec.ownerMode,
    });
    const ownerIds = spec.owners.map((email) => accountIds.get(email)).filter((v): v is string => !!v);
    await replaceRoomOwners(tx, company.id, id, ownerIds);
    await recordAudit(tx, actor, {
      action: "team_room.created",
      target: { type: "team_room", id },
      companyId: company.id,
      after: {
        name: spec.name,
        videoAddress,
        hostPin: spec.hostPin ? "set" : "not set",
        guestPin: spec.guestPin ? "set" : "not set",
      },
    });
    seeded.push({ id, companyId: company.id, name: spec.name, videoAddress, ...pick(spec) });
  }
  return seeded;
}

const pick = ({ hostPin, guestPin, ownerMode, owners }: DemoRoomSpec) => ({
  hostPin,
  guestPin,
  ownerMode,
  owners,
});
