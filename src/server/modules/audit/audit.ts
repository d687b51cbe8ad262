import { insertRows } from "../../db/batches.js";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/schema.js";
import type { Actor } from "../auth/actor.js";

export interface AuditEntry {
  /** `<object>.<verb>`, e.g. `service.setup`, `account.password_changed`. */
  action: string;
  target: { type: string; id: string | null };
  companyId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The one way state changes are recorded. Call it inside the same transaction as the change,
 * so a change and its audit record commit or roll back together. Never pass secrets in
 * before/after: they are shown to admins.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(toAuditRow(actor, entry));
}

/** Many records of one actor in multi-row inserts (a bulk invite); same rules as `recordAudit`. */
export async function recordAudits(tx: Db, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  await insertRows(
    tx,
    auditEvents,
    entries.map((entry) => toAuditRow(actor, entry)),
  );
}

function toAuditRow(actor: Actor, entry: AuditEntry) {
  return {
    companyId: entry.companyId ?? null,
    actorAccountId: actor.type === "account" ? actor.accountId : null,
    actorKind: actor.type === "account" ? actor.kind : "system",
    actorName: actor.fullName,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.type === "account" ? actor.ip : null,
  };
}
