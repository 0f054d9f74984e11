import type { ReactiveController, ReactiveElement } from 'lit';

export interface RowFocusOptions {
  /** The ids as the last render showed them. */
  displayed(): readonly string[];
  /** Whether a conversation is still in the list. */
  has(id: string): boolean;
  /** The row holding the roving tabindex, and the row whose menu shows. */
  focusedId(): string | undefined;
  actionsId(): string | undefined;
  focusIndex(index: number): void;
}

/**
 * When the focused row leaves the list (closed from its menu, filtered out), focus moves to the row
 * now in its place, or to the list's message when it is empty: keyboard users never fall to the page.
 */
export class RowFocusKeeper implements ReactiveController {
  /** Where keyboard focus was among the rows before this update, if it was there at all. */
  #before: { id: string; index: number } | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: RowFocusOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement;
    this.#before = undefined;
    if (!active?.closest('.body')) return;
    // Focus in a row's menu (or its button) belongs to that row, which may not be the focused one.
    const id = active.closest('.row-actions') ? this.options.actionsId() : this.options.focusedId();
    const index = id ? this.options.displayed().indexOf(id) : -1;
    if (id && index >= 0) this.#before = { id, index };
  }

  hostUpdated(): void {
    const before = this.#before;
    this.#before = undefined;
    if (!before || this.options.has(before.id)) return;
    const count = this.options.displayed().length;
    if (count === 0) {
      this.host.renderRoot.querySelector<HTMLElement>('[part="state"]')?.focus();
      return;
    }
    this.options.focusIndex(Math.min(before.index, count - 1));
  }
}
