import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { EventApplier } from "./event-applier.js";
import { addToCounters } from "./event-inbox.repository.js";
import type { EventIngestService } from "./event-ingest.service.js";
import { closeSweptLeg, openLegsBefore } from "./usage.repository.js";
import { UsageBatch } from "./usage-batch.js";

export interface UsageMaintenanceOptions {
  /** A leg with no news for this long is closed by the sweep (its node crashed). */
  sweepAfterHours: number;
  /** Raw legs are kept this long; daily figures are kept for good. */
  retentionMonths: number;
}

export const DEFAULT_USAGE_MAINTENANCE: UsageMaintenanceOptions = {
  sweepAfterHours: 12,
  retentionMonths: 13,
};

/** Envelopes stay in the inbox this long after they were applied: longer than any retry. */
const INBOX_KEEP_DAYS = 3;
const TICK_MS = 60_000;
const SWEEP_BATCH = 500;

/**
 * The event sink's housekeeping, once a minute: apply what is waiting in the inbox (another
 * instance may have received it), close legs whose disconnect never came, and drop raw data
 * past retention. Every step is idempotent, so several instances may run it.
 */
export class UsageMaintenance {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      db: Db;
      applier: EventApplier;
      ingest: EventIngestService;
      options: UsageMaintenanceOptions;
      now?: () => Date;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick().catch(() => {}), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(): Promise<void> {
    await this.deps.ingest.drain();
    await this.sweep();
    await this.prune();
  }

  /** Closes and counts legs Infinity stopped telling us about; returns how many. */
  async sweep(): Promise<number> {
    const now = this.deps.now?.() ?? new Date();
    const before = new Date(now.getTime() - this.deps.options.sweepAfterHours * 3600_000);
    let swept = 0;
    const context = await this.deps.applier.context();
    for (;;) {
      const open = await openLegsBefore(this.deps.db, before, SWEEP_BATCH);
      for (const candidate of open) {
        await this.deps.db.transaction(async (tx) => {
          const leg = await closeSweptLeg(tx, candidate.uuid);
          if (!leg) return;
          const own = { ...context, usage: new UsageBatch() };
          await this.deps.applier.countLeg(tx, own, leg, null);
          await own.usage.flush(tx);
          swept += 1;
        });
      }
      if (open.length < SWEEP_BATCH) break;
    }
    if (swept > 0) await addToCounters(this.deps.db, { swept });
    return swept;
  }

  /** Drops raw legs, room stretches and conference instances past retention, and old inbox rows. */
  async prune(): Promise<void> {
    const now = this.deps.now?.() ?? new Date();
    const cutoff = new Date(now);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - this.deps.options.retentionMonths);
    const inboxCutoff = new Date(now.getTime() - INBOX_KEEP_DAYS * 86400_000);
    const db = this.deps.db;
    await db.execute(sql`delete from call_legs where created_at < ${cutoff}`);
    await db.execute(sql`delete from room_intervals where ended_at < ${cutoff}`);
    await db.execute(sql`delete from conference_instances where started_at < ${cutoff}`);
    await db.execute(sql`delete from event_inbox where applied_at < ${inboxCutoff}`);
  }
}
