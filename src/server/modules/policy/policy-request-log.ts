/** One policy request Infinity made of this instance, and what Confero answered. */
export interface PolicyRequestEntry {
  id: number;
  /** When the answer was sent (ISO 8601). */
  at: string;
  /** The request path, without the query string. */
  path: string;
  /** The raw (URL-encoded) query string, may be ""; cut at MAX_QUERY_LENGTH characters. */
  query: string;
  status: number;
  /** The JSON body Confero answered, with every `password` in its `result` hidden. */
  answer: unknown;
  durationMs: number;
}

export const DEFAULT_LOG_CAPACITY = 1000;
export const MAX_QUERY_LENGTH = 2000;
export const HIDDEN = "(hidden)";

/** What the request path hands over: the time as a number (formatted only when an operator looks). */
export type PolicyRequestRecord = Omit<PolicyRequestEntry, "id" | "at"> & { atMs: number };

interface Slot {
  record: PolicyRequestRecord & { id: number };
  /** The entry as operators see it: built on the first search, not per request. */
  entry?: PolicyRequestEntry;
  /** Lower-cased path, decoded query and answer JSON: built on the first search, not per request. */
  haystack?: string;
}

/**
 * The last `capacity` policy requests of this instance, in memory, for operators tracing why
 * Infinity routed a call as it did. Recording is O(1) on the request path (a ring buffer, no
 * serialisation); searching is for a person and may walk the whole buffer. It never keeps SIP
 * passwords: every non-empty `password` in an answer's `result` is replaced before it is stored.
 */
export class PolicyRequestLog {
  private readonly slots: (Slot | undefined)[];
  /** The id the next entry gets; also how many have been recorded since start. */
  private nextId = 1;

  constructor(readonly capacity = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error("capacity must be a positive integer");
    this.slots = new Array<Slot | undefined>(capacity);
  }

  record(record: PolicyRequestRecord): void {
    const id = this.nextId++;
    this.slots[(id - 1) % this.capacity] = {
      record: {
        id,
        atMs: record.atMs,
        path: record.path,
        query:
          record.query.length > MAX_QUERY_LENGTH ? record.query.slice(0, MAX_QUERY_LENGTH) : record.query,
        status: record.status,
        answer: redactAnswer(record.answer),
        durationMs: record.durationMs,
      },
    };
  }

  /** Newest first; `q` matches the path, the decoded query or the answer JSON, ignoring case. */
  search(options: { q?: string; limit?: number } = {}): PolicyRequestEntry[] {
    const limit = Math.max(1, Math.min(options.limit ?? 100, this.capacity));
    const needle = options.q?.trim().toLowerCase() ?? "";
    const found: PolicyRequestEntry[] = [];
    const oldest = Math.max(1, this.nextId - this.capacity);
    for (let id = this.nextId - 1; id >= oldest && found.length < limit; id--) {
      const slot = this.slots[(id - 1) % this.capacity];
      if (!slot) continue;
      if (needle && !haystackOf(slot).includes(needle)) continue;
      found.push(entryOf(slot));
    }
    return found;
  }
}

function entryOf(slot: Slot): PolicyRequestEntry {
  const { atMs, ...rest } = slot.record;
  slot.entry ??= { ...rest, at: new Date(atMs).toISOString() };
  return slot.entry;
}

function haystackOf(slot: Slot): string {
  const { record } = slot;
  slot.haystack ??= [record.path, decodeQuery(record.query), JSON.stringify(record.answer) ?? ""]
    .join("\n")
    .toLowerCase();
  return slot.haystack;
}

/** `local_alias=sip%3Aalice%40…&q=ali+jo` → `local_alias=sip:alice@…&q=ali jo`, whatever its encoding. */
export function decodeQuery(query: string): string {
  const spaced = query.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A malformed escape (or one cut by truncation): decode what can be decoded.
    return spaced.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * The answer with every `password` inside `result` hidden: a copy where something is hidden, the
 * answer itself where nothing is (most answers: no copy on the request path).
 */
function redactAnswer(answer: unknown): unknown {
  if (!isRecord(answer) || !("result" in answer)) return answer;
  const result = redact(answer.result, 0);
  return result === answer.result ? answer : { ...answer, result };
}

const MAX_DEPTH = 8;

function redact(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) {
    if (depth > MAX_DEPTH) return HIDDEN;
    const items = value.map((item) => redact(item, depth + 1));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (!isRecord(value)) return value;
  if (depth > MAX_DEPTH) return HIDDEN;
  let copy: Record<string, unknown> | null = null;
  for (const key in value) {
    const item = value[key];
    // An empty password ("allow without authentication") says nothing secret and is kept.
    const kept = key === "password" && item !== "" ? HIDDEN : redact(item, depth + 1);
    if (kept !== item) {
      copy ??= { ...value };
      copy[key] = kept;
    }
  }
  return copy ?? value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
