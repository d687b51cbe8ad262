/**
 * The calls of simulated Pexip Infinity traffic, planned from a seed: who calls which of the
 * company's addresses when (working hours and weekdays in the company's time zone), for how
 * long, over which protocols and nodes. Pure: the same seed gives the same calls, uuids and
 * times. traffic-events.ts turns them into what Infinity sends; traffic-simulator.ts sends it.
 */

// ------------------------------------------------------------------------------------------
// Seeded randomness
// ------------------------------------------------------------------------------------------

/** mulberry32: small, fast, and good enough to make traffic look random. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Items weighted by position: the first ones (busy rooms, busy people) come up most. */
  pickSkewed<T>(items: readonly T[]): T {
    const busiest = Math.max(1, Math.ceil(items.length * this.next() ** 2));
    const item = items[Math.floor(this.next() * busiest)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(this.next() * 4)] ?? "8";
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

// ------------------------------------------------------------------------------------------
// Planning calls
// ------------------------------------------------------------------------------------------

export type EntryKind = "room" | "person" | "system";

/** One of the company's addresses: a VMR to meet in, or a person's or video system's own address. */
export interface DirectoryEntry {
  alias: string;
  name: string;
  kind: EntryKind;
}

/** The fields of a service configuration answer that Infinity echoes in its events. */
export interface ServiceAnswer {
  serviceType: string;
  name: string;
  serviceTag: string;
}

export type Protocol = "WebRTC" | "SIP" | "H323" | "TEAMS";

export interface PlannedLeg {
  uuid: string;
  /** The caller's alias for legs in, the callee's for a gateway's leg out. */
  alias: string;
  displayName: string;
  protocol: Protocol;
  vendor: string;
  remoteAddress: string;
  /** A company member's or video system's device (registered with Infinity). */
  registered: boolean;
  node: string;
  direction: "in" | "out";
  role: "chair" | "guest";
  /** Unix seconds. */
  connectAt: number;
  endAt: number;
  disconnectReason: string;
}

export interface PlannedCall {
  id: number;
  kind: "meeting" | "point_to_point";
  /** What the first caller dialled: a room, or a person's or video system's own address. */
  dialled: DirectoryEntry;
  conversationId: string;
  /** In connect order; a point-to-point call has the caller's leg and the callee's. */
  legs: PlannedLeg[];
}

export type TrafficWindow =
  /** Calls spread over the `days` before `endAt` (Unix seconds), all ended by then. */
  | { kind: "history"; days: number; endAt: number }
  /** Calls from `startAt` at `ratePerMinute`; time runs `speed` times faster than the clock. */
  | { kind: "live"; startAt: number; ratePerMinute: number; speed: number };

export interface PlanOptions {
  seed: number;
  calls: number;
  directory: readonly DirectoryEntry[];
  /** The nodes' addresses (each names an event stream). */
  nodes: readonly string[];
  /** The company's time zone: working hours and weekends are its own. */
  timeZone: string;
  window: TrafficWindow;
}

export const MAX_CALL_SECONDS = 4 * 3600;
const MEDIAN_MEETING_SECONDS = 25 * 60;
const MEDIAN_DIRECT_SECONDS = 15 * 60;

const FIRST_NAMES = "Maria Jonas Aisha Kenji Laura Pedro Ingrid Omar Chloe Ravi".split(" ");
const LAST_NAMES = "Lopez Berg Okafor Tanaka Meyer Silva Nilsen Haddad Martin Iyer".split(" ");
const GUEST_DOMAINS = ["partner.example", "customer.example.org", "supplier.example.net"];
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0";
const VENDORS: Record<Protocol, readonly string[]> = {
  WebRTC: [CHROME, "Pexip Infinity Connect/3.1 (Macintosh; Mac OS X 14)"],
  SIP: ["Cisco/CE", "Poly/RealPresence", "Yealink VC800"],
  H323: ["Polycom HDX 8000", "TANDBERG (Tandberg 257)"],
  TEAMS: ["Microsoft Teams"],
};
const HANG_UPS = ["Call disconnected", "Remote disconnect", "Remote disconnect", "Disconnected by host"];

/** How busy each local hour is (0–23), and each weekday (Sunday first), relative to the busiest. */
const HOUR_LOAD = [
  0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 1, 1, 0.95, 0.6, 0.9, 0.95, 0.85, 0.65, 0.35, 0.15, 0.1,
  0.06, 0.04, 0.02, 0.01,
];
const WEEKDAY_LOAD = [0.08, 1, 1, 1, 0.95, 0.8, 0.12];

/** The calls, in start order. */
export function planCalls(options: PlanOptions): PlannedCall[] {
  const random = new Random(options.seed);
  const rooms = options.directory.filter((e) => e.kind === "room");
  const devices = options.directory.filter((e) => e.kind !== "room");
  if (rooms.length + devices.length === 0) throw new Error("the directory has no addresses to call");
  if (options.nodes.length === 0) throw new Error("at least one node");
  const planner = new CallPlanner(random, options, rooms, devices);
  const calls = startTimes(random, options).map((start, i) => planner.call(i + 1, start));
  // A history call moved back a week (see `call`) takes its place in time.
  calls.sort((a, b) => firstConnect(a) - firstConnect(b));
  calls.forEach((call, i) => {
    call.id = i + 1;
  });
  return calls;
}

/** When the call's first leg connects (Unix seconds): calls are planned and sent in this order. */
export function firstConnect(call: PlannedCall): number {
  return call.legs[0]?.connectAt ?? 0;
}

function startTimes(random: Random, options: PlanOptions): number[] {
  const { window } = options;
  const starts: number[] = [];
  if (window.kind === "live") {
    let at = window.startAt;
    for (let i = 0; i < options.calls; i++) {
      starts.push(at);
      // Poisson arrivals at the rate, in wall-clock seconds.
      at += (-Math.log(1 - random.next()) * 60) / window.ratePerMinute;
    }
    return starts;
  }
  const span = window.days * 86400;
  const from = window.endAt - span;
  while (starts.length < options.calls) {
    const at = from + random.next() * span;
    const { weekday, hour } = zonedParts(options.timeZone, at);
    if (random.next() < (HOUR_LOAD[hour] ?? 0) * (WEEKDAY_LOAD[weekday] ?? 0)) starts.push(Math.floor(at));
  }
  return starts.sort((a, b) => a - b);
}

class CallPlanner {
  private readonly people: readonly DirectoryEntry[];
  private readonly systems: readonly DirectoryEntry[];

  constructor(
    private readonly random: Random,
    private readonly options: PlanOptions,
    private readonly rooms: readonly DirectoryEntry[],
    private readonly devices: readonly DirectoryEntry[],
  ) {
    this.people = devices.filter((d) => d.kind === "person");
    this.systems = devices.filter((d) => d.kind === "system");
  }

  /** One of `list` not on the call yet (a few tries: lists are long, calls short), or null. */
  private untaken(list: readonly DirectoryEntry[], taken: Set<string>): DirectoryEntry | null {
    if (list.length === 0) return null;
    for (let i = 0; i < 4; i++) {
      const entry = this.random.pick(list);
      if (!taken.has(entry.alias)) return entry;
    }
    return null;
  }

  private get timeScale(): number {
    return this.options.window.kind === "live" ? 1 / this.options.window.speed : 1;
  }

  call(id: number, start: number): PlannedCall {
    const r = this.random;
    const direct = this.rooms.length === 0 || (this.devices.length > 0 && r.chance(0.25));
    const call = direct ? this.pointToPoint(id, start) : this.meeting(id, start);
    // History ends before `endAt`: a call that would still run then happened a week earlier.
    const { window } = this.options;
    if (window.kind === "history") {
      const end = Math.max(...call.legs.map((l) => l.endAt));
      const shift =
        end > window.endAt - 1 ? Math.ceil((end - window.endAt + 1) / (7 * 86400)) * 7 * 86400 : 0;
      for (const leg of call.legs) {
        leg.connectAt -= shift;
        leg.endAt -= shift;
      }
    }
    return call;
  }

  private duration(median: number): number {
    const seconds = Math.min(MAX_CALL_SECONDS, Math.max(30, this.random.logNormal(median, 0.8)));
    return seconds * this.timeScale;
  }

  private meeting(id: number, start: number): PlannedCall {
    const r = this.random;
    const room = r.pickSkewed(this.rooms);
    const length = this.duration(MEDIAN_MEETING_SECONDS);
    const count = Math.min(12, 2 + Math.floor(-Math.log(1 - r.next()) * 1.5));
    const nodes = this.options.nodes;
    const home = r.pick(nodes);
    const spread = nodes.length > 1 && count >= 3 && r.chance(0.2);
    const taken = new Set<string>();
    const legs: PlannedLeg[] = [];
    for (let i = 0; i < count; i++) {
      const late = i > 0 && r.chance(0.15);
      const join = i === 0 ? 0 : late ? r.next() * length * 0.5 : Math.abs(r.normal()) * 90 * this.timeScale;
      const stays = r.chance(0.75);
      const leave = stays ? length - r.next() * 120 * this.timeScale : join + r.next() * (length - join);
      const connectAt = start + Math.min(join, length * 0.9);
      const endAt = Math.max(connectAt + 10 * this.timeScale, start + leave);
      const node = spread && i > 0 && r.chance(0.5) ? r.pick(nodes) : home;
      legs.push({ ...this.caller(taken, i === 0), node, connectAt, endAt });
    }
    legs.sort((a, b) => a.connectAt - b.connectAt);
    return { id, kind: "meeting", dialled: room, conversationId: r.uuid(), legs };
  }

  private pointToPoint(id: number, start: number): PlannedCall {
    const r = this.random;
    const callee = r.pickSkewed(this.devices);
    const node = r.pick(this.options.nodes);
    const endAt = start + this.duration(MEDIAN_DIRECT_SECONDS);
    const caller = { ...this.caller(new Set([callee.alias]), true), node, connectAt: start, endAt };
    const calleeLeg: PlannedLeg = {
      uuid: r.uuid(),
      alias: callee.alias,
      displayName: callee.name,
      protocol: "SIP",
      vendor: r.pick(VENDORS.SIP),
      remoteAddress: privateAddress(r),
      registered: true,
      node,
      direction: "out",
      role: "guest",
      connectAt: start + 0.2,
      endAt: endAt + 0.2,
      disconnectReason: "Remote disconnect",
    };
    return {
      id,
      kind: "point_to_point",
      dialled: callee,
      conversationId: r.uuid(),
      legs: [caller, calleeLeg],
    };
  }

  /** Someone calling in: a member, one of the company's video systems, or a guest from outside. */
  private caller(taken: Set<string>, first: boolean): Omit<PlannedLeg, "node" | "connectAt" | "endAt"> {
    const r = this.random;
    const roll = r.next();
    const common = { uuid: r.uuid(), direction: "in" as const, disconnectReason: r.pick(HANG_UPS) };
    const own =
      roll < 0.45 ? this.untaken(this.people, taken) : roll < 0.65 ? this.untaken(this.systems, taken) : null;
    if (own) {
      taken.add(own.alias);
      const protocol: Protocol =
        own.kind === "person" ? (r.chance(0.65) ? "WebRTC" : "SIP") : r.chance(0.8) ? "SIP" : "H323";
      return {
        ...common,
        alias: own.alias,
        displayName: own.name,
        protocol,
        vendor: r.pick(VENDORS[protocol]),
        remoteAddress: privateAddress(r),
        registered: protocol !== "WebRTC",
        role: first || own.kind === "person" ? "chair" : "guest",
      };
    }
    const protocol = r.pick<Protocol>(["WebRTC", "WebRTC", "WebRTC", "SIP", "SIP", "H323", "TEAMS"]);
    const given = r.pick(FIRST_NAMES);
    const family = r.pick(LAST_NAMES);
    return {
      ...common,
      alias: `${given.toLowerCase()}.${family.toLowerCase()}@${r.pick(GUEST_DOMAINS)}`,
      displayName: `${given} ${family}`,
      protocol,
      vendor: r.pick(VENDORS[protocol]),
      remoteAddress: `203.0.113.${r.int(1, 254)}`,
      registered: false,
      role: first ? "chair" : "guest",
    };
  }
}

function privateAddress(random: Random): string {
  return `10.${random.int(20, 60)}.${random.int(0, 255)}.${random.int(2, 254)}`;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The weekday (0 = Sunday) and hour a moment has in a time zone (UTC for an unknown zone). */
export function zonedParts(timeZone: string, unixSeconds: number): { weekday: number; hour: number } {
  let format = partsFormats.get(timeZone);
  if (!format) {
    const options = { weekday: "short", hour: "numeric", hourCycle: "h23" } as const;
    try {
      format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
    }
    partsFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(unixSeconds * 1000));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(
    parts.find((p) => p.type === "weekday")?.value ?? "",
  );
  return { weekday, hour: Number(parts.find((p) => p.type === "hour")?.value ?? 0) % 24 };
}
