import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { parseServiceTag } from "../../../domain/service-tag.js";

/**
 * Call traffic as Pexip Infinity produces it (pexip-infinity.md): for each call leg a service
 * configuration request, then the event-sink envelopes of every node the call touched —
 * `conference_started`/`conference_ended` per node, and per participant `participant_connected`
 * (still `connecting`), `participant_updated` (in the service) and `participant_disconnected`.
 * The first half is pure and seeded (the same seed, the same calls, uuids and times); the
 * second half drives a running Confero over HTTP. `confero simulate-calls` and `seed-demo`'s
 * call history both use it, and so do the event-sink benches.
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
    return this.pick(items.slice(0, Math.max(1, Math.ceil(items.length * this.next() ** 2))));
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

function firstConnect(call: PlannedCall): number {
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
  constructor(
    private readonly random: Random,
    private readonly options: PlanOptions,
    private readonly rooms: readonly DirectoryEntry[],
    private readonly devices: readonly DirectoryEntry[],
  ) {}

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
    const free = this.devices.filter((d) => !taken.has(d.alias));
    const people = free.filter((d) => d.kind === "person");
    const systems = free.filter((d) => d.kind === "system");
    const roll = r.next();
    const common = { uuid: r.uuid(), direction: "in" as const, disconnectReason: r.pick(HANG_UPS) };
    const own =
      roll < 0.45 && people.length > 0
        ? r.pick(people)
        : roll < 0.65 && systems.length > 0
          ? r.pick(systems)
          : null;
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

// ------------------------------------------------------------------------------------------
// What Infinity asks and sends
// ------------------------------------------------------------------------------------------

const LOCATIONS = ["London", "Oslo", "New York", "Singapore", "Sydney", "Frankfurt"];

export function locationOf(nodes: readonly string[], node: string): string {
  return LOCATIONS[Math.max(0, nodes.indexOf(node)) % LOCATIONS.length] ?? "location 1";
}

/** Infinity's service configuration query for a leg dialling in, parameters in its order (§1). */
export function policyQuery(call: PlannedCall, leg: PlannedLeg, location: string): string {
  const protocol = leg.protocol.toLowerCase();
  const remote =
    leg.protocol === "SIP"
      ? `sip:${leg.alias}`
      : leg.protocol === "WebRTC" && !leg.registered
        ? leg.displayName
        : leg.alias;
  const dialled = leg.protocol === "SIP" ? `sip:${call.dialled.alias}` : call.dialled.alias;
  const trigger = { WebRTC: "web", SIP: "invite", H323: "setup", TEAMS: "web" }[leg.protocol];
  const params: Array<[string, string]> = [
    ["call_direction", "dial_in"],
    ["protocol", protocol],
    ["bandwidth", "0"],
    ["vendor", leg.vendor],
    ["encryption", "On"],
    ["registered", leg.registered ? "True" : "False"],
    ["trigger", trigger],
    ["remote_display_name", leg.displayName],
    ["remote_alias", remote],
    ["remote_address", leg.remoteAddress],
    ["remote_port", String(leg.protocol === "H323" ? 1720 : 5061)],
    ["call_tag", ""],
    ["idp_uuid", ""],
    ["has_authenticated_display_name", "False"],
    ["supports_direct_media", leg.protocol === "WebRTC" ? "True" : "False"],
    ["teams_tenant_id", ""],
    ["location", location],
    ["node_ip", leg.node],
    ["version_id", "35"],
    ["pseudo_version_id", "77683.0.0"],
    ["local_alias", dialled],
  ];
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

/** An event without its envelope's seq (given when a node sends it). */
export interface TimedEvent {
  node: string;
  time: number;
  event: string;
  data: Record<string, unknown>;
}

export interface Envelope extends TimedEvent {
  seq: number;
  version: number;
}

/** Every event of a call as Infinity routed it; conferences start and end on each node used. */
export function renderCall(call: PlannedCall, answer: ServiceAnswer, nodes: readonly string[]): TimedEvent[] {
  const events: TimedEvent[] = [];
  const conference = (node: string, start: number): Record<string, unknown> => ({
    name: answer.name,
    tag: answer.serviceTag,
    service_type: answer.serviceType,
    start_time: start,
    is_locked: false,
    guests_muted: false,
    is_started: true,
    system_location: locationOf(nodes, node),
  });
  for (const node of new Set(call.legs.map((l) => l.node))) {
    const here = call.legs.filter((l) => l.node === node);
    const start = Math.min(...here.map((l) => l.connectAt)) - 0.4;
    const end = Math.max(...here.map((l) => l.endAt)) + 0.3;
    events.push({ node, time: start, event: "conference_started", data: conference(node, start) });
    events.push({
      node,
      time: end,
      event: "conference_ended",
      data: { ...conference(node, start), end_time: end },
    });
  }
  for (const leg of call.legs) events.push(...legEvents(call, leg, answer, nodes));
  return events.sort((a, b) => a.time - b.time);
}

function legEvents(call: PlannedCall, leg: PlannedLeg, answer: ServiceAnswer, nodes: readonly string[]) {
  const outgoing = leg.direction === "out";
  const caller = call.legs[0];
  const port = leg.protocol === "H323" ? ":1720" : "";
  const common = {
    protocol: leg.protocol,
    is_presenting: false,
    conversation_id: call.kind === "point_to_point" ? call.conversationId : leg.uuid,
    media_node: leg.node,
    conference: answer.name,
    source_alias: outgoing ? (caller?.alias ?? "") : leg.protocol === "SIP" ? `sip:${leg.alias}` : leg.alias,
    display_name: leg.displayName,
    uuid: leg.uuid,
    signalling_node: leg.node,
    call_id: leg.uuid,
    role: leg.role,
    destination_alias: outgoing ? `sip:${leg.alias}` : `${call.dialled.alias}${port}`,
    is_streaming: false,
    is_muted: false,
    remote_address: leg.remoteAddress,
    has_media: true,
    system_location: locationOf(nodes, leg.node),
    call_direction: leg.direction,
    vendor: leg.vendor,
    encryption: "On",
  };
  const inService = { ...common, connect_time: leg.connectAt, service_tag: answer.serviceTag };
  const dialling = outgoing ? answer.serviceType : "connecting";
  const setup = outgoing ? 0.6 : 1.5 + ((leg.connectAt * 7) % 3);
  return [
    {
      node: leg.node,
      time: leg.connectAt - setup,
      event: "participant_connected",
      data: {
        ...common,
        connect_time: null,
        service_tag: outgoing ? answer.serviceTag : "",
        service_type: dialling,
      },
    },
    {
      node: leg.node,
      time: leg.connectAt,
      event: "participant_updated",
      data: { ...inService, service_type: answer.serviceType },
    },
    {
      node: leg.node,
      time: leg.endAt,
      event: "participant_disconnected",
      data: {
        ...inService,
        service_type: answer.serviceType,
        duration: leg.endAt - leg.connectAt,
        end_time: leg.endAt,
        disconnect_reason: leg.disconnectReason,
      },
    },
  ];
}

/**
 * Each node's own `seq`, counting from 1 after the `eventsink_started` it sends first, as its
 * event sink does after a restart. `envelopes` takes one node's events in the order it sends.
 */
export class NodeSequencer {
  private readonly seqs = new Map<string, number>();

  constructor(private readonly version: 1 | 2 = 2) {}

  envelopes(events: readonly TimedEvent[]): Envelope[] {
    const out: Envelope[] = [];
    for (const e of events) {
      let seq = this.seqs.get(e.node);
      if (seq === undefined) {
        seq = 1;
        out.push({
          node: e.node,
          seq,
          version: this.version,
          time: e.time - 1,
          event: "eventsink_started",
          data: {},
        });
      }
      this.seqs.set(e.node, seq + 1);
      out.push({ ...e, seq: seq + 1, version: this.version });
    }
    return out;
  }
}

/** Events split into each node's stream, in time order (stable), with the nodes' seq. */
export function streamsByNode(events: readonly TimedEvent[], version: 1 | 2 = 2): Map<string, Envelope[]> {
  const byNode = new Map<string, TimedEvent[]>();
  for (const e of events) {
    const list = byNode.get(e.node);
    if (list) list.push(e);
    else byNode.set(e.node, [e]);
  }
  const sequencer = new NodeSequencer(version);
  const streams = new Map<string, Envelope[]>();
  for (const [node, list] of byNode) {
    const sorted = list.map((e, i) => ({ e, i })).sort((a, b) => a.e.time - b.e.time || a.i - b.i);
    streams.set(node, sequencer.envelopes(sorted.map((x) => x.e)));
  }
  return streams;
}

/** The nodes' addresses, as Infinity's Conferencing Nodes would be numbered. */
export function nodeAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.44.99.${11 + i}`);
}

/** Envelopes cut into `eventsink_bulk` bodies of at most `size` events. */
export function bulkBodies(node: string, envelopes: readonly Envelope[], size: number, version = 2) {
  const bodies = [];
  for (let i = 0; i < envelopes.length; i += size) {
    const data = envelopes.slice(i, i + size);
    const last = data[data.length - 1];
    bodies.push({ node, seq: last?.seq ?? 0, version, time: last?.time ?? 0, event: "eventsink_bulk", data });
  }
  return bodies;
}

// ------------------------------------------------------------------------------------------
// Driving a running Confero over HTTP, as Infinity's nodes would
// ------------------------------------------------------------------------------------------

export interface BasicAuth {
  username: string;
  password: string;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  ms: number;
}

/** Keep-alive HTTP(S) to one Confero: the policy API and the event sink, each with its basic auth. */
export class ConferoClient {
  private readonly base: URL;
  private readonly agent: HttpAgent;

  constructor(
    url: string,
    private readonly auth: { policy?: BasicAuth | null; sink?: BasicAuth | null } = {},
  ) {
    this.base = new URL(url);
    const Agent = this.base.protocol === "https:" ? HttpsAgent : HttpAgent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  }

  policy(path: string, query: string): Promise<HttpAnswer> {
    return this.send("GET", `/policy/v1/${path}?${query}`, this.auth.policy ?? null);
  }

  postEvents(body: unknown): Promise<HttpAnswer> {
    return this.send("POST", "/events/v1/pexip", this.auth.sink ?? null, JSON.stringify(body));
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, auth: BasicAuth | null, body?: string): Promise<HttpAnswer> {
    const started = performance.now();
    const headers: Record<string, string> = { accept: "application/json" };
    if (auth)
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    const target = new URL(path, this.base);
    const request = this.base.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        target,
        { method, headers, agent: this.agent, timeout: 10_000 },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {}
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
      req.on("error", reject);
      req.end(body);
    });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A routed answer's service (status success with a result naming one), or null. */
export function serviceAnswerOf(answer: HttpAnswer): ServiceAnswer | null {
  const body = answer.body;
  if (answer.status !== 200 || !isRecord(body) || body.status !== "success" || !isRecord(body.result))
    return null;
  const { service_type, name, service_tag } = body.result;
  if (typeof service_type !== "string" || typeof name !== "string") return null;
  return { serviceType: service_type, name, serviceTag: typeof service_tag === "string" ? service_tag : "" };
}

/** The company's directory as Infinity's directory request shows it to `companyAlias` (≤ 100). */
export async function fetchDirectory(
  client: ConferoClient,
  companyAlias: string,
  node: string,
): Promise<Array<{ alias: string; name: string }>> {
  const query = `q=&registration_alias=${encodeURIComponent(companyAlias)}&limit=100&location=London&node_ip=${node}&pseudo_version_id=77683.0.0&version_id=35`;
  const answer = await client.policy("registrations", query);
  const result = isRecord(answer.body) ? answer.body.result : null;
  if (answer.status !== 200 || !Array.isArray(result))
    throw new Error(`directory request answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return result
    .filter(isRecord)
    .map((e) => ({ alias: String(e.alias), name: String(e.description ?? e.alias) }));
}

