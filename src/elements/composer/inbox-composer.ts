import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { InboxApiError } from '../../api/errors.js';
import type { Capabilities, Channel, ChannelCapabilities } from '../../api/types.js';
import { nextTabIndex } from '../../controllers/listbox-keys.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxBeforeSendEvent } from '../../events/before-send.js';
import { InboxMessageFailEvent } from '../../events/message-fail.js';
import { InboxMessageSendEvent } from '../../events/message-send.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { describeClientProblem, describeError } from '../../i18n/describe-error.js';
import { composerEn, type ComposerWords } from '../../i18n/composer.en.js';
import { channelLabel } from '../../i18n/labels.js';
import { checkText } from '../../stores/channel-rules.js';
import { messagingStores, type MessagingStores } from '../../stores/messaging.js';
import { settle } from '../../stores/result.js';
import type { ConversationIndex, DraftTab, InboxStore, SendOutcome, Upload } from '../../stores/index.js';
import { InboxElement } from '../inbox-element.js';
import { scopedRegistryOf } from '../scoped-root.js';
import { attachmentChips, composerTabs, counterText, undoBar } from './composer-parts.js';
import { EmojiPopupController } from './emoji-popup.js';
import { SendNoticesController } from './send-notices.js';
import { UndoWindowController } from './undo-window.js';
import { icons } from './icons.js';
import { styles } from './inbox-composer.styles.js';

