import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  bulkBody,
  conferenceEvents,
  InfinityNode,
  participantEvents,
  postEvents,
  sendAll,
} from "../../../../test/helpers/infinity-events.js";
import {
  askPolicy,
  infinityCallQuery,
  type PolicyWorld,
  policyWorld,
} from "../../../../test/helpers/policy.js";
import { type TestApp, useTestApp } from "../../../../test/helpers/test-app.js";
import { testDatabaseKind } from "../../../../test/helpers/test-database.js";
import { queryRows } from "../../db/client.js";
import { callLegs, usageDaily } from "../../db/schema.js";
import { readCounters } from "./event-inbox.repository.js";

/** 2026-11-02 09:00 UTC (a Monday; 10:00 in Oslo, alpha-co's time zone). */
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0) / 1000;

/** What Infinity learns from the policy server before the call: the service's name and tag. */
async function serviceOf(t: TestApp, alias: string) {
  const answer = await askPolicy(t, "/service/configuration", infinityCallQuery({ local_alias: alias }));
  const { name, service_tag: tag } = answer.json().result as { name: string; service_tag: string };
  return { name, tag };
}

async function usage(t: TestApp, companyId: string) {
  const rows = await t.db.select().from(usageDaily).where(eq(usageDaily.companyId, companyId));
  const of = (dimension: string, key = "") => rows.filter((r) => r.dimension === dimension && r.key === key);
  const sum = (list: typeof rows) => ({
    calls: list.reduce((n, r) => n + r.calls, 0),
    callSeconds: list.reduce((n, r) => n + r.callSeconds, 0),
    roomSeconds: list.reduce((n, r) => n + r.roomSeconds, 0),
  });
  return { rows, total: sum(of("total")), of: (dimension: string, key: string) => sum(of(dimension, key)) };
}

/** One 30-minute call into Mia's room, with the conference around it, from node A. */
async function oneCall(t: TestApp, world: PolicyWorld) {
  const service = await serviceOf(t, world.mia.room);
  const node = new InfinityNode("10.44.99.2");
  const conference = conferenceEvents(node, service.name, service.tag, T0 - 5, T0 + 1805);
  const legs = participantEvents(node, {
    uuid: "d5fc4ce0-d0cc-4582-8c67-c033ff397c72",
    conference: service.name,
    serviceTag: service.tag,
    sourceAlias: `sip:${world.lobby.address}`,
    connectAt: T0,
    seconds: 1800,
  });
  return { service, node, envelopes: [conference.started, ...legs, conference.ended] };
}

