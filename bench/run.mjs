#!/usr/bin/env node
// `npm run bench`: the foundation's figures, printed as one JSON document.
// - cold start to "listening" on the embedded database (new data dir, and an existing one)
// - GET /healthz throughput against a bare Fastify hello-world in the same run (ratio)
// - sign-in p50/p95 latency (argon2id cost as configured)
// - server RSS when idle on the embedded database
// - the Members tab at 100,000 members on PostgreSQL (bench/members-list.mjs; needs
//   BENCH_DATABASE_URL or TEST_DATABASE_URL, else reported as skipped)
// - bulk invite of a 10,000-row CSV: preview and invite, on PGlite and PostgreSQL
//   (bench/bulk-invite.mjs)
// - the policy server's service configuration with 100,000 rooms and 10,000 video systems, on
//   PostgreSQL (when configured, as above) and PGlite (bench/policy.mjs): a cold pass over
//   40,000 aliases, throughput and p50/p99 at 50 connections against a bare Fastify route in the
//   same run (ratio), p50/p99/max at a steady 1,000 requests/s
// - the event sink (bench/events-ingest.mjs): events/s and p50/p99 per event from one node
//   sending in order and from 8 at once (median of three rounds), on PostgreSQL (when
//   configured) and PGlite; on PostgreSQL also 8 nodes paced at 2,050 events/s
// - the usage page API with 1,000,000 call legs over 13 months, p95 of the summary and its three
//   tabs, on PostgreSQL (bench/usage-api.mjs; PGlite too with BENCH_USAGE_PGLITE=1)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { bulkInviteBench } from "./bulk-invite.mjs";
import { eventsIngestBench } from "./events-ingest.mjs";
import { membersListBench } from "./members-list.mjs";
import { policyBench } from "./policy.mjs";
import { usageApiBench } from "./usage-api.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Spawns a server script; resolves when it logs a line with `port`, with the time it took. */
function startProcess(args, env) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    const result = { child, setupLink: null };
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf("\n");
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line);
        if (entry.setupLink) result.setupLink = entry.setupLink;
        if (entry.port && !result.port) {
          result.port = entry.port;
          result.startMs = performance.now() - startedAt;
        }
        if (result.port && (result.setupLink || !env.EXPECT_SETUP)) resolve(result);
      }
    });
    child.stderr.on("data", () => {});
    // Keep draining stdout after start: a full pipe would block the server's logging.
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code} before listening`)));
  });
}

async function stop(child) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

function startConfero(dataDir, extraEnv = {}) {
  return startProcess(["bin/confero.js", "serve"], {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...extraEnv,
  });
}

async function coldStarts() {
  const fresh = [];
  const existing = [];
  for (let i = 0; i < 3; i++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "confero-bench-"));
    const first = await startConfero(dataDir, { EXPECT_SETUP: "1" });
    fresh.push(first.startMs);
    await stop(first.child);
    const second = await startConfero(dataDir);
    existing.push(second.startMs);
    await stop(second.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    newDatabaseMs: Math.round(median(fresh)),
    existingDatabaseMs: Math.round(median(existing)),
    runs: 3,
  };
}

async function throughput(url) {
  const options = { url, connections: 20, pipelining: 1, duration: 5 };
  await autocannon({ ...options, duration: 1 }); // warm-up
  const result = await autocannon(options);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Minimal browser-like client: keeps cookies and echoes the CSRF cookie. */
function client(base) {
  const jar = new Map();
  return async (method, url, body) => {
    const headers = {
      "content-type": "application/json",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    };
    if (jar.has("csrf_token")) headers["x-csrf-token"] = jar.get("csrf_token");
    const response = await fetch(base + url, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair.split("=");
      jar.set(name, value);
    }
    return response;
  };
}

async function signInLatency(base, setupLink) {
  const request = client(base);
  await request("GET", "/api/v1/setup/status");
  const token = new URL(setupLink).searchParams.get("token");
  const credentials = { login: "bench@confero.example", password: "benchmark passphrase" };
  const setup = await request("POST", "/api/v1/setup", {
    token,
    serviceName: "Bench",
    serviceDomain: "video.example.com",
    vmrSuffix: ".vmr",
    operator: { fullName: "Bench Operator", email: credentials.login, password: credentials.password },
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const timings = [];
  for (let i = 0; i < 40; i++) {
    const signIn = client(base);
    await signIn("GET", "/api/v1/setup/status");
    const startedAt = performance.now();
    const response = await signIn("POST", "/api/v1/auth/login", credentials);
    timings.push(performance.now() - startedAt);
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  }
  return {
    p50Ms: Math.round(median(timings)),
    p95Ms: Math.round(percentile(timings, 0.95)),
    samples: timings.length,
    hash: "argon2id m=64MiB t=3 p=1",
  };
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(status.match(/VmRSS:\s+(\d+)/)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

const report = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version } };
report.coldStart = await coldStarts();

const dataDir = mkdtempSync(path.join(tmpdir(), "confero-bench-"));
const confero = await startConfero(dataDir, { EXPECT_SETUP: "1" });
const base = `http://127.0.0.1:${confero.port}`;
await sleep(1500);
const idleAfterStart = rssMiB(confero.child.pid);

// Alternate the two servers over several rounds, so drift in the machine's speed hits both alike.
const bare = await startProcess(["bench/bare-fastify.mjs"], {});
const bareRuns = [];
const healthRuns = [];
for (let round = 0; round < 3; round++) {
  bareRuns.push(await throughput(`http://127.0.0.1:${bare.port}/`));
  healthRuns.push(await throughput(`${base}/healthz`));
}
await stop(bare.child);
const byThroughput = (runs) => runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[1];
const bareResult = byThroughput(bareRuns);
const healthResult = byThroughput(healthRuns);
report.healthz = {
  confero: healthResult,
  bareFastify: bareResult,
  ratio: Math.round((healthResult.requestsPerSecond / bareResult.requestsPerSecond) * 100) / 100,
};

report.signIn = await signInLatency(base, confero.setupLink);
await sleep(3000);
report.idleRssMiB = { afterStart: idleAfterStart, afterLoad: rssMiB(confero.child.pid) };
await stop(confero.child);
rmSync(dataDir, { recursive: true, force: true });

report.membersList = await membersListBench();
report.bulkInvite = await bulkInviteBench();
report.policy = await policyBench();
report.eventsIngest = await eventsIngestBench();
report.usageApi = await usageApiBench();

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
