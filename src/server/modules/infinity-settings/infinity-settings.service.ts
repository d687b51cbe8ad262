import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { NotFoundError, ValidationError } from "../../errors.js";
import { SecretBox } from "../../lib/secret-box.js";
import { hashToken, safeEqual } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { assertOperator } from "../operator/operator.policy.js";
import type { PolicyRequestLog } from "../policy/policy-request-log.js";
/** Checks a username and password in constant time. */
import type { CredentialCheck } from "../policy/policy-settings.js";
import { findService, type ServiceRow } from "../setup/service.repository.js";
import {
  findInfinitySettings,
  type InfinitySettingsRow,
  isCompanyDomain,
  lockInfinitySettings,
  updateInfinitySettings,
} from "./infinity-settings.repository.js";
import type { InfinitySettingsInput } from "./infinity-settings.schemas.js";
import {
  ENV_VARS,
  type EnvironmentCredentials,
  environmentProblems,
  planChange,
} from "./infinity-settings-changes.js";
import { infinitySummary } from "./infinity-summary.js";

export type { CredentialCheck };

/** The Pexip Infinity settings in force: saved by operators, overridden by environment variables. */
export interface EffectiveInfinitySettings {
  /** null: the policy API is open (no credentials configured). */
  policyAuth: CredentialCheck | null;
  /** null: the event sink is open. */
  eventSinkAuth: CredentialCheck | null;
  managementApi: { url: string; username: string; password: string } | null;
  rejectUnknownInOurDomains: boolean;
  /** The explicit setting, else the service's primary domain, else null. */
  defaultDomain: string | null;
}

export type InfinitySettingsConfig = Pick<
  Config,
  "sessionSecret" | "publicUrl" | "policyCredentials" | "eventSinkCredentials" | "infinityApi"
>;

const NOT_SET_UP = "The service is not set up yet.";
const EMPTY_ROW: InfinitySettingsRow = {
  id: 1,
  policyUsername: null,
  policyPasswordHash: null,
  eventSinkUsername: null,
  eventSinkPasswordHash: null,
  apiUrl: null,
  apiUsername: null,
  apiPasswordSealed: null,
  rejectUnknownInOurDomains: false,
  defaultDomain: null,
  updatedAt: new Date(0),
};

/**
 * The operator's "Pexip Infinity" settings (`get`, `update`) and the view of them the policy
 * server, the event sink and MeetingConnect use on every call (`current`), cached in memory
 * until `invalidate` — which `update` calls itself, and the policy server calls on every
 * change notification (another instance saved).
 */
export class InfinitySettingsService {
  private readonly apiPasswords: SecretBox;
  private readonly env: EnvironmentCredentials;
  private cached: Promise<EffectiveInfinitySettings> | null = null;

  constructor(private readonly deps: { db: Db; config: InfinitySettingsConfig }) {
    this.apiPasswords = new SecretBox(deps.config.sessionSecret, "infinity-api-password");
    this.env = {
      policy: deps.config.policyCredentials ?? null,
      eventSink: deps.config.eventSinkCredentials ?? null,
      managementApi: deps.config.infinityApi ?? null,
    };
  }

  async get(actor: AccountActor) {
    assertOperator(actor);
    const [row, service] = await Promise.all([findInfinitySettings(this.deps.db), findService(this.deps.db)]);
    if (!service) throw new NotFoundError(NOT_SET_UP);
    return this.toDto(row ?? EMPTY_ROW, service, row !== undefined);
  }

  async update(actor: AccountActor, input: InfinitySettingsInput) {
    assertOperator(actor);
    const fixed = environmentProblems(input, this.env);
    if (Object.keys(fixed).length > 0) throw new ValidationError(fixed);
    const { row, service } = await this.deps.db.transaction(async (tx) => {
      const service = await findService(tx);
      if (!service) throw new NotFoundError(NOT_SET_UP);
      const current = await lockInfinitySettings(tx);
      const plan = planChange(current, input, {
        sessionSecret: this.deps.config.sessionSecret,
        env: this.env,
        apiPasswords: this.apiPasswords,
      });
      const domain = plan.changes.defaultDomain;
      if (domain && !service.domains.includes(domain) && !(await isCompanyDomain(tx, domain))) {
        plan.fields.defaultDomain = "Choose one of the service's domains or a company's video domain.";
      }
      if (Object.keys(plan.fields).length > 0) throw new ValidationError(plan.fields);
      if (Object.keys(plan.changes).length === 0) return { row: current, service };
      const row = await updateInfinitySettings(tx, plan.changes);
      await recordAudit(tx, actor, {
        action: "infinity.updated",
        target: { type: "infinity_settings", id: "1" },
        before: plan.before,
        after: plan.after,
      });
      return { row, service };
    });
    this.invalidate();
    return this.toDto(row, service, true);
  }

