import { normalisePin, pinProblems } from "../../../../domain/pin";
import { normaliseVideoAddress } from "../../../../domain/video-address";
import type { Company, CreateTeamRoomInput, TeamRoom, UpdateTeamRoomInput } from "../../../api/types";
import { addressLocalPartProblem } from "../../members/components/inviteMember";
import { addressParts } from "../../members/components/memberForm";

/** Field names mirror the API bodies, so the server's field paths land on the right inputs. */
export interface AddTeamRoomValues {
  name: string;
  /** Only the name part; the domain is chosen (or fixed) beside it. */
  videoAddress: string;
  domain: string;
  hostPin: string;
  guestPin: string;
}

export interface TeamRoomSettingsValues {
  name: string;
  addressLocalPart: string;
  hostPin: string;
  guestPin: string;
}

const ROOM_NAME_MAX = 200;

function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Enter the room's name.";
  return trimmed.length > ROOM_NAME_MAX ? `Use at most ${ROOM_NAME_MAX} characters.` : null;
}

/** The same PIN rules the server applies (src/domain/pin.ts), keyed by field. */
function pinFieldProblems(values: { hostPin: string; guestPin: string }) {
  const problems: Record<string, string | null> = { hostPin: null, guestPin: null };
  for (const problem of pinProblems(values)) problems[problem.field] ??= problem.message;
  return problems;
}

const pinOrNull = (pin: string): string | null => normalisePin(pin) || null;

export function initialAddValues(company: Pick<Company, "videoDomains">): AddTeamRoomValues {
  return { name: "", videoAddress: "", domain: company.videoDomains[0] ?? "", hostPin: "", guestPin: "" };
}

export function addRoomProblems(
  values: AddTeamRoomValues,
  company: Pick<Company, "hostedDomains">,
): Record<string, string | null> {
  return {
    name: nameProblem(values.name),
    videoAddress: addressLocalPartProblem(values.videoAddress, company.hostedDomains.includes(values.domain)),
    ...pinFieldProblems(values),
  };
}

export function toCreateInput(values: AddTeamRoomValues): CreateTeamRoomInput {
  return {
    name: values.name.trim(),
    videoAddress: `${normaliseVideoAddress(values.videoAddress)}@${values.domain}`,
    hostPin: pinOrNull(values.hostPin),
    guestPin: pinOrNull(values.guestPin),
  };
}

export function settingsValues(room: TeamRoom): TeamRoomSettingsValues {
  return {
    name: room.name,
    addressLocalPart: addressParts(room.videoAddress).local,
    hostPin: room.hostPin ?? "",
    guestPin: room.guestPin ?? "",
  };
}

export function settingsProblems(
  values: TeamRoomSettingsValues,
  room: TeamRoom,
  company: Pick<Company, "hostedDomains">,
): Record<string, string | null> {
  const hosted = company.hostedDomains.includes(addressParts(room.videoAddress).domain);
  return {
    name: nameProblem(values.name),
    addressLocalPart: addressLocalPartProblem(values.addressLocalPart, hosted),
    ...pinFieldProblems(values),
  };
}

/** Only what changed, so an untouched field never overwrites an owner's edit. */
export function changedSettings(values: TeamRoomSettingsValues, room: TeamRoom): UpdateTeamRoomInput {
  const before = settingsValues(room);
  const input: UpdateTeamRoomInput = {};
  if (values.name.trim() !== before.name) input.name = values.name.trim();
  const local = normaliseVideoAddress(values.addressLocalPart);
  if (local !== before.addressLocalPart) input.addressLocalPart = local;
  if (pinOrNull(values.hostPin) !== room.hostPin) input.hostPin = pinOrNull(values.hostPin);
  if (pinOrNull(values.guestPin) !== room.guestPin) input.guestPin = pinOrNull(values.guestPin);
  return input;
}
