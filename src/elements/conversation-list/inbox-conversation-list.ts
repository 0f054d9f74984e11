import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type {
  Capabilities,
  Conversation,
  ConversationCounts,
  ConversationSort,
  ConversationStatus,
  ConversationView,
  PresenceEntry,
  StatusFilter,
  Team,
  User,
} from '../../api/types.js';
import { nextTabIndex } from '../../controllers/listbox-keys.js';
import { MenuController } from '../../controllers/menu-controller.js';
import { VirtualListboxController } from '../../controllers/virtual-listbox.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxConversationSelectEvent, InboxStatusChangeEvent } from '../../events/index.js';
import {
  type ConnectionStatus,
  type ConversationFilters,
  type ConversationIndex,
  type ConversationListQuery,
  type ConversationListState,
  type InboxStore,
  type ResolvedConversationFilters,
} from '../../stores/index.js';
import { channelIconStyles, menuStyles, stateStyles } from '../../styles/shared.js';
import { avatarStyles } from '../shared/avatar.styles.js';
import { InboxElement } from '../inbox-element.js';
import { styles } from './inbox-conversation-list.styles.js';
import type { InboxApiError } from '../../api/errors.js';
import { describeError } from '../../i18n/describe-error.js';
import { contactName, statusLabel } from '../../i18n/labels.js';
import { listHeader, statusTabs } from './list-header.js';
import { listRows } from './list-rows.js';
import { rowMenu } from './row-menu.js';
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
  /** The row whose menu button shows: the one under the pointer or holding focus. */
  @state() private actionsId?: string;
  @state() private actionsTop = 0;
  @state() private searchText = '';
  @state() private announcement = '';
  /** Row order captured when the pointer entered the list (see keepOrder). */
  @state() private frozenOrder?: readonly string[];

  @query('[role="listbox"]') private listbox?: HTMLElement & VirtualizerHostElement;

  #query: ConversationListQuery | undefined;
  readonly #state = new StoreController<ConversationListState>(this);
  readonly #byId = new StoreController<ConversationIndex>(this);
  readonly #filters = new StoreController<ResolvedConversationFilters>(this);
  readonly #counts = new StoreController<ConversationCounts | null>(this);
  readonly #activeId = new StoreController<string | null>(this);
  readonly #teams = new StoreController<Team[]>(this);
  readonly #users = new StoreController<Record<string, User>>(this);
  readonly #presence = new StoreController<Record<string, PresenceEntry[]>>(this);
  readonly #now = new StoreController<number>(this);
  readonly #connection = new StoreController<ConnectionStatus>(this);
  readonly #capabilities = new StoreController<Capabilities | undefined>(this);
  readonly #meId = new StoreController<string | undefined>(this);
  readonly #statusError = new StoreController<{ conversationId: string; error: InboxApiError } | null>(this);
  readonly #menu = new MenuController(this, '#status-menu');
  /** The ids the last render showed, in order: keyboard moves follow what the user sees. */
  #displayed: readonly string[] = [];
  readonly #nav = new VirtualListboxController(this, {
    ids: () => this.#displayed,
    label: (id) => {
      const conversation = this.#byId.value?.get(id);
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
      actionsId: () => this.actionsId,
      focusIndex: (index) => void this.#nav.focusIndex(index),
    });
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#dropQuery();
    // Another store is another user or backend: nothing typed, focused or frozen here applies.
    this.searchText = '';
    this.focusedId = undefined;
    this.actionsId = undefined;
    this.frozenOrder = undefined;
    this.announcement = '';
    this.#lastStatus = undefined;
    this.#activeId.store = store?.conversations.$activeConversationId;
    this.#byId.store = store?.conversations.$conversationsById;
    this.#teams.store = store?.directory.$teams;
    this.#users.store = store?.directory.$usersById;
    this.#presence.store = store?.presence.$byConversation;
    this.#now.store = store?.clock.$now;
    this.#connection.store = store?.realtime.$connection;
    this.#capabilities.store = store?.session.$capabilities;
    this.#meId.store = store?.session.$meId;
    this.#statusError.store = store?.conversations.$statusChangeError;
  }

  override connectedCallback(): void {
    super.connectedCallback();
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
      this.#query = store.conversations.createConversationList(this.#pinnedFilters());
      this.#state.store = this.#query.$state;
      this.#filters.store = this.#query.$filters;
      this.#counts.store = this.#query.$counts;
      void this.#query.load();
    } else if (
      this.#query &&
      (['view', 'status', 'teamId', 'unread', 'sort'] as const).some((k) => changed.has(k))
    ) {
      void this.#query.setFilters(this.#pinnedFilters());
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
        : listHeader({
            messages,
            filters,
            searchText: this.searchText,
            teams: this.#teams.value ?? [],
            counts: this.#counts.value ?? null,
            pinned: {
              view: this.view !== undefined,
              status: this.status !== undefined,
              team: this.teamId !== undefined,
              unread: this.unread !== undefined,
              sort: this.sort !== undefined,
            },
            onView: (view) => void this.#query?.setFilters({ view }),
            onTeam: (teamId) => void this.#query?.setFilters({ teamId }),
            onSearch: (text) => {
              this.searchText = text;
              this.#query?.search(text);
            },
            onUnread: () => void this.#query?.setFilters({ unread: !filters.unread }),
            onSort: (sort) => this.inbox.store?.preferences.setSort(sort),
            onStatus: (status) => void this.#query?.setFilters({ status }),
            onTabKeydown: this.#onTabKeydown,
          });
    const tabs = !this.noHeader && this.status === undefined;
    return html`
      <div dir=${dir} class="frame">
        ${header}
        <slot name="header-end"></slot>
        ${this.#banners()}
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
    const byId = this.#byId.value;
    const ids = listState ? this.#ordered(this.frozenOrder, listState.ids) : [];
    this.#displayed = ids;
    if (!listState || !byId || ids.length === 0) {
      if (!listState || listState.status === 'loading' || listState.status === 'idle') {
        return this.#message('loading', messages.loadingConversations);
      }
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
    const has = (id: string | undefined) => id !== undefined && !!this.#query?.has(id);
    const actions = has(this.actionsId) ? byId.get(this.actionsId!) : undefined;
    return html`
      <div
        role="listbox"
        part="list"
        class="list"
        aria-label=${messages.conversationsLabel}
        aria-busy=${listState.loadingMore ? 'true' : 'false'}
        @click=${this.#onRowClick}
        @keydown=${this.#onRowKeydown}
        @focusin=${this.#onRowFocus}
        @pointerover=${this.#onRowPointer}
        @pointerenter=${() => (this.frozenOrder = ids)}
        @pointerleave=${() => (this.frozenOrder = undefined)}
        @rangeChanged=${this.#onRangeChanged}
        @scroll=${() => !this.#menu.open && (this.actionsId = undefined)}
      >
        ${listRows({
          i18n: this.i18n,
          ids,
          byId,
          matches: listState.matches,
          now: this.#now.value ?? Date.now(),
          query: this.#filters.value?.q ?? '',
          usersById: this.#users.value ?? {},
          presence: this.#presence.value ?? {},
          meId: this.#meId.value,
          activeId: this.#activeId.value,
          focusedId: has(this.focusedId) ? this.focusedId : ids[0],
          setSize: this.#setSize(ids.length, listState.hasMore),
        })}
      </div>
      ${
        actions && this.#capabilities.value?.changeStatus
          ? rowMenu({
              messages,
              conversation: actions,
              top: this.actionsTop,
              menu: this.#menu,
              onMove: this.#changeStatus,
            })
          : nothing
      }
      ${listState.loadingMore ? html`<div class="loading-more" role="status">${messages.loadingMore}</div>` : nothing}
    `;
  }

  #banners() {
    const { messages } = this.i18n.resolved;
    const connection = this.#connection.value;
    return html`${
      connection === 'reconnecting' || connection === 'offline'
        ? html`<div part="banner" class="banner offline" role="status">${messages.offline}</div>`
        : nothing
    }${
      this.#statusError.value
        ? html`<div part="banner" class="banner error" role="alert">
            <span>${describeError(this.#statusError.value.error, this.i18n.resolved)}</span>
            <button
              type="button"
              class="dismiss"
              aria-label=${messages.dismiss}
              @click=${() => this.inbox.store?.conversations.dismissStatusChangeError()}
            >
              ×
            </button>
          </div>`
        : nothing
    }`;
  }

  #message(kind: 'loading' | 'empty' | 'error', text: string, retry = false, clearSearch = false) {
    const { messages } = this.i18n.resolved;
    return html`<div
      part="state"
      class="state ${kind}"
      role=${kind === 'error' ? 'alert' : 'status'}
      tabindex="-1"
    >
      <slot name=${kind}
        >${text}
        ${retry ? html`<div><button type="button" @click=${() => this.#query?.load()}>${messages.retry}</button></div>` : nothing}
        ${clearSearch ? html`<div><button type="button" @click=${this.#clearSearch}>${messages.clearSearch}</button></div>` : nothing}
      </slot>
    </div>`;
  }

  /** The total for aria-setsize: the tab's count when known, else what is loaded (-1 while more may come). */
  #setSize(loaded: number, hasMore: boolean): number {
    const status = this.#filters.value?.status;
    const count = status ? this.#counts.value?.[status] : undefined;
    if (count !== undefined && count >= loaded) return count;
    return hasMore ? -1 : loaded;
  }

  #pinnedFilters(): ConversationFilters {
    const filters: ConversationFilters = {};
    if (this.view !== undefined) filters.view = this.view;
    if (this.status !== undefined) filters.status = this.status;
    if (this.teamId !== undefined) filters.teamId = this.teamId;
    if (this.unread !== undefined) filters.unread = this.unread;
    if (this.sort !== undefined) filters.sort = this.sort;
    return filters;
  }

  /** Announces the result count once a load settles (screen readers hear what the filters did). */
  #announceLoad(): void {
    const status = this.#state.value?.status;
    if (status === this.#lastStatus) return;
    this.#lastStatus = status;
    if (status !== 'ready') return;
    const { messages } = this.i18n.resolved;
    const filters = this.#filters.value;
    const count = (filters && this.#counts.value?.[filters.status]) ?? this.#state.value?.ids.length ?? 0;
    this.announcement =
      count === 0 && filters?.q ? messages.noSearchResults(filters.q) : messages.conversationCount(count);
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

  #changeStatus = async (conversation: Conversation, to: ConversationStatus): Promise<void> => {
    const store = this.inbox.store;
    if (!store) return;
    this.#menu.close();
    const changed = await store.conversations.changeStatus(conversation.id, to);
    if (!changed) return; // The banner shows why.
    const { messages } = this.i18n.resolved;
    this.announcement = messages.statusChanged(contactName(changed.conversation), statusLabel(to, messages));
    this.dispatchEvent(new InboxStatusChangeEvent(changed));
  };

  /** The conversation of the event's row, looked up only when a row is acted on. */
  #conversationOf(event: Event): Conversation | undefined {
    const id = this.#nav.idOf(event);
    return id === undefined ? undefined : this.#byId.value?.get(id);
  }

  #onRowClick = (event: MouseEvent): void => {
    const conversation = this.#conversationOf(event);
    if (conversation) this.#select(conversation);
  };

  #onRowFocus = (event: FocusEvent): void => {
    const id = this.#nav.idOf(event);
    if (id === undefined) return;
    this.focusedId = id;
    this.#showActions(event.target as HTMLElement, id);
  };

  #onRowPointer = (event: PointerEvent): void => {
    const id = this.#nav.idOf(event);
    const row = (event.target as HTMLElement).closest?.('[role="option"]');
    if (id !== undefined && row instanceof HTMLElement && !this.#menu.open) this.#showActions(row, id);
  };

  #showActions(row: HTMLElement, id: string): void {
    const body = this.renderRoot.querySelector('.body');
    if (!body) return;
    this.actionsId = id;
    this.actionsTop = row.getBoundingClientRect().top - body.getBoundingClientRect().top;
  }

  #onRowKeydown = (event: KeyboardEvent): void => {
    const conversation = this.#conversationOf(event);
    if ((event.key === 'Enter' || event.key === ' ') && conversation) {
      event.preventDefault();
      this.#select(conversation);
      return;
    }
    if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && conversation) {
      event.preventDefault();
      void this.updateComplete.then(() => {
        const button = this.renderRoot.querySelector<HTMLElement>('.row-menu-button');
        if (button) void this.#menu.show(button);
      });
      return;
    }
    this.#nav.handleKey(event);
  };

  #onTabKeydown = (event: KeyboardEvent): void => {
    const current = statusTabs.indexOf(this.#filters.value?.status ?? 'all');
    const next = nextTabIndex(event.key, current, statusTabs.length, this.i18n.resolved.dir);
    const status = next === undefined ? undefined : statusTabs[next];
    if (!status) return;
    event.preventDefault();
    void this.#query?.setFilters({ status });
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${status}`)?.focus(),
    );
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
