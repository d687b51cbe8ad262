/**
 * Fixed-window counters in memory. Enough for one Confero process (the supported embedded
 * deployment); several instances behind a balancer each count on their own, which only makes
 * the limit a multiple of the configured one.
 */
export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

interface Window {
  count: number;
  resetsAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rule: LimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it is not blocked. */
  blockedFor(key: string): number {
    const window = this.current(key);
    if (!window || window.count < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((window.resetsAt - this.now()) / 1000));
  }

  hit(key: string): void {
    const window = this.current(key);
    if (window) {
      window.count += 1;
      return;
    }
    if (this.windows.size > 50_000) this.sweep();
    this.windows.set(key, { count: 1, resetsAt: this.now() + this.rule.windowSeconds * 1000 });
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key);
  }
}
