import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Everything Confero reads from its environment, validated once at start. Each problem gets its
 * own line so an operator can fix them all in one go instead of one stack trace at a time.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  sessionSecret: string;
  logLevel: LogLevel;
  /** Secure cookies only make sense (and only work) when the public URL is https. */
  secureCookies: boolean;
  /*
   * Pexip Infinity. Optional in the type, so a config built by hand (tests) may leave them out:
   * absent or null means "not configured".
   */
  /** HTTP basic credentials Infinity's policy profile sends to /policy/v1 (POLICY_USERNAME/PASSWORD). */
  policyCredentials?: BasicCredentials | null;
  /** A call leg with no news for this many hours is closed by the sweep (CALL_LEG_SWEEP_HOURS, default 12). */
  callLegSweepHours?: number;
  /** Raw call legs are kept this many months (USAGE_RETENTION_MONTHS, default 13); daily figures for good. */
  usageRetentionMonths?: number;
  /** HTTP basic credentials Infinity's event sink sends to /events/v1/pexip (EVENT_SINK_USERNAME/PASSWORD). */
  eventSinkCredentials?: BasicCredentials | null;
  /** Infinity's management API, used to dial video systems into rooms (MeetingConnect). */
  infinityApi?: (BasicCredentials & { url: string }) | null;
  /** The registrar domain given to activated video systems; default: the service's first domain. */
  sipRegistrar?: string | null;
}

export interface BasicCredentials {
  username: string;
  password: string;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Confero cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const port = Number(value("PORT") ?? "3000");
  const portOk = Number.isInteger(port) && port >= 0 && port <= 65535;
  if (!portOk) problems.push(`PORT must be a whole number from 0 to 65535 (got "${value("PORT")}").`);

  const databaseUrl = value("DATABASE_URL") ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL must start with postgres:// or postgresql://.");
  }

  // A bad PORT is reported once, not again through the PUBLIC_URL derived from it.
  const publicUrl = (value("PUBLIC_URL") ?? `http://localhost:${portOk ? port : 3000}`).replace(/\/+$/, "");
  if (!isHttpUrl(publicUrl))
    problems.push(`PUBLIC_URL must be an http:// or https:// URL (got "${publicUrl}").`);

  const smtpUrl = value("SMTP_URL") ?? null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    problems.push("SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465.");
  }
  const mailFrom = value("MAIL_FROM") ?? "Confero <no-reply@localhost>";
  if (smtpUrl && !value("MAIL_FROM")) problems.push("MAIL_FROM is required when SMTP_URL is set.");

  const logLevel = (value("LOG_LEVEL") ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.`);

  const dataDir = path.resolve(value("DATA_DIR") ?? "data");

  let sessionSecret = value("SESSION_SECRET");
  if (sessionSecret && sessionSecret.length < 32)
    problems.push("SESSION_SECRET must be at least 32 characters.");
  if (!sessionSecret && databaseUrl) {
    // Several instances may share one PostgreSQL; a per-machine generated secret would split them.
    problems.push("SESSION_SECRET is required when DATABASE_URL is set (at least 32 random characters).");
  }

  const callLegSweepHours = wholeNumber(value, "CALL_LEG_SWEEP_HOURS", 12, { min: 1, max: 168 }, problems);
  const usageRetentionMonths = wholeNumber(
    value,
    "USAGE_RETENTION_MONTHS",
    13,
    { min: 1, max: 120 },
    problems,
  );
  const policyCredentials = credentialsPair(value, "POLICY_USERNAME", "POLICY_PASSWORD", problems);
  const eventSinkCredentials = credentialsPair(value, "EVENT_SINK_USERNAME", "EVENT_SINK_PASSWORD", problems);
  const infinityUrl = value("INFINITY_API_URL")?.replace(/\/+$/, "") ?? null;
  if (infinityUrl && !isHttpUrl(infinityUrl))
    problems.push(`INFINITY_API_URL must be an http:// or https:// URL (got "${infinityUrl}").`);
  const infinityCredentials = credentialsPair(
    value,
    "INFINITY_API_USERNAME",
    "INFINITY_API_PASSWORD",
    problems,
  );
  if (infinityUrl && !infinityCredentials)
    problems.push("INFINITY_API_USERNAME and INFINITY_API_PASSWORD are required with INFINITY_API_URL.");
  const sipRegistrar = value("SIP_REGISTRAR")?.toLowerCase() ?? null;
  if (sipRegistrar && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/.test(sipRegistrar))
    problems.push(`SIP_REGISTRAR must be a host name such as video.example.com (got "${sipRegistrar}").`);

  if (problems.length > 0) throw new ConfigError(problems);
  sessionSecret ??= readOrCreateSecret(dataDir);

  return {
    port,
    host: value("HOST") ?? "0.0.0.0",
    dataDir,
    databaseUrl,
    publicUrl,
    smtpUrl,
    mailFrom,
    sessionSecret,
    logLevel,
    secureCookies: publicUrl.startsWith("https://"),
    policyCredentials,
    eventSinkCredentials,
    callLegSweepHours,
    usageRetentionMonths,
    infinityApi: infinityUrl && infinityCredentials ? { url: infinityUrl, ...infinityCredentials } : null,
    sipRegistrar,
  };
}

/** A username and password that only make sense together: both or neither. */
function credentialsPair(
  value: (name: string) => string | undefined,
  userVar: string,
  passwordVar: string,
  problems: string[],
): BasicCredentials | null {
  const username = value(userVar);
  const password = value(passwordVar);
  if (!username && !password) return null;
  if (!username || !password) {
    problems.push(`${userVar} and ${passwordVar} go together: set both or neither.`);
    return null;
  }
  return { username, password };
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** On the embedded default the secret lives beside the database, created on first start. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  mkdirSync(dataDir, { recursive: true });
  // Written aside and linked into place: a process starting at the same moment sees either no
  // file or the whole secret, never a half-written one.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new ConfigError([
      `${file} holds no usable secret (under 32 characters): delete it to generate a new one.`,
    ]);
  }
  return secret;
}

/** A whole number from the environment within [min, max], or its default when unset. */
function wholeNumber(
  value: (name: string) => string | undefined,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  problems: string[],
): number {
  const raw = value(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    problems.push(`${name} must be a whole number from ${range.min} to ${range.max} (got "${raw}").`);
    return fallback;
  }
  return n;
}
