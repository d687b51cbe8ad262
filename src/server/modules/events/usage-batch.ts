import type { UsageKey } from "../../../domain/usage-attribution.js";
import type { Db } from "../../db/client.js";
import { addUsageRows, claimLegsForCounting, companyTimeZone, type UsageRow } from "./usage.repository.js";

export interface UsageFigures {
  calls: number;
  callSeconds: number;
  roomSeconds: number;
}

interface LegCount {
  companyId: string;
  day: string;
  keys: UsageKey[];
  figures: UsageFigures;
}

/**
 * What one ingest batch adds to the daily usage figures, gathered while its events are applied
 * and written when the batch ends, in its transaction: the legs to count are claimed in one
 * statement and every figure lands in one multi-row upsert, summed per usage row first (one
 * statement may not update a row twice). Per event that was three round trips (claim, time
 * zone, upsert); now it is two per batch.
 *
 * A leg that ends twice within one batch (a replayed disconnect under a new seq) is counted
 * once, with what the last event left it as; the claim (`counted_day is null`) still guards
 * against a leg counted by an earlier batch or the sweep.
 */
export class UsageBatch {
  private readonly timeZones = new Map<string, string | null>();
  private readonly legs = new Map<string, LegCount>();
  private readonly rooms: LegCount[] = [];

  /** The company's time zone, read once per batch (a batch is a fraction of a second). */
  async timeZone(tx: Db, companyId: string): Promise<string | null> {
    if (!this.timeZones.has(companyId)) this.timeZones.set(companyId, await companyTimeZone(tx, companyId));
    return this.timeZones.get(companyId) ?? null;
  }

  countLeg(uuid: string, count: LegCount): void {
    this.legs.set(uuid, count);
  }

  addRoomUsage(count: LegCount): void {
    this.rooms.push(count);
  }

  /** Writes what the batch gathered; call it last, inside the batch's transaction. */
  async flush(tx: Db): Promise<void> {
    const claimed = await claimLegsForCounting(
      tx,
      [...this.legs].map(([uuid, { day }]) => ({ uuid, day })),
    );
    const sums = new Map<string, UsageRow>();
    const add = ({ companyId, day, keys, figures }: LegCount) => {
      for (const { dimension, key } of keys) {
        const id = `${companyId}\u0000${day}\u0000${dimension}\u0000${key}`;
        const row = sums.get(id);
        if (row) {
          row.calls += figures.calls;
          row.callSeconds += figures.callSeconds;
          row.roomSeconds += figures.roomSeconds;
        } else sums.set(id, { companyId, day, dimension, key, ...figures });
      }
    };
    for (const [uuid, count] of this.legs) if (claimed.has(uuid)) add(count);
    for (const count of this.rooms) add(count);
    await addUsageRows(tx, [...sums.values()]);
    this.legs.clear();
    this.rooms.length = 0;
  }
}
