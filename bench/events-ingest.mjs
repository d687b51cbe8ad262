#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { apiClient, startServer } from "./members-list.mjs";
import { startBare } from "./policy.mjs";
import { openBenchDatabase, seedPolicyData } from "./policy-seed.mjs";
// Event sink ingest (issue 7): how fast `POST /events/v1/pexip` takes Infinity's events, sent as
// its Conferencing Nodes send them — each node one POST at a time, waiting for every answer —
// by one node alone and by 8 nodes at once; events per second and p50/p99 per event. The events
// are the traffic simulator's (src/server/modules/events/traffic-simulator.ts): meetings in the
// seeded company's rooms and point-to-point calls to its members and video systems, with their
// service tags, against `confero serve` as a separate process with event-sink basic auth.
// After each part it waits until the sink has applied everything to the usage figures (as an
// operator sees it: GET /operator/event-sink) and reports that rate too.
// Goal on PostgreSQL: ≥ 2,000 events/s from 8 nodes and p99 < 10 ms (one node waiting on each
// answer cannot beat 1/latency: its goal is the p99). Two readings of the 8 nodes: `eightNodes`
// sends as fast as the answers come, each node waiting for each answer as Infinity's do — the
// most the sink takes, with the p99 at that rate; the goal is judged there. `eightNodesAtGoal`
// sends 2,050 events/s spread evenly over each node's stream, as calls make them, with latency
// counted from when each event was due (a node that falls behind pays its queue) and
// `answerP99Ms` from send to answer; `senderFloor` is the same paced run against a bare Fastify
// route that answers at once (bench/bare-fastify.mjs): on one small machine the sender's own
// stalls show in the due-time p99, and the floor says how much of it is the sender's. Bulk mode
// (one node, 100 events a body) is reported too. Runs on PGlite and, with BENCH_DATABASE_URL (or TEST_DATABASE_URL), on PostgreSQL
// in a database of its own (confero_bench_events, dropped after). `npm run bench` includes it;
// `node bench/events-ingest.mjs` runs it alone (after `npm run build`).
import { benchServerEnv, stopServer, withScratchPglite, withScratchPostgres } from "./scratch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const simulator = () =>
  import(pathToFileURL(path.join(root, "dist/server/modules/events/traffic-simulator.js")).href);

const GOALS = { eventsPerSecond: 2_000, p99Ms: 10 };
/** The paced run aims a little above the goal, so that the rate it reaches is past it, not on it. */
const PACED_EVENTS_PER_SECOND = 2_050;
/** One company: 2,000 members (personal rooms), 500 team rooms, 200 video systems. */
const SHAPE = { companies: 1, members: 2_000, teamRooms: 500, videoSystems: 200 };
const SINK = { username: "infinity-events", password: randomBytes(12).toString("hex") };
const EIGHT_NODE_ROUNDS = 3;
const CALLS = { warmUp: 40, oneNode: 600, eightNodes: 1_600, atGoal: 1_600, bulk: 600 };
const BULK_SIZE = 100;

/** The company's addresses with Confero's own answers (name, service tag), read from the database. */
async function directoryOf(database) {
  const { rows } = await database.db.$client.query(
    `select va.address, va.owner_type, va.owner_id, va.company_id
       from video_addresses va
       left join accounts a on va.owner_type = 'member' and a.id = va.owner_id
       left join personal_rooms pr on va.owner_type = 'personal_room' and pr.id = va.owner_id
       left join accounts o on o.id = pr.account_id
      where coalesce(a.status, o.status, 'active') = 'active'`,
  );
  const kinds = { personal_room: "room", team_room: "room", member: "person", video_system: "system" };
  const answers = new Map();
  const entries = rows.map((row) => {
    answers.set(row.address, {
      serviceType: kinds[row.owner_type] === "room" ? "conference" : "gateway",
      name: row.address,
      serviceTag: `confero:v1:${row.company_id}:${row.owner_type}:${row.owner_id}`,
    });
    return { alias: row.address, name: row.address, kind: kinds[row.owner_type] };
  });
  return { entries, answers };
}

