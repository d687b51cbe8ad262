import { LRUCache } from "lru-cache";
import type { Database, Db } from "../../db/client.js";
import {
  type AddressTarget,
  findAddressTarget,
  findAddressTargets,
  listOwnedDomains,
} from "./policy-targets.repository.js";

/** The channel migration 0008's triggers notify when anything a policy answer reads changes. */
export const POLICY_CHANGES_CHANNEL = "confero_policy";
/** Addresses kept in memory; one entry is a few hundred bytes, so this is tens of megabytes at most. */
const MAX_TARGETS = 200_000;

/**
 * Infinity asks on every call, so the policy server answers from memory: which address reaches
 * what, and which domains are ours. Answers stay fresh because every change to the tables they
 * are read from makes PostgreSQL NOTIFY (migration 0008's triggers) when the change commits, and
 * every instance listening drops everything it holds. Two guards keep a stale read out:
 * - a read that started before a change and ends after it is not kept (the generation moved on);
 * - while the LISTEN connection is down (notifications could be missed), nothing is cached at all
 *   and every answer reads the database.
 * The window left is the notification's trip from the committing transaction to each instance
 * (the saving one included): under a millisecond on one machine, far shorter than a person
 * takes to dial after saving. Any change drops everything: changes are rare next to calls, and
 * one address's answer depends on several tables (its company, owner, domains, settings).
 */
export class PolicyCache {
  private readonly targets = new LRUCache<string, { target: AddressTarget | null }>({ max: MAX_TARGETS });
  private readonly pending = new Map<string, Promise<AddressTarget | null>>();
  private domains: Promise<Set<string>> | null = null;
  private generation = 0;
  private listening = false;
  private stopListening: (() => Promise<void>) | null = null;
  private readonly flushListeners: Array<() => void> = [];
  private flushWaiters: Array<() => void> = [];

  constructor(private readonly db: Db) {}

  /** Starts listening for changes; until it is listening, nothing is cached. */
  async start(database: Pick<Database, "listen">): Promise<void> {
    this.stopListening = await database.listen(POLICY_CHANGES_CHANNEL, {
      onNotify: () => this.flush(),
      onState: (listening) => {
        this.listening = listening;
        this.flush();
      },
    });
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.flush();
    await this.stopListening?.();
    this.stopListening = null;
  }

  /** True while answers may come from memory (notifications are being heard). */
  get fresh(): boolean {
    return this.listening;
  }

  /** Also run `listener` whenever the cache is dropped (other in-memory copies of policy data). */
  onFlush(listener: () => void): void {
    this.flushListeners.push(listener);
  }

  flush(): void {
    this.generation += 1;
    this.targets.clear();
    this.pending.clear();
    this.domains = null;
    for (const listener of this.flushListeners) listener();
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const waiter of waiters) waiter();
  }

  /** How many times the cache was dropped: read before a change, then await `droppedSince`. */
  get drops(): number {
    return this.generation;
  }

  /**
   * Resolves true once the cache has been dropped after `drops` was read (the change's
   * notification was heard), false after `timeoutMs` — for whoever must know a change has
   * reached this instance, such as a test that writes to the database directly.
   */
  droppedSince(drops: number, timeoutMs = 2000): Promise<boolean> {
    if (this.generation > drops) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.flushWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * What `address` (stored form) reaches, or null; concurrent asks for one address share a read.
   * Inside a transaction pass it as `db`: PGlite has one connection, which the transaction holds.
   */
  async target(address: string, db: Db = this.db): Promise<AddressTarget | null> {
    if (!this.listening) return findAddressTarget(db, address);
    const hit = this.targets.get(address);
    if (hit) return hit.target;
    const inFlight = this.pending.get(address);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const read = findAddressTarget(db, address).finally(() => {
      if (this.pending.get(address) === read) this.pending.delete(address);
    });
    this.pending.set(address, read);
    const target = await read;
    if (generation === this.generation && this.listening) this.targets.set(address, { target });
    return target;
  }

  /**
   * Reads the targets of every address not cached yet in one statement and caches them (those
   * no one has too), so the `target` calls that follow are hits — the event sink's batch asks
   * about hundreds of aliases at once, many of them callers from outside.
   */
  async prefetch(addresses: Iterable<string>, db: Db = this.db): Promise<void> {
    if (!this.listening) return;
    const missing = [...new Set(addresses)].filter((a) => !this.targets.has(a) && !this.pending.has(a));
    if (missing.length === 0) return;
    const generation = this.generation;
    const found = await findAddressTargets(db, missing);
    if (generation !== this.generation || !this.listening) return;
    for (const address of missing) this.targets.set(address, { target: found.get(address) ?? null });
  }

  /** The service's and every company's domains. */
  async ownedDomains(): Promise<Set<string>> {
    if (!this.listening) return listOwnedDomains(this.db);
    if (!this.domains) {
      const generation = this.generation;
      const read = listOwnedDomains(this.db);
      this.domains = read;
      read.catch(() => {
        if (this.domains === read) this.domains = null;
      });
      // A change during the read drops `this.domains` (flush), so a stale set is never kept.
      if (generation !== this.generation) return read;
    }
    return this.domains;
  }
}
