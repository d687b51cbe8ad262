#!/usr/bin/env node
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startServer } from "./members-list.mjs";
import { openBenchDatabase, policyAliases, SERVICE_DOMAIN, seedPolicyData } from "./policy-seed.mjs";
// Policy server at scale (issue 6): Infinity's service-configuration request with 100,000 rooms
// and 10,000 video systems in the database (bench/policy-seed.mjs), on PostgreSQL (when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a server whose user may create databases; it
// works in a database of its own and drops it after) and on the embedded database. Confero and a
// bare Fastify route returning fixed JSON (bench/bare-fastify.mjs) run as processes of their own;
// every request asks for another alias in Infinity's own query string, with basic auth: 70% room
// addresses (personal and team VMRs), 10% members' own, 10% video systems', 10% nobody's (404 by
// design). Figures:
// - a cold pass: each of the measured aliases asked once, 50 connections (nothing cached yet —
//   also what follows any change, which drops the whole policy cache);
// - throughput and p50/p99 at 50 connections once those answers are cached, against the bare
//   route in alternating rounds with the same connections, duration and requests (ratio; goal
//   ≥ 0.5 on PostgreSQL);
// - latency at a steady 1,000 requests/s (goal: p99 < 10 ms), cached and uncached aliases, from
//   a paced client (one request each millisecond) — and autocannon's `overallRate` for
//   comparison, which sends each connection's share of a second back to back, then waits.
// `npm run bench` includes it; `node bench/policy.mjs` runs it alone.
import { withScratchPglite, withScratchPostgres } from "./scratch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_POLICY_SECONDS ?? 10);
const ROUNDS = 3;
/** Distinct aliases the cold pass and the cached runs ask for (the seeded service has 199,000). */
const MEASURED_ALIASES = Number(process.env.BENCH_POLICY_ALIASES ?? 40_000);
const STEADY = {
  rate: 1_000,
  seconds: Number(process.env.BENCH_POLICY_STEADY_SECONDS ?? 15),
  connections: 10,
};
const TARGETS = { ratioOnPostgresql: 0.5, steadyP99Ms: 10 };
const MIX = { rooms: 0.7, members: 0.1, videoSystems: 0.1, unknown: 0.1 };

