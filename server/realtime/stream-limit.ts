/**
 * How many event streams one user may hold open in this process. Past the limit a new stream is
 * refused (429 with Retry-After) rather than closing an older one: tabs that pushed each other
 * out would reconnect in turns forever, while a refused one backs off and retries.
 */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(readonly perUser: number) {}

  /** Takes a slot for this user; false when they already hold the limit. */
  take(userId: string): boolean {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.perUser) return false;
    this.open.set(userId, n + 1);
    return true;
  }

  release(userId: string): void {
    const n = (this.open.get(userId) ?? 0) - 1;
    if (n > 0) this.open.set(userId, n);
    else this.open.delete(userId);
  }

  held(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}