/**
 * What each address is, from Confero's own answer to a probe call: a `conference` is a room, a
 * `gateway` a person or (by its service tag) a video system. Addresses Confero does not route
 * are left out.
 */
export async function classifyAliases(
  client: ConferoClient,
  aliases: ReadonlyArray<{ alias: string; name?: string }>,
  node: string,
): Promise<{ entries: DirectoryEntry[]; requests: number; errors: number }> {
  let errors = 0;
  const entries = await mapLimit(aliases, 8, async ({ alias, name }) => {
    const probe: PlannedCall = {
      id: 0,
      kind: "meeting",
      dialled: { alias, name: name ?? alias, kind: "room" },
      conversationId: "",
      legs: [],
    };
    const leg: PlannedLeg = {
      uuid: "",
      alias: "simulator@simulator.invalid",
      displayName: "Traffic simulator",
      protocol: "SIP",
      vendor: "Confero simulate-calls",
      remoteAddress: "192.0.2.1",
      registered: false,
      node,
      direction: "in",
      role: "guest",
      connectAt: 0,
      endAt: 0,
      disconnectReason: "",
    };
    try {
      const answer = serviceAnswerOf(
        await client.policy("service/configuration", policyQuery(probe, leg, "London")),
      );
      if (!answer) return null;
      const tagged = parseServiceTag(answer.serviceTag);
      const kind: EntryKind =
        answer.serviceType === "conference" ? "room" : tagged?.kind === "video_system" ? "system" : "person";
      return { alias, name: name ?? alias, kind };
    } catch {
      errors += 1;
      return null;
    }
  });
  return {
    entries: entries.filter((e): e is DirectoryEntry => e !== null),
    requests: aliases.length,
    errors,
  };
}

