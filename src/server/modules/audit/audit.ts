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
  await tx.insert(auditEvents).values({
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
  });
}
