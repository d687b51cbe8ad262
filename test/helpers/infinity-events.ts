import type { TestApp } from "./test-app.js";

/**
 * Event-sink envelopes in Infinity's exact shape (pexip-infinity.md §2): one node's events carry
 * its own increasing `seq`; times are Unix seconds as floats.
 */
export class InfinityNode {
  private seq = 0;

  constructor(
    readonly node: string,
    private readonly version = 2,
  ) {}

  /** The sink restarted on this node: seq counts from 1 again. */
  restart(): void {
    this.seq = 0;
  }

  envelope(event: string, time: number, data: Record<string, unknown>) {
    this.seq += 1;
    return { node: this.node, seq: this.seq, version: this.version, time, event, data };
  }
}

export interface CallSpec {
  uuid: string;
  conference: string;
  serviceTag: string;
  serviceType?: string;
  sourceAlias?: string;
  destinationAlias?: string;
  direction?: "in" | "out";
  protocol?: string;
  connectAt: number;
  seconds: number;
}

/** A participant's three events: connected (while choosing), updated (in the service), disconnected. */
export function participantEvents(node: InfinityNode, call: CallSpec) {
  const common = {
    protocol: call.protocol ?? "SIP",
    is_presenting: false,
    conversation_id: call.uuid,
    media_node: node.node,
    conference: call.conference,
    source_alias: call.sourceAlias ?? "sip:guest@example.org",
    display_name: "Guest",
    uuid: call.uuid,
    signalling_node: node.node,
    call_id: call.uuid,
    role: "guest",
    destination_alias: call.destinationAlias ?? `${call.conference}:5060`,
    is_streaming: false,
    is_muted: false,
    remote_address: "10.44.100.67",
    has_media: true,
    system_location: "location 1",
    call_direction: call.direction ?? "in",
    vendor: "Cisco/CE",
  };
  const end = call.connectAt + call.seconds;
  return [
    node.envelope("participant_connected", call.connectAt - 2.5, {
      ...common,
      connect_time: null,
      service_tag: "",
      service_type: "connecting",
    }),
    node.envelope("participant_updated", call.connectAt, {
      ...common,
      connect_time: call.connectAt,
      service_tag: call.serviceTag,
      service_type: call.serviceType ?? "conference",
    }),
    node.envelope("participant_disconnected", end, {
      ...common,
      connect_time: call.connectAt,
      service_tag: call.serviceTag,
      service_type: call.serviceType ?? "conference",
      duration: call.seconds,
      end_time: end,
      disconnect_reason: "Call disconnected",
    }),
  ];
}

export function conferenceEvents(node: InfinityNode, name: string, tag: string, start: number, end: number) {
  const common = { name, tag, service_type: "conference", is_locked: false, guests_muted: false };
  return {
    started: node.envelope("conference_started", start, { ...common, start_time: start, is_started: true }),
    ended: node.envelope("conference_ended", end, {
      ...common,
      start_time: start,
      end_time: end,
      is_started: false,
    }),
  };
}

/** One eventsink_bulk body from `node`, as Infinity sends a backlog (the worker applies it in batches). */
export function bulkBody(node: string, data: unknown[], time: number, seq = 1) {
  return { node, seq, version: 2, time, event: "eventsink_bulk", data };
}

export async function postEvents(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/events/v1/pexip",
    payload: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Posts each envelope on its own, in order, as a node does; fails on any non-200. */
export async function sendAll(t: TestApp, envelopes: unknown[]): Promise<void> {
  for (const envelope of envelopes) {
    const answer = await postEvents(t, envelope);
    if (answer.statusCode !== 200) throw new Error(`event sink: ${answer.statusCode} ${answer.body}`);
  }
  await t.services.eventIngest.drain();
}
