import { and, asc, count, desc, eq, gte, ilike, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { containsPattern } from "../../db/like.js";
import { accounts, auditEvents, personalRooms } from "../../db/schema.js";
import type { OccurredRange } from "./audit-events.schemas.js";

export interface AuditEventFilter {
  person?: string | undefined;
  object?: string | undefined;
  occurred: OccurredRange;
}

/** An audit row with what is known today about the account it was about (when it still exists). */
export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorAccountId: string | null;
  actorKind: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  targetAccount: { fullName: string; email: string } | null;
  targetRoom: { name: string; address: string } | null;
}

const targetAccount = alias(accounts, "target_account");
const targetRoom = alias(personalRooms, "target_room");

// Account and personal VMR targets are joined so a change that did not touch the name or email
// (a role change, new PINs) can still be shown and found by the member's name, email or the
// room's address. Only rows of the same company.
const targetAccountJoin = and(
  eq(auditEvents.targetType, "account"),
  sql`${auditEvents.targetId} = ${targetAccount.id}::text`,
  eq(targetAccount.companyId, auditEvents.companyId),
);
const targetRoomJoin = and(
  eq(auditEvents.targetType, "personal_room"),
  sql`${auditEvents.targetId} = ${targetRoom.id}::text`,
  eq(targetRoom.companyId, auditEvents.companyId),
);

const columns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorAccountId: auditEvents.actorAccountId,
  actorKind: auditEvents.actorKind,
  actorName: auditEvents.actorName,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  before: auditEvents.before,
  after: auditEvents.after,
  ip: auditEvents.ip,
  targetName: targetAccount.fullName,
  targetEmail: targetAccount.email,
  roomName: targetRoom.name,
  roomAddress: targetRoom.address,
};

function auditWhere(companyId: string, filter: AuditEventFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.companyId, companyId)];
  if (filter.person) conditions.push(eq(auditEvents.actorAccountId, filter.person));
  if (filter.occurred.from) conditions.push(gte(auditEvents.occurredAt, filter.occurred.from));
  if (filter.occurred.before) conditions.push(lt(auditEvents.occurredAt, filter.occurred.before));
  if (filter.object) {
    const pattern = containsPattern(filter.object);
    conditions.push(
      or(
        ilike(auditEvents.targetId, pattern),
        ilike(sql`${auditEvents.before}::text`, pattern),
        ilike(sql`${auditEvents.after}::text`, pattern),
        ilike(targetAccount.fullName, pattern),
        ilike(targetAccount.email, pattern),
        ilike(targetAccount.videoAddress, pattern),
        ilike(targetRoom.name, pattern),
        ilike(targetRoom.address, pattern),
      ),
    );
  }
  return and(...conditions);
}

type SelectedRow = { [K in keyof typeof columns]: unknown };

function toRow(row: SelectedRow): AuditEventRow {
  const { targetName, targetEmail, roomName, roomAddress, ...rest } = row;
  return {
    ...(rest as Omit<AuditEventRow, "targetAccount" | "targetRoom">),
    targetRoom:
      typeof roomName === "string" && typeof roomAddress === "string"
        ? { name: roomName, address: roomAddress }
        : null,
    targetAccount:
      typeof targetName === "string" && typeof targetEmail === "string"
        ? { fullName: targetName, email: targetEmail }
        : null,
  };
}

// Newest first; the id breaks ties between events of the same transaction, so pages never overlap.
const newestFirst = [desc(auditEvents.occurredAt), desc(auditEvents.id)];

export async function listAuditEvents(
  db: Db,
  companyId: string,
  filter: AuditEventFilter,
  paging: { page: number; pageSize: number },
): Promise<{ items: AuditEventRow[]; total: number }> {
  const where = auditWhere(companyId, filter);
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(auditEvents)
      .leftJoin(targetAccount, targetAccountJoin)
      .leftJoin(targetRoom, targetRoomJoin)
      .where(where)
      .orderBy(...newestFirst)
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    // The join is only needed to count when the object text may match the account's columns.
    filter.object
      ? db
          .select({ value: count() })
          .from(auditEvents)
          .leftJoin(targetAccount, targetAccountJoin)
          .leftJoin(targetRoom, targetRoomJoin)
          .where(where)
      : db.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { items: items.map(toRow), total: total?.value ?? 0 };
}

/** Up to `limit` events matching the filter, newest first (for the CSV export). */
export async function listAuditEventsForExport(
  db: Db,
  companyId: string,
  filter: AuditEventFilter,
  limit: number,
): Promise<AuditEventRow[]> {
  const rows = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(targetAccount, targetAccountJoin)
    .leftJoin(targetRoom, targetRoomJoin)
    .where(auditWhere(companyId, filter))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(toRow);
}

/**
 * The accounts that appear as actors in the company's log, by their current name: the company's
 * own people and the partner admins and operators who acted for it. Deleted accounts are gone
 * from the list (their events keep the name they had, without an id).
 */
export async function listAuditActors(
  db: Db,
  companyId: string,
): Promise<{ id: string; name: string; kind: "operator" | "partner_admin" | "member" }[]> {
  return db
    .selectDistinct({ id: accounts.id, name: accounts.fullName, kind: accounts.kind })
    .from(auditEvents)
    .innerJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
    .where(and(eq(auditEvents.companyId, companyId), isNotNull(auditEvents.actorAccountId)))
    .orderBy(asc(accounts.fullName), asc(accounts.id));
}
