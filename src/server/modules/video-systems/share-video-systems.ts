import type { Db } from "../../db/client.js";
import { recordAudits } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import { shareSystemsOfMembers } from "./video-systems.repository.js";

/**
 * Deleting or revoking members makes their twinned video systems shared, in the caller's
 * transaction and BEFORE `deleteMembers` frees the members' addresses: a system that used its
 * member's address keeps it (it takes the member's registry row over). Audited per system.
 */
export async function shareVideoSystemsOf(
  tx: Db,
  actor: Actor,
  companyId: string,
  members: readonly { id: string; fullName: string }[],
): Promise<void> {
  const shared = await shareSystemsOfMembers(
    tx,
    companyId,
    members.map((m) => m.id),
  );
  const names = new Map(members.map((m) => [m.id, m.fullName]));
  await recordAudits(
    tx,
    actor,
    shared.map((system) => ({
      action: "video_system.updated",
      target: { type: "video_system", id: system.id },
      companyId,
      before: { name: system.name, twinnedMember: names.get(system.twinnedAccountId ?? "") ?? null },
      after: { name: system.name, twinnedMember: null },
    })),
  );
}
