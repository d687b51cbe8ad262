import type { Db } from "../../db/client.js";
import { safeCsv } from "../../lib/csv.js";
import type { AccountActor } from "../auth/actor.js";
import { companyForAdmin } from "../companies/company-access.policy.js";
import { type AuditEventDto, toAuditEvent } from "./audit-event-dto.js";
import { listAuditActors, listAuditEvents, listAuditEventsForExport } from "./audit-events.repository.js";
import type { AuditFilter, AuditListInput } from "./audit-events.schemas.js";

/** The CSV export stops here: a spreadsheet holds about a million rows, a browser download less. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

export const AUDIT_CSV_HEADER = ["When", "Who", "Action", "Object", "Details", "IP"];

const ACTOR_ROLES = { operator: "operator", partner_admin: "partner admin", system: "system" } as const;

/** "Paul Partner (partner admin)": who acted for the company is visible in the file too. */
function whoCell(actor: AuditEventDto["actor"]): string {
  return actor.kind === "member" ? actor.name : `${actor.name} (${ACTOR_ROLES[actor.kind]})`;
}

export function auditCsv(events: readonly AuditEventDto[]): string {
  return safeCsv(
    AUDIT_CSV_HEADER,
    events.map((e) => [
      e.occurredAt,
      whoCell(e.actor),
      e.actionLabel,
      e.target.label ?? (e.target.id ? `${e.target.type} ${e.target.id}` : e.target.type),
      e.summary,
      e.ip ?? "",
    ]),
  );
}

/**
 * A company's audit log as its admins (and its partner's admins or operators acting for it)
 * read it: filtered pages, the people who appear in it, and the CSV export. Read-only.
 */
export class AuditEventsService {
  constructor(private readonly deps: { db: Db; now?: () => Date }) {}

  async list(actor: AccountActor, companyId: string, query: AuditListInput) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const { page, pageSize, ...filter } = query;
    const { items, total } = await listAuditEvents(this.deps.db, company.id, filter, { page, pageSize });
    return { items: items.map((row) => toAuditEvent(row, company)), total, page, pageSize };
  }

  async people(actor: AccountActor, companyId: string) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const people = await listAuditActors(this.deps.db, company.id);
    return people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** At most `AUDIT_CSV_MAX_ROWS` events, newest first; `capped` says whether more matched. */
  async exportCsv(actor: AccountActor, companyId: string, filter: AuditFilter) {
    const company = await companyForAdmin(this.deps.db, actor, companyId);
    const rows = await listAuditEventsForExport(this.deps.db, company.id, filter, AUDIT_CSV_MAX_ROWS + 1);
    const capped = rows.length > AUDIT_CSV_MAX_ROWS;
    const events = rows.slice(0, AUDIT_CSV_MAX_ROWS).map((row) => toAuditEvent(row, company));
    const day = (this.deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    return { filename: `audit-log-${company.slug}-${day}.csv`, csv: auditCsv(events), capped };
  }
}