/** A day of traffic ending now on `nodes`, each node's events in order with its own seq. */
async function traffic(directory, nodes, calls, seed) {
  const sim = await simulator();
  const planned = sim.planCalls({
    seed,
    calls,
    directory: directory.entries,
    nodes,
    timeZone: "UTC",
    window: { kind: "history", days: 1, endAt: Date.now() / 1000 },
  });
  const events = planned.flatMap((call) =>
    sim.renderCall(call, directory.answers.get(call.dialled.alias), nodes),
  );
  return sim.streamsByNode(events);
}

/** One sender's answers can only come so fast: its goal is the latency, the throughput is 8 senders'. */
function figures(sent, ms, goals = GOALS) {
  const percentile = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (p) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
  };
  const at = percentile(sent.latenciesMs);
  const eventsPerSecond = Math.round(sent.events / (ms / 1000));
  const p99Ms = at(0.99);
  return {
    events: sent.events,
    errors: sent.errors,
    ...(sent.firstError ? { firstError: sent.firstError } : {}),
    seconds: round(ms / 1000),
    eventsPerSecond,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms,
    maxMs: at(1),
    answerP99Ms: percentile(sent.answerMs)(0.99),
    ...(Object.keys(goals).length > 0
      ? { goalMet: eventsPerSecond >= (goals.eventsPerSecond ?? 0) && p99Ms < (goals.p99Ms ?? Infinity) }
      : {}),
  };
}

/**
 * Waits until the sink has applied everything it received, as an operator sees it (GET
 * /operator/event-sink: `pending`); answers how long it took, or null when it cannot tell.
 */
