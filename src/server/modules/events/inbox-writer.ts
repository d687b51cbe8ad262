import type { EventEnvelope } from "../../../domain/pexip-events.js";
import type { Db } from "../../db/client.js";
import { envelopeKey, insertEnvelopesReturningKeys } from "./event-inbox.repository.js";

interface Waiting {
  envelopes: EventEnvelope[];
  resolve: (accepted: number) => void;
  reject: (error: unknown) => void;
}

/** Envelopes per statement, whatever is waiting: 2,000 × 5 parameters. */
const MAX_ENVELOPES_PER_WRITE = 2_000;

/**
 * Group commit for the inbox: while one insert is on its way to the database, the envelopes of
 * requests arriving meanwhile wait and then go together in the next one — each request still
 * answers only once its envelopes are committed, but eight Conferencing Nodes posting at once
 * cost one commit (one WAL flush) instead of eight. A lone node pays nothing extra: with no
 * write in flight its request is written at once.
 */
export class InboxWriter {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  /** Writes envelopes not seen before; resolves with how many were new (replays are dropped). */
  write(envelopes: EventEnvelope[]): Promise<number> {
    if (envelopes.length === 0) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.waiting.push({ envelopes, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group: Waiting[] = [];
        let size = 0;
        while (
          this.waiting.length > 0 &&
          (group.length === 0 || size + (this.waiting[0]?.envelopes.length ?? 0) <= MAX_ENVELOPES_PER_WRITE)
        ) {
          const next = this.waiting.shift() as Waiting;
          group.push(next);
          size += next.envelopes.length;
        }
        await this.writeGroup(group);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    try {
      const inserted = await insertEnvelopesReturningKeys(
        this.db,
        group.flatMap((w) => w.envelopes),
      );
      // A key inserted once is new for the first request that sent it; the same envelope sent
      // twice at once (a retry racing its original) is a duplicate for the other.
      for (const waiting of group) {
        let accepted = 0;
        for (const e of waiting.envelopes)
          if (inserted.delete(envelopeKey(e.node, e.seq, e.time))) accepted += 1;
        waiting.resolve(accepted);
      }
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