const CREDENTIALS = { username: "infinity-bench", password: randomBytes(12).toString("base64url") };
const AUTHORIZATION = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString("base64")}`;
const CONFIGURATION_PATH = "/policy/v1/service/configuration";

/** Infinity's service-configuration query (pexip-infinity.md §1), in its order; local_alias last. */
const QUERY_PREFIX = Object.entries({
  call_direction: "dial_in",
  protocol: "sip",
  bandwidth: "0",
  vendor: "Cisco/CE",
  encryption: "On",
  registered: "False",
  trigger: "invite",
  remote_display_name: "Alice",
  remote_alias: "sip:alice@example.com",
  remote_address: "10.44.151.5",
  remote_port: "58435",
  call_tag: "",
  idp_uuid: "",
  has_authenticated_display_name: "False",
  supports_direct_media: "False",
  teams_tenant_id: "",
  location: "London",
  node_ip: "10.144.101.21",
  version_id: "35",
  pseudo_version_id: "77683.0.0",
})
  .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
  .join("&");

/** The forms Infinity sends an address in: mostly a SIP URI, sometimes bare, with parameters, in capitals. */
function infinityForm(address) {
  const r = Math.random();
  if (r < 0.7) return `sip:${address}`;
  if (r < 0.85) return address;
  if (r < 0.95) return `sip:${address};transport=tls`;
  return `SIP:${address.toUpperCase()}`;
}

const request = (alias, expect) => ({
  query: `${QUERY_PREFIX}&local_alias=${encodeURIComponent(infinityForm(alias))}`,
  expect,
});

function shuffle(values) {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

/**
 * Disjoint sets of requests in the mix, each alias once: `take(n)` removes what it answers from
 * the seeded aliases, so a later set never asks for an address an earlier one has cached.
 * Unknown aliases are nobody's addresses on a company's domain, on a foreign one, or bare.
 */
function requestSets(aliases) {
  const rooms = shuffle([...aliases.personalRooms, ...aliases.teamRooms]);
  const members = shuffle([...aliases.members]);
  const systems = shuffle([...aliases.videoSystems]);
  let unknown = 0;
  const nobody = () => {
    unknown += 1;
    const kind = unknown % 3;
    if (kind === 0) return `nobody.${unknown}@c${1 + (unknown % 10)}.${SERVICE_DOMAIN}`;
    if (kind === 1) return `guest.${unknown}@partner.example.org`;
    return `meet.unknown${unknown}`;
  };
  return (n) => {
    const set = [];
    const from = (list, share, expect) => {
      for (const alias of list.splice(0, Math.round(n * share))) set.push(request(alias, expect));
    };
    from(rooms, MIX.rooms, 200);
    from(members, MIX.members, 200);
    from(systems, MIX.videoSystems, 200);
    for (let i = Math.round(n * MIX.unknown); i > 0; i--) set.push(request(nobody(), 404));
    return shuffle(set);
  };
}

/** The bare Fastify routes, in a process of their own; resolves with the child and its port. */
export function startBare() {
  const child = spawn(process.execPath, ["bench/bare-fastify.mjs"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk) => {
      buffer += chunk;
      const match = buffer.match(/"port":(\d+)/);
      if (!match) return;
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolve({ child, port: Number(match[1]) });
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`bench/bare-fastify.mjs exited with ${code}`)));
  });
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 102.4) / 10;
}

const round2 = (ms) => Math.round(ms * 100) / 100;

/**
 * One autocannon run. Each request takes the next set entry (`sequential`, each once: `amount`)
 * or a random one; `prefix` is the path before the query (the bare route ignores the query).
 * Statuses other than the one each entry expects are counted as `unexpectedStatus`.
 */
async function cannon(target, set, { connections, duration, amount, sequential = false, extra = {} }) {
  let next = 0;
  let unexpected = 0;
  const pick = sequential
    ? () => set[next++ % set.length]
    : () => set[Math.floor(Math.random() * set.length)];
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration }),
    headers: { authorization: AUTHORIZATION },
    requests: [
      {
        method: "GET",
        setupRequest: (req, context) => {
          const entry = pick();
          context.expect = target.bare ? 200 : entry.expect;
          req.path = `${target.prefix}?${entry.query}`;
          return req;
        },
        onResponse: (status, _body, context) => {
          if (status !== context.expect) unexpected += 1;
        },
      },
    ],
    ...extra,
  });
  const codes = result.statusCodeStats ?? {};
  const count = (code) => codes[code]?.count ?? 0;
  const others = Object.entries(codes)
    .filter(([code]) => code !== "200" && code !== "404")
    .reduce((n, [, stats]) => n + stats.count, 0);
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    status200: count("200"),
    status404: count("404"),
    errors: others + result.errors + result.timeouts,
    unexpectedStatus: unexpected,
  };
}

/**
 * A steady rate: request k is sent at start + k/rate (checked every millisecond), over at most
 * `connections` keep-alive sockets; latency runs from sending to the end of the answer, waiting
 * for a free socket included. `lateSends` counts requests sent over 5 ms behind their time.
 */
function steady(target, set, { rate, seconds, connections, sequential }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = rate * seconds;
  const latencies = [];
  const counts = { status200: 0, status404: 0, errors: 0, unexpectedStatus: 0 };
  let next = 0;
  const pick = sequential
    ? () => set[next++ % set.length]
    : () => set[Math.floor(Math.random() * set.length)];
  return new Promise((resolve) => {
    let sent = 0;
    let done = 0;
    let late = 0;
    const started = performance.now();
    const finish = () => {
      if (++done < total) return;
      const elapsed = (performance.now() - started) / 1000;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (p) =>
        round2(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
      resolve({
        requestsPerSecond: Math.round(total / elapsed),
        requests: total,
        p50Ms: at(0.5),
        p99Ms: at(0.99),
        maxMs: round2(latencies.at(-1) ?? 0),
        ...counts,
        lateSends: late,
      });
    };
    const fire = (entry) => {
      const sentAt = performance.now();
      const req = http.get(
        {
          agent,
          host: "127.0.0.1",
          port: target.port,
          path: `${target.prefix}?${entry.query}`,
          headers: { authorization: AUTHORIZATION },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - sentAt);
            if (res.statusCode === 200) counts.status200 += 1;
            else if (res.statusCode === 404) counts.status404 += 1;
            else counts.errors += 1;
            if (res.statusCode !== entry.expect) counts.unexpectedStatus += 1;
            finish();
          });
        },
      );
      req.on("error", () => {
        counts.errors += 1;
        finish();
      });
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) * rate) / 1000) + 1);
      for (; sent < due; sent++) {
        if (now - (started + (sent * 1000) / rate) > 5) late += 1;
        fire(pick());
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

/** One request of each kind, checked against what Infinity must get (is the endpoint complete?). */
async function checkAnswers(port, aliases) {
  const ask = async (alias, headers = { authorization: AUTHORIZATION }) => {
    const query = `${QUERY_PREFIX}&local_alias=${encodeURIComponent(`sip:${alias}`)}`;
    const response = await fetch(`http://127.0.0.1:${port}${CONFIGURATION_PATH}?${query}`, { headers });
    const body = await response.json().catch(() => ({}));
    return `${response.status} ${body.result?.service_type ?? body.action ?? body.error?.code ?? ""}`.trim();
  };
  const answers = {
    personalRoom: await ask(aliases.personalRooms[0]),
    teamRoom: await ask(aliases.teamRooms[0]),
    member: await ask(aliases.members[0]),
    videoSystem: await ask(aliases.videoSystems[0]),
    unknown: await ask(`nobody.at.all@c1.${SERVICE_DOMAIN}`),
    withoutCredentials: await ask(aliases.teamRooms[1], {}),
  };
  const expected = {
    personalRoom: "200 conference",
    teamRoom: "200 conference",
    member: "200 gateway",
    videoSystem: "200 gateway",
    unknown: "404 continue",
    withoutCredentials: "401 UNAUTHENTICATED",
  };
  const complete = Object.entries(expected).every(([kind, answer]) => answers[kind] === answer);
  return { answers, complete };
}

