import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveController, ReactiveElement } from 'lit';
import { nextListboxIndex } from './listbox-keys.js';

export interface VirtualListboxOptions {
  /** The options' ids (each row's `data-id`) in the order the user sees them. */
  ids(): readonly string[];
  /** What type-ahead matches, e.g. a contact's name; looked up only while typing. */
  label(id: string): string;
  /** The virtualizer's host (the listbox). */
  listbox(): VirtualizerHostElement | undefined;
  /** The option that should hold the roving tabindex now. */
  focusTo(id: string): void;
}

/**
 * Keyboard movement in a virtualized listbox: arrows, Home/End, Page keys and type-ahead, scrolling
 * a row that is not rendered yet into view before focusing it. Rows carry `data-id` and
 * `aria-posinset`, which is also how an event finds its row without searching the items.
 */
export class VirtualListboxController implements ReactiveController {
  #typeahead = { text: '', at: 0 };

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: VirtualListboxOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Where the event's row is among the items, or -1. */
  indexOf(event: Event): number {
    const row = event
      .composedPath()
      .find((el): el is HTMLElement => el instanceof HTMLElement && !!el.dataset['id']);
    const id = row?.dataset['id'];
    if (!row || id === undefined) return -1;
    // A row's position says where it is; checked, as it may be stale.
    const ids = this.options.ids();
    const at = Number(row.getAttribute('aria-posinset')) - 1;
    return ids[at] === id ? at : ids.indexOf(id);
  }

  /** The id of the event's row, when it is one of the options. */
  idOf(event: Event): string | undefined {
    return this.options.ids()[this.indexOf(event)];
  }

  /** Moves focus for a navigation or type-ahead key; returns whether the key was one. */
  handleKey(event: KeyboardEvent): boolean {
    const current = Math.max(0, this.indexOf(event));
    const next =
      nextListboxIndex(event.key, current, this.options.ids().length) ?? this.#typeaheadIndex(event, current);
    if (next === undefined) return false;
    event.preventDefault();
    void this.focusIndex(next);
    return true;
  }

  /** Scrolls a row into view (it may not be rendered: the list is virtual) and focuses it. */
  async focusIndex(index: number): Promise<void> {
    const target = this.options.ids()[index];
    if (target === undefined) return;
    this.options.focusTo(target);
    this.options.listbox()?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < 5; frame++) {
      await this.host.updateComplete;
      const row = this.host.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(target)}"]`);
      if (row) return row.focus();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  /** Printable keys typed within half a second jump to the next option whose label starts with them. */
  #typeaheadIndex(event: KeyboardEvent, current: number): number | undefined {
    if (event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.metaKey || event.altKey)
      return undefined;
    const now = performance.now();
    this.#typeahead.text =
      (now - this.#typeahead.at < 500 ? this.#typeahead.text : '') + event.key.toLocaleLowerCase();
    this.#typeahead.at = now;
    const ids = this.options.ids();
    const start = this.#typeahead.text.length === 1 ? current + 1 : current;
    for (let step = 0; step < ids.length; step++) {
      const index = (start + step) % ids.length;
      const id = ids[index];
      if (id !== undefined && this.options.label(id).toLocaleLowerCase().startsWith(this.#typeahead.text))
        return index;
    }
    return undefined;
  }
}
