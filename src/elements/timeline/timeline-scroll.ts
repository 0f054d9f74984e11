import type { ReactiveController, ReactiveElement } from 'lit';
import { pinnedFlow } from '../shared/flow-layout.js';
import { rowKey, type TimelineRow } from './timeline-rows.js';

/** At most this many frames of correction after a pin (the virtualizer measures rows late)... */
const SETTLE_FRAMES = 30;
/** ...stopping once the layout has been still for this many frames in a row. */
const STILL_FRAMES = 3;
/**
 * A message of one line with its time measures about 70 px. Placed at 100 px, a 100,000-message
 * thread opened in 59 ms; at 72, in 47 (placed smaller than they are, more rows are rendered first).
 * Rows are rendered 400 px past the view rather than the virtualizer's 1,000 (OLDER_AHEAD, in
 * inbox-timeline.ts, still asks for older history as far ahead).
 */
const timelineLayout = <T extends object>(config: T) => pinnedFlow({ rowSize: 72, overhang: 400, ...config });
/** The layout config when nothing needs pinning: the same object every time. */
const NO_PIN = Object.freeze(timelineLayout({}));
/** Drops a pin the layout would otherwise hold (and re-apply on every reflow) until the reader scrolls. */
const UNPIN = Object.freeze(timelineLayout({ pin: null }));

/**
 * `end` with `hold`: the virtualizer keeps the newest row at the bottom while it measures, so a
 * thread opens without a frame that moves. Without it (an append), the view is corrected right
 * after the virtualizer's DOM write instead, which shows the new row a frame sooner.
 */
type PinRequest =
  { kind: 'end'; hold: boolean } | { kind: 'anchor'; key: string; offset: number; index: number };

/**
 * Where a timeline's scroll position goes, through the virtualizer's `pin` so it happens in the
 * same layout pass as the rows: at the newest message on open and while the reader is at the
 * bottom; counted as "N new messages" otherwise; and on the message under the eye when older
 * history is prepended above it (pinned to the top in the render that adds the rows, then moved
 * back to its exact offset, to within a pixel).
 */
