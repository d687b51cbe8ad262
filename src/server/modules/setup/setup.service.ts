import { normaliseDomain, normaliseVmrSuffix } from "../../../domain/service-settings.js";
import type { Db } from "../../db/client.js";
import { NotFoundError } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { recordAudit } from "../audit/audit.js";
import { type Actor, SETUP_ACTOR } from "../auth/actor.js";
import { type ClientInfo, toActor } from "../auth/auth.service.js";
import { insertOperator, type NewOperator, prepareOperator } from "../operator/operators.service.js";
import {
  consumeSetupToken,
  expireSetupTokens,
  findService,
  insertService,
  isSetupTokenUsable,
  replaceSetupToken,
} from "./service.repository.js";

export interface ServiceSettings {
  serviceName: string;
  serviceDomain: string;
  vmrSuffix: string;
}

const LINK_GONE = "This setup link is invalid or has already been used.";

/**
 * First-run setup: while the database has no service, the server prints a one-time link; the
 * person who opens it names the service and becomes its first operator. The link dies once used.
 */
export class SetupService {
  constructor(private readonly deps: { db: Db; sessionSecret: string; publicUrl: string }) {}

  async isSetupRequired(): Promise<boolean> {
    return (await findService(this.deps.db)) === undefined;
  }

  /** A fresh one-time link (replacing older ones), or null when the service is set up. */
  async issueSetupLink(): Promise<string | null> {
    if (!(await this.isSetupRequired())) return null;
    const token = newToken();
    await replaceSetupToken(this.deps.db, hashToken(this.deps.sessionSecret, token));
    return `${this.deps.publicUrl}/setup?token=${token}`;
  }

  async checkSetupToken(token: string): Promise<void> {
    const usable = await isSetupTokenUsable(this.deps.db, hashToken(this.deps.sessionSecret, token));
    if (!usable || !(await this.isSetupRequired())) throw new NotFoundError(LINK_GONE);
  }

  /** Runs the whole setup in one transaction; returns the new operator's account. */
  async completeSetup(input: ServiceSettings & { token: string; operator: NewOperator }, client: ClientInfo) {
    const operator = await prepareOperator(input.operator);
    return this.deps.db.transaction(async (tx) => {
      const consumed = await consumeSetupToken(tx, hashToken(this.deps.sessionSecret, input.token));
      if (!consumed || (await findService(tx))) throw new NotFoundError(LINK_GONE);
      const account = await insertOperator(tx, SETUP_ACTOR, operator);
      await this.createService(tx, toActor(account, client.ip), input);
      return account;
    });
  }

  /**
   * Scripted installs (`confero create-operator` on an empty database) set the service up
   * without a link; any printed link stops working.
   */
  async setUpWithoutLink(tx: Db, actor: Actor, settings: ServiceSettings): Promise<void> {
    await expireSetupTokens(tx);
    await this.createService(tx, actor, settings);
  }

  private async createService(tx: Db, actor: Actor, settings: ServiceSettings): Promise<void> {
    const created = await insertService(tx, {
      name: settings.serviceName.trim(),
      domains: [normaliseDomain(settings.serviceDomain)],
      defaultVmrSuffix: normaliseVmrSuffix(settings.vmrSuffix),
    });
    await recordAudit(tx, actor, {
      action: "service.setup",
      target: { type: "service", id: String(created.id) },
      after: { name: created.name, domains: created.domains, defaultVmrSuffix: created.defaultVmrSuffix },
    });
  }
}
