import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConferoClient,
  type DirectoryEntry,
  type Envelope,
  MAX_CALL_SECONDS,
  nodeAddresses,
  type PlannedCall,
  planCalls,
  policyQuery,
  renderCall,
  type ServiceAnswer,
  sendStreams,
  simulateCalls,
  streamsByNode,
  zonedParts,
} from "./traffic-simulator.js";

const COMPANY = "11111111-1111-4111-8111-111111111111";
const DIRECTORY: DirectoryEntry[] = [
  { alias: "alice.vmr@acme.video.example.com", name: "Alice's room", kind: "room" },
  { alias: "jupiter@acme.video.example.com", name: "Jupiter", kind: "room" },
  { alias: "alice@acme.video.example.com", name: "Alice Andersen", kind: "person" },
  { alias: "bob@acme.video.example.com", name: "Bob Baker", kind: "person" },
  { alias: "reception@acme.video.example.com", name: "Reception", kind: "system" },
];
const NOW = Date.UTC(2025, 5, 2, 12) / 1000; // a Monday
const NODES = nodeAddresses(2);

/** Confero's answer for each directory address (what the policy API would say). */
function answerFor(entry: DirectoryEntry): ServiceAnswer {
  const kind = entry.kind === "room" ? "team_room" : entry.kind === "person" ? "member" : "video_system";
  const id = `22222222-2222-4222-8222-${String(DIRECTORY.indexOf(entry)).padStart(12, "0")}`;
  return {
    serviceType: entry.kind === "room" ? "conference" : "gateway",
    name: entry.alias,
    serviceTag: `confero:v1:${COMPANY}:${kind}:${id}`,
  };
}

function history(seed: number, calls = 400, days = 28, timeZone = "UTC") {
  return planCalls({
    seed,
    calls,
    directory: DIRECTORY,
    nodes: NODES,
    timeZone,
    window: { kind: "history", days, endAt: NOW },
  });
}

function eventsOf(calls: PlannedCall[]) {
  return calls.flatMap((call) => renderCall(call, answerFor(call.dialled), NODES));
}

