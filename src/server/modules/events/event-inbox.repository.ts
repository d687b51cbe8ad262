import { sql } from "drizzle-orm";
import type { EventEnvelope } from "../../../domain/pexip-events.js";
import { type Db, queryRows, queryRowsPrepared } from "../../db/client.js";
import { eventSinkCounters, rejectedEvents } from "../../db/schema.js";

export interface InboxRow {
  id: number;
  payload: EventEnvelope;
}

/** What names an envelope: a retry repeats all three, a restarted node's seq comes with later times. */
export function envelopeKey(node: string, seq: number, time: number): string {
  return `${node}\u0000${seq}\u0000${time}`;
}

/**
 * Writes envelopes not seen before (replays are dropped); answers the keys of those written.
 * The whole group goes as one JSON parameter that PostgreSQL unpacks, in one prepared statement:
 * building a multi-row `values (…)` in the query builder cost more CPU than the insert itself at
 * 2,000 events/s.
 */
export async function insertEnvelopesReturningKeys(db: Db, envelopes: EventEnvelope[]): Promise<Set<string>> {
  if (envelopes.length === 0) return new Set();
  const inserted = await queryRowsPrepared<{ node: string; seq: string | number; event_time: number }>(
    db,
    "event_inbox_insert",
    sql`insert into event_inbox (node, seq, event_time, event, payload)
        select e->>'node', (e->>'seq')::bigint, (e->>'time')::float8, e->>'event', e
          from jsonb_array_elements(${JSON.stringify(envelopes)}::jsonb) with ordinality as x(e, n)
         order by n
        on conflict do nothing
        returning node, seq, event_time`,
  );
  return new Set(inserted.map((row) => envelopeKey(row.node, Number(row.seq), Number(row.event_time))));
}

/** The oldest envelopes not applied yet, in the order they arrived. */
export async function pendingEnvelopes(db: Db, limit: number): Promise<InboxRow[]> {
  return queryRows<InboxRow>(
    db,
    sql`select id, payload from event_inbox where applied_at is null order by id limit ${limit}`,
  );
}

/**
 * One ingest worker at a time across all instances, so events apply in arrival order: a
 * transaction-scoped advisory lock (released at commit).
 */
const LOCK_INGEST = sql`pg_try_advisory_xact_lock(hashtext('confero:event-ingest'))`;

/**
 * The ingest worker's batch: takes the workers' lock and marks the oldest
 * pending envelopes applied, answering them in arrival order — or nothing when another worker
 * holds the lock. Call it inside the transaction that applies them.
 */
export async function claimPendingEnvelopes(db: Db, limit: number): Promise<InboxRow[]> {
  const rows = await queryRows<InboxRow>(
    db,
    sql`update event_inbox set applied_at = now()
        where (select ${LOCK_INGEST}) and id in (
          select id from event_inbox where applied_at is null order by id limit ${limit})
        returning id, payload`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
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

/** Takes the workers' lock alone (the one-by-one fallback's transactions). */
export async function tryLockIngest(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(db, sql`select ${LOCK_INGEST} as locked`);
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
          (select received_at from event_inbox order by id desc limit 1) as last`,
  );
  return { pending: row?.pending ?? 0, lastReceivedAt: row?.last ? new Date(row.last) : null };
}
