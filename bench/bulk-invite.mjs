#!/usr/bin/env node
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiClient, startServer } from "./members-list.mjs";
// Bulk invite at scale (issue 4): a 10,000-row CSV previewed (target < 2 s) and invited (target
// < 10 s; emails are queued, not sent) through the real HTTP API, on the embedded database and,
// when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL in a database of its own.
// `npm run bench` includes it; `node bench/bulk-invite.mjs` runs it alone.
import { benchServerEnv, stopServer, withScratchPglite, withScratchPostgres } from "./scratch.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROWS = 10_000;
const TARGETS = { previewMs: 2_000, inviteMs: 10_000 };

/** `Full name;email;video address` with a header, a BOM and CRLF, as Excel saves it. */
function bulkFile(rows, tag) {
  const lines = ["Full name;email;video address"];
  for (let i = 0; i < rows; i++)
    lines.push(`Person ${tag} ${i};person.${tag}.${i}@bulk.example;person.${tag}.${i}`);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Uploads a CSV with the signed-in client's session; answers the time it took and the body. */
async function timedUpload(base, client, pathname, csv) {
  const started = performance.now();
  const response = await fetch(base + pathname, {
    method: "POST",
    headers: { "content-type": "text/csv", ...client.sessionHeaders() },
    body: csv,
  });
  const body = await response.json();
  const ms = Math.round(performance.now() - started);
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function runOn(database, env) {
  const seeded = JSON.parse(
    execFileSync(process.execPath, ["bin/confero.js", "seed-demo", "--json"], { cwd: root, env }).toString(),
  );
  const acme = seeded.companies.find((c) => c.slug === "acme");
  const account = (email) => seeded.accounts.find((a) => a.email === email);
  const { server, port } = await startServer(env);
  try {
    const base = `http://127.0.0.1:${port}/api/v1`;
    // The partner gives Acme room for two files of 10,000.
    const paul = apiClient(base);
    await paul("GET", "/setup/status");
    await paul("POST", "/auth/login", {
      login: "paul@northwind.example",
      password: account("paul@northwind.example").password,
    });
    await paul("PATCH", `/partners/${acme.partnerId}/companies/${acme.id}`, { licences: 2 * ROWS + 100 });

    const alice = account("alice.andersen@acme.example");
    const session = apiClient(base);
    await session("GET", "/setup/status");
    await session("POST", "/auth/login", { login: alice.email, password: alice.password });
    const bulk = `/companies/${acme.id}/invitations/bulk`;
    const file = bulkFile(ROWS, "a");
    const previews = [];
    for (let i = 0; i < 3; i++) {
      const { ms, body } = await timedUpload(base, session, `${bulk}/preview`, file);
      if (body.validCount !== ROWS) throw new Error(`preview: ${body.validCount} valid of ${ROWS}`);
      previews.push(ms);
    }
    const invite = await timedUpload(base, session, `${bulk}?expect=${ROWS}`, file);
    if (invite.body.invited !== ROWS) throw new Error(`invited ${invite.body.invited}`);
    // The same file again: every row is now taken, so the preview flags all 10,000.
    const again = await timedUpload(base, session, `${bulk}/preview`, file);
    const previewMs = previews.sort((a, b) => a - b)[1];
    return {
      database,
      rows: ROWS,
      previewMs,
      previewOfTakenRowsMs: again.ms,
      inviteMs: invite.ms,
      targets: TARGETS,
      targetMet:
        previewMs < TARGETS.previewMs && again.ms < TARGETS.previewMs && invite.ms < TARGETS.inviteMs,
    };
  } finally {
    await stopServer(server);
  }
}

export async function bulkInviteBench() {
  const pglite = await withScratchPglite("confero-bench-bulk", (dataDir) =>
    runOn("pglite", { ...benchServerEnv(), DATA_DIR: dataDir, DATABASE_URL: "" }),
  );
  const postgresql = await withScratchPostgres("confero_bench_bulk", (url) =>
    runOn("postgresql", { ...benchServerEnv(), DATABASE_URL: url }),
  );
  return { pglite, postgresql };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await bulkInviteBench(), null, 2));
}