/**
 * @summary Writes to the contact under the *Sender Profile* tab or leaves an *Internal note* for the
 * team: drafts kept per conversation, emoji, attachments where the channel takes them, SMS length
 * and parts, send with Enter, and *Undo* while the message waits out the undo window. Warns before
 * a send when someone else wrote since the draft began, and counts down a server rate limit.
 * @tag inbox-composer
 *
 * @fires {InboxBeforeSendEvent} inbox-before-send - Cancelable, before anything is sent; `detail` has `conversationId`, `kind`, `text`, `attachmentIds`. `preventDefault()` keeps the text and sends nothing.
 * @fires {InboxMessageSendEvent} inbox-message-send - The server accepted a message or note from this composer; `detail.item` is the server's item.
 * @fires {InboxMessageFailEvent} inbox-message-fail - A message or note from this composer was refused; `detail.message` says why in the user's language, the text is back in the composer.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - One tab (*Sender Profile*, *Internal note*).
 * @csspart panel - The tab panel holding the field and toolbar (note-coloured on the note tab).
 * @csspart sender-profile - The sender profile and channel a message goes out from.
 * @csspart note-hint - Who can read internal notes (never the contact).
 * @csspart notice - Why the composer is disabled (no conversation, still loading).
 * @csspart textarea - The text field.
 * @csspart error - Why something was not sent, attached or undone.
 * @csspart limit - Why the text is too long to send.
 * @csspart toolbar - The row of buttons under the field.
 * @csspart attach-button - "Attach a file" (WhatsApp and Telegram only).
 * @csspart emoji-button - "Insert emoji".
 * @csspart emoji-popup - The emoji picker's popup (search, categories, skin tone, the emoji grid).
 * @csspart counter - SMS length and parts, or the length near a channel's limit.
 * @csspart send-button - "Send message" / "Add note".
 * @csspart attachment-chip - One attached file with its size and upload state.
 * @csspart attachment-remove - The button removing an attached file.
 * @csspart undo-bar - "Sending in 5 s · Undo" after a send.
 * @csspart undo-button - The *Undo* button.
 * @csspart rate-limit - "Too many requests — trying again in 12 s" while the server rate-limits sends.
 * @csspart queued - How many sends wait for the connection while the stream is down.
 * @csspart collision - "New reply from … — send anyway?" after the first Send, when someone else wrote since the draft began.
 * @csspart send-anyway - The warning's *Send anyway* button.
 * @csspart review - The warning's *Review* button (brings the new item into view in the timeline).
 *
 * @cssprop --inbox-color-surface - Background.
 * @cssprop --inbox-color-surface-raised - Tab bar, chips and undo bar background.
 * @cssprop --inbox-color-surface-hover - Background of a button under the pointer.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Hints, counter and inactive tabs.
 * @cssprop --inbox-color-border - Borders.
 * @cssprop --inbox-color-accent - Send button and the selected tab.
 * @cssprop --inbox-color-on-accent - Icon on the send button.
 * @cssprop --inbox-color-note - Background of the *Internal note* tab.
 * @cssprop --inbox-color-note-border - Border of the field on the *Internal note* tab.
 * @cssprop --inbox-color-danger - Error text.
 * @cssprop --inbox-color-danger-surface - Error background.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxComposer extends InboxElement {
  /** @internal */
  static override words = composerEn;
  /** @internal */
  declare protected readonly i18n: LocaleController<ComposerWords>;

  static override styles = [...InboxElement.styles, styles];

  /** Pins the composer to one conversation; unset, it follows the store's active conversation. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** Which key sends: `enter` (Shift+Enter adds a line) or `mod-enter` (Ctrl/⌘+Enter sends, Enter adds a line). */
  @property({ attribute: 'send-key' }) sendKey: 'enter' | 'mod-enter' = 'enter';

  /**
   * Where the emoji picker reads its data: by default the files shipped beside the library
   * (`dist/emoji/en.json`, `dist/cdn/emoji/es.json`…). Set it to host them elsewhere; `{locale}`
   * in it stands for the language of the emoji names (`en`, `es`; English for other locales).
   */
  @property({ attribute: 'emoji-data-url' }) emojiDataUrl?: string;

  @state() private tab: DraftTab = 'message';
  /** The last error, for the conversation it concerns (worded when shown, in the current language). */
  @state() private error?: { conversationId: string; describe: () => string };
  @state() private announcement = '';

  @query('textarea') private field?: HTMLTextAreaElement;
  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  readonly #activeId = new StoreController<string | null>(this);
  readonly #byId = new StoreController<ConversationIndex>(this);
  readonly #channels = new StoreController<Partial<Record<Channel, ChannelCapabilities>>>(this);
  readonly #capabilities = new StoreController<Capabilities | undefined>(this);
  readonly #draft = new StoreController<string>(this);
  readonly #uploads = new StoreController<Upload[]>(this);
  readonly #emoji = new EmojiPopupController(this, (unicode) => void this.#insert(unicode));
  readonly #undo = new UndoWindowController(this);
  readonly #notices = new SendNoticesController(this);
  #draftKey = '';
  #uploadsKey = '';
  #stopSettled: (() => void) | undefined;
  /** Keeps the conversation written to in the cache (it may be one no list has loaded). */
  #kept: { id: string; release: () => void } | undefined;

  /** The conversation written to: the pinned one, else the store's active one. */
  get #target(): string | undefined {
    return this.conversationId ?? this.#activeId.value ?? undefined;
  }

  get #messaging(): MessagingStores | undefined {
    return this.inbox.store?.use(messagingStores);
  }

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#activeId.store = store?.conversations.$activeConversationId;
    this.#byId.store = store?.conversations.$conversationsById;
    this.#channels.store = store?.directory.$channels;
    this.#capabilities.store = store?.session.$capabilities;
    this.#emoji.preferences = store?.use(messagingStores).emoji;
    this.#draftKey = '';
    this.#uploadsKey = '';
    this.error = undefined;
    this.#kept?.release();
    this.#kept = undefined;
    this.#listen();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSettled?.();
    this.#stopSettled = undefined;
    this.#kept?.release();
    this.#kept = undefined;
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions): void {
    this.field?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.tab === 'note' && !this.#capabilities.value?.writeNotes) this.tab = 'message';
    const store = this.inbox.store;
    const id = this.#target;
    const key = store && id ? `${id}\n${this.tab}` : '';
    if (this.#kept?.id !== id) {
      this.#kept?.release();
      this.#kept = store && id ? { id, release: store.conversations.keepLoaded(id) } : undefined;
    }
    if (key !== this.#draftKey) {
      this.#draftKey = key;
      this.#draft.store = store && id ? store.use(messagingStores).drafts.$draft(id, this.tab) : undefined;
    }
    this.#notices.follow(store, id);
    const uploadsKey = store && id ? id : '';
    if (uploadsKey !== this.#uploadsKey) {
      this.#uploadsKey = uploadsKey;
      this.#uploads.store = store && id ? store.use(messagingStores).uploads.$uploads(id) : undefined;
    }
  }

  protected override render() {
    const { resolved } = this.i18n;
    const { messages, dir } = resolved;
    const store = this.inbox.store;
    const id = this.#target;
    const conversation = id ? this.#byId.value?.get(id) : undefined;
    const channel = conversation ? this.#channels.value?.[conversation.channel] : undefined;
    const ready = Boolean(store && conversation && channel);
    const note = this.tab === 'note';
    const text = this.#draft.value ?? '';
    const chips = id && !note ? (this.#uploads.value ?? []) : [];
    const limitProblem = channel && !note ? checkText(text, channel) : null;
    const tooLong = limitProblem ? describeClientProblem(limitProblem, resolved) : null;
    const uploading = chips.some((chip) => chip.state === 'uploading');
    const hasContent = text.trim() !== '' || chips.some((chip) => chip.state === 'ready');
    const canSend = ready && hasContent && !tooLong && !uploading;
    const canAttach = ready && !note && Boolean(channel?.attachments.allowed);
    const notice = !store
      ? messages.notConfigured
      : !id
        ? messages.composerNoConversation
        : !ready
          ? messages.composerLoading
          : '';
    const error = this.error && this.error.conversationId === id ? this.error.describe() : '';
    const counter = channel && !note ? counterText(text, channel, messages) : '';
    const tabs: DraftTab[] = this.#capabilities.value?.writeNotes ? ['message', 'note'] : ['message'];
    const undo = this.#undo.visibleFor(id);
    const describedBy = ['key-hint', notice && 'notice', tooLong && 'limit', error && 'error']
      .filter(Boolean)
      .join(' ');
    return html`<div
      dir=${dir}
      class="frame ${note ? 'note' : ''}"
      @dragover=${(event: DragEvent) => canAttach && event.dataTransfer?.types.includes('Files') && event.preventDefault()}
      @drop=${(event: DragEvent) => canAttach && this.#takeFiles(event, event.dataTransfer?.files)}
    >
      ${composerTabs({
        messages,
        tabs,
        active: this.tab,
        onSelect: (tab) => (this.tab = tab),
        onKeydown: (event) => this.#onTabKeydown(event, tabs, dir),
      })}
      <div id="panel" role="tabpanel" part="panel" class="panel" aria-labelledby="tab-${this.tab}">
        ${
          conversation && channel && !note
            ? html`<p part="sender-profile" class="from">
                ${messages.composerFrom(conversation.senderProfile.name, channelLabel(conversation.channel, messages))}
              </p>`
            : nothing
        }
        ${note ? html`<p part="note-hint" class="hint">${messages.composerNoteHint}</p>` : nothing}
        ${notice ? html`<p part="notice" id="notice" class="notice">${notice}</p>` : nothing}
        <textarea
          part="textarea"
          aria-label=${
            note
              ? messages.composerNoteLabel
              : messages.composerMessageLabel(conversation?.contact.name || conversation?.contact.phone || '')
          }
          aria-describedby=${describedBy}
          aria-invalid=${tooLong ? 'true' : 'false'}
          placeholder=${note ? messages.composerNotePlaceholder : messages.composerMessagePlaceholder}
          ?disabled=${!ready}
          .value=${live(text)}
          @input=${this.#onInput}
          @keydown=${(event: KeyboardEvent) => this.#onKeydown(event, canSend)}
          @paste=${(event: ClipboardEvent) => canAttach && this.#takeFiles(event, event.clipboardData?.files)}
        ></textarea>
        <span id="key-hint" class="visually-hidden">
          ${this.sendKey === 'mod-enter' ? messages.composerModEnterHint : messages.composerEnterHint}
        </span>
        ${attachmentChips(chips, resolved, (chip) => id && this.#removeChip(id, chip.key))}
        ${error ? html`<p part="error" id="error" class="error" role="alert">${error}</p>` : nothing}
        ${this.#notices.render(messages, {
          onSendAnyway: () => void this.#send(),
          onReview: () => id && store?.use(messagingStores).collisions.review(id),
        })}
        <div part="limit" id="limit" class="limit" aria-live="polite">${tooLong ?? ''}</div>
        <div part="toolbar" class="toolbar">
          ${
            canAttach && channel
              ? html`<button
                    type="button"
                    part="attach-button"
                    class="icon-button"
                    aria-label=${messages.attachFile}
                    title=${messages.attachFile}
                    @click=${() => this.fileInput?.click()}
                  >
                    ${icons.attach}
                  </button>
                  <input
                    type="file"
                    hidden
                    multiple
                    tabindex="-1"
                    aria-label=${messages.attachFile}
                    accept=${channel.attachments.contentTypes.join(',')}
                    @change=${this.#onFilesChosen}
                  />`
              : nothing
          }
          <button
            type="button"
            part="emoji-button"
            class="icon-button"
            aria-label=${messages.insertEmoji}
            title=${messages.insertEmoji}
            aria-haspopup="dialog"
            aria-expanded=${this.#emoji.open ? 'true' : 'false'}
            ?disabled=${!ready}
            @click=${this.#onEmojiClick}
          >
            ${icons.emoji}
          </button>
          ${
            counter
              ? html`<span part="counter" class="counter ${tooLong ? 'over' : ''}">${counter}</span>`
              : nothing
          }
          <button
            type="button"
            part="send-button"
            class="icon-button send"
            aria-label=${note ? messages.addNote : messages.sendMessage}
            title=${note ? messages.addNote : messages.sendMessage}
            ?disabled=${!canSend}
            @click=${() => void this.#send()}
          >
            ${icons.send}
          </button>
        </div>
        ${this.#emoji.render(messages)}
      </div>
      ${
        undo
          ? undoBar({
              messages,
              secondsLeft: this.#undo.secondsLeft(undo, this.#undoWindowSeconds()),
              announcement: undo.announcement,
              busy: this.#undo.busy,
              onUndo: () => void this.#undoSend(),
            })
          : nothing
      }
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  #onInput = (event: InputEvent): void => {
    const store = this.inbox.store;
    const id = this.#target;
    if (!store || !id) return;
    store.use(messagingStores).drafts.set(id, this.tab, (event.target as HTMLTextAreaElement).value);
    void store.presence.typing(id);
  };

  #onKeydown(event: KeyboardEvent, canSend: boolean): void {
    // An IME composing text uses Enter to confirm a candidate, never to send.
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    const modifier = event.ctrlKey || event.metaKey;
    const sends = this.sendKey === 'mod-enter' ? modifier : !event.shiftKey && !event.altKey;
    if (!sends) return;
    event.preventDefault();
    if (canSend) void this.#send();
  }

  #onTabKeydown(event: KeyboardEvent, tabs: DraftTab[], dir: 'ltr' | 'rtl'): void {
    const to = nextTabIndex(event.key, tabs.indexOf(this.tab), tabs.length, dir);
    const tab = to === undefined ? undefined : tabs[to];
    if (!tab) return;
    event.preventDefault();
    this.tab = tab;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  async #send(): Promise<void> {
    const store = this.inbox.store;
    const id = this.#target;
    if (!store || !id) return;
    const { uploads, collisions, outbox } = store.use(messagingStores);
    const kind = this.tab === 'note' ? 'note' : 'message';
    const text = this.#draft.value ?? '';
    const attachmentIds = kind === 'message' ? uploads.readyIds(id) : [];
    const before = new InboxBeforeSendEvent({ conversationId: id, kind, text, attachmentIds });
    this.dispatchEvent(before);
    if (before.defaultPrevented) return;
    // Someone else wrote since the draft began: the first press warns, the second sends.
    if (collisions.holdSend(id)) return;
    collisions.seen(id);
    this.error = undefined;
    const sending = kind === 'note' ? outbox.addNote(id, text) : outbox.send(id, { text, attachmentIds });
    this.field?.focus();
    const { clientMessageId, undoUntil } = sending;
    if (clientMessageId) {
      uploads.clear(id);
      if (undoUntil !== null) {
        this.announcement = '';
        const announcement = this.i18n.messages.sendingIn(this.#undoWindowSeconds());
        this.#undo.show({ clientMessageId, conversationId: id, until: undoUntil, announcement });
      }
    }
    this.#report(await sending.outcome);
  }

  /** The tenant's undo window: what the bar counts down from, whatever the clocks say. */
  #undoWindowSeconds(): number {
    return this.inbox.store?.session.$me.get()?.tenant.undoWindowSeconds ?? 0;
  }

  /** Fires the public event for a send's end and shows a refusal where the user is looking. */
  #report(outcome: SendOutcome): void {
    if (outcome.type === 'undone') return;
    if (outcome.type === 'sent') {
      const { conversationId, clientMessageId, item } = outcome;
      this.#undo.extend(clientMessageId, outcome.undoUntil);
      this.dispatchEvent(new InboxMessageSendEvent({ conversationId, clientMessageId, item }));
      return;
    }
    const { conversationId, clientMessageId } = outcome;
    if (clientMessageId) this.#undo.hide(clientMessageId);
    this.#messaging?.uploads.restore(conversationId, outcome.attachmentIds);
    const { kind, text, attachmentIds, error } = outcome;
    this.#showError(conversationId, error);
    this.dispatchEvent(
      new InboxMessageFailEvent({
        conversationId,
        clientMessageId,
        kind,
        text,
        attachmentIds,
        error,
        message: describeError(error, this.i18n.resolved),
      }),
    );
  }

  #showError(conversationId: string, error: InboxApiError): void {
    this.error = { conversationId, describe: () => describeError(error, this.i18n.resolved) };
  }

  /** Sends re-sent after a reload have no composer of their own: the one showing their conversation reports them. */
  #onSettled = (outcome: SendOutcome): void => {
    if (outcome.resumed && outcome.conversationId === this.#target) this.#report(outcome);
  };

  async #undoSend(): Promise<void> {
    const messaging = this.#messaging;
    const undo = this.#undo.entry;
    if (!messaging || !undo || this.#undo.busy) return;
    this.#undo.setBusy(true);
    const result = await settle(messaging.outbox.undo(undo.clientMessageId));
    this.#undo.setBusy(false);
    this.#undo.hide(undo.clientMessageId);
    if (result.ok) {
      messaging.uploads.restore(result.value.conversationId, result.value.attachmentIds);
      this.tab = 'message';
      this.announcement = this.i18n.messages.sendUndone;
    } else if (result.error.clientProblem?.code !== 'send-undone') {
      this.#showError(undo.conversationId, result.error);
    }
    await this.updateComplete;
    const field = this.field;
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
  }

  #onEmojiClick = (event: MouseEvent): void => {
    const template = this.emojiDataUrl;
    const { locale } = this.i18n.resolved;
    // Imported on demand: the picker is a lazy chunk with its data beside it (see load-picker.ts).
    const registry = scopedRegistryOf(this);
    const load = async () =>
      (await import('../../emoji/load-picker.js')).loadEmojiPicker(locale, template, registry);
    void this.#emoji.toggle(event.currentTarget as HTMLElement, `${locale} ${template ?? ''}`, load);
  };

  async #insert(unicode: string): Promise<void> {
    const store = this.inbox.store;
    const id = this.#target;
    const field = this.field;
    if (!store || !id || !field) return;
    const { selectionStart: start, selectionEnd: end, value } = field;
    store.use(messagingStores).drafts.set(id, this.tab, value.slice(0, start) + unicode + value.slice(end));
    void store.presence.typing(id);
    await this.updateComplete;
    field.focus();
    field.setSelectionRange(start + unicode.length, start + unicode.length);
  }

  #onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#addFiles([...(input.files ?? [])]);
    input.value = '';
  };

  #takeFiles(event: Event, files: FileList | undefined): void {
    if (!files?.length) return;
    event.preventDefault();
    this.#addFiles([...files]);
  }

  #addFiles(files: File[]): void {
    const store = this.inbox.store;
    const id = this.#target;
    const conversation = id ? this.#byId.value?.get(id) : undefined;
    const channel = conversation ? this.#channels.value?.[conversation.channel] : undefined;
    if (!store || !id || !channel) return;
    const refused = store.use(messagingStores).uploads.add(id, files, channel);
    this.error = refused.length
      ? {
          conversationId: id,
          describe: () =>
            refused
              .map((r) =>
                this.i18n.messages.fileRefused(r.name, describeClientProblem(r.problem, this.i18n.resolved)),
              )
              .join(' '),
        }
      : undefined;
  }

  #removeChip(conversationId: string, key: string): void {
    this.#messaging?.uploads.remove(conversationId, key);
    this.field?.focus();
  }

  #listen(): void {
    this.#stopSettled?.();
    const outbox = this.isConnected ? this.#messaging?.outbox : undefined;
    this.#stopSettled = outbox?.onSettled(this.#onSettled);
  }
}
