import type { ReactiveController, ReactiveElement } from 'lit';

/** How many frames a correction keeps running: the virtualizer measures rows a frame or two after render. */
const SETTLE_FRAMES = 6;

/**
 * Where a timeline's scroll position goes: to the bottom on open and while the reader is there;
 * counted as "N new messages" otherwise; and held on the message under the eye when older history is
 * prepended above it (measured and corrected over a few frames, to within a pixel).
 */
export class TimelineScroll implements ReactiveController {
  /** New entries that arrived while the reader was up in the history. */
  unseen = 0;
  #atBottom = true;
  #stickFrames = 0;
  #anchor: { key: string; offset: number } | undefined;
  #anchorFrames = 0;
  #frame = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly log: () => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  /** True while the view is still moving to the bottom or back to its anchor (not the reader scrolling). */
  get settling(): boolean {
    return this.#stickFrames > 0 || this.#anchorFrames > 0;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
  }

  /** A conversation was opened: start at its newest message. */
  reset(): void {
    this.unseen = 0;
    this.#atBottom = true;
    this.#anchor = undefined;
    this.#stickFrames = SETTLE_FRAMES * 2;
  }

  /** Entries were appended: follow them when at the bottom (or when they are the reader's own send). */
  entriesAdded(count: number, own: boolean): void {
    if (own || this.#atBottom) this.#stickFrames = SETTLE_FRAMES;
    else this.unseen += count;
  }

  toBottom(): void {
    this.unseen = 0;
    this.#stickFrames = SETTLE_FRAMES;
    this.host.requestUpdate();
  }

  onScroll = (): void => {
    const log = this.log();
    if (!log) return;
    this.#atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 4;
    if (this.#atBottom && this.unseen) {
      this.unseen = 0;
      this.host.requestUpdate();
    }
  };

  /** Loads older history above the reader without moving what they are reading. */
  async keepAnchor(loadOlder: () => Promise<unknown>): Promise<void> {
    const log = this.log();
    const row = log ? this.#firstVisibleRow(log) : undefined;
    if (log && row?.dataset['key'])
      this.#anchor = { key: row.dataset['key'], offset: this.#offset(log, row) };
    await loadOlder();
    this.#anchorFrames = SETTLE_FRAMES;
    this.#schedule();
  }

  afterRender(): void {
    if (this.#stickFrames > 0 || this.#anchorFrames > 0) this.#schedule();
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#settle());
  }

  #settle(): void {
    const log = this.log();
    if (!log) return;
    if (this.#anchor && this.#anchorFrames > 0) {
      this.#anchorFrames--;
      const row = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(this.#anchor.key)}"]`);
      if (row) log.scrollTop += this.#offset(log, row) - this.#anchor.offset;
      if (this.#anchorFrames === 0) this.#anchor = undefined;
    } else if (this.#stickFrames > 0) {
      this.#stickFrames--;
      log.scrollTop = log.scrollHeight;
      this.#atBottom = true;
    }
    if (this.#stickFrames > 0 || this.#anchorFrames > 0) this.#schedule();
  }

  #firstVisibleRow(log: HTMLElement): HTMLElement | undefined {
    const top = log.getBoundingClientRect().top;
    const rows = [...log.querySelectorAll<HTMLElement>('.row')];
    return rows
      .filter((row) => row.getBoundingClientRect().bottom > top)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  }

  #offset(log: HTMLElement, row: HTMLElement): number {
    return row.getBoundingClientRect().top - log.getBoundingClientRect().top;
  }
}
