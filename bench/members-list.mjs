#!/usr/bin/env node
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedMembers } from "./members-seed.mjs";
// Members list at scale (issue 4): 100,000 members in one company on PostgreSQL, plus another
// company with 5,000; p50/p95 of every kind of Members tab request (each sort, status filters,
// first/middle/last pages, searches of 1, 2 and 3+ characters matching many, few and no
// members — one or two letters or digits match the start of a word — email and address
// fragments) through the real HTTP API with a signed-in session.
// Target: p95 < 50 ms for each. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a server
// whose user may create databases; it works in a database of its own and drops it after.
// `npm run bench` includes it; `node bench/members-list.mjs` runs it alone.
// BENCH_ANSWERS=<file> checks that a change finds the same members: the first run writes what
// each scenario answered (total and the page's emails, in order: the seeded members' ids, which
// break ties of names, are the same every run, the demo accounts' are not) to the file, later
// runs compare with it ("answersMatch", and the scenarios that differ).
import { benchServerEnv, stopServer, withScratchPostgres } from "./scratch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_P95_MS = 50;

/** The requests to time, as query strings of GET /companies/{id}/members. */
export function scenarios(members) {
  const lastPage = Math.ceil(members / 50);
  const middlePage = Math.ceil(lastPage / 2);
  const byName = (i) => `?page=${i}&pageSize=50`;
  const sorts = [
    "fullName",
    "-fullName",
    "email",
    "-email",
    "videoAddress",
    "-videoAddress",
    "createdAt",
    "-createdAt",
    "status",
    "role",
  ];
  const list = {};
  for (const sort of sorts) list[`sort ${sort}, first page`] = `?sort=${sort}&page=1&pageSize=50`;
  Object.assign(list, {
    "by name, middle page": byName(middlePage),
    "by name, last page": byName(lastPage),
    "sort -createdAt, last page": `?sort=-createdAt&page=${lastPage}&pageSize=50`,
    "sort email, middle page": `?sort=email&page=${middlePage}&pageSize=50`,
    "sort status, last page": `?sort=status&page=${lastPage}&pageSize=50`,
    "status active, first page": "?status=active&page=1&pageSize=50",
    "status invited, first page": "?status=invited&page=1&pageSize=50",
    "status invited, last page": `?status=invited&page=${Math.ceil(members / 10 / 50)}&pageSize=50`,
    "status invited, sort -createdAt": "?status=invited&sort=-createdAt&page=3&pageSize=50",
    'search "a" (1 char, many)': "?q=a&page=1&pageSize=50",
    'search "z" (1 char, word starts, last by name)': "?q=z&page=1&pageSize=50",
    'search "ë" (1 non-ASCII char: substring, scans)': "?q=%C3%AB&page=1&pageSize=50",
    'search "q" (1 char, none)': "?q=q&page=1&pageSize=50",
    'search "an" (2 chars, many)': "?q=an&page=1&pageSize=50",
    'search "zi" (2 chars, some)': "?q=zi&page=1&pageSize=50",
    'search "qx" (2 chars, none)': "?q=qx&page=1&pageSize=50",
    'search "sen" (3 chars, many)': "?q=sen&page=1&pageSize=50",
    'search "sen", page 100': "?q=sen&page=100&pageSize=50",
    'search "smith" sorted -createdAt': "?q=smith&sort=-createdAt&page=1&pageSize=50",
    'search "sen" invited only': "?q=sen&status=invited&page=1&pageSize=50",
    'search "zoë bauer" (few)': "?q=zo%C3%AB%20bauer&page=1&pageSize=50",
    'search "olga.keller.4" (few)': "?q=olga.keller.4&page=1&pageSize=50",
    'search "nobody-at-all" (none)': "?q=nobody-at-all&page=1&pageSize=50",
    'email fragment "@mail.example"': "?q=%40mail.example&page=1&pageSize=50",
    'email fragment ".a4242@" (one)': "?q=.a4242%40&page=1&pageSize=50",
    'address fragment "acme.video" (all)': "?q=acme.video&page=1&pageSize=50",
    'address fragment ".4242@acme" (one)': "?q=.4242%40acme&page=1&pageSize=50",
    'search "50%_" (literal, none)': "?q=50%25_&page=1&pageSize=50",
  });
  return list;
}

/** Times each scenario with sequential requests; `call` returns the parsed JSON answer. */
async function measure(call, membersPath, list, { warmUp = 3, samples = 40 } = {}) {
  const figures = {};
  for (const [label, query] of Object.entries(list)) {
    let total = 0;
    for (let i = 0; i < warmUp; i++) total = (await call("GET", membersPath + query)).total;
    const timings = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await call("GET", membersPath + query);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const p95 = timings[Math.ceil(samples * 0.95) - 1];
    figures[label] = {
      total,
      p50Ms: round(timings[Math.floor(samples / 2)]),
      p95Ms: round(p95),
      targetMet: p95 < TARGET_P95_MS,
    };
  }
  return figures;
}

