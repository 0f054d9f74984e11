/**
 * The baseline, the floor the issue names (lit + nanostores + the virtualizer): a minimal LitElement
 * that virtualizes one bubble per timeline entry, from the same store query the real timeline uses.
 * It opens at the bottom (the virtualizer's pin), follows new entries while the reader is there, and
 * loads older history near the top, with nothing to hold the reader's place when it arrives. It
 * exposes the hooks the harness reads: `.row[data-key]` rows inside the `.log` scroller.
 */
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { LitElement, css, html, type PropertyValues } from 'lit';
import type { InboxStore, TimelineEntry, TimelineQuery } from '../../src/stores/index.js';
import { entryKey, messagingStores } from '../../src/stores/index.js';

/** Starts loading older history this close to the top, as the virtualizer's overhang does. */
const OLDER_WITHIN_PX = 1000;

const textOf = (e: TimelineEntry): string =>
  e.kind === 'message' || e.kind === 'note' || e.kind === 'pending'
    ? e.text
    : e.kind === 'event'
      ? e.event.type
      : '';

export class PlainTimeline extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font:
        14px/1.4 system-ui,
        sans-serif;
    }
    .scroller {
      height: 100%;
      overflow: auto;
    }
    .row {
      box-sizing: border-box;
      width: 100%;
      padding: 3px 12px;
    }
    .bubble {
      max-width: 75%;
      padding: 8px 10px;
      border-radius: 12px;
      background: #eee;
      overflow-wrap: anywhere;
    }
    .out .bubble {
      margin-left: auto;
      background: #2563eb;
      color: #fff;
    }
    .time {
      display: block;
      font-size: 0.8em;
      opacity: 0.7;
    }
  `;

  static override properties = { items: { state: true } };

  /** Set before connecting, with the conversation; the element opens its own timeline query. */
  store?: InboxStore;
  conversationId = '';
  items: readonly TimelineEntry[] = [];
  #query?: TimelineQuery;
  #unsubscribe?: () => void;
  /** Pin the newest entry to the bottom on the next render: on open, and while the reader is there. */
  #stick = true;
  #scroller?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.store) return;
    this.#query = this.store.use(messagingStores).timeline.open(this.conversationId);
    this.#unsubscribe = this.#query.$items.subscribe((items) => (this.items = items));
    void this.#query.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#query?.dispose();
    this.#query = undefined;
  }

  /** Where the entry that was first is now, after older ones came in above it. */
  #keepFirst: number | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    const el = this.#scroller;
    if (!changed.has('items') || !el) return;
    this.#stick ||= el.scrollHeight - el.scrollTop - el.clientHeight < 4;
    const first = (changed.get('items') as readonly TimelineEntry[] | undefined)?.[0];
    const moved = first ? this.items.indexOf(first) : -1;
    this.#keepFirst = moved > 0 ? moved : undefined;
  }

  protected override updated(): void {
    this.#scroller = this.renderRoot.querySelector<HTMLElement>('.scroller') ?? undefined;
    if (this.items.length) this.#stick = false;
    this.#keepFirst = undefined;
  }

  #onScroll = (event: Event): void => {
    const state = this.#query?.$state.get();
    const el = event.currentTarget as HTMLElement;
    if (el.scrollTop < OLDER_WITHIN_PX && state?.hasOlder && !state.loadingOlder)
      void this.#query?.loadOlder();
  };

  protected override render() {
    // Opens at the bottom and follows new entries there; older ones arriving keep the first in place.
    const pin =
      this.#stick && this.items.length
        ? { index: this.items.length - 1, block: 'end' as const }
        : this.#keepFirst !== undefined
          ? { index: this.#keepFirst, block: 'start' as const }
          : undefined;
    return html`<div role="log" class="scroller log" @scroll=${this.#onScroll}>
      ${virtualize({
        items: this.items as TimelineEntry[], // The virtualizer never writes to it.
        scroller: true,
        layout: pin ? { pin } : {},
        keyFunction: (e: TimelineEntry) => entryKey(e),
        renderItem: (e: TimelineEntry) =>
          html`<div class="row ${e.kind === 'message' ? e.direction : ''}" data-key=${entryKey(e)}>
            <div class="bubble">
              ${textOf(e)}
              <time class="time" datetime=${e.createdAt}>${e.createdAt.slice(11, 16)}</time>
            </div>
          </div>`,
      })}
    </div>`;
  }
}

customElements.define('plain-timeline', PlainTimeline);
