import { type EventEnvelope, envelopesOf, readEnvelope } from "../../../domain/pexip-events.js";
import type { Db } from "../../db/client.js";
import type { ApplyContext, EventApplier } from "./event-applier.js";
import {
  addToCounters,
  claimPendingEnvelopes,
  markApplied,
  pendingEnvelopes,
  recordRejected,
  tryLockIngest,
} from "./event-inbox.repository.js";
import { InboxWriter } from "./inbox-writer.js";
import { UsageBatch } from "./usage-batch.js";

export interface IngestOutcome {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Envelopes applied per transaction: big enough to share commits, small enough to keep PGlite responsive. */
const BATCH_SIZE = 200;
/**
 * While events keep arriving, the drain pauses this long between batches so that each batch
 * gathers more of them: eight nodes at 2,000 events/s then cost a few dozen applying
 * transactions a second instead of one per request, and the requests keep the CPU. A lone
 * event is applied at once; the usage figures lag by a fraction of a second at most.
 */
const GATHER_MS = 50;
/** Rejected events keep this much of their JSON for the operator to look at. */
const SAMPLE_CHARS = 2000;

/**
 * The event sink's two halves. `ingest` (the HTTP request) only checks each envelope's shape and
 * writes it to the inbox — replays are dropped there by (node, seq, time) — so Infinity gets its
 * answer after one insert, and a node's backlog never waits on usage bookkeeping. `drain` then
 * applies the inbox in arrival order, in batches, one worker at a time across instances; it runs
 * right after each ingest and on a timer (for what another instance received, and after a crash).
 */
export class EventIngestService {
  private draining: Promise<void> | null = null;
  private again = false;

  private readonly inbox: InboxWriter;

  constructor(private readonly deps: { db: Db; applier: EventApplier; now?: () => Date }) {
    this.inbox = new InboxWriter(deps.db);
  }

  async ingest(body: unknown): Promise<IngestOutcome> {
    const raw = envelopesOf(body);
    const nowSeconds = (this.deps.now?.() ?? new Date()).getTime() / 1000;
    const valid: EventEnvelope[] = [];
    const rejected: Array<{ node: string | null; event: string | null; reason: string; sample: string }> = [];
    for (const item of raw) {
      const reading = readEnvelope(item, nowSeconds);
      if (reading.ok) valid.push(reading.envelope);
      else rejected.push({ ...describe(item), reason: reading.reason, sample: sampleOf(item) });
    }
    const accepted = await this.inbox.write(valid);
    const duplicates = valid.length - accepted;
    if (rejected.length > 0 || duplicates > 0) {
      await recordRejected(this.deps.db, rejected);
      await addToCounters(this.deps.db, { rejected: rejected.length, duplicates });
    }
    if (accepted > 0) this.kick();
    return { received: raw.length, accepted, duplicates, rejected: rejected.length };
  }

  /** Starts applying the inbox unless a drain is running (which then goes round once more). */
  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = null;
    });
  }

  /** Applies everything pending now (tests and shutdown wait on this). */
  async drain(): Promise<void> {
    this.kick();
    while (this.draining) await this.draining;
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.applyBatch()) === BATCH_SIZE) {}
      } catch {
        // The database is away: the timer comes back for the inbox, which has lost nothing.
        return;
      }
      if (this.again) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    } while (this.again);
  }

  /** One batch in one transaction; a batch that fails is applied event by event instead. */
  private async applyBatch(): Promise<number> {
    const context = await this.deps.applier.context();
    try {
      return await this.deps.db.transaction(async (tx) => {
        // Takes the worker lock and marks the batch applied in one statement (none when another
        // instance holds the lock); a failure below rolls the marks back with everything else.
        const rows = await claimPendingEnvelopes(tx, BATCH_SIZE);
        const counts = { accepted: 0, ignored: 0, rejected: 0 };
        const rejected = [];
        const outcomes = await this.deps.applier.applyBatch(
          tx,
          rows.map((row) => row.payload),
          context,
        );
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome === "applied") counts.accepted += 1;
          else if (outcome === "ignored") counts.ignored += 1;
          else {
            const payload = rows[i]?.payload;
            counts.rejected += 1;
            rejected.push({ ...describe(payload), reason: outcome.rejected, sample: sampleOf(payload) });
          }
        }
        await context.usage.flush(tx);
        await recordRejected(tx, rejected);
        await addToCounters(tx, counts);
        return rows.length;
      });
    } catch (error) {
      return this.applyOneByOne(error, context);
    }
  }

  /** After a failed batch: each event in its own transaction, so one poisoned event cannot block the rest. */
  private async applyOneByOne(batchError: unknown, context: ApplyContext): Promise<number> {
    const rows = await pendingEnvelopes(this.deps.db, BATCH_SIZE);
    if (rows.length === 0) throw batchError;
    for (const row of rows) {
      try {
        await this.deps.db.transaction(async (tx) => {
          if (!(await tryLockIngest(tx))) return;
          const own = { ...context, usage: new UsageBatch() };
          const outcome = await this.deps.applier.apply(tx, row.payload, own);
          await own.usage.flush(tx);
          await markApplied(tx, [row.id]);
          if (typeof outcome === "object") {
            await recordRejected(tx, [
              { ...describe(row.payload), reason: outcome.rejected, sample: sampleOf(row.payload) },
            ]);
            await addToCounters(tx, { rejected: 1 });
          } else await addToCounters(tx, { [outcome === "applied" ? "accepted" : "ignored"]: 1 });
        });
      } catch (error) {
        await this.deps.db.transaction(async (tx) => {
          await markApplied(tx, [row.id]);
          const reason = `could not be applied: ${error instanceof Error ? error.message : String(error)}`;
          await recordRejected(tx, [
            { ...describe(row.payload), reason: reason.slice(0, 500), sample: sampleOf(row.payload) },
          ]);
          await addToCounters(tx, { rejected: 1 });
        });
      }
    }
    return rows.length;
  }
}

function describe(item: unknown): { node: string | null; event: string | null } {
  const record = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
  return {
    node: typeof record.node === "string" ? record.node.slice(0, 255) : null,
    event: typeof record.event === "string" ? record.event.slice(0, 100) : null,
  };
}

function sampleOf(item: unknown): string {
  try {
    return (JSON.stringify(item) ?? String(item)).slice(0, SAMPLE_CHARS);
  } catch {
    return String(item).slice(0, SAMPLE_CHARS);
  }
}
