/**
 * The baseline, the floor the issue names (lit + nanostores + the virtualizer): a minimal LitElement
 * that virtualizes one div per conversation (name, preview, time), from the same store query the
 * real list uses. It exposes the hooks the harness reads: `[role="option"]` rows with `data-id`, and
 * `[part="preview"]`.
 */
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { LitElement, css, html } from 'lit';
import type { Conversation } from '../../src/api/types.js';
import type { ConversationListQuery, InboxStore } from '../../src/stores/index.js';

export class PlainConversationList extends LitElement {
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
      padding: 10px 12px;
      border-bottom: 1px solid #ddd;
    }
    .name {
      font-weight: 600;
    }
    .time {
      float: right;
      color: #666;
    }
    .preview {
      display: block;
      color: #666;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
  `;

  static override properties = { items: { state: true } };

  /** Set before connecting; the element makes its own list query on it. */
  store?: InboxStore;
  items: readonly Conversation[] = [];
  #query?: ConversationListQuery;
  #unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.store) return;
    this.#query = this.store.conversations.createConversationList();
    this.#unsubscribe = this.#query.$items.subscribe((items) => (this.items = items));
    void this.#query.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#query?.dispose();
    this.#query = undefined;
  }

  protected override render() {
    return html`<div role="listbox" class="scroller">
      ${virtualize({
        items: this.items as Conversation[], // The virtualizer never writes to it.
        scroller: true,
        keyFunction: (c: Conversation) => c.id,
        renderItem: (c: Conversation) =>
          html`<div role="option" class="row" data-id=${c.id}>
            <span class="name">${c.contact.name || c.contact.phone}</span>
            <time class="time" datetime=${c.lastActivityAt}>${c.lastActivityAt.slice(11, 16)}</time>
            <span part="preview" class="preview">${c.lastMessage?.text ?? ''}</span>
          </div>`,
      })}
    </div>`;
  }
}

customElements.define('plain-conversation-list', PlainConversationList);
