import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { parseServiceTag } from "../../../domain/service-tag.js";
import {
  bulkBodies,
  type Envelope,
  locationOf,
  NodeSequencer,
  nodeAddresses,
  policyQuery,
  renderCall,
  streamsByNode,
  type TimedEvent,
} from "./traffic-events.js";
import {
  type DirectoryEntry,
  type EntryKind,
  firstConnect,
  type PlannedCall,
  type PlannedLeg,
  planCalls,
  type ServiceAnswer,
  type TrafficWindow,
} from "./traffic-plan.js";

/**
 * Call traffic as Pexip Infinity produces it (pexip-infinity.md): for each call leg a service
 * configuration request, then the event-sink envelopes of every node the call touched —
 * `conference_started`/`conference_ended` per node, and per participant `participant_connected`
 * (still `connecting`), `participant_updated` (in the service) and `participant_disconnected`.
 * The first half is pure and seeded (the same seed, the same calls, uuids and times); the
 * second half drives a running Confero over HTTP. `confero simulate-calls` and `seed-demo`'s
 * call history both use it, and so do the event-sink benches.
 */

export * from "./traffic-events.js";
export * from "./traffic-plan.js";

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
  /** Per request (one event each, or one bulk body), as the node sees it: from when it was due. */
  latenciesMs: number[];
  /** Per request, from sending it to its answer: what the sink itself took. */
  answerMs: number[];
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
    answerMs: [],
    firstError: null,
  };
}

/**
 * POSTs one body as a node does: waits for the answer, and retries what failed (a network error,
 * 429 or 5xx) a few times before giving up on it. The latency counts from `dueAt` (performance
 * clock) when the body was due earlier than it could be sent — the wait in the node's queue is
 * part of what the node sees — and from the send otherwise.
 */
export async function postAsNode(
  client: ConferoClient,
  body: unknown,
  events: number,
  figures: SendFigures,
  dueAt: number | null = null,
) {
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    try {
      const answer = await client.postEvents(body);
      figures.requests += 1;
      figures.latenciesMs.push(dueAt === null ? answer.ms : performance.now() - dueAt);
      figures.answerMs.push(answer.ms);
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

/**
 * Each node's stream sent in order — one event per request, or bulk bodies — all nodes at once:
 * as fast as the answers come, or spread evenly over `paceSeconds` (each node's events due at
 * even steps from the start, as calls make them; a node that falls behind sends at once, and the
 * latency it records includes the delay).
 */
export async function sendStreams(
  client: ConferoClient,
  streams: ReadonlyMap<string, readonly Envelope[]>,
  options: { bulkSize?: number | null; version?: number; paceSeconds?: number } = {},
): Promise<SendFigures> {
  const figures = emptyFigures();
  const started = performance.now();
  const dueAt = async (n: number, of: number) => {
    if (!options.paceSeconds) return null;
    const due = started + (n * options.paceSeconds * 1000) / of;
    // Timers run on the event loop's cached clock and can fire a little early: wait it out.
    for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) await sleep(wait);
    return due;
  };
  await Promise.all(
    [...streams].map(async ([node, envelopes]) => {
      if (options.bulkSize) {
        for (const body of bulkBodies(node, envelopes, options.bulkSize, options.version))
          await postAsNode(client, body, body.data.length, figures);
      } else {
        for (const [n, envelope] of envelopes.entries())
          await postAsNode(client, envelope, 1, figures, await dueAt(n, envelopes.length));
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
