import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";

export interface ConferenceInstance {
  node: string;
  name: string;
  startedAt: Date;
  companyId: string | null;
  roomKind: "personal_room" | "team_room" | null;
  roomId: string | null;
}

/**
 * Nodes started running conferences (a replay or a late start changes nothing): a batch's
 * starts in one statement, one array per column.
 */
export async function startInstances(db: Db, instances: readonly ConferenceInstance[]): Promise<void> {
  if (instances.length === 0) return;
  const column = <T>(pick: (i: ConferenceInstance) => T) => sql.param(instances.map(pick));
  await db.execute(sql`
    insert into conference_instances (node, name, started_at, company_id, room_kind, room_id)
    select * from unnest(${column((i) => i.node)}::text[], ${column((i) => i.name)}::text[],
      ${column((i) => i.startedAt.toISOString())}::timestamptz[], ${column((i) => i.companyId)}::uuid[],
      ${column((i) => i.roomKind)}::text[], ${column((i) => i.roomId)}::uuid[])
    on conflict do nothing`);
}

/**
 * A node stopped running a conference: the instance it started at `startedAt` (or, when the
 * ended event does not say, its latest open one) is closed and returned; null when there was
 * none — the ended event then stands alone and is recorded as a whole instance. An instance
 * already closed is extended by a later end (the node ran the conference again from the same
 * second: it was in use until the later end — room intervals are a union, nothing counts
 * twice); an end no later than the one known (a replay) changes nothing and answers null.
 */
export async function endInstance(
  db: Db,
  instance: ConferenceInstance,
  endedAt: Date,
): Promise<ConferenceInstance | null> {
  const [row] = await queryRows<ConferenceInstance>(
    db,
    sql`
      insert into conference_instances as i (node, name, started_at, ended_at, company_id, room_kind, room_id)
      values (${instance.node}, ${instance.name}, ${instance.startedAt}, ${endedAt}, ${instance.companyId},
        ${instance.roomKind}, ${instance.roomId})
      on conflict (node, name, started_at) do update set ended_at = excluded.ended_at
        where i.ended_at is null or i.ended_at < excluded.ended_at
      returning node, name, started_at as "startedAt", company_id as "companyId", room_kind as "roomKind",
        room_id as "roomId"`,
  );
  return row ? { ...row, startedAt: new Date(row.startedAt) } : null;
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

/**
 * Adds [start, end] to the room's in-use time, merging it with every stretch it overlaps or
 * touches (other nodes running the same conference); returns the seconds the union grew by.
 * Only the ingest worker calls it, inside the transaction that holds the workers' lock
 * (event-inbox.repository.ts), so two nodes' ends can never both count an overlap.
 */
export async function addRoomInterval(
  db: Db,
  companyId: string,
  roomId: string,
  start: Date,
  end: Date,
  merge: (
    existing: Array<{ start: number; end: number }>,
    added: { start: number; end: number },
  ) => { merged: { start: number; end: number }; grewBy: number },
): Promise<{ grewBy: number; mergedStart: Date }> {
  const overlapping = await queryRows<{ id: string; startedAt: Date; endedAt: Date }>(
    db,
    sql`delete from room_intervals
        where company_id = ${companyId} and room_id = ${roomId}
          and started_at <= ${end} and ended_at >= ${start}
        returning id, started_at as "startedAt", ended_at as "endedAt"`,
  );
  const { merged, grewBy } = merge(
    overlapping.map((r) => ({ start: new Date(r.startedAt).getTime(), end: new Date(r.endedAt).getTime() })),
    { start: start.getTime(), end: end.getTime() },
  );
  const mergedStart = new Date(merged.start);
  await db.execute(sql`
    insert into room_intervals (company_id, room_id, started_at, ended_at)
    values (${companyId}, ${roomId}, ${mergedStart}, ${new Date(merged.end)})`);
  return { grewBy: grewBy / 1000, mergedStart };
}
