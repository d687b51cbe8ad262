/**
 * How a call counts in a company's usage (pexip-infinity.md §3). The rules, in one place:
 * - A **call** is a leg that connected, into one of the company's services: each device's leg
 *   into a VMR (dial-ins and the room's dial-outs alike), and each point-to-point call once —
 *   Infinity reports a gateway call as two legs, the caller's (`in`) and the callee's (`out`);
 *   only the caller's counts. Legs still choosing a service (`connecting`, `two_stage_dialing`)
 *   and Infinity's test calls are not calls.
 * - Its **minutes** are the leg's duration, and the whole call counts on the day it connected
 *   (in the company's time zone), also when it runs past midnight.
 * - A call counts for the room it was in (VMRs), for the people on it (Users: the member called,
 *   the personal room's owner, the calling member or the member a calling video system is
 *   twinned to) and for the video systems on it (Endpoints: the system called, the calling one).
 * - **Room minutes** are the union of the time each VMR had a conference running on any node,
 *   counted on the day each stretch began; a personal VMR's room minutes also count for its owner.
 */
export type UsageDimension = "total" | "vmr" | "user" | "endpoint";

export interface UsageKey {
  dimension: UsageDimension;
  key: string;
}

export interface LegParties {
  targetKind: "personal_room" | "team_room" | "member" | "video_system" | null;
  targetId: string | null;
  /** The personal room's owner, when the target is a personal room. */
  roomOwnerId: string | null;
  callerKind: "member" | "video_system" | null;
  callerId: string | null;
  /** The member a calling video system is twinned to. */
  callerPersonId: string | null;
}

const NOT_CALLS: readonly string[] = ["connecting", "two_stage_dialing", "test_call"];

export function isCountedLeg(leg: { serviceType: string; direction: string | null }): boolean {
  if (NOT_CALLS.includes(leg.serviceType)) return false;
  return !(leg.serviceType === "gateway" && leg.direction === "out");
}

/** Every usage row a call adds to, each once. */
export function callKeys(parties: LegParties): UsageKey[] {
  const keys = new Map<string, UsageKey>();
  const add = (dimension: UsageDimension, key: string | null) => {
    if (key !== null) keys.set(`${dimension}:${key}`, { dimension, key });
  };
  add("total", "");
  const { targetKind, targetId } = parties;
  if (targetKind === "personal_room" || targetKind === "team_room") add("vmr", targetId);
  if (targetKind === "member") add("user", targetId);
  if (targetKind === "video_system") add("endpoint", targetId);
  add("user", parties.roomOwnerId);
  if (parties.callerKind === "member") add("user", parties.callerId);
  if (parties.callerKind === "video_system") add("endpoint", parties.callerId);
  add("user", parties.callerPersonId);
  return [...keys.values()];
}

/** Every usage row a room's minutes add to. */
export function roomKeys(roomId: string, ownerId: string | null): UsageKey[] {
  const keys: UsageKey[] = [
    { dimension: "total", key: "" },
    { dimension: "vmr", key: roomId },
  ];
  if (ownerId) keys.push({ dimension: "user", key: ownerId });
  return keys;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) a moment falls on in a time zone (UTC for an unknown zone). */
export function dayIn(timeZone: string, at: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone: "UTC",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    }
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Merges [start, end] into sorted, disjoint intervals; returns the union and how much it grew. */
export function mergeInterval(
  existing: Array<{ start: number; end: number }>,
  added: { start: number; end: number },
): { merged: { start: number; end: number }; grewBy: number } {
  let start = added.start;
  let end = added.end;
  let covered = 0;
  for (const interval of existing) {
    start = Math.min(start, interval.start);
    end = Math.max(end, interval.end);
    covered += interval.end - interval.start;
  }
  return { merged: { start, end }, grewBy: end - start - covered };
}
