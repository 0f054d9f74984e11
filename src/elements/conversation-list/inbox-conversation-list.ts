import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type {
  Conversation,
  ConversationCounts,
  ConversationSort,
  ConversationView,
  StatusFilter,
} from '../../api/types.js';
import { VirtualListboxController } from '../../controllers/virtual-listbox.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxConversationSelectEvent } from '../../events/conversation-select.js';
import type {
  ConversationListQuery,
  ConversationListState,
  InboxStore,
  ResolvedConversationFilters,
} from '../../stores/index.js';
import { channelIconStyles, menuStyles, stateStyles } from '../../styles/shared.js';
import { avatarStyles } from '../shared/avatar.styles.js';
import { InboxElement } from '../inbox-element.js';
import { styles } from './inbox-conversation-list.styles.js';
import { describeError } from '../../i18n/describe-error.js';
import { queryHeader } from './list-header.js';
import { listRows } from './list-rows.js';
import { listBanners, stateMessage } from './list-states.js';
import { ListSources } from './list-sources.js';
import { RowActions } from './row-actions.js';
import { loadAnnouncement, pinnedControls, pinnedFilters, setSize } from './list-view.js';
import { RowFocusKeeper } from './row-focus.js';
import { lastResult } from '../shared/last-result.js';
import { keepOrder } from './stable-order.js';

