import type { Db } from "../../db/client.js";
import { ConflictError, type FieldProblems, NotFoundError, ValidationError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import { assertOperator } from "../operator/operator.policy.js";
import { findService, type ServiceRow } from "../setup/service.repository.js";
import {
  countCompaniesUnderServiceDomain,
  countCompanyDomainsClashingWith,
  countServiceRootCompanies,
  lockService,
  updateService,
} from "./service-settings.repository.js";
import type { ServiceSettingsInput } from "./service-settings.schemas.js";

const NOT_SET_UP = "The service is not set up yet.";
/** "1 company uses", "3 companies use". */
const companiesUse = (n: number) => (n === 1 ? "1 company uses" : `${n} companies use`);

function toDto(row: ServiceRow) {
  return {
    name: row.name,
    domains: row.domains,
    defaultVmrSuffix: row.defaultVmrSuffix,
    requireTwoFactorForStaff: row.requireTwoFactorForStaff,
  };
}

/** The service's name, domains (the first is the primary one) and default VMR suffix. */
export class ServiceSettingsService {
  constructor(private readonly deps: { db: Db }) {}

  async get(actor: AccountActor) {
    assertOperator(actor);
    const row = await findService(this.deps.db);
    if (!row) throw new NotFoundError(NOT_SET_UP);
    return toDto(row);
  }

  /**
   * A domain companies use cannot be removed, the primary domain cannot move while companies
   * use it as their root domain, and a new domain cannot collide with a company's domains.
   */
  async update(actor: AccountActor, input: ServiceSettingsInput) {
    assertOperator(actor);
    if (input.domains) {
      const fields: FieldProblems = {};
      input.domains.forEach((domain, i) => {
        if (input.domains?.indexOf(domain) !== i) fields[`domains.${i}`] = "This domain is listed twice.";
      });
      if (Object.keys(fields).length > 0) throw new ValidationError(fields);
    }
    const updated = await this.deps.db.transaction(async (tx) => {
      const current = await lockService(tx);
      if (!current) throw new NotFoundError(NOT_SET_UP);
      if (input.domains) await checkDomainChange(tx, current.domains, input.domains);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (input.name !== undefined && input.name !== current.name) {
        before.name = current.name;
        after.name = input.name;
      }
      if (input.domains && input.domains.join(" ") !== current.domains.join(" ")) {
        before.domains = current.domains;
        after.domains = input.domains;
      }
      if (input.defaultVmrSuffix !== undefined && input.defaultVmrSuffix !== current.defaultVmrSuffix) {
        before.defaultVmrSuffix = current.defaultVmrSuffix;
        after.defaultVmrSuffix = input.defaultVmrSuffix;
      }
      if (
        input.requireTwoFactorForStaff !== undefined &&
        input.requireTwoFactorForStaff !== current.requireTwoFactorForStaff
      ) {
        before.requireTwoFactorForStaff = current.requireTwoFactorForStaff;
        after.requireTwoFactorForStaff = input.requireTwoFactorForStaff;
      }
      if (Object.keys(after).length === 0) return current;
      const row = await updateService(tx, after);
      await recordAudit(tx, actor, {
        action: "service.updated",
        target: { type: "service", id: String(row.id) },
        before,
        after,
      });
      return row;
    });
    return toDto(updated);
  }
}

async function checkDomainChange(tx: Db, oldDomains: string[], newDomains: string[]): Promise<void> {
  const oldPrimary = oldDomains[0];
  const newPrimary = newDomains[0];
  const rootCompanies = oldPrimary !== newPrimary ? await countServiceRootCompanies(tx) : 0;
  for (const domain of oldDomains.filter((d) => !newDomains.includes(d))) {
    const n =
      (await countCompaniesUnderServiceDomain(tx, domain)) + (domain === oldPrimary ? rootCompanies : 0);
    if (n > 0) {
      const message = `${companiesUse(n).replace(" use", " still use")} ${domain}; it cannot be removed.`;
      throw new ConflictError(message, { domains: message });
    }
  }
  if (rootCompanies > 0) {
    const message = `${companiesUse(rootCompanies)} the primary domain ${oldPrimary} as their video domain; it must stay first.`;
    throw new ConflictError(message, { domains: message });
  }
  for (const [i, domain] of newDomains.entries()) {
    if (oldDomains.includes(domain)) continue;
    if ((await countCompanyDomainsClashingWith(tx, domain)) > 0) {
      const message = "A company's video domain is this domain, under it or above it.";
      throw new ConflictError(`${domain}: ${message}`, { [`domains.${i}`]: message });
    }
  }
}
