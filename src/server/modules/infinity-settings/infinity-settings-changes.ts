import type { BasicCredentials } from "../../config.js";
import type { FieldProblems } from "../../errors.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { hashToken, safeEqual } from "../../lib/tokens.js";
import type { InfinitySettingsChanges, InfinitySettingsRow } from "./infinity-settings.repository.js";
import type { InfinitySettingsInput } from "./infinity-settings.schemas.js";

/** Credentials (and the API address) environment variables fix: they win, and cannot be saved. */
export interface EnvironmentCredentials {
  policy: BasicCredentials | null;
  eventSink: BasicCredentials | null;
  managementApi: (BasicCredentials & { url: string }) | null;
}

export const ENV_VARS = {
  policy: ["POLICY_USERNAME", "POLICY_PASSWORD"],
  eventSink: ["EVENT_SINK_USERNAME", "EVENT_SINK_PASSWORD"],
  managementApi: ["INFINITY_API_URL", "INFINITY_API_USERNAME", "INFINITY_API_PASSWORD"],
} as const;

type Section = keyof typeof ENV_VARS;
const SECTIONS = Object.keys(ENV_VARS) as Section[];

/** A body that sets what the environment fixes is refused, naming the variables. */
export function environmentProblems(
  input: InfinitySettingsInput,
  env: EnvironmentCredentials,
): FieldProblems {
  const fields: FieldProblems = {};
  for (const section of SECTIONS) {
    if (input[section] !== undefined && env[section]) {
      fields[section] = `Set by ${ENV_VARS[section].join(" and ")} on the server; change it there.`;
    }
  }
  return fields;
}

/** Passwords stored as keyed hashes: checked on every Infinity call, so fast (HMAC), not argon2. */
export function hashCredentialPassword(sessionSecret: string, password: string): string {
  return hashToken(sessionSecret, password);
}

export interface PlannedChange {
  changes: InfinitySettingsChanges;
  fields: FieldProblems;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * What the input changes on the current row, the problems only the current state can tell
 * (a password is needed when none is set yet; the event sink's password must not be the policy
 * API's), and the audit's before/after — with no secret in it.
 */
export function planChange(
  current: InfinitySettingsRow,
  input: InfinitySettingsInput,
  deps: { sessionSecret: string; env: EnvironmentCredentials; apiPasswords: SecretBox },
): PlannedChange {
  const plan: PlannedChange = { changes: {}, fields: {}, before: {}, after: {} };
  const hash = (password: string) => hashCredentialPassword(deps.sessionSecret, password);

  const pairs = [
    ["policy", "policyUsername", "policyPasswordHash"],
    ["eventSink", "eventSinkUsername", "eventSinkPasswordHash"],
  ] as const;
  for (const [section, usernameColumn, hashColumn] of pairs) {
    const given = input[section];
    if (given === undefined) continue;
    const was = { username: current[usernameColumn], passwordSet: current[hashColumn] !== null };
    if (given === null) {
      if (!was.passwordSet && was.username === null) continue;
      plan.changes[usernameColumn] = null;
      plan.changes[hashColumn] = null;
      plan.before[section] = was;
      plan.after[section] = { username: null, passwordSet: false };
      continue;
    }
    if (given.password === undefined && !was.passwordSet) {
      plan.fields[`${section}.password`] = "Enter a password: none is saved yet.";
      continue;
    }
    const passwordChanged = given.password !== undefined && hash(given.password) !== current[hashColumn];
    if (given.username === was.username && !passwordChanged) continue;
    plan.changes[usernameColumn] = given.username;
    if (given.password !== undefined) plan.changes[hashColumn] = hash(given.password);
    plan.before[section] = was;
    plan.after[section] = { username: given.username, passwordSet: true, passwordChanged };
  }
  checkSeparateCredentials(current, input, plan, deps.env, hash);

  const api = input.managementApi;
  if (api !== undefined) {
    const was = {
      url: current.apiUrl,
      username: current.apiUsername,
      passwordSet: current.apiPasswordSealed !== null,
    };
    if (api === null) {
      if (was.url !== null || was.username !== null || was.passwordSet) {
        Object.assign(plan.changes, { apiUrl: null, apiUsername: null, apiPasswordSealed: null });
        plan.before.managementApi = was;
        plan.after.managementApi = { url: null, username: null, passwordSet: false };
      }
    } else if (api.password === undefined && !was.passwordSet) {
      plan.fields["managementApi.password"] = "Enter a password: none is saved yet.";
    } else if (api.url !== was.url || api.username !== was.username || api.password !== undefined) {
      plan.changes.apiUrl = api.url;
      plan.changes.apiUsername = api.username;
      if (api.password !== undefined) plan.changes.apiPasswordSealed = deps.apiPasswords.seal(api.password);
      plan.before.managementApi = was;
      plan.after.managementApi = {
        url: api.url,
        username: api.username,
        passwordSet: true,
        passwordChanged: api.password !== undefined,
      };
    }
  }

  const reject = input.rejectUnknownInOurDomains;
  if (reject !== undefined && reject !== current.rejectUnknownInOurDomains) {
    plan.changes.rejectUnknownInOurDomains = reject;
    plan.before.rejectUnknownInOurDomains = current.rejectUnknownInOurDomains;
    plan.after.rejectUnknownInOurDomains = reject;
  }
  const domain = input.defaultDomain;
  if (domain !== undefined && domain !== current.defaultDomain) {
    plan.changes.defaultDomain = domain;
    plan.before.defaultDomain = current.defaultDomain;
    plan.after.defaultDomain = domain;
  }
  return plan;
}

/**
 * Each credential opens one thing: the event sink's password may not be the policy API's
 * (whether either is saved here or set by the environment). Only a password being changed is
 * checked: the saved ones were checked when they were saved.
 */
function checkSeparateCredentials(
  current: InfinitySettingsRow,
  input: InfinitySettingsInput,
  plan: PlannedChange,
  env: EnvironmentCredentials,
  hash: (password: string) => string,
): void {
  const newPolicy = input.policy?.password;
  const newSink = input.eventSink?.password;
  const policyHash = input.policy === null ? null : current.policyPasswordHash;
  const sinkHash = input.eventSink === null ? null : current.eventSinkPasswordHash;
  const same = "Use a different password from the policy API's: each password opens one thing only.";
  if (newSink !== undefined) {
    const clash = env.policy
      ? safeEqual(newSink, env.policy.password)
      : newPolicy !== undefined
        ? newSink === newPolicy
        : policyHash !== null && safeEqual(hash(newSink), policyHash);
    if (clash) plan.fields["eventSink.password"] = same;
  } else if (newPolicy !== undefined) {
    const clash = env.eventSink
      ? safeEqual(newPolicy, env.eventSink.password)
      : sinkHash !== null && safeEqual(hash(newPolicy), sinkHash);
    if (clash) plan.fields["policy.password"] = "Use a different password from the event sink's.";
  }
}
