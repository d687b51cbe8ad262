import { sql } from "drizzle-orm";
import { type UnnestColumn, unnestColumns } from "../../db/batches.js";
import { type Db, queryRows } from "../../db/client.js";

export interface ConferenceInstance {
  node: string;
  name: string;
  startedAt: Date;
  companyId: string | null;
  roomKind: "personal_room" | "team_room" | null;
  roomId: string | null;
}

type InstanceEnd = { instance: ConferenceInstance; endedAt: Date };

/** conference_instances (node, name, started_at | ended_at, company_id, room_kind, room_id). */
const instanceColumns = <T>(
  instance: (row: T) => ConferenceInstance,
  ended: UnnestColumn<T>[] = [],
): UnnestColumn<T>[] => [
  [(row) => instance(row).node, "text"],
  [(row) => instance(row).name, "text"],
  [(row) => instance(row).startedAt, "timestamptz"],
  ...ended,
  [(row) => instance(row).companyId, "uuid"],
  [(row) => instance(row).roomKind, "text"],
  [(row) => instance(row).roomId, "uuid"],
];

/**
 * Nodes started running conferences (a replay or a late start changes nothing): a batch's
 * starts in one statement, one array per column.
 */
export async function startInstances(db: Db, instances: readonly ConferenceInstance[]): Promise<void> {
  if (instances.length === 0) return;
  await db.execute(sql`
    insert into conference_instances (node, name, started_at, company_id, room_kind, room_id)
    select * from unnest(${unnestColumns(
      instances,
      instanceColumns((i: ConferenceInstance) => i),
    )})
    on conflict do nothing`);
}

/**
 * Nodes stopped running conferences: each instance (node, name, startedAt) is closed at its
 * `endedAt`; answers the instances that closed, in any order. An instance with no start on
 * record is written whole (the ended event stands alone). An instance already closed is
 * extended by a later end (the node ran the conference again from the same second: it was in
 * use until the later end — room intervals are a union, nothing counts twice); an end no later
 * than the one known (a replay) changes nothing and is not answered. One statement for all of
 * them: no instance may appear twice (PostgreSQL cannot update one row twice in a statement).
 */
export async function endInstances(
  db: Db,
  ends: readonly InstanceEnd[],
): Promise<Array<ConferenceInstance & { endedAt: Date }>> {
  if (ends.length === 0) return [];
  const columns = instanceColumns((e: InstanceEnd) => e.instance, [[(e) => e.endedAt, "timestamptz"]]);
  const rows = await queryRows<ConferenceInstance & { endedAt: Date }>(
    db,
    sql`
      insert into conference_instances as i (node, name, started_at, ended_at, company_id, room_kind, room_id)
      select * from unnest(${unnestColumns(ends, columns)})
      on conflict (node, name, started_at) do update set ended_at = excluded.ended_at
        where i.ended_at is null or i.ended_at < excluded.ended_at
      returning node, name, started_at as "startedAt", ended_at as "endedAt", company_id as "companyId",
        room_kind as "roomKind", room_id as "roomId"`,
  );
  return rows.map((row) => ({ ...row, startedAt: new Date(row.startedAt), endedAt: new Date(row.endedAt) }));
}

/**
 * The node's open instance of a conference, for an ended event that gives no start time: the
 * latest one that started no later than the end (one that started after it is a later instance).
 */
export async function openInstanceStart(
  db: Db,
  node: string,
  name: string,
  endedAt: Date,
): Promise<Date | null> {
  const [row] = await queryRows<{ startedAt: Date }>(
    db,
    sql`select started_at as "startedAt" from conference_instances
        where node = ${node} and name = ${name} and ended_at is null and started_at <= ${endedAt}
        order by started_at desc limit 1`,
  );
  return row ? new Date(row.startedAt) : null;
}

export interface RoomStretch {
  companyId: string;
  roomId: string;
  start: Date;
  end: Date;
}

/** room_intervals (company_id, room_id, started_at, ended_at). */
const STRETCH_COLUMNS: UnnestColumn<RoomStretch>[] = [
  [(s) => s.companyId, "uuid"],
  [(s) => s.roomId, "uuid"],
  [(s) => s.start, "timestamptz"],
  [(s) => s.end, "timestamptz"],
];

type Merge = (
  existing: Array<{ start: number; end: number }>,
  added: { start: number; end: number },
) => { merged: { start: number; end: number }; grewBy: number };

/**
 * Adds each stretch, in order, to its room's in-use time, merging it with every stretch it
 * overlaps or touches (other nodes running the same conference); answers, for each, the seconds
 * the union grew by. The stored stretches that overlap any of them are taken out in one
 * statement, merged in memory one added stretch after the other (as one by one would), and the
 * results written back in another. Only the ingest worker calls it, inside the transaction that
 * holds the workers' lock (event-inbox.repository.ts), so two nodes' ends can never both count
 * an overlap.
 */
export async function addRoomStretches(
  db: Db,
  added: readonly RoomStretch[],
  merge: Merge,
): Promise<number[]> {
  if (added.length === 0) return [];
  const taken = await queryRows<{ roomId: string; companyId: string; startedAt: Date; endedAt: Date }>(
    db,
    sql`delete from room_intervals r
        using unnest(${unnestColumns(added, STRETCH_COLUMNS)}) as a(company_id, room_id, s, e)
        where r.company_id = a.company_id and r.room_id = a.room_id and r.started_at <= a.e and r.ended_at >= a.s
        returning r.room_id as "roomId", r.company_id as "companyId", r.started_at as "startedAt",
          r.ended_at as "endedAt"`,
  );
  // Each room's stretches in memory: disjoint, as stored.
  const rooms = new Map<string, { companyId: string; stretches: Array<{ start: number; end: number }> }>();
  const roomOf = (roomId: string, companyId: string) => {
    const room = rooms.get(roomId) ?? { companyId, stretches: [] };
    rooms.set(roomId, room);
    return room;
  };
  // A stored stretch that overlaps several added ones is deleted, and answered, once.
  for (const row of taken)
    roomOf(row.roomId, row.companyId).stretches.push({
      start: new Date(row.startedAt).getTime(),
      end: new Date(row.endedAt).getTime(),
    });
  const grew = added.map((stretch) => {
    const room = roomOf(stretch.roomId, stretch.companyId);
    const add = { start: stretch.start.getTime(), end: stretch.end.getTime() };
    const overlapping = room.stretches.filter((s) => s.start <= add.end && s.end >= add.start);
    const { merged, grewBy } = merge(overlapping, add);
    room.stretches = [...room.stretches.filter((s) => !overlapping.includes(s)), merged];
    return grewBy / 1000;
  });
  const merged = [...rooms].flatMap(([roomId, room]) =>
    room.stretches.map(
      (s): RoomStretch => ({
        companyId: room.companyId,
        roomId,
        start: new Date(s.start),
        end: new Date(s.end),
      }),
    ),
  );
  await db.execute(sql`
    insert into room_intervals (company_id, room_id, started_at, ended_at)
    select * from unnest(${unnestColumns(merged, STRETCH_COLUMNS)})`);
  return grew;
}