export class TimelineScroll implements ReactiveController {
  /** New entries that arrived while the reader was up in the history. */
  unseen = 0;
  #atBottom = true;
  /** Keep the newest message in view until the reader scrolls up (as a chat does). */
  #follow = false;
  #lastTop = 0;
  #pin: PinRequest | undefined;
  #anchor: { key: string; offset: number } | undefined;
  #toBottom = false;
  #frames = 0;
  #still = 0;
  #lastHeight = -1;
  #frame = 0;
  /** While an anchor settles: corrects after every DOM write of the virtualizer, before it is painted. */
  #observer: MutationObserver | undefined;
  #unpin = false;
  /** The layout holds an anchor pin not yet handed over to the correction. */
  #pinHeld = false;
  /**
   * The layout holds the newest row at the bottom, re-applied in each of its reflows as it measures
   * rows: writing scrollTop meanwhile would count as the reader's scroll and unpin it.
   */
  #pinnedToEnd = false;
  /** The rows that pin's index counts: when they change (history begins, an entry lands), it moves too. */
  #pinnedRows: readonly TimelineRow[] | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly log: () => HTMLElement | undefined,
    private readonly rows: () => readonly TimelineRow[],
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
  }

  /** True while the view is still moving to where it was sent (not the reader scrolling). */
  get settling(): boolean {
    return this.#pin !== undefined || this.#frames > 0;
  }

  /** A conversation was opened: start at its newest message. */
  reset(): void {
    this.unseen = 0;
    this.#atBottom = true;
    this.#follow = true;
    this.#anchor = undefined;
    this.#pin = { kind: 'end', hold: true };
  }

  /** The log element was (re)created, e.g. after a reload showed "Loading" in its place: start at the bottom. */
  logCreated(): void {
    if (!this.#pin) this.#pin = { kind: 'end', hold: true };
  }

  /** Entries were appended: follow them when at the bottom (or when they are the reader's own send). */
  entriesAdded(count: number, own: boolean): void {
    if (own || this.#atBottom) {
      this.#pin = { kind: 'end', hold: false };
      this.#follow = true;
    } else this.unseen += count;
  }

  toBottom(): void {
    this.unseen = 0;
    this.#follow = true;
    this.#pin = { kind: 'end', hold: true };
    this.host.requestUpdate();
  }

  /** The virtualizer let go of its pin: the reader scrolled, or the view was moved by other means. */
  onUnpinned = (): void => {
    this.#pinnedToEnd = false;
  };

  onScroll = (): void => {
    const log = this.log();
    if (!log) return;
    this.#atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 4;
    // Moving up is the reader's doing (growth below never moves scrollTop up): stop following.
    if (!this.#atBottom && log.scrollTop < this.#lastTop - 1) this.#follow = false;
    this.#lastTop = log.scrollTop;
    if (this.#atBottom && this.unseen) {
      this.unseen = 0;
      this.host.requestUpdate();
    }
  };

  /** Loads older history above the reader without moving what they are reading. */
  async keepAnchor(loadOlder: () => Promise<unknown>): Promise<void> {
    // The virtualizer reports a new range before it has drawn it: measure what the reader sees.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const log = this.log();
    const row = log ? this.#firstVisibleRow(log) : undefined;
    const key = row?.dataset['key'];
    if (log && row && key) {
      this.#pin = {
        kind: 'anchor',
        key,
        offset: this.#offset(log, row),
        index: this.rows().findIndex((r) => rowKey(r) === key),
      };
    }
    await loadOlder();
    this.host.requestUpdate();
  }

  /** The virtualizer's layout config for this render: a pin when one is due, else nothing. */
  layout(): object {
    const request = this.#pin;
    const rows = this.rows();
    if (this.#unpin && !request) {
      this.#unpin = false;
      return UNPIN;
    }
    if (!request && this.#pinnedToEnd && rows !== this.#pinnedRows && rows.length > 0) {
      this.#pinnedRows = rows;
      return timelineLayout({ pin: { index: rows.length - 1, block: 'end' } });
    }
    if (!request || rows.length === 0) return NO_PIN;
    if (request.kind === 'end') {
      this.#pin = undefined;
      this.#toBottom = true;
      this.#frames = SETTLE_FRAMES;
      this.#pinnedToEnd = request.hold;
      this.#pinnedRows = rows;
      return timelineLayout({ pin: { index: rows.length - 1, block: 'end' } });
    }
    const index = rows.findIndex((row) => rowKey(row) === request.key);
    if (index <= request.index) return NO_PIN; // the older rows have not arrived yet
    this.#pin = undefined;
    this.#toBottom = false;
    this.#anchor = { key: request.key, offset: request.offset };
    this.#pinHeld = true;
    this.#pinnedToEnd = false;
    this.#frames = SETTLE_FRAMES;
    return timelineLayout({ pin: { index, block: 'start' } });
  }

  afterRender(): void {
    if (this.#follow) this.#observe();
    if (this.#frames > 0) {
      this.#still = 0;
      this.#schedule();
      this.#observe();
    }
  }

  /**
   * The virtualizer lays rows out in microtasks and ResizeObserver callbacks, after the frame's
   * animation callbacks and for as long as it keeps measuring: correct right after each of its
   * writes, before paint, so no frame shows a jump and a slow machine never ends short of the bottom.
   */
  #observe(): void {
    const log = this.log();
    if (!log || (!this.#anchor && !this.#follow)) return;
    this.#observer ??= new MutationObserver(() => this.#onLayout());
    this.#observer.observe(log, { subtree: true, childList: true, attributeFilter: ['style'] });
  }

  #onLayout(): void {
    const log = this.log();
    if (this.#anchor) this.#correctAnchor();
    else if (this.#pinnedToEnd) return;
    else if (this.#follow && log && log.scrollHeight - log.scrollTop - log.clientHeight > 1)
      log.scrollTop = log.scrollHeight;
    else if (!this.#follow) this.#observer?.disconnect();
  }

  #correctAnchor(): void {
    const log = this.log();
    if (!log || !this.#anchor) return;
    const row = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(this.#anchor.key)}"]`);
    if (!row) return;
    const delta = this.#offset(log, row) - this.#anchor.offset;
    if (Math.abs(delta) >= 0.5) log.scrollTop += delta;
    // The anchor is in the DOM: from here on the correction holds it, not the pin (which, left in
    // place, would move it back to the top on the next reflow, for a painted frame).
    if (this.#pinHeld) {
      this.#pinHeld = false;
      this.#unpin = true;
      this.host.requestUpdate();
    }
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#settle());
  }

  /**
   * The pin brings the right rows into the DOM in the layout pass that adds them, but the virtualizer
   * stops holding it once rows are measured: for a few frames, keep the view at the bottom, or move
   * the anchor back to where the reader had it.
   */
  #settle(): void {
    const log = this.log();
    if (!log) return;
    this.#frames--;
    if (this.#anchor) {
      this.#correctAnchor();
    } else if (this.#toBottom && !this.#pinnedToEnd) {
      log.scrollTop = log.scrollHeight;
      this.#atBottom = true;
    }
    this.#still = log.scrollHeight === this.#lastHeight ? this.#still + 1 : 0;
    this.#lastHeight = log.scrollHeight;
    if (this.#frames > 0 && this.#still < STILL_FRAMES) return this.#schedule();
    this.#frames = 0;
    this.#anchor = undefined;
    this.#toBottom = false;
    if (!this.#follow) this.#observer?.disconnect();
  }

  /** The first message fully in view: date separators move when older rows of their day arrive. */
  #firstVisibleRow(log: HTMLElement): HTMLElement | undefined {
    const top = log.getBoundingClientRect().top;
    const rows = [...log.querySelectorAll<HTMLElement>('.row[data-kind="entry"]')];
    return rows
      .filter((row) => row.getBoundingClientRect().top >= top - 1)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  }

  #offset(log: HTMLElement, row: HTMLElement): number {
    return row.getBoundingClientRect().top - log.getBoundingClientRect().top;
  }
}