  /** The settings in force; one load shared by concurrent callers, kept until `invalidate`. */
  current(): Promise<EffectiveInfinitySettings> {
    if (!this.cached) {
      const loading = this.load();
      this.cached = loading;
      // A failed load is not kept: the next caller tries again.
      loading.catch(() => {
        if (this.cached === loading) this.cached = null;
      });
    }
    return this.cached;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<EffectiveInfinitySettings> {
    const [row = EMPTY_ROW, service] = await Promise.all([
      findInfinitySettings(this.deps.db),
      findService(this.deps.db),
    ]);
    const secret = this.deps.config.sessionSecret;
    const saved = (username: string | null, hash: string | null): CredentialCheck | null => {
      if (username === null || hash === null) return null;
      return (u, p) => {
        // Both compared, whatever the first says, so timing does not tell which one was wrong.
        const userOk = safeEqual(u, username);
        const passwordOk = safeEqual(hashToken(secret, p), hash);
        return userOk && passwordOk;
      };
    };
    return {
      policyAuth: fixedCheck(this.env.policy) ?? saved(row.policyUsername, row.policyPasswordHash),
      eventSinkAuth:
        fixedCheck(this.env.eventSink) ?? saved(row.eventSinkUsername, row.eventSinkPasswordHash),
      managementApi: this.env.managementApi ?? this.savedApi(row),
      rejectUnknownInOurDomains: row.rejectUnknownInOurDomains,
      defaultDomain: row.defaultDomain ?? service?.domains[0] ?? null,
    };
  }

  /** The saved management API; null when incomplete or sealed with another session secret. */
  private savedApi(row: InfinitySettingsRow): EffectiveInfinitySettings["managementApi"] {
    if (!row.apiUrl || !row.apiUsername || !row.apiPasswordSealed) return null;
    const password = this.apiPasswords.open(row.apiPasswordSealed);
    return password === null ? null : { url: row.apiUrl, username: row.apiUsername, password };
  }

  private toDto(row: InfinitySettingsRow, service: ServiceRow, saved: boolean) {
    const { env } = this;
    const policy = env.policy
      ? { username: env.policy.username, passwordSet: true, setBy: [...ENV_VARS.policy] }
      : { username: row.policyUsername, passwordSet: row.policyPasswordHash !== null, setBy: null };
    const eventSink = env.eventSink
      ? { username: env.eventSink.username, passwordSet: true, setBy: [...ENV_VARS.eventSink] }
      : { username: row.eventSinkUsername, passwordSet: row.eventSinkPasswordHash !== null, setBy: null };
    const managementApi = env.managementApi
      ? {
          url: env.managementApi.url,
          username: env.managementApi.username,
          passwordSet: true,
          setBy: [...ENV_VARS.managementApi],
        }
      : {
          url: row.apiUrl,
          username: row.apiUsername,
          passwordSet: row.apiPasswordSealed !== null,
          setBy: null,
        };
    return {
      policy,
      eventSink,
      managementApi,
      rejectUnknownInOurDomains: row.rejectUnknownInOurDomains,
      defaultDomain: row.defaultDomain,
      effectiveDefaultDomain: row.defaultDomain ?? service.domains[0] ?? null,
      serviceDomains: service.domains,
      updatedAt: saved ? row.updatedAt.toISOString() : null,
      summary: infinitySummary({
        serviceName: service.name,
        publicUrl: this.deps.config.publicUrl,
        policyUsername: policy.passwordSet ? policy.username : null,
        eventSinkUsername: eventSink.passwordSet ? eventSink.username : null,
      }),
    };
  }
}

export const POLICY_LOG_SCOPE =
  "This instance only: each Confero instance keeps its own most recent requests in memory, and a restart empties it.";

/** The policy requests this instance answered, newest first (operators). */
export function listPolicyRequests(
  log: PolicyRequestLog,
  actor: AccountActor,
  options: { q?: string; limit?: number },
) {
  assertOperator(actor);
  return { entries: log.search(options), capacity: log.capacity, instance: POLICY_LOG_SCOPE };
}

function fixedCheck(credentials: { username: string; password: string } | null): CredentialCheck | null {
  if (!credentials) return null;
  return (u, p) => {
    const userOk = safeEqual(u, credentials.username);
    const passwordOk = safeEqual(p, credentials.password);
    return userOk && passwordOk;
  };
}
