/**
 * A per-IP sliding-window limit on login attempts (in memory: one per server process; a deployment
 * with several processes puts the same limit in its reverse proxy as well).
 */
import type { Clock } from '../clock.ts';

export class LoginRateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number,
  ) {}

  /** Count one attempt; false when the IP has used up its attempts in the last minute. */
  take(ip: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.hits.get(ip) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(ip, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(ip, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number) {
    for (const [ip, ts] of this.hits) if (ts.every((t) => now - t >= 60_000)) this.hits.delete(ip);
  }
}
