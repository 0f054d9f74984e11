import type { Db } from '../db/db.js';
import { EVENTS_CHANNEL } from '../domain/events-log.js';
import type { Subscriber } from './subscriber.js';

/**
 * Each server process LISTENs once and wakes its own SSE subscribers of the notified space;
 * with several processes on one Postgres, NOTIFY is what carries a change across them.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten?: () => Promise<void>;
  private ticker?: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly keepAliveMs: number,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, (payload) => {
      const space = payload.slice(0, payload.lastIndexOf(':'));
      for (const s of this.subscribers) if (s.spaceId === space) s.wake();
    });
    // Keep-alive comments; the extra wake also covers a notification lost in a reconnect.
    this.ticker = setInterval(() => {
      for (const s of this.subscribers) {
        s.comment('keep-alive');
        s.wake();
      }
    }, this.keepAliveMs);
    this.ticker.unref();
  }

  add(s: Subscriber): void {
    this.subscribers.add(s);
    s.onClose = () => this.subscribers.delete(s);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream (server shutdown) and stops listening. */
  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    for (const s of [...this.subscribers]) s.close();
    await this.unlisten?.().catch(() => {});
  }
}
