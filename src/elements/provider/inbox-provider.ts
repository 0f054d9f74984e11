import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createInboxClient } from '../../api/client.js';
import type { TokenProvider } from '../../api/index.js';
import { InboxApiError } from '../../api/errors.js';
import { inboxContext } from '../../context.js';
import { InboxErrorEvent } from '../../events/error.js';
import { createInboxStore } from '../../stores/inbox-store.js';
import type { InboxStore } from '../../stores/index.js';

/**
 * @summary Connects the inbox elements inside it to one backend: it owns one API client and one
 * store bundle and provides them to its descendants. Two providers on a page are two independent inboxes.
 * @tag inbox-provider
 * @slot - The inbox elements (and any host markup) that share this connection.
 * @fires {InboxErrorEvent} inbox-error - The connection could not start (bad token, server unreachable); `detail.error` says why.
 */
export class InboxProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Where the API is served, e.g. `/api` or `https://inbox.example.com/api`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /**
   * Returns the bearer token. Called again with `{ refresh: true }` after a 401, so it can renew it.
   * Set as a property; it takes precedence over `token`.
   */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** A fixed bearer token, for pages that already have one. Prefer `tokenProvider` for renewable tokens. */
  @property() token?: string;

  /** The space to open first; defaults to the user's first space. */
  @property({ attribute: 'space-id' }) spaceId?: string;

  /** A fetch to use instead of the global one (tests, proxies). */
  @property({ attribute: false }) fetch?: typeof globalThis.fetch;

  #store: InboxStore | undefined;
  readonly #context = new ContextProvider(this, { context: inboxContext });

  /** The store bundle this provider gives its descendants, once `base-url` and a token are set. */
  get store(): InboxStore | undefined {
    return this.#store;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connection = ['baseUrl', 'tokenProvider', 'token', 'fetch'] as const;
    if (connection.some((key) => changed.has(key))) this.#connect();
    else if (changed.has('spaceId') && this.spaceId) void this.#store?.directory.setActiveSpace(this.spaceId);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first connection waits for the first update, where properties the host set before the
    // tag was defined (the loader defines it later) are in place; a reconnection has them already.
    if (!this.#store && this.hasUpdated) this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store?.dispose();
    this.#store = undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #connect(): void {
    this.#store?.dispose();
    this.#store = undefined;
    const token = this.token;
    const tokenProvider = this.tokenProvider ?? (token ? () => token : undefined);
    if (!this.baseUrl || !tokenProvider || !this.isConnected) return;
    const client = createInboxClient({ baseUrl: this.baseUrl, tokenProvider, fetch: this.fetch });
    const store = createInboxStore(client, { spaceId: this.spaceId });
    this.#store = store;
    this.#context.setValue(store);
    store.start().catch((error: unknown) => {
      if (this.#store !== store) return;
      this.dispatchEvent(new InboxErrorEvent({ operation: 'connect', error: InboxApiError.from(error) }));
    });
  }
}
