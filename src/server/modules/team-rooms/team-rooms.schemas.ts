import { z } from "zod";
import { fullName, id, listOf, pagination, searchText } from "../../lib/http-schemas.js";

export const OWNER_MODES = ["admins", "all_members", "chosen"] as const;
export const ownerMode = z.enum(OWNER_MODES);
export type OwnerMode = z.infer<typeof ownerMode>;

export const companyParams = z.strictObject({ companyId: id });
export const teamRoomParams = z.strictObject({ companyId: id, roomId: id });
export const ownRoomParams = z.strictObject({ roomId: id });

export const teamRoomListQuery = z.strictObject({ q: searchText, ...pagination });
export type TeamRoomListInput = z.infer<typeof teamRoomListQuery>;

/** A room name: also its name in the directory and in calls. */
const roomName = fullName;

/** A PIN, or null / "" to remove it; the rules are checked on the pair (`planRoomSettings`). */
const pin = z
  .string()
  .max(100, "Too long.")
  .transform((value) => value.trim())
  .nullable();

/** As typed: trimmed and lowercased; the address rules are checked with the company's domains. */
const addressInput = z
  .string()
  .max(320, "Too long.")
  .transform((value) => value.trim().toLowerCase());

export const createTeamRoomBody = z.strictObject({
  name: roomName,
  /** A full address on one of the company's video domains, or a bare name part (first domain). */
  videoAddress: addressInput,
  hostPin: pin.optional(),
  guestPin: pin.optional(),
});
export type CreateTeamRoomInput = z.infer<typeof createTeamRoomBody>;

export const updateTeamRoomBody = z.strictObject({
  name: roomName.optional(),
  /** The name part only: the domain is fixed once the room exists. */
  addressLocalPart: addressInput.optional(),
  hostPin: pin.optional(),
  guestPin: pin.optional(),
});
export type UpdateTeamRoomInput = z.infer<typeof updateTeamRoomBody>;

/** What an owner may change from "My rooms": not the address, not the owners. */
export const updateOwnTeamRoomBody = z.strictObject({
  name: roomName.optional(),
  hostPin: pin.optional(),
  guestPin: pin.optional(),
});
export type UpdateOwnTeamRoomInput = z.infer<typeof updateOwnTeamRoomBody>;

export const setOwnersBody = z.strictObject({
  mode: ownerMode,
  /** The chosen members (mode "chosen"); must be empty for the other modes. */
  memberIds: z.array(id).max(500, "Choose at most 500 members.").default([]),
});
export type SetOwnersInput = z.infer<typeof setOwnersBody>;

export const teamRoomIdsBody = z.strictObject({
  ids: z
    .array(id)
    .min(1, "Choose at least one team room.")
    .max(500, "Choose at most 500 team rooms at once."),
});

const owner = z.object({ id: z.string(), fullName: z.string() }).meta({ id: "TeamRoomOwner" });

export const teamRoomSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    videoAddress: z.string(),
    hostPinSet: z.boolean(),
    guestPinSet: z.boolean(),
    ownerMode,
    /** The chosen members (mode "chosen"); empty otherwise. */
    owners: z.array(owner),
  })
  .meta({ id: "TeamRoomSummary" });

export const teamRoom = teamRoomSummary
  .extend({ hostPin: z.string().nullable(), guestPin: z.string().nullable(), createdAt: z.string() })
  .meta({ id: "TeamRoom" });

const licences = z.object({ used: z.number(), total: z.number(), remaining: z.number() });

export const teamRoomListResponse = listOf(teamRoomSummary).extend({ licences });
export const createTeamRoomResponse = z.object({ room: teamRoom, licences, warnings: z.array(z.string()) });
export const updateTeamRoomResponse = z.object({ room: teamRoom, warnings: z.array(z.string()) });
export const deleteTeamRoomsResponse = z.object({ deleted: z.number(), licences });

/** A room as its owner sees it under "My rooms": with its PINs, without its owners. */
export const ownTeamRoom = z
  .object({
    id: z.string(),
    name: z.string(),
    videoAddress: z.string(),
    hostPin: z.string().nullable(),
    guestPin: z.string().nullable(),
    companyId: z.string(),
  })
  .meta({ id: "OwnTeamRoom" });

export const ownRoomListQuery = z.strictObject({ q: searchText, ...pagination });
export const ownTeamRoomListResponse = listOf(ownTeamRoom);
export const updateOwnTeamRoomResponse = z.object({ room: ownTeamRoom, warnings: z.array(z.string()) });
