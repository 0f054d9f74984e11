import type { Viewer } from '../domain/users.js';

export interface SubscriberSink {
  write(chunk: string): void;
  end(): void;
}

/**
 * One SSE client: where it is in its space's log and who it is now. Its SpaceFeed reads the log
 * and writes the frames; a subscriber never queries anything itself.
 */
export class Subscriber {
  private closed = false;
  onClose?: () => void;

  constructor(
    public viewer: Viewer,
    readonly spaceId: string,
    /** The id of the last event delivered (or skipped as not for this subscriber). */
    public lastId: bigint,
    private readonly sink: SubscriberSink,
  ) {}

  get userId(): string {
    return this.viewer.id;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  write(chunk: string): void {
    if (!this.closed) this.sink.write(chunk);
  }

  send(id: string, type: string, data: unknown): void {
    this.write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
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
