import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UndoEntry {
  clientMessageId: string;
  conversationId: string;
  /** When the undo window ends (ms). */
  until: number;
  /** Said once when the bar appears (the visible countdown is not re-announced every second). */
  announcement: string;
}

/**
 * The last send that can still be undone, with a one-second tick only while there is one (the
 * store's clock ticks every 30 s). It is gone once its window has passed.
 */
export class UndoWindowController implements ReactiveController {
  entry: UndoEntry | undefined;
  busy = false;
  now = Date.now();
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.entry) this.#start();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** The entry when it belongs to this conversation and its window is still open. */
  visibleFor(conversationId: string | undefined): UndoEntry | undefined {
    const entry = this.entry;
    return entry && entry.conversationId === conversationId && this.now < entry.until ? entry : undefined;
  }

  /**
   * Whole seconds left, never more than the window itself: the deadline is the server's clock plus
   * the window, which a round trip or clock skew would otherwise show as one second too many.
   */
  secondsLeft(entry: UndoEntry, windowSeconds: number): number {
    const left = Math.max(1, Math.ceil((entry.until - this.now) / 1000));
    return windowSeconds > 0 ? Math.min(windowSeconds, left) : left;
  }

  show(entry: UndoEntry): void {
    this.entry = entry;
    this.now = Date.now();
    this.#start();
    this.host.requestUpdate();
  }

  /** The server said when the window really ends (null: there is none). */
  extend(clientMessageId: string, until: number | null): void {
    if (this.entry?.clientMessageId !== clientMessageId) return;
    if (until === null) this.hide(clientMessageId);
    else this.entry = { ...this.entry, until };
    this.host.requestUpdate();
  }

  hide(clientMessageId: string): void {
    if (this.entry?.clientMessageId !== clientMessageId) return;
    this.entry = undefined;
    this.#stop();
    this.host.requestUpdate();
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.host.requestUpdate();
  }

  #start(): void {
    if (this.#ticker !== undefined) return;
    this.#ticker = setInterval(() => {
      this.now = Date.now();
      if (!this.entry || this.now >= this.entry.until) {
        this.entry = undefined;
        this.#stop();
      }
      this.host.requestUpdate();
    }, 1000);
  }

  #stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