describe(`event sink (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("accepts the real participant_connected Infinity v23 sends (protocol version 1), counting nothing yet", async () => {
    await policyWorld(app());
    const real = {
      node: "10.44.131.22",
      seq: 3,
      version: 1,
      time: 1576815614.906535,
      event: "participant_connected",
      data: {
        protocol: "H323",
        is_presenting: false,
        connect_time: null,
        service_tag: "",
        conversation_id: "c6a11ca7-99b4-4bf1-95d6-fdaab5ec7c0a",
        media_node: "10.44.131.22",
        conference: "meet.qa",
        source_alias: "ep4@vp.example.com",
        display_name: "ep4@vp.example.com",
        uuid: "d5fc4ce0-d0cc-4582-8c67-c033ff397c72",
        signalling_node: "10.44.131.22",
        call_id: "c6a11ca7-99b4-4bf1-95d6-fdaab5ec7c0a",
        role: "chair",
        service_type: "connecting",
        destination_alias: "meet.qa@10.44.131.22:1720",
        is_streaming: false,
        is_muted: false,
        remote_address: "10.44.100.67",
        has_media: true,
        system_location: "location 1",
        call_direction: "in",
      },
    };
    const answer = await postEvents(app(), real);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: "ok", accepted: 1, rejected: 0 });
    await app().services.eventIngest.drain();
    const [leg] = await app().db.select().from(callLegs);
    expect(leg).toMatchObject({
      serviceType: "connecting",
      protocol: "H323",
      direction: "in",
      endedAt: null,
    });
    expect((await app().db.select().from(usageDaily)).length).toBe(0);
  });

  it("turns a call's events into a leg, a call, call minutes and room minutes for the room and its owner", async () => {
    const world = await policyWorld(app());
    const { envelopes } = await oneCall(app(), world);
    await sendAll(app(), envelopes);
    const [leg] = await app().db.select().from(callLegs);
    expect(leg).toMatchObject({
      companyId: world.company.id,
      targetKind: "personal_room",
      callerKind: "video_system",
      callerId: world.lobby.id,
      serviceType: "conference",
      protocol: "SIP",
      durationSeconds: 1800,
      disconnectReason: "Call disconnected",
      endedBy: "infinity",
      countedDay: "2026-11-02",
    });
    const figures = await usage(app(), world.company.id);
    expect(figures.total).toEqual({ calls: 1, callSeconds: 1800, roomSeconds: 1810 });
    expect(figures.of("user", world.mia.id)).toEqual({ calls: 1, callSeconds: 1800, roomSeconds: 1810 });
    expect(figures.of("endpoint", world.lobby.id)).toEqual({ calls: 1, callSeconds: 1800, roomSeconds: 0 });
    expect(figures.of("vmr", leg?.targetId as string).calls).toBe(1);
    expect(await readCounters(app().db)).toMatchObject({ accepted: 5, rejected: 0 });
  });

  it("changes nothing when events are replayed, one by one or in bulk", async () => {
    const world = await policyWorld(app());
    const { envelopes } = await oneCall(app(), world);
    await sendAll(app(), envelopes);
    const before = await usage(app(), world.company.id);
    await sendAll(app(), envelopes);
    const bulk = await postEvents(app(), bulkBody("10.44.99.2", envelopes, T0 + 2000, 99));
    expect(bulk.json()).toMatchObject({
      received: envelopes.length,
      accepted: 0,
      duplicates: envelopes.length,
    });
    await app().services.eventIngest.drain();
    expect((await usage(app(), world.company.id)).rows).toEqual(before.rows);
    expect((await readCounters(app().db)).duplicates).toBe(envelopes.length * 2);
  });

  it("takes a restarted node's seq from 1 again", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.3");
    const first = participantEvents(node, {
      uuid: "a1",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0,
      seconds: 60,
    });
    await sendAll(app(), [node.envelope("eventsink_started", T0 - 10, {}), ...first]);
    node.restart();
    const second = participantEvents(node, {
      uuid: "a2",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0 + 600,
      seconds: 120,
    });
    expect(second[0]?.seq).toBe(1);
    await sendAll(app(), [node.envelope("eventsink_started", T0 + 590, {}), ...second]);
    expect((await usage(app(), world.company.id)).total).toMatchObject({ calls: 2, callSeconds: 180 });
  });

  it("gets the same figures whatever order two nodes' events arrive in", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const a = new InfinityNode("10.44.99.2");
    const b = new InfinityNode("10.44.99.3");
    // One conference on two nodes: A runs it 0–60 min, B 30–90 min: the room was in use 90 min.
    const onA = conferenceEvents(a, service.name, service.tag, T0, T0 + 3600);
    const onB = conferenceEvents(b, service.name, service.tag, T0 + 1800, T0 + 5400);
    const legA = participantEvents(a, {
      uuid: "p-a",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0 + 10,
      seconds: 3000,
    });
    const legB = participantEvents(b, {
      uuid: "p-b",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0 + 1810,
      seconds: 3000,
    });
    const fromA = [onA.started, ...legA, onA.ended];
    const fromB = [onB.started, ...legB, onB.ended];
    // B's whole story first, then A's: in order per node, out of order between nodes.
    await sendAll(app(), [...fromB, ...fromA]);
    const figures = await usage(app(), world.company.id);
    expect(figures.total).toEqual({ calls: 2, callSeconds: 6000, roomSeconds: 5400 });
  });

  it("counts a leg once even when its disconnect arrives before its connect (two nodes)", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const signalling = new InfinityNode("10.44.99.2");
    const media = new InfinityNode("10.44.99.3");
    const [, updated] = participantEvents(signalling, {
      uuid: "x1",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0,
      seconds: 300,
    });
    const [, , disconnected] = participantEvents(media, {
      uuid: "x1",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0,
      seconds: 300,
    });
    await sendAll(app(), [disconnected, updated]);
    expect((await usage(app(), world.company.id)).total).toMatchObject({ calls: 1, callSeconds: 300 });
    const [leg] = await app().db.select().from(callLegs);
    expect(leg).toMatchObject({ serviceType: "conference", durationSeconds: 300 });
  });

  it("counts within one batch: two calls to one room add up, a disconnect told by two nodes counts once", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const a = new InfinityNode("10.44.99.2");
    const b = new InfinityNode("10.44.99.3");
    const call = (node: InfinityNode, uuid: string, connectAt: number, seconds: number) =>
      participantEvents(node, {
        uuid,
        conference: service.name,
        serviceTag: service.tag,
        connectAt,
        seconds,
      });
    const first = call(a, "batch-1", T0, 120);
    const second = call(a, "batch-2", T0 + 30, 240);
    const [, , secondSaidByB] = call(b, "batch-2", T0 + 30, 240);
    // One bulk body: the worker applies it as one batch.
    await postEvents(app(), bulkBody("10.44.99.2", [...first, ...second, secondSaidByB], T0 + 400));
    await app().services.eventIngest.drain();
    const figures = await usage(app(), world.company.id);
    expect(figures.total).toEqual({ calls: 2, callSeconds: 360, roomSeconds: 0 });
    const legs = await app().db.select().from(callLegs);
    expect(legs.map((leg) => leg.countedDay)).toEqual([expect.any(String), expect.any(String)]);
  });

  it("answers nodes posting at once each with their own counts, also a retry racing its original", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const nodes = Array.from({ length: 8 }, (_, i) => new InfinityNode(`10.44.98.${i + 1}`));
    const firsts = nodes.map(
      (node, i) =>
        participantEvents(node, {
          uuid: `at-once-${i}`,
          conference: service.name,
          serviceTag: service.tag,
          connectAt: T0,
          seconds: 60,
        })[0],
    );
    const retry = firsts[0];
    const answers = await Promise.all([...firsts, retry].map((envelope) => postEvents(app(), envelope)));
    const accepted = answers.map((answer) => answer.json().accepted as number);
    expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
    // Every node's envelope is new once; of the original and its retry, exactly one is.
    expect(accepted.slice(1, 8)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect((accepted[0] ?? 0) + (accepted[8] ?? 0)).toBe(1);
    await app().services.eventIngest.drain();
    expect(await app().db.select().from(callLegs)).toHaveLength(8);
  });

  it("counts a room run twice from the same second on one node until its later end", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.4");
    // Found by the consistency property: the second instance's end used to be dropped.
    const first = conferenceEvents(node, service.name, service.tag, T0, T0 + 2);
    const second = conferenceEvents(node, service.name, service.tag, T0, T0 + 62);
    await sendAll(app(), [first.started, first.ended, second.started, second.ended, second.ended]);
    expect((await usage(app(), world.company.id)).total.roomSeconds).toBe(62);
  });

  it("in one batch (starts are written first): an end without start_time closes its own run, not a later one", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.5");
    const first = conferenceEvents(node, service.name, service.tag, T0, T0 + 60);
    const second = conferenceEvents(node, service.name, service.tag, T0 + 120, T0 + 300);
    const { start_time: _, ...endSaysNoStart } = first.ended.data;
    // The first run's end gives no start_time; a later run of the room starts in the same batch.
    await postEvents(
      app(),
      bulkBody(
        node.node,
        [first.started, { ...first.ended, data: endSaysNoStart }, second.started, second.ended],
        T0 + 400,
      ),
    );
    await app().services.eventIngest.drain();
    expect((await usage(app(), world.company.id)).total.roomSeconds).toBe(60 + 180);
    expect(await readCounters(app().db)).toMatchObject({ rejected: 0 });
  });

  it("in one batch: a run whose end arrives before its start counts once", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.6");
    const run = conferenceEvents(node, service.name, service.tag, T0, T0 + 90);
    await postEvents(app(), bulkBody(node.node, [run.ended, run.started, run.ended], T0 + 400));
    await app().services.eventIngest.drain();
    expect((await usage(app(), world.company.id)).total.roomSeconds).toBe(90);
  });

  it("counts a point-to-point call once: the caller's leg, not the gateway's leg out", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.mia.address);
    const node = new InfinityNode("10.44.99.2");
    const common = {
      conference: service.name,
      serviceTag: service.tag,
      serviceType: "gateway",
      connectAt: T0,
      seconds: 240,
    };
    await sendAll(app(), [
      ...participantEvents(node, {
        ...common,
        uuid: "g-in",
        direction: "in",
        sourceAlias: `sip:${world.admin.address}`,
      }),
      ...participantEvents(node, {
        ...common,
        uuid: "g-out",
        direction: "out",
        destinationAlias: world.mia.address,
      }),
    ]);
    const figures = await usage(app(), world.company.id);
    expect(figures.total).toMatchObject({ calls: 1, callSeconds: 240 });
    expect(figures.of("user", world.mia.id)).toMatchObject({ calls: 1 });
    expect(figures.of("user", world.admin.id)).toMatchObject({ calls: 1 });
  });

  it("answers malformed JSON with 400 and goes on; ignores unknown events; rejects odd ones and counts them", async () => {
    const world = await policyWorld(app());
    const broken = await app().app.inject({
      method: "POST",
      url: "/events/v1/pexip",
      payload: '{"node": "10.0.0.1", "seq": ',
      headers: { "content-type": "application/json" },
    });
    expect(broken.statusCode).toBe(400);
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.9");
    const [, updated, disconnected] = participantEvents(node, {
      uuid: "odd",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0,
      seconds: 60,
    });
    const odd = [
      { node: "10.44.99.9", seq: 1, time: T0, event: "participant_connected" }, // data missing: ok, but no uuid
      { seq: 2, time: T0, event: "participant_connected", data: {} }, // no node
      { node: "10.44.99.9", seq: "3", time: T0, event: "x", data: {} }, // seq of the wrong type
      { node: "10.44.99.9", seq: 4, time: 12, event: "participant_connected", data: { uuid: "y" } }, // 1970
      { node: "10.44.99.9", seq: 5, time: 4102444800, event: "participant_connected", data: { uuid: "y" } }, // 2100
      { ...disconnected, data: { ...disconnected?.data, duration: -50 } }, // negative duration
      "just a string",
      null,
    ];
    for (const envelope of odd) {
      const answer = await postEvents(app(), envelope);
      expect(answer.statusCode, `${JSON.stringify(envelope)}: ${answer.body}`).toBe(200);
    }
    await sendAll(app(), [
      node.envelope("participant_media_stream_window", T0, { uuid: "odd" }),
      node.envelope("brand_new_event", T0, {}),
    ]);
    await app().services.eventIngest.drain();
    expect((await usage(app(), world.company.id)).rows).toEqual([]);
    const counters = await readCounters(app().db);
    expect(counters.rejected).toBe(odd.length);
    expect(counters.ignored).toBe(2);
    const rejected = await queryRows<{ reason: string }>(app().db, sql`select reason from rejected_events`);
    expect(rejected.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/duration/)]),
    );
    // The same call with a sane disconnect still counts.
    await sendAll(app(), [updated, { ...disconnected, seq: 99 }]);
    expect((await usage(app(), world.company.id)).total.calls).toBe(1);
  });

  it("closes a leg whose disconnect never came (node crash), once, marked as swept", async () => {
    const world = await policyWorld(app());
    const service = await serviceOf(app(), world.board.address);
    const node = new InfinityNode("10.44.99.2");
    const [connected, updated] = participantEvents(node, {
      uuid: "lost",
      conference: service.name,
      serviceTag: service.tag,
      connectAt: T0,
      seconds: 0,
    });
    await sendAll(app(), [connected, updated]);
    const maintenance = app().services.usageMaintenance;
    expect(await maintenance.sweep()).toBe(1);
    expect(await maintenance.sweep()).toBe(0);
    const [leg] = await app().db.select().from(callLegs);
    expect(leg).toMatchObject({ endedBy: "sweep", countedDay: "2026-11-02" });
    expect((await usage(app(), world.company.id)).total.calls).toBe(1);
    expect((await readCounters(app().db)).swept).toBe(1);
  });
});

describe(`event sink with credentials (${testDatabaseKind()})`, () => {
  const app = useTestApp({
    config: {
      eventSinkCredentials: { username: "infinity-events", password: "event-sink-pass" },
      policyCredentials: { username: "infinity", password: "p0licy-pass-word" },
    },
  });
  const basic = (user: string, password: string) => ({
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
  });

  it("needs the event-sink credentials: not none, not wrong ones, not the policy ones", async () => {
    await policyWorld(app());
    const envelope = new InfinityNode("10.1.1.1").envelope("eventsink_started", T0, {});
    const without = await postEvents(app(), envelope);
    expect(without.statusCode).toBe(401);
    expect(without.headers["www-authenticate"]).toMatch(/^Basic /);
    expect((await postEvents(app(), envelope, basic("infinity", "p0licy-pass-word"))).statusCode).toBe(401);
    expect((await postEvents(app(), envelope, basic("infinity-events", "wrong"))).statusCode).toBe(401);
    expect((await postEvents(app(), envelope, basic("infinity-events", "event-sink-pass"))).statusCode).toBe(
      200,
    );
    // …and the event-sink credentials open no policy request.
    const policy = await askPolicy(
      app(),
      "/registrations",
      "q=a",
      basic("infinity-events", "event-sink-pass"),
    );
    expect(policy.statusCode).toBe(401);
  });
});

describe(`event sink status for operators (${testDatabaseKind()})`, () => {
  const app = useTestApp();

  it("shows operators the counters and the latest rejected events; nobody else", async () => {
    const world = await policyWorld(app());
    const node = new InfinityNode("10.44.99.2");
    await sendAll(app(), [node.envelope("eventsink_started", T0, {})]);
    await postEvents(app(), {
      node: "10.44.99.2",
      seq: 7,
      time: 12,
      event: "participant_connected",
      data: {},
    });
    const status = await world.operator.get("/api/v1/operator/event-sink");
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({
      counters: { ignored: 1, rejected: 1 },
      pending: 0,
      lastReceivedAt: expect.any(String),
      rejected: [
        { node: "10.44.99.2", event: "participant_connected", reason: expect.stringMatching(/time/) },
      ],
    });
    expect((await world.company.admin.get("/api/v1/operator/event-sink")).statusCode).toBe(403);
    expect((await app().client().get("/api/v1/operator/event-sink")).statusCode).toBe(401);
  });
});
