import { pinProblems, pinWarnings } from "../../../domain/pin.js";
import { splitVideoAddress, videoAddressProblems } from "../../../domain/video-address.js";
import type { Db } from "../../db/client.js";
import { type FieldProblems, ValidationError } from "../../errors.js";
import { changeVideoAddress } from "../addresses/addresses.repository.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountRow } from "../auth/accounts.repository.js";
import type { Actor } from "../auth/actor.js";
import { addressRules, type VideoDomains } from "../companies/company-video-domains.js";
import type { PersonalRoomRow } from "../rooms/personal-rooms.repository.js";
import { type MemberRow, updateMemberAccount, updatePersonalRoom } from "./members.repository.js";
import type { UpdateMemberInput } from "./members.schemas.js";

type AccountChanges = Partial<Pick<AccountRow, "fullName" | "email" | "videoAddress" | "role">>;
type RoomChanges = Partial<Pick<PersonalRoomRow, "name" | "address" | "hostPin" | "guestPin">>;

/** What a PATCH changes, worked out and checked before the transaction. */
export interface MemberUpdatePlan {
  account: AccountChanges;
  room: RoomChanges;
  warnings: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const PIN_FIELDS = ["hostPin", "guestPin"] as const;
const PIN_LABELS = { hostPin: "Host PIN", guestPin: "Guest PIN" } as const;

/** PINs appear in the audit trail as "set" or "not set", never as digits. */
const pinState = (pin: string | null | undefined) => (pin ? "set" : "not set");

/** The new address with the same domain as `current`, or the problem with it. */
function withLocalPart(current: string, local: string, domains: VideoDomains) {
  const domain = splitVideoAddress(current)?.domain ?? "";
  const address = `${local}@${domain}`;
  const [problem] = videoAddressProblems(address, addressRules(domains));
  return { address, problem: problem?.message ?? null };
}

/** The name and PINs a personal room's owner or an admin asks for; PINs: "" or null removes one. */
export interface RoomSettingsInput {
  name?: string | undefined;
  hostPin?: string | null | undefined;
  guestPin?: string | null | undefined;
}

export interface RoomSettingsPlan {
  changes: Pick<RoomChanges, "name" | "hostPin" | "guestPin">;
  /** Problems keyed by `prefix` + field, e.g. `personalRoom.guestPin`. */
  fields: FieldProblems;
  warnings: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * A personal room's name and PINs, checked the one way for the admin's Members page and the
 * owner's own profile: the PIN rules apply to the pair as it will be stored, easy-to-guess
 * PINs are warnings, and the audit trail shows PINs as "set" / "not set" only.
 */
export function planRoomSettings(
  room: Pick<PersonalRoomRow, "name" | "hostPin" | "guestPin">,
  wanted: RoomSettingsInput,
  prefix: string,
): RoomSettingsPlan {
  const plan: RoomSettingsPlan = { changes: {}, fields: {}, warnings: [], before: {}, after: {} };
  const roomChange = <K extends keyof RoomSettingsPlan["changes"]>(
    key: K,
    value: RoomChanges[K] | undefined,
  ) => {
    if (value === undefined || value === room[key]) return;
    plan.changes[key] = value;
    const secret = key === "hostPin" || key === "guestPin";
    plan.before[`${prefix}${key}`] = secret ? pinState(room[key]) : room[key];
    plan.after[`${prefix}${key}`] = secret ? pinState(value) : value;
  };
  roomChange("name", wanted.name);
  const pins = {
    hostPin: wanted.hostPin === undefined ? room.hostPin : wanted.hostPin || null,
    guestPin: wanted.guestPin === undefined ? room.guestPin : wanted.guestPin || null,
  };
  if (wanted.hostPin !== undefined || wanted.guestPin !== undefined) {
    for (const problem of pinProblems(pins)) plan.fields[`${prefix}${problem.field}`] ??= problem.message;
    for (const key of PIN_FIELDS) {
      if (wanted[key] === undefined) continue;
      roomChange(key, pins[key]);
      for (const w of pinWarnings(pins[key] ?? "")) plan.warnings.push(`${PIN_LABELS[key]}: ${w.message}`);
    }
  }
  return plan;
}

export function planMemberUpdate(
  found: MemberRow,
  input: UpdateMemberInput,
  domains: VideoDomains,
): MemberUpdatePlan {
  const { account: current, room } = found;
  const fields: FieldProblems = {};
  const account: AccountChanges = {};
  const roomChanges: RoomChanges = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const change = <K extends keyof AccountChanges>(key: K, value: AccountChanges[K] | undefined) => {
    if (value === undefined || value === current[key]) return;
    account[key] = value;
    before[key] = current[key];
    after[key] = value;
  };

  change("fullName", input.fullName);
  change("email", input.email);
  change("role", input.role);
  if (input.videoAddressLocalPart !== undefined) {
    const next = withLocalPart(current.videoAddress ?? "", input.videoAddressLocalPart, domains);
    if (next.problem) fields.videoAddressLocalPart = next.problem;
    else change("videoAddress", next.address);
  }

  const warnings: string[] = [];
  if (input.personalRoom && !room) {
    fields.personalRoom = "This member has no personal room.";
  } else if (input.personalRoom && room) {
    const wanted = input.personalRoom;
    const settings = planRoomSettings(room, wanted, "personalRoom.");
    Object.assign(roomChanges, settings.changes);
    Object.assign(before, settings.before);
    Object.assign(after, settings.after);
    warnings.push(...settings.warnings);
    for (const [key, message] of Object.entries(settings.fields)) fields[key] ??= message;
    if (wanted.addressLocalPart !== undefined) {
      const next = withLocalPart(room.address, wanted.addressLocalPart, domains);
      if (next.problem) fields["personalRoom.addressLocalPart"] = next.problem;
      else if (next.address !== room.address) {
        roomChanges.address = next.address;
        before["personalRoom.address"] = room.address;
        after["personalRoom.address"] = next.address;
      }
    }
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return { account, room: roomChanges, warnings, before, after };
}

/** Writes the plan: addresses through the registry (409 on the field when taken), then the rows. */
export async function applyMemberUpdate(
  tx: Db,
  actor: Actor,
  companyId: string,
  found: MemberRow,
  plan: MemberUpdatePlan,
): Promise<void> {
  const memberId = found.account.id;
  if (plan.account.videoAddress) {
    await changeVideoAddress(
      tx,
      { companyId, ownerType: "member", ownerId: memberId },
      plan.account.videoAddress,
      "videoAddressLocalPart",
    );
  }
  if (found.room && plan.room.address) {
    await changeVideoAddress(
      tx,
      { companyId, ownerType: "personal_room", ownerId: found.room.id },
      plan.room.address,
      "personalRoom.addressLocalPart",
    );
  }
  await updateMemberAccount(tx, companyId, memberId, plan.account);
  if (found.room) await updatePersonalRoom(tx, companyId, found.room.id, plan.room);
  if (Object.keys(plan.after).length === 0) return;
  await recordAudit(tx, actor, {
    action: "member.updated",
    target: { type: "account", id: memberId },
    companyId,
    before: plan.before,
    after: plan.after,
  });
}
