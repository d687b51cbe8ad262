import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupBody, tokenFromLink } from "../helpers/fixtures.js";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../helpers/test-database.js";

/**
 * The compiled `confero serve` as an operator runs it: a real process, real signals, JSON logs
 * on stdout. `npm test` builds first; run alone, this file builds the server when it is stale.
 */
const root = path.resolve(import.meta.dirname, "../..");
const CONFIG_VARIABLES = ["PORT", "HOST", "DATA_DIR", "DATABASE_URL", "PUBLIC_URL", "SMTP_URL", "MAIL_FROM"];
const onPglite = testDatabaseKind() === "pglite";

type LogLine = Record<string, unknown> & { msg?: string };

interface ServerProcess {
  child: ChildProcess;
  dataDir: string;
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first log line matching, or rejects when the process ends first. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<number | null>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, "scripts/build-if-needed.mjs"), "--server-only"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}, 120_000);

/** A fresh place for a server's data: its own DATA_DIR, and on PostgreSQL its own database. */
async function freshTarget(): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "confero-serve-"));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  if (onPglite) return { DATA_DIR: dataDir };
  const database: TestDatabase = await createTestDatabase({ migrate: false });
  cleanups.push(() => database.close());
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: database.url ?? "",
    SESSION_SECRET: "process-test-secret-process-test-secret",
  };
}

function spawnServer(env: Record<string, string>): ServerProcess {
  const inherited = { ...process.env };
  for (const name of [...CONFIG_VARIABLES, "SESSION_SECRET", "LOG_LEVEL"]) delete inherited[name];
  const child = spawn(process.execPath, ["bin/confero.js", "serve"], {
    cwd: root,
    env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const listeners = new Set<() => void>();
  let stderr = "";
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("{")) logs.push(JSON.parse(line) as LogLine);
    for (const listener of listeners) listener();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 30_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no such log line within ${timeoutMs} ms; stderr:\n${stderr}`));
      }, timeoutMs);
      const onExit = () => {
        finish();
        reject(new Error(`the server exited (${child.exitCode}) first; stderr:\n${stderr}`));
      };
      const finish = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off("exit", onExit);
      };
      listeners.add(check);
      child.once("exit", onExit);
      check();
    });

  return { child, dataDir: env.DATA_DIR ?? "", logs, stderr: () => stderr, waitForLog, exited };
}

/** Starts a server on a fresh database and waits until it listens; returns its base URL too. */
async function startServer() {
  const env = await freshTarget();
  const server = spawnServer(env);
  const listening = await server.waitForLog((l) => /^Confero is listening on port \d+$/.test(l.msg ?? ""));
  expect(listening.msg).toBe(`Confero is listening on port ${listening.port}`);
  const setup = await server.waitForLog((l) => l.msg === "first-run setup required");
  return { ...server, env, base: `http://127.0.0.1:${listening.port}`, setupLink: String(setup.setupLink) };
}

/** The csrf_token cookie a browser would get on its first API request. */
async function csrfCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/setup/status`);
  const token = /csrf_token=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!token) throw new Error("no csrf_token cookie");
  return token;
}

const postJson = (base: string, url: string, csrf: string, body: unknown) =>
  fetch(`${base}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: `csrf_token=${csrf}`, "x-csrf-token": csrf },
    body: JSON.stringify(body),
  });

describe("confero serve", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);

  it("answers health and readiness checks, each response with a request id", async () => {
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);

    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: testDatabaseKind() });
    expect(ready.headers.get("x-request-id")).not.toBe(health.headers.get("x-request-id"));
  });

  it("logs a setup link whose token sets the service up", async () => {
    expect(server.setupLink).toMatch(/\/setup\?token=/);
    const csrf = await csrfCookie(server.base);
    const response = await postJson(
      server.base,
      "/api/v1/setup",
      csrf,
      setupBody(tokenFromLink(server.setupLink)),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kind: "operator", service: { name: "Example Video" } });
  });

  if (onPglite) {
    it("refuses to start a second server on the same DATA_DIR", async () => {
      const second = spawnServer(server.env);
      expect(await second.exited).not.toBe(0);
      expect(second.stderr()).toMatch(/in use by another Confero process \(pid \d+\)/);
      // The first one is unharmed.
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
    });
  } else {
    it("runs a second instance beside the first on the same PostgreSQL database", async () => {
      const second = spawnServer(server.env);
      const listening = await second.waitForLog((l) => typeof l.port === "number");
      expect((await fetch(`http://127.0.0.1:${listening.port}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    });
  }
});

describe("confero serve, shutting down", () => {
  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const server = await startServer();
    const csrf = await csrfCookie(server.base);
    // An unknown login still runs a full argon2 check (~100 ms): time for SIGTERM to land.
    const login = postJson(server.base, "/api/v1/auth/login", csrf, {
      login: "nobody@example.test",
      password: "some password",
    });
    await server.waitForLog(
      (l) =>
        l.msg === "incoming request" && (l.req as { url?: string } | undefined)?.url === "/api/v1/auth/login",
    );
    server.child.kill("SIGTERM");

    const response = await login;
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("INVALID_CREDENTIALS");
    expect(await server.exited).toBe(0);
    const messages = server.logs.map((l) => l.msg);
    expect(messages).toContain("shutting down");
    expect(messages.at(-1)).toBe("stopped");
    if (onPglite) expect(existsSync(path.join(server.dataDir, "confero.lock"))).toBe(false);
  });
});

describe("confero serve, misconfigured", () => {
  it("exits non-zero listing every problem, without a stack trace", async () => {
    const server = spawnServer({ ...(await freshTarget()), PORT: "abc", LOG_LEVEL: "loud" });
    expect(await server.exited).not.toBe(0);
    const stderr = server.stderr();
    expect(stderr).toMatch(/^ {2}- PORT must be a whole number.*"abc"/m);
    expect(stderr).toMatch(/^ {2}- LOG_LEVEL must be one of/m);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(server.logs).toEqual([]);
  });
});
