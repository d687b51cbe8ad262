import { sql } from "drizzle-orm";
import type { EventEnvelope } from "../../../domain/pexip-events.js";
import { type Db, queryRows } from "../../db/client.js";
import { eventInbox, eventSinkCounters, rejectedEvents } from "../../db/schema.js";

export interface InboxRow {
  id: number;
  payload: EventEnvelope;
}

/** Writes envelopes not seen before; returns how many were new (replays are dropped). */
export async function insertEnvelopes(db: Db, envelopes: EventEnvelope[]): Promise<number> {
  if (envelopes.length === 0) return 0;
  const inserted = await db
    .insert(eventInbox)
    .values(
      envelopes.map((e) => ({ node: e.node, seq: e.seq, eventTime: e.time, event: e.event, payload: e })),
    )
    .onConflictDoNothing()
    .returning({ id: eventInbox.id });
  return inserted.length;
}

/** The oldest envelopes not applied yet, in the order they arrived. */
export async function pendingEnvelopes(db: Db, limit: number): Promise<InboxRow[]> {
  return queryRows<InboxRow>(
    db,
    sql`select id, payload from event_inbox where applied_at is null order by id limit ${limit}`,
  );
}

export async function markApplied(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`update event_inbox set applied_at = now() where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/**
 * One ingest worker at a time across all instances, so events apply in arrival order: a
 * transaction-scoped advisory lock (released at commit).
 */
export async function tryLockIngest(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    db,
    sql`select pg_try_advisory_xact_lock(hashtext('confero:event-ingest')) as locked`,
  );
  return row?.locked === true;
}

export type CounterName = "accepted" | "duplicates" | "ignored" | "rejected" | "swept";

export async function addToCounters(db: Db, deltas: Partial<Record<CounterName, number>>): Promise<void> {
  const rows = Object.entries(deltas).filter(([, value]) => value && value > 0);
  if (rows.length === 0) return;
  await db
    .insert(eventSinkCounters)
    .values(rows.map(([name, value]) => ({ name, value: value as number })))
    .onConflictDoUpdate({
      target: eventSinkCounters.name,
      set: { value: sql`${eventSinkCounters.value} + excluded.value` },
    });
}

export async function readCounters(db: Db): Promise<Record<CounterName, number>> {
  const rows = await db.select().from(eventSinkCounters);
  const counters: Record<CounterName, number> = {
    accepted: 0,
    duplicates: 0,
    ignored: 0,
    rejected: 0,
    swept: 0,
  };
  for (const row of rows) if (row.name in counters) counters[row.name as CounterName] = Number(row.value);
  return counters;
}

/** How many rejected events are kept to look at; the counter keeps counting. */
const REJECTED_KEPT = 500;

export async function recordRejected(
  db: Db,
  rejected: Array<{ node: string | null; event: string | null; reason: string; sample: string }>,
): Promise<void> {
  if (rejected.length === 0) return;
  await db.insert(rejectedEvents).values(rejected);
  await db.execute(
    sql`delete from rejected_events where id in (
      select id from rejected_events order by received_at desc, id offset ${REJECTED_KEPT})`,
  );
}

export async function latestRejected(db: Db, limit: number) {
  return queryRows<{
    receivedAt: Date;
    node: string | null;
    event: string | null;
    reason: string;
    sample: string;
  }>(
    db,
    sql`select received_at as "receivedAt", node, event, reason, sample
        from rejected_events order by received_at desc, id limit ${limit}`,
  );
}

/** How many envelopes wait to be applied, and when the last one arrived. */
export async function inboxState(db: Db): Promise<{ pending: number; lastReceivedAt: Date | null }> {
  const [row] = await queryRows<{ pending: number; last: Date | string | null }>(
    db,
    sql`select (select count(*)::int from event_inbox where applied_at is null) as pending,
          (select max(received_at) from event_inbox) as last`,
  );
  return { pending: row?.pending ?? 0, lastReceivedAt: row?.last ? new Date(row.last) : null };
}
