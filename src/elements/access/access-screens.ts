// What `<inbox-access>` shows instead of the inbox (loaded on first use, so users who have the inbox
// never download it): Request Access with its "Request Already Sent" pop-up, and the welcome screen
// around the onboarding steps.
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { InboxApiError } from '../../api/errors.js';
import type { InboxAccessState, OnboardingStepId } from '../../api/types.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { OnlineController } from '../../controllers/online-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxAccessRequestEvent } from '../../events/access-request.js';
import { InboxErrorEvent } from '../../events/error.js';
import { describeError } from '../../i18n/describe-error.js';
import { accessLocale } from '../../i18n/access.en.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { InboxStore } from '../../stores/index.js';
import { accessStore } from '../../stores/access.js';

/** What the element passes on each render. */
export interface ScreenContext {
  screen: 'request' | 'welcome';
  store: InboxStore;
  resolved: ResolvedLocale;
  access: InboxAccessState | undefined;
  theme: string | undefined;
  linkBase: string | undefined;
  stepLinks: Partial<Record<OnboardingStepId, string>> | undefined;
}

/** `<inbox-onboarding>`'s parts, under the same names on the welcome screen (its heading renamed). */
const STEP_PARTS =
  'heading: steps-heading, progress, steps, step, step-done, step-todo, step-skipped, step-link, ' +
  'step-title, step-state, optional, help-link, skip-button, step-error, offline: steps-offline, state: steps-state';

export class AccessScreens implements ReactiveController {
  readonly #requesting: StoreController<boolean>;
  readonly #online: OnlineController;
  readonly #dialog: ModalDialogController;
  #store: InboxStore | undefined;
  /** "Request Received!" for this visit's first request. */
  #received = false;
  #error: InboxApiError | undefined;

  constructor(private readonly host: LitElement) {
    this.#requesting = new StoreController(host);
    this.#online = new OnlineController(host);
    this.#dialog = new ModalDialogController(host, 'dialog');
    host.addController(this);
  }

  hostConnected(): void {}

  /** Follows the element's store bundle (call before rendering with another one). */
  use(store: InboxStore | undefined): void {
    if (store === this.#store) return;
    this.#store = store;
    this.#requesting.store = store?.use(accessStore).$requesting;
    this.#received = false;
    this.#error = undefined;
  }

  render(ctx: ScreenContext) {
    return ctx.screen === 'request' ? this.#request(ctx) : this.#welcome(ctx);
  }

  #request(ctx: ScreenContext) {
    const m = accessLocale(ctx.resolved).messages;
    const requesting = Boolean(this.#requesting.value);
    return html`<section part="screen request" aria-labelledby="title">
        <h2 id="title" part="title">${m.accessTitle}</h2>
        <p part="intro">${m.accessIntro}</p>
        ${this.#online.online ? nothing : html`<p part="offline" class="notice">${m.accessOffline}</p>`}
        ${
          ctx.access === 'requested' && !this.#received
            ? html`<p part="pending">${m.accessPending}</p>`
            : nothing
        }
        <button
          part="button"
          class="primary"
          type="button"
          aria-disabled=${requesting ? 'true' : 'false'}
          @click=${() => void this.#ask(ctx.store)}
        >
          ${m.requestAccess}
        </button>
        <div part="notice" role="status">
          ${
            this.#received
              ? html`<strong>${m.requestReceived}</strong> <span>${m.requestReceivedText}</span>`
              : nothing
          }
        </div>
        ${
          this.#error
            ? html`<p part="error" class="error" role="alert">${describeError(this.#error, ctx.resolved)}</p>`
            : nothing
        }
      </section>
      <dialog
        part="dialog"
        aria-labelledby="sent-title"
        aria-describedby="sent-text"
        @close=${this.#dialog.onDialogClose}
      >
        <h2 id="sent-title">${m.requestAlreadySent}</h2>
        <p id="sent-text">${m.requestAlreadySentText}</p>
        <button part="dialog-button" class="primary" type="button" @click=${() => this.#dialog.close()}>
          ${m.dialogOk}
        </button>
      </dialog>`;
  }

  #welcome(ctx: ScreenContext) {
    const m = accessLocale(ctx.resolved).messages;
    return html`<section part="screen welcome" aria-labelledby="title">
      <h2 id="title" part="title">${m.welcomeTitle}</h2>
      <p part="intro">${m.welcomeIntro}</p>
      <inbox-onboarding
        heading-level="3"
        locale=${ctx.resolved.locale}
        theme=${ifDefined(ctx.theme)}
        link-base=${ifDefined(ctx.linkBase)}
        .stepLinks=${ctx.stepLinks}
        exportparts=${STEP_PARTS}
      ></inbox-onboarding>
      <button part="button" class="primary" type="button" @click=${() => void this.#continue(ctx.store)}>
        ${m.goToInbox}
      </button>
    </section>`;
  }

  async #ask(store: InboxStore): Promise<void> {
    if (this.#requesting.value) return;
    this.#error = undefined;
    const result = await store.use(accessStore).request();
    if (!result.ok) {
      this.#error = result.error;
      this.host.requestUpdate();
      this.host.dispatchEvent(new InboxErrorEvent({ operation: 'request-access', error: result.error }));
      return;
    }
    const outcome = result.value;
    // The first time a polite "Request Received!"; asked again, the pop-up the product shows.
    if (outcome === 'received') this.#received = true;
    this.host.requestUpdate();
    if (outcome === 'already-sent') void this.#dialog.show();
    this.host.dispatchEvent(new InboxAccessRequestEvent({ outcome }));
  }

  async #continue(store: InboxStore): Promise<void> {
    store.use(accessStore).onboarding.dismiss();
    await this.host.updateComplete;
    // A frame later: the inbox has just been laid out, and a list focuses its rows only once drawn.
    requestAnimationFrame(() => this.host.querySelector<HTMLElement>('[autofocus]')?.focus());
  }
}
