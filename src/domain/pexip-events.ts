/**
 * Infinity's event-sink envelopes (pexip-infinity.md §2), read defensively: Infinity is a real
 * client we cannot change, versions differ, and a broken event must never stop the ones behind
 * it. Pure: no I/O, never throws.
 */
export interface EventEnvelope {
  node: string;
  seq: number;
  version: number;
  /** Unix seconds (float), as Infinity sends it. */
  time: number;
  event: string;
  data: Record<string, unknown>;
}

export type EnvelopeReading = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/** Times outside this range are absurd for a call Confero could have routed. */
const EARLIEST = Date.UTC(2015, 0, 1) / 1000;
const LATEST_AHEAD_S = 24 * 3600;

export function isSaneTime(seconds: number, nowSeconds: number): boolean {
  return Number.isFinite(seconds) && seconds >= EARLIEST && seconds <= nowSeconds + LATEST_AHEAD_S;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One envelope: node, seq, version, time, event and data, each of the right kind. */
export function readEnvelope(raw: unknown, nowSeconds: number): EnvelopeReading {
  if (!isRecord(raw)) return { ok: false, reason: "an event must be a JSON object" };
  const { node, seq, version, time, event, data } = raw;
  if (typeof node !== "string" || node.length === 0 || node.length > 255)
    return { ok: false, reason: "node must be a non-empty string" };
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 0)
    return { ok: false, reason: "seq must be a whole number" };
  if (typeof time !== "number" || !isSaneTime(time, nowSeconds))
    return { ok: false, reason: "time must be Unix seconds between 2015 and tomorrow" };
  if (typeof event !== "string" || event.length === 0 || event.length > 100)
    return { ok: false, reason: "event must be a non-empty string" };
  const versionNumber = version === undefined ? 1 : version;
  if (typeof versionNumber !== "number") return { ok: false, reason: "version must be a number" };
  if (data !== undefined && data !== null && !isRecord(data) && event !== "eventsink_bulk")
    return { ok: false, reason: "data must be an object" };
  return {
    ok: true,
    envelope: { node, seq, version: versionNumber, time, event, data: isRecord(data) ? data : {} },
  };
}

/** The envelopes in a request body: one envelope, or the ones inside an `eventsink_bulk`. */
export function envelopesOf(body: unknown): unknown[] {
  if (isRecord(body) && body.event === "eventsink_bulk" && Array.isArray(body.data)) return body.data;
  if (Array.isArray(body)) return body;
  return [body];
}

/** Text of at most `max` characters, or null for anything that is not a non-empty string. */
export function textField(data: Record<string, unknown>, key: string, max = 250): string | null {
  const value = data[key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed.slice(0, max);
}

/** A time field (Unix seconds, float; sometimes sent as a numeric string), or null. */
export function timeField(data: Record<string, unknown>, key: string, nowSeconds: number): number | null {
  const value = data[key];
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof seconds === "number" && isSaneTime(seconds, nowSeconds) ? seconds : null;
}