export interface SendFigures {
  requests: number;
  events: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: number;
  /** Per request: one event each, or one bulk body. */
  latenciesMs: number[];
  firstError: string | null;
}

export function emptyFigures(): SendFigures {
  return {
    requests: 0,
    events: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    errors: 0,
    latenciesMs: [],
    firstError: null,
  };
}

/**
 * POSTs one body as a node does: waits for the answer, and retries what failed (a network error,
 * 429 or 5xx) a few times before giving up on it.
 */
export async function postAsNode(client: ConferoClient, body: unknown, events: number, figures: SendFigures) {
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    try {
      const answer = await client.postEvents(body);
      figures.requests += 1;
      figures.latenciesMs.push(answer.ms);
      if (answer.status >= 200 && answer.status < 300) {
        const counts = isRecord(answer.body) ? answer.body : {};
        figures.events += events;
        figures.accepted += Number(counts.accepted ?? 0);
        figures.duplicates += Number(counts.duplicates ?? 0);
        figures.rejected += Number(counts.rejected ?? 0);
        return;
      }
      failure = `event sink answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`;
      if (answer.status !== 429 && answer.status < 500) attempt = RETRIES;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (attempt >= RETRIES) {
      figures.errors += 1;
      figures.firstError ??= failure;
      return;
    }
    await sleep(200 * 2 ** attempt);
  }
}

