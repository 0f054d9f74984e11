import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type {
  Capabilities,
  Channel,
  ChannelCapabilities,
  Conversation,
  ConversationStatus,
  MessageItem,
  PresenceEntry,
  Tag,
  Team,
  User,
} from '../../api/types.js';
import { MenuController } from '../../controllers/menu-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxStatusChangeEvent } from '../../events/status-change.js';
import type { InboxApiError } from '../../api/errors.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { describeError } from '../../i18n/describe-error.js';
import { timelineEn, type TimelineWords } from '../../i18n/timeline.en.js';
import { settle } from '../../stores/result.js';
import { messagingStores, type MessagingStores } from '../../stores/messaging.js';
import type {
  InboxStore,
  PendingEntry,
  TimelineEntry,
  TimelineQuery,
  TimelineState,
} from '../../stores/index.js';
import { channelIconStyles, menuStyles, stateStyles } from '../../styles/shared.js';
import { avatarStyles } from '../shared/avatar.styles.js';
import { InboxElement } from '../inbox-element.js';
import { styles } from './inbox-timeline.styles.js';
import { timelineHeader } from './timeline-header.js';
import {
  dateSeparator,
  eventBadge,
  messageBubble,
  noteBubble,
  pendingBubble,
  type ItemView,
} from './timeline-item.js';
import { isEntry, rowKey, timelineRows, type BuiltRows, type TimelineRow } from './timeline-rows.js';
import { TimelineRevealController } from './timeline-reveal.js';
import { TimelineScroll } from './timeline-scroll.js';
import { lastResult } from '../shared/last-result.js';

/**
 * Older history is asked for once the first rendered row is this close to the top of what is
 * loaded: with rows rendered 400 px past the view, 12 rows of about 70 px put the ask about
 * 1,200 px ahead of the reader, as far as the virtualizer's own 1,000 px and 3 rows did.
 */
const OLDER_AHEAD = 12;