async function waitUntilApplied(operator) {
  const started = performance.now();
  for (;;) {
    let pending;
    try {
      ({ pending } = await operator("GET", "/operator/event-sink"));
    } catch {
      return null;
    }
    if (pending === 0) return performance.now() - started;
    if (performance.now() - started > 600_000) return null;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The seeded operator's password, to watch the sink's status. */
async function operatorPassword(database) {
  const { hashPassword } = await import(pathToFileURL(path.join(root, "dist/server/lib/passwords.js")).href);
  const password = randomBytes(12).toString("hex");
  const { rows } = await database.db.$client.query(
    "update accounts set password_hash = $1, password_changed_at = now() where kind = 'operator' returning email",
    [await hashPassword(password)],
  );
  return { login: rows[0].email, password };
}

/** The paced run against a route that answers at once: what the sender alone adds on this machine. */
async function pacedAgainstBare(streams) {
  const sim = await simulator();
  const { child, port } = await startBare();
  const client = new sim.ConferoClient(`http://127.0.0.1:${port}`);
  try {
    const events = [...streams.values()].reduce((n, stream) => n + stream.length, 0);
    const started = performance.now();
    const sent = await sim.sendStreams(client, streams, { paceSeconds: events / PACED_EVENTS_PER_SECOND });
    const { eventsPerSecond, p50Ms, p99Ms, answerP99Ms } = figures(sent, performance.now() - started, {});
    return { eventsPerSecond, p50Ms, p99Ms, answerP99Ms };
  } finally {
    client.close();
    await stopServer(child);
  }
}

async function runOn(kind, env, target) {
  const sim = await simulator();
  const seedStarted = performance.now();
  const { database } = await openBenchDatabase(target);
  let directory;
  let operatorLogin;
  try {
    await seedPolicyData(database, { sessionSecret: env.SESSION_SECRET, shape: SHAPE });
    directory = await directoryOf(database);
    operatorLogin = await operatorPassword(database);
  } finally {
    await database.close();
  }
  const seedMs = Math.round(performance.now() - seedStarted);
  // The paced run is PostgreSQL's alone: the goal is, and PGlite (one connection) takes a few
  // hundred events a second from eight nodes — paced at 2,050 it would only measure its queue.
  const pacedToo = kind === "postgresql";
  const senderFloor = pacedToo
    ? await pacedAgainstBare(
        await traffic(
          directory,
          Array.from({ length: 8 }, (_, i) => `10.44.99.${i + 1}`),
          CALLS.atGoal,
          5,
        ),
      )
    : null;
  const serverEnv = { ...env, EVENT_SINK_USERNAME: SINK.username, EVENT_SINK_PASSWORD: SINK.password };
  const { server, port } = await startServer(serverEnv);
  const client = new sim.ConferoClient(`http://127.0.0.1:${port}`, { sink: SINK });
  const operator = apiClient(`http://127.0.0.1:${port}/api/v1`);
  try {
    await operator("GET", "/setup/status");
    await operator("POST", "/auth/login", operatorLogin);
    const send = async (streams, goals, bulkSize = null, paceSeconds = undefined) => {
      const started = performance.now();
      const sent = await sim.sendStreams(client, streams, { bulkSize, paceSeconds });
      return figures(sent, performance.now() - started, goals);
    };
    await send(await traffic(directory, ["10.44.97.1"], CALLS.warmUp, 1));
    await waitUntilApplied(operator);

    const one = await traffic(directory, ["10.44.98.1"], CALLS.oneNode, 2);
    const oneNode = await send(one, { p99Ms: GOALS.p99Ms });
    const oneApplyMs = await waitUntilApplied(operator);

    const eightNodes = Array.from({ length: 8 }, (_, i) => `10.44.99.${i + 1}`);
    const applied = (sent, sendSeconds, afterMs) =>
      afterMs === null ? null : Math.round(sent.events / (sendSeconds + afterMs / 1000));
    // Three rounds, the median reported: this machine's neighbours make single runs vary ±20 %.
    const rounds = [];
    for (let round = 0; round < EIGHT_NODE_ROUNDS; round += 1) {
      const eight = await traffic(directory, eightNodes, CALLS.eightNodes, 3 + 10 * round);
      const started = performance.now();
      const sent = await send(eight, GOALS);
      const applyMs = await waitUntilApplied(operator);
      rounds.push({
        ...sent,
        appliedPerSecond: applied(sent, sent.seconds, applyMs),
        allAppliedAfterMs: applyMs === null ? null : Math.round(performance.now() - started),
      });
    }
    const median = [...rounds].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[1];

    let eightNodesAtGoal = { skipped: "PostgreSQL only (the goal is PostgreSQL's)" };
    if (pacedToo) {
      const paced = await traffic(directory, eightNodes, CALLS.atGoal, 5);
      const pacedEvents = [...paced.values()].reduce((n, stream) => n + stream.length, 0);
      const atGoal = await send(paced, {}, null, pacedEvents / PACED_EVENTS_PER_SECOND);
      const atGoalApplyMs = await waitUntilApplied(operator);
      eightNodesAtGoal = {
        ...atGoal,
        nodes: 8,
        pacedAtEventsPerSecond: PACED_EVENTS_PER_SECOND,
        appliedPerSecond: applied(atGoal, atGoal.seconds, atGoalApplyMs),
        senderFloor,
      };
    }

    // Infinity's bulk mode: one node, eventsink_bulk bodies of 100 events, one at a time.
    const bulk = await send(await traffic(directory, ["10.44.96.1"], CALLS.bulk, 4), {}, BULK_SIZE);
    const bulkApplyMs = await waitUntilApplied(operator);
    return {
      database: kind,
      seedMs,
      addresses: directory.entries.length,
      oneNode: {
        ...oneNode,
        appliedPerSecond: applied(oneNode, oneNode.seconds, oneApplyMs),
      },
      eightNodes: {
        ...median,
        nodes: 8,
        rounds: rounds.map((r) => ({
          eventsPerSecond: r.eventsPerSecond,
          p99Ms: r.p99Ms,
          goalMet: r.goalMet,
        })),
      },
      eightNodesAtGoal,
      oneNodeBulk: {
        ...bulk,
        eventsPerBody: BULK_SIZE,
        latencyIsPer: "body",
        appliedPerSecond: applied(bulk, bulk.seconds, bulkApplyMs),
      },
      goals: { oneNode: { p99Ms: GOALS.p99Ms }, eightNodes: GOALS },
    };
  } finally {
    client.close();
    await stopServer(server);
  }
}

export async function eventsIngestBench() {
  const postgresql = await withScratchPostgres("confero_bench_events", (url) =>
    runOn("postgresql", { ...benchServerEnv(), DATABASE_URL: url }, { kind: "postgres", url }),
  );
  const pglite = await withScratchPglite("confero-bench-events", (dataDir) =>
    runOn(
      "pglite",
      { ...benchServerEnv(), DATA_DIR: dataDir, DATABASE_URL: "" },
      { kind: "pglite", dataDir },
    ),
  );
  return { postgresql, pglite };
}

function round(ms) {
  return Math.round(ms * 100) / 100;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify({ eventsIngest: await eventsIngestBench() }, null, 2)}\n`);
}
