/**
 * The baseline: a minimal, non-virtualized LitElement rendering one bubble per timeline entry with
 * repeat(), from the same store query the real timeline uses. It opens at the bottom, follows new
 * entries while the reader is there, and loads older history near the top, leaving the scroll
 * position to the browser's own scroll anchoring (`overflow-anchor: auto`). It exposes the hooks the
 * harness reads: `.row[data-key]` rows inside the scrolling host.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { InboxStore, TimelineEntry, TimelineQuery } from '../../src/stores/index.js';
import { entryKey } from '../../src/stores/index.js';

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
      overflow: auto;
      font:
        14px/1.4 system-ui,
        sans-serif;
    }
    .row {
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
  #stick = true;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.store) return;
    this.#query = this.store.timeline.open(this.conversationId);
    this.#unsubscribe = this.#query.$items.subscribe((items) => (this.items = items));
    this.addEventListener('scroll', this.#onScroll);
    void this.#query.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('scroll', this.#onScroll);
    this.#unsubscribe?.();
    this.#query?.dispose();
    this.#query = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('items')) this.#stick ||= this.scrollHeight - this.scrollTop - this.clientHeight < 4;
  }

  protected override updated(): void {
    if (this.#stick && this.items.length) {
      this.scrollTop = this.scrollHeight;
      this.#stick = false;
    }
  }

  #onScroll = (): void => {
    const state = this.#query?.$state.get();
    if (this.scrollTop < OLDER_WITHIN_PX && state?.hasOlder && !state.loadingOlder)
      void this.#query?.loadOlder();
  };

  protected override render() {
    return html`<div role="log">
      ${repeat(
        this.items,
        (e) => entryKey(e),
        (e) =>
          html`<div class="row ${e.kind === 'message' ? e.direction : ''}" data-key=${entryKey(e)}>
            <div class="bubble">
              ${textOf(e)}
              <time class="time" datetime=${e.createdAt}>${e.createdAt.slice(11, 16)}</time>
            </div>
          </div>`,
      )}
    </div>`;
  }
}

customElements.define('plain-timeline', PlainTimeline);