const RETRIES = 3;
export const DEFAULT_BULK_SIZE = 100;

/** Each node's stream sent in order — one event per request, or bulk bodies — all nodes at once. */
export async function sendStreams(
  client: ConferoClient,
  streams: ReadonlyMap<string, readonly Envelope[]>,
  options: { bulkSize?: number | null; version?: number } = {},
): Promise<SendFigures> {
  const figures = emptyFigures();
  await Promise.all(
    [...streams].map(async ([node, envelopes]) => {
      if (options.bulkSize) {
        for (const body of bulkBodies(node, envelopes, options.bulkSize, options.version))
          await postAsNode(client, body, body.data.length, figures);
      } else {
        for (const envelope of envelopes) await postAsNode(client, envelope, 1, figures);
      }
    }),
  );
  return figures;
}

export interface SimulationOptions {
  url: string;
  policyAuth?: BasicAuth | null;
  sinkAuth?: BasicAuth | null;
  nodes: number;
  calls: number;
  seed: number;
  version: 1 | 2;
  bulk: boolean;
  timeZone: string;
  mode: { kind: "history"; days: number } | { kind: "live"; ratePerMinute: number; speed: number };
  /** The company's addresses (and names); or `companyAlias`, whose directory is read. */
  aliases?: ReadonlyArray<{ alias: string; name?: string }>;
  companyAlias?: string;
  /** Stops a live run early: no new calls, events not yet due are dropped. */
  signal?: AbortSignal;
}

