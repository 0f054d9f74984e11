import type { Db } from '../db/db.js';
import type { AttachmentLinks } from '../domain/attachment-links.js';
import { viewerById, type Viewer } from '../domain/users.js';
import { renderEvent, type EventRow } from './render.js';

const BATCH = 200;

export interface SubscriberSink {
  write(chunk: string): void;
  end(): void;
}

/**
 * One SSE client. It never trusts NOTIFY payloads: a wake-up makes it read the log after the
 * last id it delivered, so delivery is ordered, gap-free and resumable with Last-Event-ID.
 */
export class Subscriber {
  private pumping = false;
  private dirty = false;
  private closed = false;
  onClose?: () => void;

  constructor(
    private readonly db: Db,
    private readonly links: AttachmentLinks,
    private viewer: Viewer,
    readonly spaceId: string,
    private lastId: bigint,
    private readonly sink: SubscriberSink,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  send(id: string, type: string, data: unknown): void {
    if (this.closed) return;
    this.sink.write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    if (!this.closed) this.sink.write(`: ${text}\n\n`);
  }

  wake(): void {
    this.dirty = true;
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.dirty && !this.closed) {
        this.dirty = false;
        // Re-read the user each round: a revoked user or changed teams apply to live streams too.
        const viewer = await viewerById(this.db, this.viewer.id);
        if (!viewer || !viewer.spaceIds.includes(this.spaceId)) return this.close();
        this.viewer = viewer;
        // `order by events.id`, not `id`: that would be the text alias, and '10' sorts before '9'.
        const rows = await this.db.query<EventRow>(
          `select id::text as id, space_id, type, conversation_id, item_id, payload, created_at
           from events where space_id = $1 and id > $2::bigint order by events.id limit ${BATCH}`,
          [this.spaceId, this.lastId.toString()],
        );
        for (const row of rows) {
          if (this.closed) return;
          const event = await renderEvent(this.db, this.links, this.viewer, row);
          if (event) this.send(event.id, event.type, event);
          this.lastId = BigInt(row.id);
        }
        if (rows.length === BATCH) this.dirty = true;
      }
    } catch (err) {
      if (!this.closed) {
        console.error('[inbox] event stream failed:', err);
        this.close();
      }
    } finally {
      this.pumping = false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.sink.end();
    } catch {
      // The client is already gone.
    }
    this.onClose?.();
  }
}
