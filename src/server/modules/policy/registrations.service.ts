import { normaliseAuthType, normaliseInfinityAlias } from "../../../domain/infinity-alias.js";
import type { Db } from "../../db/client.js";
import type { SecretBox } from "../../lib/secret-box.js";
import {
  findSystemByAddress,
  findSystemsByLocalPart,
  markRegistered,
  type RegisteringSystem,
} from "./registrations.repository.js";

/** The answers Infinity understands (pexip-infinity.md §1); `reason` is logged by Infinity. */
export type RegistrationAnswer =
  | { status: "success"; result: { username: string; password: string } | Record<string, never> }
  | { status: "success"; action: "continue" | "reject"; result: Record<string, never>; reason: string };

const fallBack = (reason: string): RegistrationAnswer => ({
  status: "success",
  action: "continue",
  result: {},
  reason,
});
const reject = (reason: string): RegistrationAnswer => ({
  status: "success",
  action: "reject",
  result: {},
  reason,
});

/**
 * Infinity's registration alias request: may this device register as this alias, and with
 * which credentials? A video system activated in Confero gets exactly the SIP credentials its
 * activation handed out; one not activated yet is refused; an alias Confero does not know is
 * left to Infinity's own configuration. Issue 6 builds the rest of the policy server here.
 */
export class RegistrationPolicyService {
  constructor(private readonly deps: { db: Db; sipPasswords: SecretBox }) {}

  async registration(
    rawAlias: string,
    query: { auth_type?: string | undefined },
  ): Promise<RegistrationAnswer> {
    const alias = normaliseInfinityAlias(rawAlias);
    if (!alias) return fallBack("not a video address");
    const system = await this.find(alias);
    if (!system) return fallBack("not a Confero video system");
    if (!system.activatedAt || !system.sipPasswordEncrypted) return reject("video system not activated");
    const now = new Date();
    // SSO registrations authenticate with the identity provider, not with SIP credentials.
    if (normaliseAuthType(query.auth_type) === "sso") {
      await markRegistered(this.deps.db, system, now);
      return { status: "success", result: {} };
    }
    const password = this.deps.sipPasswords.open(system.sipPasswordEncrypted);
    // Sealed under another session secret: only a new activation gives it usable credentials.
    if (password === null) return reject("stored credentials unreadable; activate the video system again");
    await markRegistered(this.deps.db, system, now);
    return { status: "success", result: { username: system.address, password } };
  }

  private async find(alias: NonNullable<ReturnType<typeof normaliseInfinityAlias>>) {
    if (alias.kind === "address") return findSystemByAddress(this.deps.db, alias.address);
    const matches: RegisteringSystem[] = await findSystemsByLocalPart(this.deps.db, alias.localPart);
    return matches.length === 1 ? matches[0] : undefined;
  }
}