/**
 * @summary The conversations an agent works through: filters and status tabs with live counts, search,
 * and rows with channel, contact, last message, time, unread count, assignees and viewers — updated live.
 * @tag inbox-conversation-list
 *
 * @fires {InboxConversationSelectEvent} inbox-conversation-select - A conversation was chosen (click, Enter or Space); `detail.conversation` is it.
 * @fires {InboxStatusChangeEvent} inbox-status-change - The user changed a conversation's status from its row menu and the server accepted it.
 *
 * @slot loading - Replaces the default "Loading conversations…" message.
 * @slot empty - Replaces the default message shown when no conversation matches.
 * @slot error - Replaces the default error message (which offers "Try again").
 * @slot header-end - Extra host controls at the end of the header.
 *
 * @csspart header - The filters, search and status tabs.
 * @csspart view-select - *All conversations* / *Assigned to me* / *Closed*.
 * @csspart team-select - The team filter.
 * @csspart sort-select - The sort order.
 * @csspart search - The search field.
 * @csspart unread-toggle - The "Unread only" toggle button.
 * @csspart tabs - The status tab list.
 * @csspart tab - One status tab.
 * @csspart tab-count - The count inside a status tab.
 * @csspart list - The listbox holding the rows.
 * @csspart row - One conversation (an option of the listbox).
 * @csspart channel-icon - The SMS, WhatsApp or Telegram icon.
 * @csspart contact - The contact's name, or number when it has none.
 * @csspart preview - The last message, or the matching message while searching.
 * @csspart match - A search match inside a row.
 * @csspart time - How long ago the last activity was.
 * @csspart unread-badge - The number of unread messages.
 * @csspart assignees - Avatars of the assigned agents.
 * @csspart viewers - Avatars of the other agents viewing the conversation now.
 * @csspart avatar - One avatar.
 * @csspart row-menu-button - The three-dot button that changes a row's status.
 * @csspart menu - The status menu.
 * @csspart menu-item - One status in the menu.
 * @csspart banner - The offline and error notices above the list.
 * @csspart rate-limit - "Too many requests — trying again in 12 s" in place of the list; it reloads when it ends.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop --inbox-color-surface - Background.
 * @cssprop --inbox-color-surface-raised - Background of the header and icons.
 * @cssprop --inbox-color-surface-hover - Background of the row under the pointer.
 * @cssprop --inbox-color-surface-selected - Background of the selected row.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Colour of previews and times.
 * @cssprop --inbox-color-border - Row separators.
 * @cssprop --inbox-color-accent - Unread badge, selected tab.
 * @cssprop --inbox-color-on-accent - Text on the accent colour.
 * @cssprop --inbox-color-danger - Error text.
 * @cssprop --inbox-color-danger-surface - Error notice background.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-color-channel-sms - SMS icon colour.
 * @cssprop --inbox-color-channel-whatsapp - WhatsApp icon colour.
 * @cssprop --inbox-color-channel-telegram - Telegram icon colour.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxConversationList extends InboxElement {
  static override styles = [
    ...InboxElement.styles,
    menuStyles,
    channelIconStyles,
    stateStyles,
    avatarStyles,
    styles,
  ];

  /** Pins the view: *All conversations* (`all`), *Assigned to me* (`mine`) or *Closed* by me (`closed_by_me`). */
  @property() view?: ConversationView;

  /** Pins the status tab: `all`, `active`, `unanswered` or `closed`. */
  @property() status?: StatusFilter;

  /** Pins the list to one team. */
  @property({ attribute: 'team-id' }) teamId?: string;

  /** Pins the list to conversations with unread messages. */
  @property({ type: Boolean }) unread?: boolean;

  /** Pins the order: latest activity (`latest`), longest `waiting` first, or `newest` created. Unpinned, the user's choice is remembered. */
  @property() sort?: ConversationSort;

  /** Hides the filters, search and tabs (a host that pins everything). */
  @property({ type: Boolean, attribute: 'no-header' }) noHeader = false;

  @state() private focusedId?: string;
  @state() private searchText = '';
  @state() private announcement = '';
  /** Row order captured when the pointer entered the list (see keepOrder). */
  @state() private frozenOrder?: readonly string[];

  @query('[role="listbox"]') private listbox?: HTMLElement & VirtualizerHostElement;

  #query: ConversationListQuery | undefined;
  readonly #state = new StoreController<ConversationListState>(this);
  readonly #filters = new StoreController<ResolvedConversationFilters>(this);
  readonly #counts = new StoreController<ConversationCounts | null>(this);
  readonly #shared = new ListSources(this);
  readonly #actions = new RowActions(this, {
    i18n: this.i18n,
    store: () => this.inbox.store,
    shown: (id) => (this.#query?.has(id) ? this.#shared.byId.value?.get(id) : undefined),
    announce: (text) => (this.announcement = text),
  });
  /** The ids the last render showed, in order: keyboard moves follow what the user sees. */
  #displayed: readonly string[] = [];
  readonly #nav = new VirtualListboxController(this, {
    ids: () => this.#displayed,
    label: (id) => {
      const conversation = this.#shared.byId.value?.get(id);
      return conversation ? conversation.contact.name || conversation.contact.phone : '';
    },
    listbox: () => this.listbox,
    focusTo: (id) => (this.focusedId = id),
  });
  // Recomputed only when the ids (or the frozen order) change: a re-render for a focus, hover,
  // scroll or one conversation's update does no work proportional to the length of the list.
  readonly #ordered = lastResult((frozen: readonly string[] | undefined, live: readonly string[]) =>
    frozen ? keepOrder(frozen, live, (id) => !!this.#query?.has(id)) : live,
  );
  #lastStatus: ConversationListState['status'] | undefined;

  constructor() {
    super();
    new RowFocusKeeper(this, {
      displayed: () => this.#displayed,
      has: (id) => !!this.#query?.has(id),
      focusedId: () => this.focusedId,
      actionsId: () => this.#actions.id,
      focusIndex: (index) => void this.#nav.focusIndex(index),
    });
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#dropQuery();
    // Another store is another user or backend: nothing typed, focused or frozen here applies.
    this.searchText = '';
    this.focusedId = undefined;
    this.#actions.reset();
    this.frozenOrder = undefined;
    this.announcement = '';
    this.#lastStatus = undefined;
    this.#shared.connect(store);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.i18n.prepareDates();
    // Moved in the DOM: the query was dropped on disconnect, so ask willUpdate to make a new one.
    if (!this.#query) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#dropQuery();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.inbox.store;
    // Lit still updates a removed element: never create a query for one (connecting makes it).
    if (store && !this.#query && this.isConnected) {
      this.#query = store.conversations.createConversationList(pinnedFilters(this));
      this.#state.store = this.#query.$state;
      this.#filters.store = this.#query.$filters;
      this.#counts.store = this.#query.$counts;
      void this.#query.load();
    } else if (
      this.#query &&
      (['view', 'status', 'teamId', 'unread', 'sort'] as const).some((k) => changed.has(k))
    ) {
      void this.#query.setFilters(pinnedFilters(this));
    }
    this.#announceLoad();
  }

  /** Focuses the row that holds the keyboard position (or the search field when there is none). */
  override focus(options?: FocusOptions): void {
    const row = this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    (row ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]') ?? undefined)?.focus(options);
  }

  protected override render() {
    const { messages, dir } = this.i18n.resolved;
    if (!this.inbox.store) return this.#message('error', messages.notConfigured);
    const filters = this.#filters.value;
    const header =
      this.noHeader || !filters
        ? nothing
        : queryHeader({
            messages,
            dir,
            filters,
            searchText: this.searchText,
            teams: this.#shared.teams.value ?? [],
            counts: this.#counts.value ?? null,
            pinned: pinnedControls(this),
            query: this.#query,
            onSearchText: (text) => (this.searchText = text),
            onSort: (sort) => this.inbox.store?.preferences.setSort(sort),
            focusTab: (status) =>
              void this.updateComplete.then(() =>
                this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`)?.focus(),
              ),
          });
    const tabs = !this.noHeader && this.status === undefined;
    return html`
      <div dir=${dir} class="frame">
        ${header}
        <slot name="header-end"></slot>
        ${listBanners({
          messages,
          connection: this.#shared.connection.value,
          statusError: this.#shared.statusError.value
            ? describeError(this.#shared.statusError.value.error, this.i18n.resolved)
            : undefined,
          onDismiss: () => this.inbox.store?.conversations.dismissStatusChangeError(),
        })}
        <div
          class="body"
          id="panel"
          role=${tabs ? 'tabpanel' : nothing}
          aria-labelledby=${tabs && filters ? `tab-${filters.status}` : nothing}
        >
          ${this.#body()}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #body() {
    const { messages } = this.i18n.resolved;
    const listState = this.#state.value;
    const byId = this.#shared.byId.value;
    const ids = listState ? this.#ordered(this.frozenOrder, listState.ids) : [];
    // Rows wait for the space's teams: the team filter they bring would grow the header and move
    // every row already painted down.
    const teamsPending = !this.noHeader && this.teamId === undefined && !!this.#shared.directoryPending.value;
    this.#displayed = teamsPending ? [] : ids;
    const loading =
      !listState || listState.status === 'loading' || listState.status === 'idle' || teamsPending;
    if (!listState || !byId || ids.length === 0 || teamsPending) {
      // The listbox is there while loading, empty under the message: its virtualizer is built and
      // measured before the rows arrive, not in the frame that paints them.
      if (loading) return this.#rows([], this.#message('loading', messages.loadingConversations));
      const limit = this.#shared.rateLimit.value;
      if (listState.status === 'error' && limit)
        // Not a live region: a number changing every second would be read out every second.
        return html`<div part="state rate-limit" class="state loading">
          ${messages.rateLimited(limit.secondsLeft)}
        </div>`;
      if (listState.status === 'error')
        return this.#message(
          'error',
          listState.error ? describeError(listState.error, this.i18n.resolved) : messages.loadError,
          true,
        );
      const q = this.#filters.value?.q;
      return q
        ? this.#message('empty', messages.noSearchResults(q), false, true)
        : this.#message('empty', messages.noConversations);
    }
    return this.#rows(ids, nothing);
  }

  /**
   * The listbox of `ids`, with the loading message over it while there are none yet. It is busy
   * while the rows it shows are about to be replaced (new filters) or extended (the next page).
   */
  #rows(ids: readonly string[], loadingMessage: TemplateResult | typeof nothing) {
    const { messages } = this.i18n.resolved;
    const listState = this.#state.value;
    const has = (id: string | undefined) => id !== undefined && !!this.#query?.has(id);
    return html`
      <div
        role="listbox"
        part="list"
        class="list"
        aria-label=${messages.conversationsLabel}
        aria-hidden=${loadingMessage === nothing ? nothing : 'true'}
        aria-busy=${listState?.loadingMore || listState?.status === 'loading' ? 'true' : 'false'}
        @click=${this.#onRowClick}
        @keydown=${this.#onRowKeydown}
        @focusin=${this.#onRowFocus}
        @pointerover=${this.#onRowPointer}
        @pointerenter=${this.#freezeOrder}
        @pointerleave=${() => (this.frozenOrder = undefined)}
        @rangeChanged=${this.#onRangeChanged}
        @scroll=${() => this.#actions.hide()}
      >
        ${listRows({
          i18n: this.i18n,
          ids,
          byId: this.#shared.byId.value,
          matches: listState?.matches ?? {},
          now: this.#shared.now.value ?? Date.now(),
          query: this.#filters.value?.q ?? '',
          usersById: this.#shared.users.value ?? {},
          presence: this.#shared.presence.value ?? {},
          meId: this.#shared.meId.value,
          activeId: this.#shared.activeId.value,
          focusedId: has(this.focusedId) ? this.focusedId : ids[0],
          setSize: setSize(this.#filters.value, this.#counts.value, ids.length, !!listState?.hasMore),
        })}
      </div>
      ${loadingMessage}${this.#actions.render(!!this.#shared.capabilities.value?.changeStatus)}
      ${listState?.loadingMore ? html`<div class="loading-more" role="status">${messages.loadingMore}</div>` : nothing}
    `;
  }

  #message(kind: 'loading' | 'empty' | 'error', text: string, retry = false, clearSearch = false) {
    return stateMessage({
      kind,
      text,
      messages: this.i18n.resolved.messages,
      onRetry: retry ? () => void this.#query?.load() : undefined,
      onClearSearch: clearSearch ? this.#clearSearch : undefined,
    });
  }

  /** Announces the result count once a load settles (screen readers hear what the filters did). */
  #announceLoad(): void {
    const status = this.#state.value?.status;
    if (status === this.#lastStatus) return;
    this.#lastStatus = status;
    if (status !== 'ready') return;
    const { messages } = this.i18n.resolved;
    const loaded = this.#state.value?.ids.length ?? 0;
    this.announcement = loadAnnouncement(messages, this.#filters.value, this.#counts.value, loaded);
  }

  #clearSearch = (): void => {
    this.searchText = '';
    void this.#query?.setFilters({ q: '' });
  };

  #select(conversation: Conversation): void {
    this.focusedId = conversation.id;
    this.inbox.store?.conversations.selectConversation(conversation.id);
    this.dispatchEvent(new InboxConversationSelectEvent({ conversationId: conversation.id, conversation }));
  }

  /** The conversation of the event's row, looked up only when a row is acted on. */
  #conversationOf(event: Event): Conversation | undefined {
    const id = this.#nav.idOf(event);
    return id === undefined ? undefined : this.#shared.byId.value?.get(id);
  }

  #onRowClick = (event: MouseEvent): void => {
    const conversation = this.#conversationOf(event);
    if (conversation) this.#select(conversation);
  };

  #onRowFocus = (event: FocusEvent): void => {
    const id = this.#nav.idOf(event);
    if (id === undefined) return;
    this.focusedId = id;
    this.#actions.show(event.target as HTMLElement, id);
  };

  #onRowPointer = (event: PointerEvent): void => {
    this.#freezeOrder(); // rows that arrived under a resting pointer
    this.#actions.pointedAt(event, this.#nav.idOf(event));
  };

  /** While the pointer is on the rows they keep their order (see keepOrder); the listbox may still be empty. */
  #freezeOrder = (): void => {
    if (!this.frozenOrder && this.#displayed.length > 0) this.frozenOrder = this.#displayed;
  };

  #onRowKeydown = (event: KeyboardEvent): void => {
    const conversation = this.#conversationOf(event);
    if ((event.key === 'Enter' || event.key === ' ') && conversation) {
      event.preventDefault();
      this.#select(conversation);
      return;
    }
    if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && conversation) {
      event.preventDefault();
      this.#actions.openMenu();
      return;
    }
    this.#nav.handleKey(event);
  };

  #onRangeChanged = (event: RangeChangedEvent): void => {
    const listState = this.#state.value;
    if (listState?.hasMore && !listState.loadingMore && event.last >= this.#displayed.length - 20)
      void this.#query?.loadMore();
  };

  #dropQuery(): void {
    this.#query?.dispose();
    this.#query = undefined;
    this.#state.store = undefined;
    this.#filters.store = undefined;
    this.#counts.store = undefined;
  }
}
