import type { Db } from "../../db/client.js";
import { ConflictError, LicenceLimitError, ValidationError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { AccountActor } from "../auth/actor.js";
import {
  addCompanyDomain,
  type CompanyRow,
  companyUsage,
  countAddressesByDomain,
  findCompanyDomains,
  lockCompany,
  removeCompanyDomains,
  setCompanyDomainPosition,
  updateCompany,
} from "./companies.repository.js";
import type { UpdateCompanyInput } from "./companies.schemas.js";
import { hostedDomainListProblems } from "./company-creation.js";

type ScalarField = Exclude<keyof UpdateCompanyInput, "hostedDomains">;
const SCALAR_FIELDS: ScalarField[] = [
  "name",
  "status",
  "licences",
  "endpointSubscriptions",
  "vmrSuffix",
  "hostPinOnAllPersonalRooms",
  "timeZone",
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Checks that need no database: hosted domains only with domain hosting, and their rules. */
export function checkCompanyUpdate(
  company: CompanyRow,
  input: UpdateCompanyInput,
  serviceDomains: readonly string[],
): void {
  if (input.hostedDomains === undefined) return;
  if (company.domainSetup !== "hosted") {
    throw new ValidationError({ hostedDomains: "Only companies with domain hosting have hosted domains." });
  }
  const fields = hostedDomainListProblems(input.hostedDomains, serviceDomains);
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * Applies an update under the company's row lock: licences and endpoint subscriptions never
 * drop below what is used, and a hosted domain still used by addresses stays. Records
 * `company.updated` with the before and after of what changed. Returns the company as it is now.
 */
export async function applyCompanyUpdate(
  tx: Db,
  actor: AccountActor,
  companyId: string,
  input: UpdateCompanyInput,
): Promise<CompanyRow> {
  const current = await lockCompany(tx, companyId);
  const usage = (await companyUsage(tx, [companyId])).get(companyId);
  const used = usage?.licencesUsed ?? 0;
  if (input.licences !== undefined && input.licences < used) {
    throw new LicenceLimitError(
      `This company uses ${plural(used, "licence", "licences")}, so it needs at least ${used}; ${input.licences} is too few.`,
    );
  }
  const usedEndpoints = usage?.endpointSubscriptionsUsed ?? 0;
  if (input.endpointSubscriptions !== undefined && input.endpointSubscriptions < usedEndpoints) {
    throw new LicenceLimitError(
      `This company uses ${plural(usedEndpoints, "endpoint subscription", "endpoint subscriptions")}, so it needs at least ${usedEndpoints}; ${input.endpointSubscriptions} is too few.`,
    );
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const changes: Partial<Record<ScalarField, unknown>> = {};
  for (const field of SCALAR_FIELDS) {
    const value = input[field];
    if (value === undefined || value === current[field]) continue;
    before[field] = current[field];
    after[field] = value;
    changes[field] = value;
  }

  if (input.hostedDomains !== undefined) {
    const old = (await findCompanyDomains(tx, [companyId])).get(companyId) ?? [];
    const oldHosted = old.filter((d) => d.kind === "hosted").map((d) => d.domain);
    if (oldHosted.join(" ") !== input.hostedDomains.join(" ")) {
      await replaceHostedDomains(tx, companyId, oldHosted, input.hostedDomains);
      before.hostedDomains = oldHosted;
      after.hostedDomains = input.hostedDomains;
    }
  }

  if (Object.keys(after).length === 0) return current;
  const updated =
    Object.keys(changes).length > 0
      ? await updateCompany(tx, companyId, changes as Parameters<typeof updateCompany>[2])
      : current;
  await recordAudit(tx, actor, {
    action: "company.updated",
    target: { type: "company", id: companyId },
    companyId,
    before,
    after,
  });
  return updated;
}

async function replaceHostedDomains(
  tx: Db,
  companyId: string,
  oldHosted: string[],
  newHosted: string[],
): Promise<void> {
  const removed = oldHosted.filter((d) => !newHosted.includes(d));
  if (removed.length > 0) {
    const counts = await countAddressesByDomain(tx, companyId);
    for (const domain of removed) {
      const n = counts.get(domain) ?? 0;
      if (n > 0) {
        const message = `${plural(n, "address still uses", "addresses still use")} ${domain}; change or remove them before removing the domain.`;
        throw new ConflictError(message, { hostedDomains: message });
      }
    }
    await removeCompanyDomains(tx, companyId, removed);
  }
  for (const [position, domain] of newHosted.entries()) {
    if (oldHosted.includes(domain)) await setCompanyDomainPosition(tx, companyId, domain, position);
    else
      await addCompanyDomain(
        tx,
        { companyId, domain, kind: "hosted", position },
        `hostedDomains.${position}`,
      );
  }
}