/** What each scenario answers, by email (stable across seeds), for BENCH_ANSWERS. */
export async function answers(call, membersPath, list) {
  const found = {};
  for (const [label, query] of Object.entries(list)) {
    const page = await call("GET", membersPath + query);
    found[label] = {
      total: page.total,
      totalCapped: page.totalCapped,
      emails: page.items.map((m) => m.email),
    };
  }
  return found;
}

/** Writes the answers to `file` when it does not exist yet, else the scenarios that differ from it. */
export function compareAnswers(file, found) {
  if (!existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(found)}\n`);
    return { answersWrittenTo: file };
  }
  const before = JSON.parse(readFileSync(file, "utf8"));
  const labels = new Set([...Object.keys(before), ...Object.keys(found)]);
  const differing = [...labels].filter((l) => JSON.stringify(before[l]) !== JSON.stringify(found[l]));
  return { answersComparedWith: file, answersMatch: differing.length === 0, answersDiffer: differing };
}

/** A browser-like client on the API: keeps cookies, echoes the CSRF cookie. */
export function apiClient(base) {
  const cookies = new Map();
  /** The session's headers, for requests the JSON call below does not make (a CSV upload). */
  const sessionHeaders = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    ...(cookies.has("csrf_token") ? { "x-csrf-token": cookies.get("csrf_token") } : {}),
  });
  const call = async (method, pathname, body) => {
    const headers = { "content-type": "application/json", ...sessionHeaders() };
    const response = await fetch(base + pathname, { method, headers, body: body && JSON.stringify(body) });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair.split("=");
      cookies.set(k, v);
    }
    if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  call.sessionHeaders = sessionHeaders;
  return call;
}

/**
 * Starts `confero serve` on the database; resolves with the child and its port.
 * BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
 */
export function startServer(env) {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, "bin/confero.js", "serve"], {
    cwd: root,
    env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk) => {
      buffer += chunk;
      const match = buffer.match(/"port":(\d+)/);
      if (match) {
        // Keep draining stdout: a full pipe would block the server's logging.
        buffer = "";
        server.stdout.off("data", onData);
        server.stdout.resume();
        resolve({ server, port: Number(match[1]) });
      }
    };
    server.stdout.on("data", onData);
    server.once("exit", (code) => reject(new Error(`confero serve exited with ${code}`)));
  });
}

/** The whole benchmark, on a database of its own; skipped when no PostgreSQL server is configured. */
export async function membersListBench() {
  const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
  return withScratchPostgres("confero_bench", (databaseUrl) => measureMembersTab(databaseUrl, members));
}

async function measureMembersTab(databaseUrl, members) {
  const env = { ...benchServerEnv(), DATABASE_URL: databaseUrl };
  let server;
  try {
    const seedStarted = performance.now();
    const seeded = JSON.parse(
      execFileSync(process.execPath, ["bin/confero.js", "seed-demo", "--json"], {
        cwd: root,
        env,
      }).toString(),
    );
    const acme = seeded.companies.find((c) => c.slug === "acme");
    const globex = seeded.companies.find((c) => c.slug === "globex");
    const alice = seeded.accounts.find((a) => a.email === "alice.andersen@acme.example");
    await seedMembers(databaseUrl, [
      { companyId: acme.id, videoDomain: acme.videoDomains[0], count: members, tag: "a" },
      { companyId: globex.id, videoDomain: globex.videoDomains[0], count: 5_000, tag: "g" },
    ]);
    const seedMs = Math.round(performance.now() - seedStarted);

    const started = await startServer(env);
    server = started.server;
    const call = apiClient(`http://127.0.0.1:${started.port}/api/v1`);
    await call("GET", "/setup/status");
    await call("POST", "/auth/login", { login: alice.email, password: alice.password });
    const membersPath = `/companies/${acme.id}/members`;
    const checked = process.env.BENCH_ANSWERS
      ? compareAnswers(process.env.BENCH_ANSWERS, await answers(call, membersPath, scenarios(members)))
      : {};
    const figures = await measure(call, membersPath, scenarios(members));
    const worst = Math.max(...Object.values(figures).map((f) => f.p95Ms));
    return {
      database: "postgresql",
      membersInCompany: figures["sort fullName, first page"].total,
      seedMs,
      targetP95Ms: TARGET_P95_MS,
      worstP95Ms: worst,
      targetMet: Object.values(figures).every((f) => f.targetMet),
      ...checked,
      scenarios: figures,
    };
  } finally {
    if (server) await stopServer(server);
  }
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify({ membersList: await membersListBench() }, null, 2)}\n`);
}
