import { splitVideoAddress, videoAddressProblems } from "../../../domain/video-address.js";
import { type FieldProblems, ValidationError } from "../../errors.js";
import { addressRules, completeVideoAddress, type VideoDomains } from "../companies/company-video-domains.js";
import { planRoomSettings } from "../members/member-update.js";
import type { TeamRoomChanges, TeamRoomRow } from "./team-rooms.repository.js";
import type { CreateTeamRoomInput, UpdateTeamRoomInput } from "./team-rooms.schemas.js";

/** A new room as it will be stored, checked before the transaction. */
export interface NewRoomPlan {
  name: string;
  address: string;
  hostPin: string | null;
  guestPin: string | null;
  warnings: string[];
}

/** What a PATCH changes, with its audit trail (PINs as "set" / "not set" / "changed"). */
export interface RoomUpdatePlan {
  changes: TeamRoomChanges;
  warnings: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const NO_ROOM = { name: "", hostPin: null, guestPin: null };

/**
 * A new room: the address (a full one or a bare name part on the company's first domain) must
 * follow the address rules on one of the company's video domains; the PINs follow the same
 * rules as personal VMRs (`planRoomSettings`).
 */
export function planNewRoom(input: CreateTeamRoomInput, domains: VideoDomains): NewRoomPlan {
  const fields: FieldProblems = {};
  const address = completeVideoAddress(input.videoAddress, domains);
  const [problem] = videoAddressProblems(address, addressRules(domains));
  if (problem) fields.videoAddress = problem.message;
  const pins = planRoomSettings(NO_ROOM, { hostPin: input.hostPin, guestPin: input.guestPin }, "");
  Object.assign(fields, pins.fields);
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return {
    name: input.name,
    address,
    hostPin: pins.changes.hostPin ?? null,
    guestPin: pins.changes.guestPin ?? null,
    warnings: pins.warnings,
  };
}

/** A PIN replaced by another reads "changed": "set" → "set" would look like nothing happened. */
function markReplacedPins(before: Record<string, unknown>, after: Record<string, unknown>) {
  for (const key of ["hostPin", "guestPin"]) {
    if (before[key] === "set" && after[key] === "set") after[key] = "changed";
  }
}

/**
 * A room's name, PINs and (for admins only: the owners' body has no such field) the name part
 * of its address — the domain stays the one it was created with.
 */
export function planRoomUpdate(
  room: TeamRoomRow,
  input: UpdateTeamRoomInput,
  domains: VideoDomains | null,
): RoomUpdatePlan {
  const settings = planRoomSettings(room, input, "");
  const fields: FieldProblems = { ...settings.fields };
  const changes: TeamRoomChanges = { ...settings.changes };
  const before = { ...settings.before };
  const after = { ...settings.after };
  if (input.addressLocalPart !== undefined && domains) {
    const domain = splitVideoAddress(room.address)?.domain ?? "";
    const address = `${input.addressLocalPart}@${domain}`;
    const [problem] = videoAddressProblems(address, addressRules(domains));
    if (problem) fields.addressLocalPart = problem.message;
    else if (address !== room.address) {
      changes.address = address;
      before.videoAddress = room.address;
      after.videoAddress = address;
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  markReplacedPins(before, after);
  return { changes, warnings: settings.warnings, before, after };
}

/** How a new room appears in the audit trail. */
export function createdRoomAudit(plan: NewRoomPlan) {
  return {
    name: plan.name,
    videoAddress: plan.address,
    hostPin: plan.hostPin ? "set" : "not set",
    guestPin: plan.guestPin ? "set" : "not set",
  };
}
