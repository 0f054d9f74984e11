import { html, nothing, type ReactiveControllerHost } from 'lit';
import { StoreController } from '../../controllers/store-controller.js';
import { isolate } from '../../i18n/bidi.js';
import type { Catalogue } from '../../i18n/index.js';
import { messagingStores } from '../../stores/messaging.js';
import type { Collision, ConnectionStatus, InboxStore, PendingEntry, RateLimit } from '../../stores/index.js';

export interface NoticeActions {
  onSendAnyway(): void;
  onReview(): void;
}

/**
 * What the composer says about sends of its conversation, from the stores: the server's rate limit
 * with its countdown, sends queued while the stream is down, and the warning that someone else
 * wrote since the draft began. The element only places it.
 */
export class SendNoticesController {
  readonly #limit: StoreController<RateLimit | null>;
  readonly #connection: StoreController<ConnectionStatus>;
  readonly #pending: StoreController<PendingEntry[]>;
  readonly #collision: StoreController<Collision>;
  #key = '';

  constructor(host: ReactiveControllerHost) {
    this.#limit = new StoreController(host);
    this.#connection = new StoreController(host);
    this.#pending = new StoreController(host);
    this.#collision = new StoreController(host);
  }

  /** Follows the conversation written to (call from willUpdate). */
  follow(store: InboxStore | undefined, conversationId: string | undefined): void {
    const key = store && conversationId ? conversationId : '';
    if (key === this.#key && this.#connection.store === store?.realtime.$connection) return;
    this.#key = key;
    const on = store && conversationId;
    this.#limit.store = on ? store.rateLimits.$limit(`send:${conversationId}`) : undefined;
    this.#connection.store = store?.realtime.$connection;
    const messaging = store?.use(messagingStores);
    this.#pending.store = messaging?.outbox.$pending;
    this.#collision.store = on ? messaging?.collisions.$collision(conversationId) : undefined;
  }

  /** The warning is up: the next send goes out anyway. */
  get warning(): boolean {
    const collision = this.#collision.value;
    return Boolean(collision?.warned && collision.arrivals.length);
  }

  render(messages: Catalogue, actions: NoticeActions) {
    const limit = this.#limit.value;
    const down = this.#connection.value === 'reconnecting' || this.#connection.value === 'offline';
    const queued = (this.#pending.value ?? []).filter(
      (entry) => entry.conversationId === this.#key && entry.state !== 'failed',
    ).length;
    const latest = this.warning ? this.#collision.value?.arrivals.at(-1) : undefined;
    const name = isolate(latest?.name || messages.someone);
    const warning = !latest
      ? ''
      : latest.from === 'contact'
        ? messages.collisionMessage(name)
        : latest.kind === 'note'
          ? messages.collisionNote(name)
          : messages.collisionReply(name);
    return html`${
      limit
        ? html`<p part="rate-limit" class="notice-line rate-limit">
            ${messages.rateLimited(limit.secondsLeft)}
          </p>`
        : down && queued
          ? html`<p part="queued" class="notice-line" role="status">${messages.queuedOffline(queued)}</p>`
          : nothing
    }
    ${
      warning
        ? html`<div part="collision" class="collision" role="alert">
            <span>${warning}</span>
            <button type="button" part="send-anyway" @click=${actions.onSendAnyway}>
              ${messages.sendAnyway}
            </button>
            <button type="button" part="review" @click=${actions.onReview}>${messages.reviewNew}</button>
          </div>`
        : nothing
    }`;
  }
}