export interface SimulationSummary {
  mode: "history" | "live";
  url: string;
  seed: number;
  nodes: number;
  version: number;
  bulk: boolean;
  directory: { rooms: number; people: number; videoSystems: number };
  calls: number;
  routedCalls: number;
  unroutedCalls: number;
  legs: number;
  policyRequests: number;
  policyErrors: number;
  events: number;
  requests: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: number;
  firstError: string | null;
  /** Events left unsent when a live run was stopped. */
  abandonedEvents: number;
  seconds: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p99: number };
}

/** The whole run: read the directory, plan the calls, ask the policy API, send the events. */
export async function simulateCalls(options: SimulationOptions): Promise<SimulationSummary> {
  const client = new ConferoClient(options.url, { policy: options.policyAuth, sink: options.sinkAuth });
  const nodes = nodeAddresses(options.nodes);
  const firstNode = nodes[0] ?? "10.44.99.11";
  const started = performance.now();
  try {
    const aliases =
      options.aliases ??
      (options.companyAlias ? await fetchDirectory(client, options.companyAlias, firstNode) : []);
    if (aliases.length === 0) throw new Error("no addresses to call: give --aliases or --company-alias");
    const classified = await classifyAliases(client, aliases, firstNode);
    if (classified.entries.length === 0) throw new Error("Confero routes none of the addresses given");
    const now = Date.now() / 1000;
    const window: TrafficWindow =
      options.mode.kind === "history"
        ? { kind: "history", days: options.mode.days, endAt: now }
        : {
            kind: "live",
            startAt: now + 1,
            ratePerMinute: options.mode.ratePerMinute,
            speed: options.mode.speed,
          };
    const calls = planCalls({
      seed: options.seed,
      calls: options.calls,
      directory: classified.entries,
      nodes,
      timeZone: options.timeZone,
      window,
    });
    const directoryRequests = options.aliases ? 0 : 1;
    const policy = {
      requests: classified.requests + directoryRequests,
      errors: classified.errors,
      unrouted: 0,
    };
    const run = options.mode.kind === "history" ? runHistory : runLive;
    const figures = await run(client, calls, nodes, options, policy);
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...figures.latenciesMs].sort((a, b) => a - b);
    const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
    const count = (kind: EntryKind) => classified.entries.filter((e) => e.kind === kind).length;
    return {
      mode: options.mode.kind,
      url: options.url,
      seed: options.seed,
      nodes: nodes.length,
      version: options.version,
      bulk: options.bulk,
      directory: { rooms: count("room"), people: count("person"), videoSystems: count("system") },
      calls: calls.length,
      routedCalls: calls.length - policy.unrouted,
      unroutedCalls: policy.unrouted,
      legs: calls.reduce((n, c) => n + c.legs.length, 0),
      policyRequests: policy.requests,
      policyErrors: policy.errors,
      events: figures.events,
      requests: figures.requests,
      accepted: figures.accepted,
      duplicates: figures.duplicates,
      rejected: figures.rejected,
      errors: figures.errors,
      firstError: figures.firstError,
      abandonedEvents: figures.abandoned,
      seconds: round(seconds),
      eventsPerSecond: round(figures.events / Math.max(figures.sendSeconds, 0.001)),
      latencyMs: { p50: at(0.5), p99: at(0.99) },
    };
  } finally {
    client.close();
  }
}

type PolicyCounts = { requests: number; errors: number; unrouted: number };
type RunFigures = SendFigures & { abandoned: number; sendSeconds: number };

