/**
 * Per-IP sliding-window limits (in memory: one per server process; a deployment with several processes
 * puts the same limits in its reverse proxy as well): login attempts, public complaints.
 */
import type { Clock } from '../clock.ts';

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Count one attempt; false when the key has used up its attempts in the window. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number) {
    for (const [key, ts] of this.hits) if (ts.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}

/** Login attempts per IP and minute. */
export class LoginRateLimiter extends SlidingWindowLimiter {
  constructor(clock: Clock, perMinute: number) {
    super(clock, perMinute, 60_000);
  }
}
