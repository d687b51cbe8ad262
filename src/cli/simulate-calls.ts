import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  type BasicAuth,
  type SimulationOptions,
  simulateCalls,
} from "../server/modules/events/traffic-simulator.js";

export interface SimulateCallsOptions {
  url: string;
  policyUser?: string;
  policyPassword?: string;
  sinkUser?: string;
  sinkPassword?: string;
  aliases?: string;
  companyAlias?: string;
  nodes: string;
  calls: string;
  days?: string;
  rate?: string;
  speed: string;
  seed?: string;
  bulk?: boolean;
  version: string;
  timeZone: string;
}

/**
 * `confero simulate-calls`: drives a running Confero the way Pexip Infinity's Conferencing Nodes
 * would — a service configuration request for every call leg, then each node's event-sink
 * envelopes, in order, one POST at a time (or `eventsink_bulk`). The company's addresses come
 * from `--aliases FILE` (one per line, optionally `,display name`; `#` comments) or from the
 * policy API's own directory answer for `--company-alias ADDRESS` (any address of the company;
 * at most 100 entries). Each address is then asked about once, so Confero's answer tells rooms
 * from people and video systems. Prints a JSON summary on stdout.
 */
export async function simulateCallsCommand(options: SimulateCallsOptions): Promise<void> {
  const simulation = simulationOptions(options, process.env);
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write("Stopping: no new calls; events not yet due are dropped.\n");
    controller.abort();
  };
  process.once("SIGINT", stop);
  try {
    const mode = simulation.mode;
    process.stderr.write(
      mode.kind === "history"
        ? `Simulating ${simulation.calls} calls over the last ${mode.days} days against ${simulation.url} …\n`
        : `Simulating ${simulation.calls} calls at ${mode.ratePerMinute}/min against ${simulation.url} (Ctrl-C stops) …\n`,
    );
    const summary = await simulateCalls({ ...simulation, signal: controller.signal });
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (summary.errors > 0 || summary.routedCalls === 0) process.exitCode = 1;
  } finally {
    process.off("SIGINT", stop);
  }
}

/** The command's options checked and turned into the simulator's; credentials default to the server's variables. */
export function simulationOptions(options: SimulateCallsOptions, env: NodeJS.ProcessEnv): SimulationOptions {
  const problems: string[] = [];
  const whole = (name: string, raw: string | undefined, min: number, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push(`${name} must be a whole number from ${min} to ${max}.`);
    return value;
  };
  const positive = (name: string, raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) problems.push(`${name} must be a number above 0.`);
    return value;
  };
  const pair = (what: string, user?: string, password?: string): BasicAuth | null => {
    if (!user && !password) return null;
    if (!user || !password) problems.push(`${what}: give the username and the password, or neither.`);
    return { username: user ?? "", password: password ?? "" };
  };
  if (options.days !== undefined && options.rate !== undefined)
    problems.push("Give --days (history) or --rate (live), not both.");
  if (!options.aliases && !options.companyAlias)
    problems.push("Give --aliases FILE or --company-alias ADDRESS: the company whose addresses are called.");
  try {
    new Intl.DateTimeFormat("en", { timeZone: options.timeZone });
  } catch {
    problems.push(`--time-zone ${options.timeZone} is not a time zone (e.g. Europe/Oslo).`);
  }
  try {
    new URL(options.url);
  } catch {
    problems.push(`--url ${options.url} is not a URL.`);
  }
  const version = whole("--version", options.version, 1, 2) as 1 | 2;
  const simulation: SimulationOptions = {
    url: options.url,
    policyAuth: pair(
      "Policy credentials",
      options.policyUser ?? env.POLICY_USERNAME,
      options.policyPassword ?? env.POLICY_PASSWORD,
    ),
    sinkAuth: pair(
      "Event sink credentials",
      options.sinkUser ?? env.EVENT_SINK_USERNAME,
      options.sinkPassword ?? env.EVENT_SINK_PASSWORD,
    ),
    nodes: whole("--nodes", options.nodes, 1, 50),
    calls: whole("--calls", options.calls, 1, 1_000_000),
    seed: options.seed === undefined ? randomInt(2 ** 31) : whole("--seed", options.seed, 0, 2 ** 32 - 1),
    version,
    bulk: options.bulk === true,
    timeZone: options.timeZone,
    mode:
      options.rate !== undefined
        ? {
            kind: "live",
            ratePerMinute: positive("--rate", options.rate),
            speed: positive("--speed", options.speed),
          }
        : { kind: "history", days: whole("--days", options.days ?? "7", 1, 400) },
    ...(options.companyAlias ? { companyAlias: options.companyAlias } : {}),
  };
  if (options.aliases) {
    try {
      simulation.aliases = parseAliasFile(readFileSync(options.aliases, "utf8"));
      if (simulation.aliases.length === 0) problems.push(`${options.aliases} lists no addresses.`);
    } catch (error) {
      problems.push(`Cannot read ${options.aliases}: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return simulation;
}

/** `address[,display name]` per line; blank lines and `#` comments are skipped. */
export function parseAliasFile(text: string): Array<{ alias: string; name?: string }> {
  const entries: Array<{ alias: string; name?: string }> = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const comma = line.indexOf(",");
    const alias = (comma < 0 ? line : line.slice(0, comma)).trim();
    const name = comma < 0 ? "" : line.slice(comma + 1).trim();
    if (alias) entries.push(name ? { alias, name } : { alias });
  }
  return entries;
}
