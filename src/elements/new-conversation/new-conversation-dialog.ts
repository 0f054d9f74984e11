// The *New conversation* dialog, loaded the first time someone opens it: its draft store, both
// steps and their styles stay out of the bundle every page loads (as the emoji picker does).
import { adoptStyles, html, nothing, svg, type ReactiveController, type ReactiveElement } from 'lit';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxBeforeConversationCreateEvent } from '../../events/before-conversation-create.js';
import { InboxConversationCreateEvent } from '../../events/conversation-create.js';
import { InboxConversationSelectEvent } from '../../events/conversation-select.js';
import { newConversationLocale } from '../../i18n/new-conversation.en.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { InboxStore } from '../../stores/inbox-store.js';
import {
  createNewConversation,
  type NewConversationState,
  type NewConversationStore,
} from '../../stores/new-conversation.js';
import { regionOf } from '../shared/country-options.js';
import { detailsStep, fieldIds } from './details-step.js';
import { formStyles } from '../../styles/shared.js';
import { dialogStyles } from './dialog.styles.js';
import { canSend, messageStep } from './message-step.js';
import type { NewConversationActions } from './view-types.js';

const cross = svg`<path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" />`;

export interface DialogHostAccess {
  store(): InboxStore | undefined;
  resolved(): ResolvedLocale;
}

/** Owns the dialog of one `<inbox-new-conversation>`: the draft, the modal, the two steps, the send. */
export class NewConversationDialog implements ReactiveController {
  readonly #modal: ModalDialogController;
  readonly #state: StoreController<NewConversationState>;
  #draft: NewConversationStore | undefined;
  /** Next was tried: every problem of the first step shows beside its field. */
  #showProblems = false;
  /** The phone field was left with something in it: its own problem shows. */
  #phoneTouched = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly access: DialogHostAccess,
  ) {
    this.#modal = new ModalDialogController(host, 'dialog');
    this.#state = new StoreController<NewConversationState>(host);
    host.addController(this);
    if (host.shadowRoot)
      adoptStyles(host.shadowRoot, [
        ...(host.constructor as typeof ReactiveElement).elementStyles,
        formStyles,
        dialogStyles,
      ]);
  }

  get isOpen(): boolean {
    return this.#modal.open;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#drop();
  }

  /** The bundle changed: a draft belongs to one inbox. */
  storeChanged(): void {
    this.#drop();
    if (this.#modal.open) this.#modal.close();
  }

  async show(): Promise<void> {
    const store = this.access.store();
    if (!store || this.#modal.open) return;
    if (!this.#draft) {
      this.#draft = createNewConversation(store, { defaultCountry: regionOf(this.access.resolved().locale) });
      this.#state.store = this.#draft.$state;
    }
    await this.#modal.show(this.#focusTarget());
  }

  close(): void {
    this.#modal.close();
  }

  render() {
    const state = this.#state.value;
    if (!this.#modal.open || !state) return nothing;
    const resolved = newConversationLocale(this.access.resolved());
    const m = resolved.messages;
    const view = {
      resolved,
      state,
      showProblems: this.#showProblems,
      phoneTouched: this.#phoneTouched,
      actions: this.#actions,
    };
    const message = state.step === 'message';
    return html`<dialog
      part="dialog"
      dir=${resolved.dir}
      aria-labelledby="title"
      aria-describedby="step"
      @close=${this.#modal.onDialogClose}
    >
      <div class="header">
        <h2 id="title" part="heading">${m.newConversationTitle}</h2>
        <button
          type="button"
          part="close-button"
          class="close"
          data-close
          aria-label=${m.newConversationClose}
          title=${m.newConversationClose}
          @click=${() => this.close()}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">${cross}</svg>
        </button>
      </div>
      <p id="step" part="step" class="step">${m.newConversationStep(message ? 2 : 1, 2)}</p>
      ${message ? messageStep(view) : detailsStep(view)}
    </dialog>`;
  }

  #drop(): void {
    this.#draft?.dispose();
    this.#draft = undefined;
    this.#state.store = undefined;
    this.#forgetProblems();
  }

  /** The first thing left to do: a missing choice, the number, or the message. */
  #focusTarget(): string {
    const state = this.#state.value;
    if (state?.step === 'message') return '#message';
    return !state?.profile ? '#profile' : !state.team ? '#team' : '#phone';
  }

  async #focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  readonly #actions: NewConversationActions = {
    setProfile: (id) => this.#draft?.setProfile(id),
    setTeam: (id) => this.#draft?.setTeam(id),
    setPhone: (text) => this.#draft?.setPhone(text),
    setCountry: (code) => this.#draft?.setCountry(code),
    leavePhone: () => {
      // Going to step two or closing removes the field, which blurs it mid-render: nothing to show then.
      const state = this.#state.value;
      if (!this.#modal.open || state?.step !== 'details' || !state.phone.input.trim() || this.#phoneTouched)
        return;
      this.#phoneTouched = true;
      this.host.requestUpdate();
    },
    next: () => {
      const problem = this.#draft?.next();
      if (problem === undefined) return;
      this.#showProblems = problem !== null;
      this.host.requestUpdate();
      void this.#focus(problem ? (fieldIds[problem.target] ?? '#phone') : '#message');
    },
    back: () => {
      this.#draft?.back();
      void this.#focus('#phone');
    },
    setText: (text) => this.#draft?.setText(text),
    send: () => void this.#send(),
    openExisting: () => {
      const conversation = this.#draft?.openExisting();
      if (!conversation) return;
      this.#forgetProblems();
      this.close();
      this.host.dispatchEvent(
        new InboxConversationSelectEvent({ conversationId: conversation.id, conversation }),
      );
    },
    retryDirectory: () => {
      const directory = this.access.store()?.directory;
      const spaceId = directory?.$activeSpaceId.get();
      if (directory && spaceId) void directory.loadDirectory(spaceId);
    },
  };

  async #send(): Promise<void> {
    const draft = this.#draft;
    const state = this.#state.value;
    const request = draft?.request();
    if (!draft || !state || !request || !canSend({ state })) return;
    const before = new InboxBeforeConversationCreateEvent(request);
    this.host.dispatchEvent(before);
    if (before.defaultPrevented) return;
    const result = await draft.send();
    if (result.ok) {
      this.#forgetProblems();
      this.close();
      const conversation = result.value;
      this.host.dispatchEvent(
        new InboxConversationCreateEvent({ conversationId: conversation.id, conversation }),
      );
      return;
    }
    // A refusal of a first-step field took the dialog back there: focus that field.
    const target = this.#state.value?.errorTarget;
    const field = target ? fieldIds[target] : undefined;
    if (field) void this.#focus(field);
  }

  #forgetProblems(): void {
    this.#showProblems = false;
    this.#phoneTouched = false;
  }
}
