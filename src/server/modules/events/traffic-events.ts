import type { PlannedCall, PlannedLeg, ServiceAnswer } from "./traffic-plan.js";

/** What Infinity asks the policy server and sends its event sink for planned calls (pexip-infinity.md). */

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
