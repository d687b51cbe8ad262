import { sql } from "drizzle-orm";
import type { UsageKey } from "../../../domain/usage-attribution.js";
import { type Db, queryRows } from "../../db/client.js";

/** What one event learnt about a leg; null fields leave what is stored alone. */
export interface LegUpdate {
  uuid: string;
  companyId: string | null;
  serviceTag: string | null;
  targetKind: "personal_room" | "team_room" | "member" | "video_system" | null;
  targetId: string | null;
  callerKind: "member" | "video_system" | null;
  callerId: string | null;
  conference: string | null;
  serviceType: string | null;
  protocol: string | null;
  direction: string | null;
  sourceAlias: string | null;
  destinationAlias: string | null;
  displayName: string | null;
  role: string | null;
  node: string;
  connectedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  disconnectReason: string | null;
  endedBy: "infinity" | "sweep" | null;
  eventAt: Date;
}

export interface StoredLeg {
  uuid: string;
  companyId: string | null;
  targetKind: LegUpdate["targetKind"];
  targetId: string | null;
  callerKind: LegUpdate["callerKind"];
  callerId: string | null;
  conference: string | null;
  serviceType: string;
  direction: string | null;
  sourceAlias: string | null;
  connectedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  countedDay: string | null;
}

/**
 * Writes what an event says about a leg, in one statement whatever arrived before: events of
 * one participant may come out of order (from different nodes), so a later event's values win
 * for what changes (service type, role), and nothing known is ever replaced by nothing.
 */
export async function upsertLeg(db: Db, leg: LegUpdate): Promise<StoredLeg> {
  const [row] = await queryRows<StoredLeg>(
    db,
    sql`
      insert into call_legs as l (uuid, company_id, service_tag, target_kind, target_id, caller_kind,
        caller_id, conference, service_type, protocol, direction, source_alias, destination_alias,
        display_name, role, node, connected_at, ended_at, duration_seconds, disconnect_reason,
        ended_by, last_event_at)
      values (${leg.uuid}, ${leg.companyId}, ${leg.serviceTag}, ${leg.targetKind}, ${leg.targetId},
        ${leg.callerKind}, ${leg.callerId}, ${leg.conference}, ${leg.serviceType ?? "unknown"},
        ${leg.protocol}, ${leg.direction}, ${leg.sourceAlias}, ${leg.destinationAlias},
        ${leg.displayName}, ${leg.role}, ${leg.node}, ${leg.connectedAt}, ${leg.endedAt},
        ${leg.durationSeconds}, ${leg.disconnectReason}, ${leg.endedBy}, ${leg.eventAt})
      on conflict (uuid) do update set
        company_id = coalesce(l.company_id, excluded.company_id),
        service_tag = coalesce(l.service_tag, excluded.service_tag),
        target_kind = case when l.company_id is null then excluded.target_kind else l.target_kind end,
        target_id = case when l.company_id is null then excluded.target_id else l.target_id end,
        caller_kind = coalesce(l.caller_kind, excluded.caller_kind),
        caller_id = coalesce(l.caller_id, excluded.caller_id),
        conference = coalesce(l.conference, excluded.conference),
        service_type = case when ${leg.serviceType}::text is not null and excluded.last_event_at >= l.last_event_at
          then excluded.service_type else l.service_type end,
        protocol = coalesce(l.protocol, excluded.protocol),
        direction = coalesce(l.direction, excluded.direction),
        source_alias = coalesce(l.source_alias, excluded.source_alias),
        destination_alias = coalesce(l.destination_alias, excluded.destination_alias),
        display_name = coalesce(excluded.display_name, l.display_name),
        role = case when excluded.role is not null and excluded.last_event_at >= l.last_event_at
          then excluded.role else l.role end,
        connected_at = coalesce(l.connected_at, excluded.connected_at),
        ended_at = coalesce(l.ended_at, excluded.ended_at),
        duration_seconds = coalesce(l.duration_seconds, excluded.duration_seconds),
        disconnect_reason = coalesce(l.disconnect_reason, excluded.disconnect_reason),
        ended_by = coalesce(l.ended_by, excluded.ended_by),
        last_event_at = greatest(l.last_event_at, excluded.last_event_at)
      returning uuid, company_id as "companyId", target_kind as "targetKind", target_id as "targetId",
        caller_kind as "callerKind", caller_id as "callerId", conference, service_type as "serviceType",
        direction, source_alias as "sourceAlias", connected_at as "connectedAt", ended_at as "endedAt",
        duration_seconds as "durationSeconds", counted_day as "countedDay"`,
  );
  if (!row) throw new Error("upsert returned no leg");
  return normaliseLeg(row);
}