describe("traffic generator", () => {
  it("gives the same calls for the same seed, and others for another", () => {
    expect(history(7)).toEqual(history(7));
    expect(history(8)[0]?.legs[0]?.uuid).not.toBe(history(7)[0]?.legs[0]?.uuid);
  });

  it("wraps events in Infinity's envelope, each node counting its own seq from 1 after eventsink_started", () => {
    const streams = streamsByNode(eventsOf(history(1)));
    expect([...streams.keys()].sort()).toEqual(NODES);
    for (const [node, envelopes] of streams) {
      expect(envelopes[0]).toMatchObject({ node, seq: 1, version: 2, event: "eventsink_started" });
      envelopes.forEach((envelope, i) => {
        expect(Object.keys(envelope).sort()).toEqual(["data", "event", "node", "seq", "time", "version"]);
        expect(envelope.seq).toBe(i + 1);
        expect(envelope.node).toBe(node);
        if (i > 0) expect(envelope.time).toBeGreaterThanOrEqual(envelopes[i - 1]?.time ?? 0);
      });
    }
    const v1 = streamsByNode(eventsOf(history(1, 5)), 1);
    for (const envelopes of v1.values()) expect(envelopes.every((e) => e.version === 1)).toBe(true);
  });

  it("starts and ends each conference on every node it used, around its participants there", () => {
    const calls = history(2);
    let multiNode = 0;
    for (const call of calls) {
      const events = renderCall(call, answerFor(call.dialled), NODES);
      const started = events.filter((e) => e.event === "conference_started");
      const ended = events.filter((e) => e.event === "conference_ended");
      const nodes = new Set(call.legs.map((l) => l.node));
      if (nodes.size > 1) multiNode += 1;
      expect(started.map((e) => e.node).sort()).toEqual([...nodes].sort());
      expect(ended.map((e) => e.node).sort()).toEqual([...nodes].sort());
      for (const start of started) {
        const end = ended.find((e) => e.node === start.node);
        expect(end?.data).toMatchObject({
          name: start.data.name,
          tag: start.data.tag,
          start_time: start.time,
        });
        expect(end?.time).toBeGreaterThan(start.time);
        const here = events.filter((e) => e.node === start.node && e.event.startsWith("participant_"));
        for (const e of here) {
          expect(e.time).toBeGreaterThan(start.time - 5);
          expect(e.time).toBeLessThan(end?.time ?? 0);
        }
      }
    }
    expect(multiNode).toBeGreaterThan(0);
  });

  it("reports each participant connecting, in its service, then gone with a positive duration", () => {
    const calls = history(3);
    const protocols = new Set<string>();
    for (const call of calls) {
      const answer = answerFor(call.dialled);
      const events = renderCall(call, answer, NODES);
      for (const leg of call.legs) {
        const mine = events.filter((e) => e.data.uuid === leg.uuid);
        expect(mine.map((e) => e.event)).toEqual([
          "participant_connected",
          "participant_updated",
          "participant_disconnected",
        ]);
        const [connected, updated, gone] = mine;
        protocols.add(String(connected?.data.protocol));
        expect(connected?.data).toMatchObject({ connect_time: null, call_direction: leg.direction });
        if (leg.direction === "in")
          expect(connected?.data).toMatchObject({ service_type: "connecting", service_tag: "" });
        expect(updated?.data).toMatchObject({
          service_type: answer.serviceType,
          service_tag: answer.serviceTag,
        });
        expect(updated?.data.conference).toBe(answer.name);
        const duration = Number(gone?.data.duration);
        expect(duration).toBeGreaterThan(0);
        expect(duration).toBeLessThanOrEqual(MAX_CALL_SECONDS + 1);
        expect(Number(gone?.data.end_time) - Number(gone?.data.connect_time)).toBeCloseTo(duration, 6);
        expect(typeof gone?.data.disconnect_reason).toBe("string");
      }
    }
    expect([...protocols].sort()).toEqual(["H323", "SIP", "TEAMS", "WebRTC"]);
  });

  it("mixes meetings in rooms with point-to-point calls: the caller's leg in, the callee's out", () => {
    const calls = history(4);
    const direct = calls.filter((c) => c.kind === "point_to_point");
    expect(direct.length).toBeGreaterThan(calls.length * 0.1);
    expect(direct.length).toBeLessThan(calls.length * 0.5);
    for (const call of direct) {
      expect(call.dialled.kind).not.toBe("room");
      expect(call.legs.map((l) => l.direction)).toEqual(["in", "out"]);
      expect(call.legs[1]?.alias).toBe(call.dialled.alias);
      expect(call.legs[0]?.alias).not.toBe(call.dialled.alias);
    }
    for (const call of calls.filter((c) => c.kind === "meeting")) {
      expect(call.dialled.kind).toBe("room");
      expect(call.legs.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps durations realistic: around 25 minutes, never past 4 hours", () => {
    const lengths = history(5, 2000, 90)
      .filter((c) => c.kind === "meeting")
      .map((c) => Math.max(...c.legs.map((l) => l.endAt)) - (c.legs[0]?.connectAt ?? 0))
      .sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(15 * 60);
    expect(median).toBeLessThan(40 * 60);
    expect(lengths[lengths.length - 1]).toBeLessThanOrEqual(MAX_CALL_SECONDS + 1);
  });

  it("follows working hours and quiet weekends in the company's time zone, all in the past window", () => {
    const zone = "America/New_York";
    const calls = history(6, 3000, 28, zone);
    let weekend = 0;
    let office = 0;
    for (const call of calls) {
      const start = call.legs[0]?.connectAt ?? 0;
      const end = Math.max(...call.legs.map((l) => l.endAt));
      expect(end).toBeLessThan(NOW);
      expect(start).toBeGreaterThan(NOW - 35 * 86400);
      const { weekday, hour } = zonedParts(zone, start);
      if (weekday === 0 || weekday === 6) weekend += 1;
      if (hour >= 7 && hour < 18) office += 1;
    }
    // 20 weekdays against 8 weekend days, at weekends a tenth of the traffic.
    expect(weekend / 8).toBeLessThan(((calls.length - weekend) / 20) * 0.25);
    expect(office / calls.length).toBeGreaterThan(0.85);
  });

  it("asks the policy API in Infinity's exact query form", () => {
    const call = history(9, 50).find((c) => c.legs[0]?.protocol === "SIP");
    const leg = call?.legs[0];
    if (!call || !leg) throw new Error("no SIP call");
    const query = policyQuery(call, leg, "London");
    expect(query.split("&").map((p) => p.split("=")[0])).toEqual([
      "call_direction",
      "protocol",
      "bandwidth",
      "vendor",
      "encryption",
      "registered",
      "trigger",
      "remote_display_name",
      "remote_alias",
      "remote_address",
      "remote_port",
      "call_tag",
      "idp_uuid",
      "has_authenticated_display_name",
      "supports_direct_media",
      "teams_tenant_id",
      "location",
      "node_ip",
      "version_id",
      "pseudo_version_id",
      "local_alias",
    ]);
    const params = new URLSearchParams(query);
    expect(params.get("call_direction")).toBe("dial_in");
    expect(params.get("protocol")).toBe("sip");
    expect(params.get("trigger")).toBe("invite");
    expect(params.get("registered")).toMatch(/^(True|False)$/);
    expect(params.get("local_alias")).toBe(`sip:${call.dialled.alias}`);
    expect(params.get("call_tag")).toBe("");
    expect(params.get("node_ip")).toBe(leg.node);
  });
});

// ------------------------------------------------------------------------------------------
// The HTTP driver against a small stand-in for Confero
// ------------------------------------------------------------------------------------------

interface Received {
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** performance.now() when the body had arrived. */
  at: number;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Answers the policy API from DIRECTORY and records every event-sink POST (and how many overlap per node). */
async function standIn() {
  const received: Received[] = [];
  const policyQueries: URLSearchParams[] = [];
  const inFlight = new Map<string, number>();
  let overlapped = 0;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === "/policy/v1/registrations") {
      return send(200, {
        status: "success",
        result: DIRECTORY.map((e) => ({ username: "", alias: e.alias, description: e.name })),
      });
    }
    if (url.pathname === "/policy/v1/service/configuration") {
      policyQueries.push(url.searchParams);
      const alias = (url.searchParams.get("local_alias") ?? "").replace(/^sip:/, "");
      const entry = DIRECTORY.find((e) => e.alias === alias);
      if (!entry) return send(404, { status: "fail", action: "continue", result: {} });
      const answer = answerFor(entry);
      return send(200, {
        status: "success",
        action: "continue",
        result: { service_type: answer.serviceType, name: answer.name, service_tag: answer.serviceTag },
      });
    }
    if (url.pathname === "/events/v1/pexip" && request.method === "POST") {
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      const node = String(body.node);
      const busy = (inFlight.get(node) ?? 0) + 1;
      if (busy > 1) overlapped += 1;
      inFlight.set(node, busy);
      await new Promise((r) => setTimeout(r, 1));
      inFlight.set(node, (inFlight.get(node) ?? 1) - 1);
      received.push({ body, authorization: request.headers.authorization, at: performance.now() });
      const count = body.event === "eventsink_bulk" ? (body.data as unknown[]).length : 1;
      return send(200, { status: "ok", received: count, accepted: count, duplicates: 0, rejected: 0 });
    }
    send(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    policyQueries,
    overlapped: () => overlapped,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const auth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Each node's envelopes as received, bulk bodies unpacked. */
function byNode(received: Received[]): Map<string, Envelope[]> {
  const nodes = new Map<string, Envelope[]>();
  for (const { body } of received) {
    const envelopes = (body.event === "eventsink_bulk" ? body.data : [body]) as Envelope[];
    for (const e of envelopes) nodes.set(e.node, [...(nodes.get(e.node) ?? []), e]);
  }
  return nodes;
}

describe("simulateCalls against a running server", () => {
  let server: Awaited<ReturnType<typeof standIn>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("reads the directory, asks the policy API per leg, and posts each node's events in order, one at a time", async () => {
    server = await standIn();
    const summary = await simulateCalls({
      url: server.url,
      policyAuth: { username: "infinity", password: "policy-pass" },
      sinkAuth: { username: "events", password: "sink-pass" },
      nodes: 3,
      calls: 60,
      seed: 42,
      version: 2,
      bulk: false,
      timeZone: "Europe/Oslo",
      mode: { kind: "history", days: 14 },
      companyAlias: "alice@acme.video.example.com",
    });
    expect(summary).toMatchObject({
      mode: "history",
      calls: 60,
      routedCalls: 60,
      unroutedCalls: 0,
      errors: 0,
      directory: { rooms: 2, people: 2, videoSystems: 1 },
    });
    expect(summary.events).toBe(server.received.length);
    expect(summary.accepted).toBe(summary.events);
    expect(summary.eventsPerSecond).toBeGreaterThan(0);
    expect(server.overlapped()).toBe(0);
    expect(server.received.every((r) => r.authorization === auth("events", "sink-pass"))).toBe(true);
    // Five probes, then one request per leg dialling in.
    const legsIn = server.policyQueries.length - DIRECTORY.length;
    expect(summary.policyRequests).toBe(server.policyQueries.length + 1);
    expect(legsIn).toBeGreaterThanOrEqual(60);
    const nodes = byNode(server.received);
    expect(nodes.size).toBeGreaterThan(1);
    for (const envelopes of nodes.values()) {
      expect(envelopes.map((e) => e.seq)).toEqual(envelopes.map((_, i) => i + 1));
      expect(envelopes[0]?.event).toBe("eventsink_started");
    }
    const events = [...nodes.values()].flat();
    const starts = events.filter((e) => e.event === "conference_started").length;
    expect(events.filter((e) => e.event === "conference_ended")).toHaveLength(starts);
  });

  it("sends eventsink_bulk bodies with --bulk, and protocol version 1 when asked", async () => {
    server = await standIn();
    const summary = await simulateCalls({
      url: server.url,
      nodes: 2,
      calls: 80,
      seed: 7,
      version: 1,
      bulk: true,
      timeZone: "UTC",
      mode: { kind: "history", days: 3 },
      aliases: DIRECTORY.map((e) => ({ alias: e.alias, name: e.name })),
    });
    expect(summary.errors).toBe(0);
    expect(server.received.every((r) => r.body.event === "eventsink_bulk")).toBe(true);
    expect(server.received.every((r) => r.authorization === undefined)).toBe(true);
    const envelopes = [...byNode(server.received).values()].flat();
    expect(envelopes).toHaveLength(summary.events);
    expect(summary.requests).toBeLessThan(summary.events / 10);
    expect(envelopes.every((e) => e.version === 1)).toBe(true);
  });

  it("paces each node's events evenly over paceSeconds, never sending one before it is due", async () => {
    server = await standIn();
    const envelopes = eventsOf(history(5, 6)).slice(0, 40);
    const streams = streamsByNode(envelopes);
    const client = new ConferoClient(server.url);
    const started = performance.now();
    const figures = await sendStreams(client, streams, { paceSeconds: 0.4 });
    client.close();
    expect(figures).toMatchObject({ errors: 0, events: server.received.length });
    expect(figures.latenciesMs).toHaveLength(server.received.length);
    for (const [node, sent] of streams) {
      const arrived = server.received.filter((r) => r.body.node === node);
      expect(arrived.map((r) => r.body.seq)).toEqual(sent.map((e) => e.seq));
      for (const [n, r] of arrived.entries())
        expect(r.at - started).toBeGreaterThanOrEqual((n * 400) / sent.length);
    }
  });

  it("runs live: calls start now and each event is sent when it falls due", async () => {
    server = await standIn();
    const before = Date.now() / 1000;
    const summary = await simulateCalls({
      url: server.url,
      nodes: 2,
      calls: 4,
      seed: 3,
      version: 2,
      bulk: false,
      timeZone: "UTC",
      mode: { kind: "live", ratePerMinute: 600, speed: 2000 },
      aliases: DIRECTORY.map((e) => ({ alias: e.alias })),
    });
    expect(summary).toMatchObject({ mode: "live", calls: 4, routedCalls: 4, errors: 0, abandonedEvents: 0 });
    const envelopes = [...byNode(server.received).values()].flat();
    expect(envelopes.length).toBe(summary.events);
    for (const e of envelopes) expect(e.time).toBeGreaterThan(before - 10);
    for (const list of byNode(server.received).values())
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
  });
});
