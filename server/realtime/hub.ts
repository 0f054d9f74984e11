import type { Db } from '../db/db.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import { EVENTS_CHANNEL } from '../domain/events-log.js';
import type { Viewer } from '../domain/users.js';
import { SpaceFeed, type FanoutStats } from './space-feed.js';
import { StreamLimit } from './stream-limit.js';
import { Subscriber, type SubscriberSink } from './subscriber.js';

export interface HubOptions {
  keepAliveMs: number;
  /** Open streams per user in this process; the next one is refused. */
  maxStreamsPerUser: number;
}

/**
 * Each server process LISTENs once and wakes the feed of the notified space, which serves all
 * of that space's streams here; with several processes on one Postgres, NOTIFY is what carries a
 * change across them.
 */
export class EventHub {
  private readonly feeds = new Map<string, SpaceFeed>();
  private readonly limit: StreamLimit;
  private unlisten?: () => Promise<void>;
  private ticker?: NodeJS.Timeout;
  readonly stats: FanoutStats = { reads: 0, renders: 0, writes: 0 };

  constructor(
    private readonly db: Db,
    private readonly links: AttachmentLinks,
    private readonly options: HubOptions,
  ) {
    this.limit = new StreamLimit(options.maxStreamsPerUser);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(EVENTS_CHANNEL, (payload) => {
      this.feeds.get(payload.slice(0, payload.lastIndexOf(':')))?.wake();
    });
    // Keep-alive comments; the extra wake also covers a notification lost in a reconnect.
    this.ticker = setInterval(() => {
      for (const feed of this.feeds.values()) {
        for (const s of feed.subscribers) s.comment('keep-alive');
        feed.wake();
      }
    }, this.options.keepAliveMs);
    this.ticker.unref();
  }

  get maxStreamsPerUser(): number {
    return this.limit.perUser;
  }

  /**
   * A new stream for this viewer in this space, starting after `lastId`; null when the viewer
   * already holds their limit of open streams. Call wake() on it once the stream is set up.
   */
  subscribe(viewer: Viewer, spaceId: string, lastId: bigint, sink: SubscriberSink): Subscriber | null {
    if (!this.limit.take(viewer.id)) return null;
    const s = new Subscriber(viewer, spaceId, lastId, sink);
    let feed = this.feeds.get(spaceId);
    if (!feed) {
      feed = new SpaceFeed(this.db, this.links, spaceId, this.stats);
      this.feeds.set(spaceId, feed);
    }
    feed.subscribers.add(s);
    const owner = feed;
    s.onClose = () => {
      owner.subscribers.delete(s);
      this.limit.release(s.userId);
      if (owner.subscribers.size === 0 && this.feeds.get(spaceId) === owner) this.feeds.delete(spaceId);
    };
    return s;
  }

  /** Delivers what the log holds for this subscriber's space now (a new stream's catch-up). */
  wake(spaceId: string): void {
    this.feeds.get(spaceId)?.wake();
  }

  /** Resolves once this space's streams have been handed everything they were woken for. */
  idle(spaceId: string): Promise<void> {
    return this.feeds.get(spaceId)?.idle() ?? Promise.resolve();
  }

  get size(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.subscribers.size;
    return n;
  }

  /** Ends every stream (server shutdown) and stops listening. */
  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    for (const feed of [...this.feeds.values()]) for (const s of [...feed.subscribers]) s.close();
    await this.unlisten?.().catch(() => {});
  }
}
