import { normalisePin, pinProblems } from "../../../../domain/pin";
import type { OwnPersonalRoom, UpdateOwnRoomInput } from "../../../api/types";

/** Field names mirror the PATCH /me/personal-room body, so the server's fields land on them. */
export interface OwnRoomValues {
  name: string;
  hostPin: string;
  guestPin: string;
}

export const ROOM_NAME_MAX = 200;

export function ownRoomValues(room: OwnPersonalRoom): OwnRoomValues {
  return { name: room.name, hostPin: room.hostPin ?? "", guestPin: room.guestPin ?? "" };
}

/** The same rules the server applies (src/domain/pin.ts), shown while typing. */
export function ownRoomProblems(values: OwnRoomValues): Record<string, string | null> {
  const name = values.name.trim();
  const problems: Record<string, string | null> = {
    name: !name
      ? "Enter the room's name."
      : name.length > ROOM_NAME_MAX
        ? "Use at most 200 characters."
        : null,
    hostPin: null,
    guestPin: null,
  };
  for (const problem of pinProblems(values)) problems[problem.field] ??= problem.message;
  return problems;
}

const pinOrNull = (pin: string): string | null => normalisePin(pin) || null;

/** Only what changed, so an untouched PIN is never sent (nor overwrites an admin's change). */
export function changedRoomFields(values: OwnRoomValues, room: OwnPersonalRoom): UpdateOwnRoomInput {
  const input: UpdateOwnRoomInput = {};
  if (values.name.trim() !== room.name) input.name = values.name.trim();
  if (pinOrNull(values.hostPin) !== room.hostPin) input.hostPin = pinOrNull(values.hostPin);
  if (pinOrNull(values.guestPin) !== room.guestPin) input.guestPin = pinOrNull(values.guestPin);
  return input;
}