/** PGlite and pg return timestamps as Date or string depending on the path: one shape here. */
function normaliseLeg(row: StoredLeg): StoredLeg {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return { ...row, connectedAt: date(row.connectedAt), endedAt: date(row.endedAt) };
}

/** Marks a leg as counted under `day`; false when it already was (a replay, a second sweep). */
export async function claimLegForCounting(db: Db, uuid: string, day: string): Promise<boolean> {
  const rows = await queryRows<{ uuid: string }>(
    db,
    sql`update call_legs set counted_day = ${day} where uuid = ${uuid} and counted_day is null returning uuid`,
  );
  return rows.length > 0;
}

/** Adds a call's or a room's figures to every usage row it counts for, in one statement. */
export async function addUsage(
  db: Db,
  companyId: string,
  day: string,
  keys: UsageKey[],
  figures: { calls: number; callSeconds: number; roomSeconds: number },
): Promise<void> {
  if (keys.length === 0) return;
  const values = sql.join(
    keys.map(
      (k) =>
        sql`(${companyId}::uuid, ${day}::date, ${k.dimension}, ${k.key}, ${figures.calls}::int, ${figures.callSeconds}::float8, ${figures.roomSeconds}::float8)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    insert into usage_daily as u (company_id, day, dimension, key, calls, call_seconds, room_seconds)
    values ${values}
    on conflict (company_id, dimension, day, key) do update set
      calls = u.calls + excluded.calls,
      call_seconds = u.call_seconds + excluded.call_seconds,
      room_seconds = u.room_seconds + excluded.room_seconds`);
}

/** Legs whose disconnect never came, last heard of before `before` (a node crashed). */
export async function openLegsBefore(db: Db, before: Date, limit: number): Promise<StoredLeg[]> {
  const rows = await queryRows<StoredLeg>(
    db,
    sql`select uuid, company_id as "companyId", target_kind as "targetKind", target_id as "targetId",
          caller_kind as "callerKind", caller_id as "callerId", conference, service_type as "serviceType",
          direction, source_alias as "sourceAlias", connected_at as "connectedAt", ended_at as "endedAt",
          duration_seconds as "durationSeconds", counted_day as "countedDay"
        from call_legs where ended_at is null and last_event_at < ${before}
        order by last_event_at limit ${limit}`,
  );
  return rows.map(normaliseLeg);
}

/** Closes a leg the sweep gave up on, at the last moment Infinity told us anything about it. */
export async function closeSweptLeg(db: Db, uuid: string): Promise<StoredLeg | null> {
  const [row] = await queryRows<StoredLeg>(
    db,
    sql`update call_legs set ended_at = last_event_at, ended_by = 'sweep',
          duration_seconds = greatest(0, extract(epoch from last_event_at - coalesce(connected_at, last_event_at)))
        where uuid = ${uuid} and ended_at is null
        returning uuid, company_id as "companyId", target_kind as "targetKind", target_id as "targetId",
          caller_kind as "callerKind", caller_id as "callerId", conference, service_type as "serviceType",
          direction, source_alias as "sourceAlias", connected_at as "connectedAt", ended_at as "endedAt",
          duration_seconds as "durationSeconds", counted_day as "countedDay"`,
  );
  return row ? normaliseLeg(row) : null;
}

export async function companyTimeZone(db: Db, companyId: string): Promise<string | null> {
  const [row] = await queryRows<{ timeZone: string }>(
    db,
    sql`select time_zone as "timeZone" from companies where id = ${companyId}`,
  );
  return row?.timeZone ?? null;
}
