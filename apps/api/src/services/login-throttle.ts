/**
 * Sliding-window limit of failed logins per client address, in memory: an address that keeps
 * guessing is refused for a while, also with the right password. With several API replicas each
 * counts its own failures; the per-account lockout in the database is the shared defence.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** True when the address has used up its failures for the window. */
  blocked(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => now - at >= this.windowMs)) this.failures.delete(key);
    }
  }
}
