import { emailProblem, normaliseEmail } from "../../../../domain/email";
import { normalisePin, pinProblems } from "../../../../domain/pin";
import { normaliseVideoAddress, splitVideoAddress } from "../../../../domain/video-address";
import type { Company, Member, MemberRole, UpdateMemberInput } from "../../../api/types";
import { addressLocalPartProblem } from "./inviteMember";

/** Field names mirror the PATCH body, so the server's field paths land on the right inputs. */
export interface MemberFormValues {
  fullName: string;
  email: string;
  videoAddressLocalPart: string;
  role: MemberRole;
  personalRoom: { name: string; addressLocalPart: string; hostPin: string; guestPin: string };
}

export function addressParts(address: string): { local: string; domain: string } {
  return splitVideoAddress(address) ?? { local: address, domain: "" };
}

export function memberFormValues(member: Member): MemberFormValues {
  const room = member.personalRoom;
  return {
    fullName: member.fullName,
    email: member.email,
    videoAddressLocalPart: addressParts(member.videoAddress).local,
    role: member.role,
    personalRoom: {
      name: room?.name ?? "",
      addressLocalPart: room ? addressParts(room.address).local : "",
      hostPin: room?.hostPin ?? "",
      guestPin: room?.guestPin ?? "",
    },
  };
}

export function memberFormProblems(
  values: MemberFormValues,
  member: Member,
  company: Pick<Company, "hostedDomains">,
): Record<string, string | null> {
  const hosted = (address: string) => company.hostedDomains.includes(addressParts(address).domain);
  const problems: Record<string, string | null> = {
    fullName: values.fullName.trim() ? null : "Enter the member's full name.",
    email: emailProblem(normaliseEmail(values.email)),
    videoAddressLocalPart: addressLocalPartProblem(values.videoAddressLocalPart, hosted(member.videoAddress)),
  };
  const room = member.personalRoom;
  if (!room) return problems;
  problems["personalRoom.name"] = values.personalRoom.name.trim() ? null : "Enter the room's name.";
  problems["personalRoom.addressLocalPart"] = addressLocalPartProblem(
    values.personalRoom.addressLocalPart,
    hosted(room.address),
  );
  problems["personalRoom.hostPin"] = null;
  problems["personalRoom.guestPin"] = null;
  for (const problem of pinProblems(values.personalRoom)) {
    problems[`personalRoom.${problem.field}`] ??= problem.message;
  }
  return problems;
}

const pinOrNull = (pin: string): string | null => normalisePin(pin) || null;

/** Only what changed, so an untouched field never overwrites someone else's edit. */
export function changedFields(values: MemberFormValues, member: Member): UpdateMemberInput {
  const before = memberFormValues(member);
  const input: UpdateMemberInput = {};
  if (values.fullName.trim() !== before.fullName) input.fullName = values.fullName.trim();
  if (normaliseEmail(values.email) !== before.email) input.email = normaliseEmail(values.email);
  const local = normaliseVideoAddress(values.videoAddressLocalPart);
  if (local !== before.videoAddressLocalPart) input.videoAddressLocalPart = local;
  if (values.role !== before.role) input.role = values.role;
  if (!member.personalRoom) return input;

  const room: NonNullable<UpdateMemberInput["personalRoom"]> = {};
  const typed = values.personalRoom;
  if (typed.name.trim() !== before.personalRoom.name) room.name = typed.name.trim();
  const roomLocal = normaliseVideoAddress(typed.addressLocalPart);
  if (roomLocal !== before.personalRoom.addressLocalPart) room.addressLocalPart = roomLocal;
  if (pinOrNull(typed.hostPin) !== member.personalRoom.hostPin) room.hostPin = pinOrNull(typed.hostPin);
  if (pinOrNull(typed.guestPin) !== member.personalRoom.guestPin) room.guestPin = pinOrNull(typed.guestPin);
  if (Object.keys(room).length > 0) input.personalRoom = room;
  return input;
}
