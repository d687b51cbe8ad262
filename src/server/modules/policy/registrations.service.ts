import { LRUCache } from "lru-cache";
import { normaliseAuthType, resolveInfinityAlias } from "../../../domain/infinity-alias.js";
import type { Db } from "../../db/client.js";
import type { SecretBox } from "../../lib/secret-box.js";
import { fallBack, type PolicyAnswer, reject } from "./policy-answers.js";
import type { PolicyCache } from "./policy-cache.js";
import type { PolicySettingsSource } from "./policy-settings.js";
import { findSystemByAddress, markRegistered, type RegisteringSystem } from "./registrations.repository.js";

export type RegistrationResult = { username: string; password: string } | Record<string, never>;

export interface RegistrationQuery {
  auth_type?: string | undefined;
}

/**
 * Devices re-register every few minutes; "last registered" on the Video systems tab needs no
 * finer grain than this, and the write is skipped in between (per instance).
 */
const REGISTERED_AT_GRAIN_MS = 60_000;

/**
 * Infinity's registration-alias request: may a device register as this alias, and with which
 * credentials? Confero is the authority for every address it could own:
 * - an activated video system gets exactly the SIP credentials its activation handed out, and
 *   its "last registered" time is recorded; one not activated yet is refused;
 * - a member's own address (a soft client, or a device Confero has no credentials for) is left
 *   to Infinity's own device database (`continue`): Confero holds no SIP password for people —
 *   their Confero password must never travel to a device — but a suspended member is refused;
 * - a room's address, an address no one has, and anything of a suspended company are refused;
 * - `auth_type=sso` authenticates with the identity provider, so the allowed answer is `{}`.
 */
export class RegistrationPolicy {
  private readonly lastMarked = new LRUCache<string, true>({ max: 100_000, ttl: REGISTERED_AT_GRAIN_MS });

  constructor(
    private readonly deps: {
      db: Db;
      cache: PolicyCache;
      settings: PolicySettingsSource;
      sipPasswords: SecretBox;
    },
  ) {}

  async answer(rawAlias: string, query: RegistrationQuery): Promise<PolicyAnswer<RegistrationResult>> {
    const { defaultDomain } = await this.deps.settings.current();
    const address = resolveInfinityAlias(rawAlias, defaultDomain);
    if (!address) return reject("not a video address");
    const sso = normaliseAuthType(query.auth_type) === "sso";
    const system = await findSystemByAddress(this.deps.db, address);
    if (system) return this.systemAnswer(system, sso);
    const target = await this.deps.cache.target(address);
    if (!target) return reject("no one has this address");
    if (target.companyStatus === "suspended") return reject("the company's service is suspended");
    if (target.type !== "member") return reject("a meeting room cannot register");
    if (target.person.status === "suspended") return reject("the member is suspended");
    return sso ? allowed({}) : fallBack("a member's own address: Infinity's own device settings decide");
  }

  private async systemAnswer(
    system: RegisteringSystem,
    sso: boolean,
  ): Promise<PolicyAnswer<RegistrationResult>> {
    if (system.companyStatus === "suspended") return reject("the company's service is suspended");
    if (!system.activatedAt || !system.sipPasswordEncrypted) return reject("video system not activated");
    if (sso) {
      await this.marked(system);
      return allowed({});
    }
    const password = this.deps.sipPasswords.open(system.sipPasswordEncrypted);
    // Sealed under another session secret: only a new activation gives it usable credentials.
    if (password === null) return reject("stored credentials unreadable; activate the video system again");
    await this.marked(system);
    return allowed({ username: system.address, password });
  }

  private async marked(system: RegisteringSystem): Promise<void> {
    if (this.lastMarked.has(system.id)) return;
    await markRegistered(this.deps.db, system, new Date());
    this.lastMarked.set(system.id, true);
  }
}

/** Allowed: Infinity reads the result and ignores `action`, so none is sent. */
const allowed = (result: RegistrationResult): PolicyAnswer<RegistrationResult> => ({
  statusCode: 200,
  body: { status: "success", result },
});
