import type { Db } from '../db/db.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import { viewersByIds } from '../domain/users.js';
import { audienceOf, frame, type EventRow } from './render.js';
import { loadSnapshot } from './snapshot.js';
import type { Subscriber } from './subscriber.js';

const BATCH = 200;

/** Counters of the fan-out work, to show it does not grow with the number of streams. */
export interface FanoutStats {
  /** Reads of the event log (one per wake-up round and space). */
  reads: number;
  /** Events rendered and serialized (once per event and distinct audience). */
  renders: number;
  /** Frames written to streams (once per event and subscriber). */
  writes: number;
}

/**
 * The live streams of one space in this process. It never trusts NOTIFY payloads: a wake-up
 * makes it read the log once after the furthest-behind subscriber, load what those events refer
 * to once, and hand every subscriber the events after its own last id, rendered once per
 * distinct audience. Delivery stays ordered, gap-free and resumable with Last-Event-ID.
 */
export class SpaceFeed {
  readonly subscribers = new Set<Subscriber>();
  private pumping: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly db: Db,
    private readonly links: AttachmentLinks,
    readonly spaceId: string,
    private readonly stats: FanoutStats,
  ) {}

  wake(): void {
    this.dirty = true;
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
      // A wake-up that came while the last round was ending is not lost.
      if (this.dirty && this.subscribers.size > 0) this.wake();
    });
  }

  /** Resolves once everything woken so far has been delivered. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pump(): Promise<void> {
    try {
      while (this.dirty && this.subscribers.size > 0) {
        this.dirty = false;
        await this.round();
      }
    } catch (err) {
      console.error('[inbox] event stream failed:', err);
      for (const s of [...this.subscribers]) s.close();
    }
  }

  private async round(): Promise<void> {
    // Re-read the users each round: a revoked user or changed teams apply to live streams too.
    // Only the streams asked about take part: one that opens during the read is served next round
    // (its opening woke the feed), never judged by an answer that could not include it.
    const present = [...this.subscribers];
    const viewers = await viewersByIds(this.db, [...new Set(present.map((s) => s.userId))]);
    for (const s of present) {
      const v = viewers.get(s.userId);
      if (!v || !v.spaceIds.includes(this.spaceId)) s.close();
      else s.viewer = v;
    }
    const live = present.filter((s) => !s.isClosed);
    if (live.length === 0) return;
    const from = live.reduce((min, s) => (s.lastId < min ? s.lastId : min), live[0]!.lastId);
    this.stats.reads++;
    // `order by events.id`, not `id`: that would be the text alias, and '10' sorts before '9'.
    const rows = await this.db.query<EventRow>(
      `select id::text as id, space_id, type, conversation_id, item_id, payload, created_at
       from events where space_id = $1 and id > $2::bigint order by events.id limit ${BATCH}`,
      [this.spaceId, from.toString()],
    );
    if (rows.length === 0) return;
    const snap = await loadSnapshot(this.db, rows, [...viewers.keys()]);
    for (const row of rows) {
      const id = BigInt(row.id);
      const frames = new Map<string, string>();
      for (const s of live) {
        if (s.isClosed || id <= s.lastId) continue;
        const audience = audienceOf(this.links, s.viewer, row, snap);
        if (audience) {
          let chunk = frames.get(audience.key);
          if (chunk === undefined) {
            chunk = frame(audience.make());
            frames.set(audience.key, chunk);
            this.stats.renders++;
          }
          s.write(chunk);
          this.stats.writes++;
        }
        s.lastId = id;
      }
    }
    if (rows.length === BATCH) this.dirty = true;
  }
}
