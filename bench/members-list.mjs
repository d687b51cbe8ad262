#!/usr/bin/env node
// Members list at scale: 100,000 members in one company on PostgreSQL; p50/p95 of the Members
// tab's requests (first page, a deep page, searches) through the real HTTP API.
// Needs a PostgreSQL server: BENCH_DATABASE_URL (or TEST_DATABASE_URL) pointing at a database
// whose user may create databases. Prints JSON; run via `npm run bench`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);

if (!adminUrl) {
  process.stdout.write(
    `${JSON.stringify({ membersList: { skipped: "set BENCH_DATABASE_URL to a PostgreSQL server" } })}\n`,
  );
  process.exit(0);
}

const name = `confero_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  SESSION_SECRET: randomBytes(32).toString("hex"),
  LOG_LEVEL: "warn",
};

try {
  const seeded = JSON.parse(
    execFileSync(process.execPath, ["bin/confero.js", "seed-demo", "--json"], { cwd: root, env }).toString(),
  );
  const acme = seeded.companies.find((c) => c.slug === "acme");
  const alice = seeded.accounts.find((a) => a.email === "alice.andersen@acme.example");
  await fillCompany(url.toString(), acme);

  const server = spawn(process.execPath, ["bin/confero.js", "serve"], {
    cwd: root,
    env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise((resolve) => {
    let buffer = "";
    server.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = buffer.match(/"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  const cookies = new Map();
  const call = async (method, pathname, body) => {
    const headers = {
      "content-type": "application/json",
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    };
    if (cookies.has("csrf_token")) headers["x-csrf-token"] = cookies.get("csrf_token");
    const response = await fetch(base + pathname, { method, headers, body: body && JSON.stringify(body) });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair.split("=");
      cookies.set(k, v);
    }
    if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  await call("GET", "/setup/status");
  await call("POST", "/auth/login", { login: alice.email, password: alice.password });

  const members = `/companies/${acme.id}/members`;
  const scenarios = {
    firstPage: `${members}?page=1&pageSize=50`,
    deepPage: `${members}?page=1500&pageSize=50`,
    sortByEmailDesc: `${members}?page=20&pageSize=50&sort=-email`,
    searchCommonName: `${members}?q=smith&page=1&pageSize=50`,
    searchOnePerson: `${members}?q=member.04242&page=1&pageSize=50`,
    searchNoMatch: `${members}?q=zzzz-nobody&page=1&pageSize=50`,
  };
  const result = { members: MEMBERS, database: "postgresql", samplesPerScenario: 100 };
  const total = (await call("GET", scenarios.firstPage)).total;
  result.totalInCompany = total;
  for (const [label, pathname] of Object.entries(scenarios)) {
    for (let i = 0; i < 10; i++) await call("GET", pathname); // warm-up
    const timings = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      await call("GET", pathname);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    result[label] = { p50Ms: round(timings[50]), p95Ms: round(timings[95]) };
  }
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  process.stdout.write(`${JSON.stringify({ membersList: result }, null, 2)}\n`);
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

function round(ms) {
  return Math.round(ms * 10) / 10;
}

/** Inserts the members (with their addresses and personal VMRs) directly: we measure reads. */
async function fillCompany(databaseUrl, company) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const domain = company.videoDomains[0];
  const surnames = ["smith", "jones", "berg", "olsen", "garcia", "muller", "rossi", "tanaka"];
  await client.query("begin");
  await client.query(
    `insert into accounts (kind, company_id, role, status, full_name, email, video_address)
     select 'member', $1, 'member', case when i % 10 = 0 then 'invited' else 'active' end,
            'Member ' || lpad(i::text, 6, '0') || ' ' || initcap(($3::text[])[1 + i % 8]),
            'member.' || lpad(i::text, 5, '0') || '@' || ($3::text[])[1 + i % 8] || '.example',
            'member.' || lpad(i::text, 5, '0') || '@' || $2
     from generate_series(1, $4) as i`,
    [company.id, domain, surnames, MEMBERS],
  );
  await client.query(
    `insert into personal_rooms (company_id, account_id, name, address)
     select company_id, id, full_name || '''s room', replace(video_address, '@', '.vmr@') from accounts
     where company_id = $1 and email like 'member.%'`,
    [company.id],
  );
  await client.query(
    `insert into video_addresses (address, company_id, owner_type, owner_id)
     select video_address, company_id, 'member', id from accounts where company_id = $1 and email like 'member.%'
     union all
     select address, company_id, 'personal_room', id from personal_rooms where company_id = $1 and name like 'Member %'`,
    [company.id],
  );
  await client.query("commit");
  await client.query("analyze");
  await client.end();
}
