import type { ReactiveControllerHost } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { CollisionsStore } from '../../stores/collisions.js';
import { isEntry, rowKey, type TimelineRow } from './timeline-rows.js';

type Reveal = { conversationId: string; itemId: string } | null;

/**
 * Brings an item another element asked to see into view (the composer's Review of a new reply),
 * once, and moves focus to it so a screen reader reads it next.
 */
export class TimelineRevealController {
  readonly #reveal: StoreController<Reveal>;
  #done: Reveal = null;

  constructor(host: ReactiveControllerHost) {
    this.#reveal = new StoreController(host);
  }

  set collisions(collisions: CollisionsStore | undefined) {
    this.#reveal.store = collisions?.$reveal;
    this.#done = this.#reveal.store?.get() ?? null; // Only requests made from now on.
  }

  /** Call after each render with the rows shown. */
  afterRender(
    conversationId: string | undefined,
    log: HTMLElement | undefined,
    rows: readonly TimelineRow[],
  ) {
    const reveal = this.#reveal.value;
    if (!reveal || reveal === this.#done || reveal.conversationId !== conversationId || !log) return;
    const index = rows.findIndex(
      (row) => isEntry(row) && (row.kind === 'pending' ? row.clientMessageId : row.id) === reveal.itemId,
    );
    if (index < 0) return; // Not loaded yet: try again on the next render.
    this.#done = reveal;
    (log as VirtualizerHostElement)[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'center' });
    const selector = `.row[data-key="${CSS.escape(rowKey(rows[index]!))}"]`;
    // The virtualizer renders the row a frame or more later, placed by estimated heights, and the
    // rows around it then take their real heights: for a few frames, keep the row wholly in the
    // log's view, and focus it once it is there.
    let focused = false;
    const show = (frames: number) =>
      requestAnimationFrame(() => {
        const row = log.querySelector<HTMLElement>(selector);
        if (row) scrollIntoLog(log, row);
        if (row && !focused) {
          row.focus({ preventScroll: true });
          focused = true;
        }
        if (frames > 1) show(frames - 1);
      });
    show(SETTLE_FRAMES);
  }
}

/** How many frames a revealed row is kept in view while it and its neighbours render. */
const SETTLE_FRAMES = 10;

/** Scrolls the log (never the page around it) just enough to show all of `row`, or its top. */
function scrollIntoLog(log: HTMLElement, row: HTMLElement): void {
  const view = log.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  if (box.top < view.top || box.height > view.height) log.scrollTop += box.top - view.top;
  else if (box.bottom > view.bottom) log.scrollTop += box.bottom - view.bottom;
}
