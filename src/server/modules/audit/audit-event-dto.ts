import { actionLabel, type FieldChange, fieldChanges, summarise } from "./audit-descriptions.js";
import type { AuditEventRow } from "./audit-events.repository.js";

export type AuditActorKind = "operator" | "partner_admin" | "member" | "system";

/** An audit event as admins see it: recorded facts plus the words for them. */
export interface AuditEventDto {
  id: string;
  occurredAt: string;
  actor: { id: string | null; name: string; kind: AuditActorKind };
  action: string;
  actionLabel: string;
  target: { type: string; id: string | null; label: string | null };
  summary: string;
  changes?: FieldChange[];
  ip: string | null;
}

const ACTOR_KINDS: readonly AuditActorKind[] = ["operator", "partner_admin", "member", "system"];

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

const firstText = (records: (Record<string, unknown> | null)[], keys: readonly string[]) => {
  for (const record of records) {
    for (const key of keys) {
      const value = record?.[key];
      if (typeof value === "string" && value !== "") return value;
    }
  }
  return null;
};

/**
 * What the event was about, in words: the name, email or address recorded with it (newest
 * first), else the account's or personal VMR's current name, else the company's name for
 * company-wide events.
 */
function targetLabel(row: AuditEventRow, company: { id: string; name: string }): string | null {
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  return (
    firstText([after, before], ["fullName", "name"]) ??
    row.targetAccount?.fullName ??
    row.targetRoom?.name ??
    firstText([after, before], ["email", "videoAddress", "address"]) ??
    (row.targetType === "company" && row.targetId === company.id ? company.name : null)
  );
}

export function toAuditEvent(row: AuditEventRow, company: { id: string; name: string }): AuditEventDto {
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  const label = targetLabel(row, company);
  const changes = fieldChanges(before, after);
  const kind = ACTOR_KINDS.find((k) => k === row.actorKind) ?? "system";
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: { id: row.actorAccountId, name: row.actorName, kind },
    action: row.action,
    actionLabel: actionLabel(row.action),
    target: { type: row.targetType, id: row.targetId, label },
    summary: summarise({ action: row.action, before, after, targetLabel: label, changes }),
    ...(changes.length > 0 ? { changes } : {}),
    ip: row.ip,
  };
}
