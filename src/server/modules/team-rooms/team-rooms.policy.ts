import type { AccountActor } from "../auth/actor.js";
import type { OwnerMode } from "./team-rooms.schemas.js";

/**
 * Team rooms (shared VMRs) — the rules others build on:
 *
 * - A team room belongs to one company and uses ONE of its licences, counted by `companyUsage`
 *   (companies.repository.ts) like a member. Creating one locks the company row (`lockCompany`)
 *   before counting, so two admins adding at once cannot pass the total; deleting frees it.
 * - Its address is in the one registry (`video_addresses`, owner_type "team_room"), unique across
 *   the service. The domain is one of the company's video domains and never changes after
 *   creation; the name part can. PINs follow `src/domain/pin.ts`; easy-to-guess ones are warnings.
 * - Owners control a room (name and PINs, from "My rooms"), never its address or its owners.
 *   The company's admins always control every room. Besides them, `owner_mode` says who else:
 *   "admins" — nobody; "all_members" — every member of the company; "chosen" — the members in
 *   `team_room_owners`. Owners are always members of the room's company (checked under the
 *   company lock); deleting a member removes them from every room (foreign key cascade).
 *   The policy server gives an owner's own registered device the host role without a PIN.
 * - Partner admins and operators act as the company's admins on the admin endpoints (audited as
 *   themselves, no licence), but own no rooms: "My rooms" is for the company's own people.
 * - Audit entries show PINs as "set" / "not set" (or "changed"), never their digits.
 */

export const OWNERS_NEED_CHOSEN_MODE = "Members can only be chosen with the mode “Chosen members”.";

/** Whether the actor is one of the company's own admins (who control every room). */
export function isOwnCompanyAdmin(actor: AccountActor, companyId: string): boolean {
  return actor.kind === "member" && actor.companyId === companyId && actor.role === "admin";
}

/**
 * Whether a signed-in account may control the room from "My rooms": its company's admins always,
 * members by the room's owner mode; partner admins and operators never (they act as admins on the
 * company's pages instead).
 */
export function controlsRoom(
  actor: AccountActor,
  room: { companyId: string; ownerMode: OwnerMode },
  isChosen: boolean,
): boolean {
  if (actor.kind !== "member" || actor.companyId !== room.companyId) return false;
  if (actor.role === "admin") return true;
  if (room.ownerMode === "all_members") return true;
  return room.ownerMode === "chosen" && isChosen;
}

/** The chosen owners a mode keeps: only "chosen" has any; the others may not name members. */
export function ownersProblem(mode: OwnerMode, memberIds: readonly string[]): string | null {
  return mode !== "chosen" && memberIds.length > 0 ? OWNERS_NEED_CHOSEN_MODE : null;
}