/** Seeds the database, starts Confero on it and the bare route beside it, and measures. */
async function runOn(kind, target, serverEnv) {
  const loadBefore = loadavg()[0];
  const { database, migrateMs } = await openBenchDatabase(target);
  let seeded;
  let aliases;
  try {
    seeded = await seedPolicyData(database, { sessionSecret: serverEnv.SESSION_SECRET });
    aliases = await policyAliases(database);
  } finally {
    await database.close();
  }
  const take = requestSets(aliases);
  const warmUpSet = take(2_000);
  const measured = take(MEASURED_ALIASES);
  const coldSteadySet = take(STEADY.rate * STEADY.seconds);

  const { server, port } = await startServer({
    ...process.env,
    ...serverEnv,
    POLICY_USERNAME: CREDENTIALS.username,
    POLICY_PASSWORD: CREDENTIALS.password,
  });
  const bare = await startBare();
  try {
    const confero = { port, prefix: CONFIGURATION_PATH, bare: false };
    const baseline = { port: bare.port, prefix: "/", bare: true };
    const { answers, complete } = await checkAnswers(port, aliases);

    // Warm-up (JIT, connections, pools) on aliases no measurement asks for again.
    const warmUp = { connections: CONNECTIONS, duration: 3 };
    await cannon(baseline, warmUpSet, warmUp);
    await cannon(confero, warmUpSet, warmUp);

    const coldPass = await cannon(confero, measured, {
      connections: CONNECTIONS,
      amount: measured.length,
      sequential: true,
    });

    // Alternate the two servers, so drift in the machine's speed hits both alike; the median round counts.
    const run = { connections: CONNECTIONS, duration: SECONDS };
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({
        bareFastify: await cannon(baseline, measured, run),
        confero: await cannon(confero, measured, run),
      });
    }
    const median = (key) =>
      rounds.map((r) => r[key]).sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[
        Math.floor(ROUNDS / 2)
      ];
    const cached = median("confero");
    const bareResult = median("bareFastify");
    const ratio = Math.round((cached.requestsPerSecond / bareResult.requestsPerSecond) * 100) / 100;

    const warmSteady = await steady(confero, measured, { ...STEADY, sequential: false });
    const coldSteady = await steady(confero, coldSteadySet, { ...STEADY, sequential: true });
    const overallRate = await cannon(confero, measured, {
      connections: STEADY.connections,
      duration: STEADY.seconds,
      extra: { overallRate: STEADY.rate, ignoreCoordinatedOmission: true },
    });
    await sleep(500);
    return {
      database: kind,
      seeded: { migrateMs, ...seeded },
      endpointComplete: complete,
      answers,
      requests: {
        mix: MIX,
        measuredAliases: measured.length,
        aliasForms: "70% sip:…, 15% bare address, 10% sip:…;transport=tls, 5% capitals",
        basicAuth: true,
        serverLogLevel: "info",
      },
      coldPass: { connections: CONNECTIONS, ...coldPass },
      throughput: {
        connections: CONNECTIONS,
        durationS: SECONDS,
        cachedAnswers: cached,
        bareFastify: bareResult,
        ratio,
        target: kind === "postgresql" ? TARGETS.ratioOnPostgresql : null,
        targetMet: kind === "postgresql" ? ratio >= TARGETS.ratioOnPostgresql : null,
        rounds: rounds.map((r) => ({
          bareFastify: r.bareFastify.requestsPerSecond,
          confero: r.confero.requestsPerSecond,
        })),
      },
      steady: {
        rate: STEADY.rate,
        seconds: STEADY.seconds,
        connections: STEADY.connections,
        cachedAnswers: warmSteady,
        uncachedAliases: coldSteady,
        autocannonOverallRate: overallRate,
        targetP99Ms: TARGETS.steadyP99Ms,
        targetMet: warmSteady.p99Ms < TARGETS.steadyP99Ms && coldSteady.p99Ms < TARGETS.steadyP99Ms,
      },
      serverRssMiB: rssMiB(server.pid),
      // Other work on the machine skews every figure: the 1-minute load average around the run.
      machineLoad: { before: round2(loadBefore), after: round2(loadavg()[0]) },
    };
  } finally {
    await stop(bare.child);
    await stop(server);
  }
}

const serverEnv = () => ({ SESSION_SECRET: randomBytes(32).toString("hex"), LOG_LEVEL: "info" });

/** Both databases: PostgreSQL when configured (else skipped), and the embedded one. */
export async function policyBench() {
  const postgresql = await withScratchPostgres("confero_bench_policy", (url) =>
    runOn("postgresql", { kind: "postgres", url }, { ...serverEnv(), DATABASE_URL: url }),
  );
  const pglite = await withScratchPglite("confero-bench-policy", (dataDir) =>
    runOn("pglite", { kind: "pglite", dataDir }, { ...serverEnv(), DATA_DIR: dataDir, DATABASE_URL: "" }),
  );
  return { postgresql, pglite };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify({ policy: await policyBench() }, null, 2)}\n`);
}