/** Asks the policy API for every leg dialling in; the first leg's answer routes the call. */
async function routeCall(
  client: ConferoClient,
  call: PlannedCall,
  nodes: readonly string[],
  policy: PolicyCounts,
): Promise<ServiceAnswer | null> {
  let routed: ServiceAnswer | null = null;
  for (const [i, leg] of call.legs.entries()) {
    if (leg.direction !== "in") continue;
    policy.requests += 1;
    try {
      const answer = serviceAnswerOf(
        await client.policy("service/configuration", policyQuery(call, leg, locationOf(nodes, leg.node))),
      );
      if (i === 0) routed = answer;
    } catch {
      policy.errors += 1;
    }
    if (i === 0 && !routed) break;
  }
  if (!routed) policy.unrouted += 1;
  return routed;
}

async function runHistory(
  client: ConferoClient,
  calls: readonly PlannedCall[],
  nodes: readonly string[],
  options: SimulationOptions,
  policy: PolicyCounts,
): Promise<RunFigures> {
  const answers = await mapLimit(calls, 8, (call) => routeCall(client, call, nodes, policy));
  const events = calls.flatMap((call, i) => {
    const answer = answers[i];
    return answer ? renderCall(call, answer, nodes) : [];
  });
  const started = performance.now();
  const bulkSize = options.bulk ? DEFAULT_BULK_SIZE : null;
  const figures = await sendStreams(client, streamsByNode(events, options.version), {
    bulkSize,
    version: options.version,
  });
  return { ...figures, abandoned: 0, sendSeconds: (performance.now() - started) / 1000 };
}

/**
 * Live traffic: each call starts at its time (its legs ask the policy API then), and every node
 * sends its events when they fall due, in time order, one at a time or — in bulk mode — what
 * fell due since its last post.
 */
async function runLive(
  client: ConferoClient,
  calls: readonly PlannedCall[],
  nodes: readonly string[],
  options: SimulationOptions,
  policy: PolicyCounts,
): Promise<RunFigures> {
  const figures = emptyFigures();
  const queues = new Map(nodes.map((n) => [n, [] as TimedEvent[]]));
  const sequencer = new NodeSequencer(options.version);
  const signal = options.signal;
  let planning = true;
  let abandoned = 0;
  const started = performance.now();

  const plan = (async () => {
    const routing: Promise<void>[] = [];
    for (const call of calls) {
      if (signal?.aborted) break;
      // Before its first leg's `participant_connected` (a few seconds ahead of connecting).
      await sleepUntil(firstConnect(call) - 5, signal);
      if (signal?.aborted) break;
      routing.push(
        routeCall(client, call, nodes, policy).then((answer) => {
          if (!answer) return;
          for (const e of renderCall(call, answer, nodes)) insertByTime(queues.get(e.node) ?? [], e);
        }),
      );
    }
    await Promise.all(routing);
    planning = false;
  })();

  const send = async (node: string, queue: TimedEvent[]) => {
    for (;;) {
      if (signal?.aborted) {
        abandoned += queue.length;
        return;
      }
      const due = Date.now() / 1000;
      const ready = queue.findIndex((e) => e.time > due);
      const count = ready < 0 ? queue.length : ready;
      if (count === 0) {
        if (!planning && queue.length === 0) return;
        await sleep(Math.min(250, Math.max(5, ((queue[0]?.time ?? due + 1) - due) * 1000)));
        continue;
      }
      const batch = queue.splice(0, options.bulk ? count : 1);
      const envelopes = sequencer.envelopes(batch);
      if (options.bulk) {
        for (const body of bulkBodies(node, envelopes, DEFAULT_BULK_SIZE, options.version))
          await postAsNode(client, body, body.data.length, figures);
        await sleep(1000);
      } else {
        for (const envelope of envelopes) await postAsNode(client, envelope, 1, figures);
      }
    }
  };
  await Promise.all([plan, ...[...queues].map(([node, queue]) => send(node, queue))]);
  return { ...figures, abandoned, sendSeconds: (performance.now() - started) / 1000 };
}

function insertByTime(queue: TimedEvent[], event: TimedEvent): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((queue[mid]?.time ?? 0) <= event.time) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, event);
}

/** `work` over `items` with at most `limit` running at once; results in item order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function sleepUntil(unixSeconds: number, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const wait = unixSeconds * 1000 - Date.now();
    if (wait <= 0) return;
    await sleep(Math.min(wait, 250));
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