/**
 * @summary The history of one conversation: messages both ways with their delivery status, internal
 * notes, event badges and date separators, newest at the bottom, updated live; with the contact,
 * channel, status (and its menu), assignees and who is viewing or typing in the header.
 * @tag inbox-timeline
 *
 * @fires {InboxStatusChangeEvent} inbox-status-change - The user changed the status from the header menu and the server accepted it.
 *
 * @slot empty - Shown when no conversation is chosen.
 * @slot header-end - Extra host controls at the end of the header.
 *
 * @csspart header - The contact, channel, status, assignees and presence.
 * @csspart contact - The contact's name or number.
 * @csspart phone - The contact's number under their name (always left to right).
 * @csspart channel-icon - The SMS, WhatsApp or Telegram icon.
 * @csspart status-button - The status with its arrow, which opens the status menu.
 * @csspart status - The status, for users who may not change it.
 * @csspart menu - The status menu.
 * @csspart menu-item - One status in the menu.
 * @csspart assignees - Avatars of the assigned agents.
 * @csspart viewers - Who else is viewing now.
 * @csspart typing - Who is typing now.
 * @csspart avatar - One avatar.
 * @csspart log - The scrolling history.
 * @csspart message - One message (also `inbound` or `outbound`).
 * @csspart inbound - A message from the contact.
 * @csspart outbound - A message to the contact.
 * @csspart pending - A send the server has not acknowledged yet.
 * @csspart pending-state - What a pending send is doing: queued, waiting for the network, or sending.
 * @csspart note - An internal note.
 * @csspart event - An event badge (status, tags, assignment, contact, created).
 * @csspart date-separator - The day between messages.
 * @csspart timestamp - A message's time.
 * @csspart delivery-status - Sending, Sent, Delivered, Read or Failed.
 * @csspart attachment - An image thumbnail or a file link.
 * @csspart retry - Retry on a failed message, or on a send the server refused.
 * @csspart dismiss - Dismiss on a refused send.
 * @csspart new-messages - The "N new messages" button shown when reading older history.
 * @csspart state - Loading, error and empty messages.
 * @csspart banner - Why a status change or a retry failed, with its dismiss button.
 *
 * @cssprop --inbox-color-surface - Background.
 * @cssprop --inbox-color-surface-raised - Inbound bubbles, header.
 * @cssprop --inbox-color-accent - Outbound bubbles, the new-messages button.
 * @cssprop --inbox-color-on-accent - Text on outbound bubbles.
 * @cssprop --inbox-color-note - Internal note background.
 * @cssprop --inbox-color-on-note - Internal note text.
 * @cssprop --inbox-color-read-receipt - The Read ticks on an outbound (accent) bubble.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Times, event badges.
 * @cssprop --inbox-color-border - Separators.
 * @cssprop --inbox-color-danger - Failed messages.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxTimeline extends InboxElement {
  /** @internal */
  static override words = timelineEn;
  /** @internal */
  declare protected readonly i18n: LocaleController<TimelineWords>;

  static override styles = [
    ...InboxElement.styles,
    menuStyles,
    channelIconStyles,
    stateStyles,
    avatarStyles,
    styles,
  ];

  /** Pins the timeline to one conversation; otherwise it follows the selected conversation. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** Hides the header (a host that shows the contact itself). */
  @property({ type: Boolean, attribute: 'no-header' }) noHeader = false;

  /** `on-open` (default) marks a conversation read when it is shown; `manual` leaves it to the host. */
  @property({ attribute: 'read-policy' }) readPolicy?: 'on-open' | 'manual';

  /** Why the last retry failed, for the conversation it concerns. */
  @state() private retryError?: { conversationId: string; error: InboxApiError };
  @state() private announcement = '';

  @query('.log') private log?: HTMLElement;

  #query: TimelineQuery | undefined;
  readonly #items = new StoreController<TimelineEntry[]>(this);
  readonly #state = new StoreController<TimelineState>(this);
  readonly #activeId = new StoreController<string | null>(this);
  /** The shown conversation alone: another one's update does not re-render the timeline. */
  readonly #conversation = new StoreController<Conversation | undefined>(this);
  readonly #users = new StoreController<Record<string, User>>(this);
  readonly #tags = new StoreController<Record<string, Tag>>(this);
  readonly #teams = new StoreController<Team[]>(this);
  readonly #teamsById = lastResult((teams: Team[] | undefined) =>
    Object.fromEntries((teams ?? []).map((t) => [t.id, t])),
  );
  readonly #channels = new StoreController<Partial<Record<Channel, ChannelCapabilities>>>(this);
  readonly #presence = new StoreController<Record<string, PresenceEntry[]>>(this);
  readonly #capabilities = new StoreController<Capabilities | undefined>(this);
  readonly #retrying = new StoreController<readonly string[]>(this);
  readonly #statusError = new StoreController<{ conversationId: string; error: InboxApiError } | null>(this);
  readonly #menu = new MenuController(this, '#status-menu');
  readonly #reveal = new TimelineRevealController(this);
  readonly #scroll = new TimelineScroll(
    this,
    () => this.log,
    () => this.#rows,
  );
  #rows: TimelineRow[] = [];
  /** Whether the last render showed the log (a state message replaces it while loading). */
  #logShown = false;
  #built: BuiltRows | undefined;
  #lastSeenKey: string | undefined;
  #releaseConversation: (() => void) | undefined;

  /** The conversation shown: the pinned one, else the store's selection. */
  get #shownId(): string | undefined {
    return this.conversationId ?? this.#activeId.value ?? undefined;
  }

  get #messaging(): MessagingStores | undefined {
    return this.inbox.store?.use(messagingStores);
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#close();
    this.#activeId.store = store?.conversations.$activeConversationId;
    this.#users.store = store?.directory.$usersById;
    this.#tags.store = store?.directory.$tagsById;
    this.#teams.store = store?.directory.$teams;
    this.#channels.store = store?.directory.$channels;
    this.#presence.store = store?.presence.$byConversation;
    this.#capabilities.store = store?.session.$capabilities;
    const messaging = store?.use(messagingStores);
    this.#retrying.store = messaging?.outbox.$retrying;
    this.#reveal.collisions = messaging?.collisions;
    this.#statusError.store = store?.conversations.$statusChangeError;
    this.retryError = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.i18n.prepareDates();
    document.addEventListener('visibilitychange', this.#onVisible);
    if (!this.#query) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.inbox.store;
    const messaging = store?.use(messagingStores);
    if (changed.has('readPolicy') && this.readPolicy) messaging?.readPolicy.setPolicy(this.readPolicy);
    const id = this.#shownId;
    // Lit still updates a removed element: never open a timeline for one (connecting reopens it).
    if (store && messaging && id && this.isConnected && this.#query?.conversationId !== id) {
      this.#close();
      this.#query = messaging.timeline.open(id);
      this.#items.store = this.#query.$items;
      this.#state.store = this.#query.$state;
      this.#conversation.store = store.conversations.conversation(id);
      this.#scroll.reset();
      // A conversation shown by id may be one no list has loaded: keep it in the cache.
      this.#releaseConversation = store.conversations.keepLoaded(id);
      void this.#query.load();
    } else if (!id && this.#query) {
      this.#close();
    }
    this.#noteNewEntries();
  }

  protected override updated(): void {
    // The directive hands the virtualizer its new items only after awaiting the layout config, so a
    // pin in that config would first be laid out against the old items (clamped to the wrong row,
    // painted ~1,500 px off on a prepend): give it the rows now, before that reflow runs.
    const virtualizer = (this.log as VirtualizerHostElement | undefined)?.[virtualizerRef];
    if (virtualizer) virtualizer.items = this.#rows;
    this.#scroll.afterRender();
    this.#reveal.afterRender(this.#shownId, this.log, this.#rows);
  }

  protected override render() {
    const { messages, dir } = this.i18n.resolved;
    if (!this.inbox.store) return this.#message('error', messages.notConfigured);
    const id = this.#shownId;
    const conversation = id ? this.#conversation.value : undefined;
    if (!id)
      return html`<slot name="empty">${this.#message('empty', messages.noConversationSelected)}</slot>`;
    return html`<div class="frame" dir=${dir}>
      ${
        this.noHeader || !conversation
          ? nothing
          : timelineHeader({
              messages,
              conversation,
              usersById: this.#users.value ?? {},
              presence: this.#presence.value?.[id] ?? [],
              canChangeStatus: this.#capabilities.value?.changeStatus ?? false,
              menu: this.#menu,
              onMove: (to) => void this.#changeStatus(conversation, to),
            })
      }
      <slot name="header-end"></slot>
      ${this.#errorBanner(id)}
      <div class="log-wrap">${this.#body(conversation)}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #body(conversation: Conversation | undefined) {
    const { messages } = this.i18n.resolved;
    const timeline = this.#state.value;
    const rows = this.#currentRows();
    if (!timeline || (rows.length === 0 && (timeline.status === 'loading' || timeline.status === 'idle'))) {
      return this.#message('loading', messages.loadingTimeline);
    }
    if (rows.length === 0 && timeline.status === 'error') {
      return this.#message(
        'error',
        timeline.error ? describeError(timeline.error, this.i18n.resolved) : messages.timelineError,
        true,
      );
    }
    if (!this.#logShown) this.#scroll.logCreated();
    this.#logShown = true;
    const view = this.#itemView(conversation);
    const contactName = conversation ? conversation.contact.name || conversation.contact.phone : '';
    return html`
      <div
        part="log"
        class="log"
        role="log"
        tabindex="0"
        aria-live="off"
        aria-label=${messages.timelineLabel(contactName)}
        @scroll=${this.#scroll.onScroll}
        @unpinned=${this.#scroll.onUnpinned}
        @rangeChanged=${this.#onRange}
        @keydown=${this.#onKeydown}
      >
        ${virtualize({
          items: rows,
          scroller: true,
          layout: this.#scroll.layout(),
          // The virtualizer may ask for an index just past the end while rows shrink (an undone send).
          keyFunction: (row: TimelineRow | undefined) => row && rowKey(row),
          renderItem: (row: TimelineRow | undefined) =>
            row
              ? html`<div
                  class="row"
                  data-key=${rowKey(row)}
                  data-kind=${isEntry(row) ? 'entry' : row.kind}
                  tabindex="-1"
                  >${this.#row(row, view)}</div
                >`
              : html``,
        })}
      </div>
      ${timeline.loadingOlder ? html`<div class="loading-older" role="status">${messages.loadingOlder}</div>` : nothing}
      ${
        this.#scroll.unseen > 0
          ? html`<button
              part="new-messages"
              class="new-messages"
              type="button"
              @click=${() => this.#scroll.toBottom()}
            >
              ${messages.newMessages(this.#scroll.unseen)} ↓
            </button>`
          : nothing
      }
    `;
  }

  #row(row: TimelineRow, view: ItemView) {
    if (row.kind === 'beginning')
      return html`<p class="beginning">${this.i18n.messages.beginningOfConversation}</p>`;
    return row.kind === 'date' ? dateSeparator(row.at, view) : this.#entry(row, view);
  }

  #entry(entry: TimelineEntry, view: ItemView) {
    switch (entry.kind) {
      case 'message':
        return messageBubble(entry, view);
      case 'note':
        return noteBubble(entry, view);
      case 'event':
        return eventBadge(entry, view);
      case 'pending':
        return pendingBubble(entry, view, {
          onDismiss: (pending: PendingEntry) => this.#messaging?.outbox.dismiss(pending.clientMessageId),
          // A refusal lands on the entry again, with its words: nothing to catch here.
          onResend: (pending: PendingEntry) => {
            const resent = this.#messaging?.outbox.resend(pending.clientMessageId);
            if (resent) void settle(resent);
          },
        });
    }
  }

  #itemView(conversation: Conversation | undefined): ItemView {
    return {
      i18n: this.i18n,
      channel: conversation ? this.#channels.value?.[conversation.channel] : undefined,
      usersById: this.#users.value ?? {},
      tagsById: this.#tags.value ?? {},
      teamsById: this.#teamsById(this.#teams.value),
      contactName: conversation ? conversation.contact.name || conversation.contact.phone : '',
      onRetry: (item: MessageItem) => void this.#retry(item),
      retrying: this.#retrying.value ?? [],
    };
  }

  /** Rows are rebuilt only when the entries (or whether older history is left) change, not on every render. */
  #currentRows(): TimelineRow[] {
    const entries = this.#items.value ?? [];
    const hasOlder = this.#state.value?.hasOlder ?? true;
    if (entries !== this.#built?.entries || hasOlder !== this.#built.hasOlder) {
      this.#built = timelineRows(entries, hasOlder, this.#built);
      this.#rows = this.#built.rows;
    }
    return this.#rows;
  }

  /** New entries at the end: stick to the bottom, or count them; announce what the contact wrote. */
  #noteNewEntries(): void {
    const entries = this.#items.value ?? [];
    const last = entries.at(-1);
    const lastKey = last ? (last.kind === 'pending' ? last.clientMessageId : last.id) : undefined;
    if (!last || lastKey === this.#lastSeenKey) return;
    const seen = this.#lastSeenKey;
    this.#lastSeenKey = lastKey;
    // The first load: nothing was seen before it (and nothing to search a whole thread for).
    if (seen === undefined) return;
    const previous = entries.findLastIndex((e) => (e.kind === 'pending' ? e.clientMessageId : e.id) === seen);
    const added = previous >= 0 ? entries.slice(previous + 1) : [last];
    const ownSend = added.some((e) => e.kind === 'pending');
    this.#scroll.entriesAdded(ownSend ? 0 : added.length, ownSend);
    const inbound = added.filter((e) => e.kind === 'message' && e.direction === 'in');
    const conversation = this.#conversation.value;
    const lastInbound = inbound.at(-1);
    if (lastInbound && lastInbound.kind === 'message' && conversation) {
      const name = conversation.contact.name || conversation.contact.phone;
      this.announcement = this.i18n.messages.newMessageFrom(name, lastInbound.text);
    }
  }

  #message(kind: 'loading' | 'empty' | 'error', text: string, retry = false) {
    this.#logShown = false;
    return html`<div part="state" class="state ${kind}" role=${kind === 'error' ? 'alert' : 'status'}>
      ${text}
      ${retry ? html`<div><button type="button" @click=${() => this.#query?.load()}>${this.i18n.messages.retry}</button></div>` : nothing}
    </div>`;
  }

  /** A failed status change or retry of the conversation shown, with a way to dismiss it. */
  #errorBanner(id: string) {
    const status = this.#statusError.value;
    const failure =
      status?.conversationId === id
        ? { error: status.error, dismiss: () => this.inbox.store?.conversations.dismissStatusChangeError() }
        : this.retryError?.conversationId === id
          ? { error: this.retryError.error, dismiss: () => (this.retryError = undefined) }
          : undefined;
    if (!failure) return nothing;
    return html`<div part="banner" class="banner error" role="alert">
      <span>${describeError(failure.error, this.i18n.resolved)}</span>
      <button type="button" aria-label=${this.i18n.messages.dismiss} @click=${failure.dismiss}>×</button>
    </div>`;
  }

  async #changeStatus(conversation: Conversation, to: ConversationStatus): Promise<void> {
    this.#menu.close();
    const changed = await this.inbox.store?.conversations.changeStatus(conversation.id, to);
    if (changed) this.dispatchEvent(new InboxStatusChangeEvent(changed)); // Else the banner shows why.
  }

  async #retry(item: MessageItem): Promise<void> {
    const messaging = this.#messaging;
    if (!messaging) return;
    this.retryError = undefined;
    const result = await settle(messaging.outbox.retry(item.id));
    if (!result.ok) this.retryError = { conversationId: item.conversationId, error: result.error };
  }

  #onRange = (event: RangeChangedEvent): void => {
    const timeline = this.#state.value;
    if (
      event.first <= OLDER_AHEAD &&
      !this.#scroll.settling &&
      timeline?.hasOlder &&
      !timeline.loadingOlder &&
      this.#query
    ) {
      const query = this.#query;
      this.#scroll.keepAnchor(() => query.loadOlder());
    }
  };

  /** Up and Down move between messages; Home and End jump to the first and last loaded. */
  #onKeydown = (event: KeyboardEvent): void => {
    const rows = [...(this.log?.querySelectorAll<HTMLElement>('.row') ?? [])];
    const current = rows.indexOf(
      event
        .composedPath()
        .find((el) => el instanceof HTMLElement && el.classList.contains('row')) as HTMLElement,
    );
    const target = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (target === undefined || !rows[target]) return;
    event.preventDefault();
    rows[target]?.focus();
  };

  #onVisible = (): void => {
    const id = this.#shownId;
    const readPolicy = this.#messaging?.readPolicy;
    if (document.visibilityState === 'visible' && id && readPolicy?.$policy.get() === 'on-open') {
      void readPolicy.markRead(id);
    }
  };

  #close(): void {
    this.#releaseConversation?.();
    this.#releaseConversation = undefined;
    this.#query?.dispose();
    this.#query = undefined;
    this.#items.store = undefined;
    this.#state.store = undefined;
    this.#conversation.store = undefined;
    this.#lastSeenKey = undefined;
  }
}
