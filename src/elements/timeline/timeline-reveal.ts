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
    requestAnimationFrame(() => {
      const row = log.querySelector<HTMLElement>(`.row[data-key="${CSS.escape(rowKey(rows[index]!))}"]`);
      row?.focus({ preventScroll: true });
    });
  }
}
