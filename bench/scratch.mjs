// What every bench that starts its own Confero needs: a throwaway database on the PostgreSQL
// server of BENCH_DATABASE_URL (or TEST_DATABASE_URL), or a throwaway PGlite directory, a
// server environment with a fresh session secret, and a clean stop.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** Confero's environment for a bench server: quiet logs, a secret of its own. */
export const benchServerEnv = () => ({
  ...process.env,
  SESSION_SECRET: randomBytes(32).toString("hex"),
  LOG_LEVEL: "warn",
});

/**
 * BENCH_DATABASES=postgresql (or pglite) runs one kind only — for iterating on one figure;
 * `npm run bench` runs both.
 */
function skippedKind(kind) {
  const only = process.env.BENCH_DATABASES?.split(",").map((k) => k.trim());
  return only && !only.includes(kind) ? { skipped: `not in BENCH_DATABASES=${only.join(",")}` } : null;
}

/**
 * Runs `fn(url)` on a new database on the configured PostgreSQL server and drops it afterwards;
 * `{ skipped }` when no server is configured.
 */
export async function withScratchPostgres(prefix, fn) {
  const skipped = skippedKind("postgresql");
  if (skipped) return skipped;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { skipped: "set BENCH_DATABASE_URL" };
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  // Other people's tests may drop databases with (force) on the same server meanwhile.
  admin.on("error", () => {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Runs `fn(dataDir)` on a new PGlite data directory and removes it afterwards. */
export async function withScratchPglite(prefix, fn) {
  const skipped = skippedKind("pglite");
  if (skipped) return skipped;
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  try {
    return await fn(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Stops a server process started by a bench and waits until it has exited. */
export async function stopServer(server) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
