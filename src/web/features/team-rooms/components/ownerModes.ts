import type { TeamRoomOwnerMode, TeamRoomSummary } from "../../../api/types";

export const OWNER_MODE_LABELS: Record<TeamRoomOwnerMode, string> = {
  admins: "Only administrators",
  all_members: "All users",
  chosen: "Chosen members",
};

/** What the list's Owners column says: the mode, or the chosen members by name. */
export function ownersText(room: Pick<TeamRoomSummary, "ownerMode" | "owners">): string {
  if (room.ownerMode !== "chosen") return OWNER_MODE_LABELS[room.ownerMode];
  if (room.owners.length === 0) return "Only administrators (no members chosen)";
  return room.owners.map((owner) => owner.fullName).join(", ");
}
