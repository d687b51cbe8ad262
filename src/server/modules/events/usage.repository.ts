import { sql } from "drizzle-orm";
import type { UsageKey } from "../../../domain/usage-attribution.js";
import { type UnnestColumn, unnestColumns } from "../../db/batches.js";
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

/** Stored for a leg no event has told the service type of yet; a later event's value replaces it. */
const UNKNOWN_SERVICE_TYPE = "unknown";

/** call_legs, in the order upsertLegs inserts them. */
const LEG_COLUMNS: UnnestColumn<LegUpdate>[] = [
  [(l) => l.uuid, "text"],
  [(l) => l.companyId, "uuid"],
  [(l) => l.serviceTag, "text"],
  [(l) => l.targetKind, "text"],
  [(l) => l.targetId, "uuid"],
  [(l) => l.callerKind, "text"],
  [(l) => l.callerId, "uuid"],
  [(l) => l.conference, "text"],
  [(l) => l.serviceType ?? UNKNOWN_SERVICE_TYPE, "text"],
  [(l) => l.protocol, "text"],
  [(l) => l.direction, "text"],
  [(l) => l.sourceAlias, "text"],
  [(l) => l.destinationAlias, "text"],
  [(l) => l.displayName, "text"],
  [(l) => l.role, "text"],
  [(l) => l.node, "text"],
  [(l) => l.connectedAt, "timestamptz"],
  [(l) => l.endedAt, "timestamptz"],
  [(l) => l.durationSeconds, "float8"],
  [(l) => l.disconnectReason, "text"],
  [(l) => l.endedBy, "text"],
  [(l) => l.eventAt, "timestamptz"],
];

/**
 * Writes what events say about legs, in one statement whatever arrived before: events of one
 * participant may come out of order (from different nodes), so a later event's values win for
 * what changes (service type, role), and nothing known is ever replaced by nothing. Each leg
 * (uuid) may appear once — one statement cannot update a row twice; the applier sends a
 * participant's further events in the next statement. Answers the stored legs by uuid.
 */
export async function upsertLegs(db: Db, legs: LegUpdate[]): Promise<Map<string, StoredLeg>> {
  if (legs.length === 0) return new Map();
  // One array per column (a VALUES list of 200 legs × 22 parameters took the query builder
  // milliseconds of CPU, during which the event sink's requests waited).
  const columns = unnestColumns(legs, LEG_COLUMNS);
  const rows = await queryRows<StoredLeg>(
    db,
    sql`
      insert into call_legs as l (uuid, company_id, service_tag, target_kind, target_id, caller_kind,
        caller_id, conference, service_type, protocol, direction, source_alias, destination_alias,
        display_name, role, node, connected_at, ended_at, duration_seconds, disconnect_reason,
        ended_by, last_event_at)
      select * from unnest(${columns})
      on conflict (uuid) do update set
        company_id = coalesce(l.company_id, excluded.company_id),
        service_tag = coalesce(l.service_tag, excluded.service_tag),
        target_kind = case when l.company_id is null then excluded.target_kind else l.target_kind end,
        target_id = case when l.company_id is null then excluded.target_id else l.target_id end,
        caller_kind = coalesce(l.caller_kind, excluded.caller_kind),
        caller_id = coalesce(l.caller_id, excluded.caller_id),
        conference = coalesce(l.conference, excluded.conference),
        service_type = case when excluded.service_type <> ${UNKNOWN_SERVICE_TYPE}
            and (excluded.last_event_at >= l.last_event_at or l.service_type = ${UNKNOWN_SERVICE_TYPE})
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
  return new Map(rows.map((row) => [row.uuid, normaliseLeg(row)]));
}

/** PGlite and pg return timestamps as Date or string depending on the path: one shape here. */
function normaliseLeg(row: StoredLeg): StoredLeg {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return { ...row, connectedAt: date(row.connectedAt), endedAt: date(row.endedAt) };
}

/**
 * Marks legs as counted under their day; answers the ones that were not counted yet (a replay,
 * a second sweep, an earlier batch find theirs already claimed).
 */
export async function claimLegsForCounting(
  db: Db,
  legs: Array<{ uuid: string; day: string }>,
): Promise<Set<string>> {
  if (legs.length === 0) return new Set();
  const rows = await queryRows<{ uuid: string }>(
    db,
    sql`update call_legs l set counted_day = v.day
        from unnest(${unnestColumns(legs, [
          [(leg) => leg.uuid, "text"],
          [(leg) => leg.day, "date"],
        ])}) as v(uuid, day)
        where l.uuid = v.uuid and l.counted_day is null returning l.uuid`,
  );
  return new Set(rows.map((row) => row.uuid));
}

/** One usage_daily row's increments. */
export interface UsageRow extends UsageKey {
  companyId: string;
  day: string;
  calls: number;
  callSeconds: number;
  roomSeconds: number;
}

/**
 * Adds to the daily usage rows, creating the missing ones, in one statement (one array per
 * column). Each row must appear once (sum first): one statement cannot update the same row twice.
 */
export async function addUsageRows(db: Db, rows: UsageRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into usage_daily as u (company_id, day, dimension, key, calls, call_seconds, room_seconds)
    select * from unnest(${unnestColumns(rows, [
      [(r) => r.companyId, "uuid"],
      [(r) => r.day, "date"],
      [(r) => r.dimension, "text"],
      [(r) => r.key, "text"],
      [(r) => r.calls, "int"],
      [(r) => r.callSeconds, "float8"],
      [(r) => r.roomSeconds, "float8"],
    ])})
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
