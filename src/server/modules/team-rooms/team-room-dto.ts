import type { z } from "zod";
import type { RoomOwner, TeamRoomRow } from "./team-rooms.repository.js";
import type { ownTeamRoom, teamRoom, teamRoomSummary } from "./team-rooms.schemas.js";

/**
 * Team rooms leave only through these mappers. The list says whether PINs are set; the PINs
 * themselves go to the company's admins (one room) and to the room's owners ("My rooms").
 */
export type TeamRoomSummaryDto = z.infer<typeof teamRoomSummary>;
export type TeamRoomDto = z.infer<typeof teamRoom>;
export type OwnTeamRoomDto = z.infer<typeof ownTeamRoom>;

export function toTeamRoomSummary(row: TeamRoomRow, owners: RoomOwner[]): TeamRoomSummaryDto {
  return {
    id: row.id,
    name: row.name,
    videoAddress: row.address,
    hostPinSet: row.hostPin !== null,
    guestPinSet: row.guestPin !== null,
    ownerMode: row.ownerMode,
    owners: row.ownerMode === "chosen" ? owners : [],
  };
}

export function toTeamRoom(row: TeamRoomRow, owners: RoomOwner[]): TeamRoomDto {
  return {
    ...toTeamRoomSummary(row, owners),
    hostPin: row.hostPin,
    guestPin: row.guestPin,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toOwnTeamRoom(row: TeamRoomRow): OwnTeamRoomDto {
  return {
    id: row.id,
    name: row.name,
    videoAddress: row.address,
    hostPin: row.hostPin,
    guestPin: row.guestPin,
    companyId: row.companyId,
  };
}
