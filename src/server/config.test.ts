import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "confero-config-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The problems loadConfig reports for `env`, or a failure when it accepts it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: tempDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("runs with no settings at all: port 3000, http on localhost, PGlite in DATA_DIR", () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      dataDir,
      databaseUrl: null,
      publicUrl: "http://localhost:3000",
      smtpUrl: null,
      logLevel: "info",
      secureCookies: false,
    });
    expect(config.mailFrom).toMatch(/@/);
  });

  it("uses secure cookies behind an https public URL and drops its trailing slash", () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      PUBLIC_URL: "https://video.example.com/",
      PORT: "8080",
    });
    expect(config.publicUrl).toBe("https://video.example.com");
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(8080);
  });

  it("takes PostgreSQL, SMTP and a given session secret as they are", () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      DATABASE_URL: "postgresql://confero@db:5432/confero",
      SESSION_SECRET: SECRET,
      SMTP_URL: "smtp://user:pass@mail.example.com:587",
      MAIL_FROM: "Video <no-reply@example.com>",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgresql://confero@db:5432/confero",
      sessionSecret: SECRET,
      smtpUrl: "smtp://user:pass@mail.example.com:587",
      mailFrom: "Video <no-reply@example.com>",
      logLevel: "debug",
    });
  });

  it.each([
    ["PORT", { PORT: "abc" }, /^PORT .*"abc"/],
    ["PORT out of range", { PORT: "70000" }, /^PORT /],
    ["DATABASE_URL scheme", { DATABASE_URL: "mysql://db/confero", SESSION_SECRET: SECRET }, /^DATABASE_URL /],
    ["PUBLIC_URL", { PUBLIC_URL: "ftp://example.com" }, /^PUBLIC_URL .*ftp:/],
    ["SMTP_URL", { SMTP_URL: "mail.example.com", MAIL_FROM: "a@b.example" }, /^SMTP_URL /],
    ["SMTP_URL without MAIL_FROM", { SMTP_URL: "smtp://mail.example.com" }, /^MAIL_FROM is required/],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of .*info/],
    ["short SESSION_SECRET", { SESSION_SECRET: "short" }, /^SESSION_SECRET must be at least 32/],
    [
      "DATABASE_URL without SESSION_SECRET",
      { DATABASE_URL: "postgres://db/c" },
      /^SESSION_SECRET is required/,
    ],
  ])("refuses a bad %s with one clear problem", (_name, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("lists every problem at once, one line each, in its message too", () => {
    let caught: unknown;
    try {
      loadConfig({
        DATA_DIR: tempDir(),
        PORT: "abc",
        DATABASE_URL: "mysql://db",
        PUBLIC_URL: "not a url",
        SMTP_URL: "nope",
        LOG_LEVEL: "loud",
        SESSION_SECRET: "short",
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "PORT",
      "DATABASE_URL",
      "PUBLIC_URL",
      "SMTP_URL",
      "MAIL_FROM",
      "LOG_LEVEL",
      "SESSION_SECRET",
    ]);
    for (const problem of problems) expect(message).toContain(`  - ${problem}`);
  });

  it("generates the session secret once into DATA_DIR/session-secret (mode 600) and reuses it", () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = path.join(dataDir, "session-secret");

    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first.sessionSecret);
    // Another installation gets its own secret.
    expect(loadConfig({ DATA_DIR: tempDir() }).sessionSecret).not.toBe(first.sessionSecret);
  });

  it("creates a missing DATA_DIR for the secret", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(
      readFileSync(path.join(dataDir, "session-secret"), "utf8").trim(),
    );
  });

  it("reads the Pexip Infinity settings: policy credentials, management API, registrar", () => {
    const none = loadConfig({ DATA_DIR: tempDir() });
    expect(none).toMatchObject({ policyCredentials: null, infinityApi: null, sipRegistrar: null });
    const config = loadConfig({
      DATA_DIR: tempDir(),
      POLICY_USERNAME: "infinity",
      POLICY_PASSWORD: "policy-pass",
      INFINITY_API_URL: "https://infinity.example.com/",
      INFINITY_API_USERNAME: "admin",
      INFINITY_API_PASSWORD: "api-pass",
      SIP_REGISTRAR: "SIP.Example.com",
    });
    expect(config.policyCredentials).toEqual({ username: "infinity", password: "policy-pass" });
    expect(config.infinityApi).toEqual({
      url: "https://infinity.example.com",
      username: "admin",
      password: "api-pass",
    });
    expect(config.sipRegistrar).toBe("sip.example.com");
  });

  it("refuses half-configured Infinity settings, one line each", () => {
    expect(problemsOf({ POLICY_USERNAME: "infinity" })).toEqual([
      "POLICY_USERNAME and POLICY_PASSWORD go together: set both or neither.",
    ]);
    expect(problemsOf({ INFINITY_API_URL: "ftp://x", SIP_REGISTRAR: "not a host" })).toEqual([
      'INFINITY_API_URL must be an http:// or https:// URL (got "ftp://x").',
      "INFINITY_API_USERNAME and INFINITY_API_PASSWORD are required with INFINITY_API_URL.",
      'SIP_REGISTRAR must be a host name such as video.example.com (got "not a host").',
    ]);
  });

  it("reads the event sink's sweep and retention, within bounds", () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir, CALL_LEG_SWEEP_HOURS: "6", USAGE_RETENTION_MONTHS: "24" });
    expect(config).toMatchObject({ callLegSweepHours: 6, usageRetentionMonths: 24 });
    expect(loadConfig({ DATA_DIR: dataDir })).toMatchObject({
      callLegSweepHours: 12,
      usageRetentionMonths: 13,
    });
    expect(problemsOf({ CALL_LEG_SWEEP_HOURS: "0", USAGE_RETENTION_MONTHS: "a year" })).toEqual([
      'CALL_LEG_SWEEP_HOURS must be a whole number from 1 to 168 (got "0").',
      'USAGE_RETENTION_MONTHS must be a whole number from 1 to 120 (got "a year").',
    ]);
  });

  it("refuses a damaged secret file instead of signing with an empty key", () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, "session-secret"), "\n");
    expect(() => loadConfig({ DATA_DIR: dataDir })).toThrow(/holds no usable secret/);
  });
});
