import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { InboxApiError } from '../../api/errors.js';
import type { InboxAccessState, Onboarding, OnboardingStepId } from '../../api/types.js';
import { LazyViewController } from '../../controllers/lazy-view.js';
import { StoreController } from '../../controllers/store-controller.js';
import { describeError } from '../../i18n/describe-error.js';
import type { InboxStore, LoadState } from '../../stores/index.js';
import { stateStyles } from '../../styles/shared.js';
import { InboxElement } from '../inbox-element.js';
import { loadViews, type AccessViews } from './load-views.js';
import { accessStore } from '../../stores/access.js';

type Screen = 'unconfigured' | 'loading' | 'error' | 'request' | 'welcome' | 'inbox';

/**
 * @summary Wrap the inbox in it: a user without the inbox (a beta) sees *Request Access* instead
 * ("Request Received!", or the "Request Already Sent" pop-up when asked again), and the inbox
 * appears by itself once support approves. Tenant owners and Inbox Admins with onboarding still to
 * do first see the welcome screen with its steps and *Go to the Inbox*; everyone else goes straight in.
 * @tag inbox-access
 *
 * @slot - The inbox, shown once the user has access (and has left the welcome screen). When the
 * welcome screen closes, focus moves to the slotted element with `autofocus`, if there is one.
 *
 * @fires {InboxAccessRequestEvent} inbox-access-request - The user pressed *Request Access* and the server answered; `detail.outcome` is `received`, `already-sent` or `granted`.
 * @fires {InboxOnboardingSkipEvent} inbox-onboarding-skip - The user skipped an optional step on the welcome screen.
 * @fires {InboxErrorEvent} inbox-error - A request for access failed (`operation: 'request-access'`); the screen says why.
 *
 * @csspart screen - The Request Access or welcome screen; it also has `request` or `welcome`.
 * @csspart request - The Request Access screen.
 * @csspart welcome - The welcome screen.
 * @csspart title - The screen's heading.
 * @csspart intro - The text under it.
 * @csspart button - The screen's main action: *Request Access*, or *Go to the Inbox*.
 * @csspart pending - Says a request waits for approval.
 * @csspart notice - "Request Received!" after a first request (a polite status).
 * @csspart error - Why a request failed.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart dialog - The "Request Already Sent" pop-up.
 * @csspart dialog-button - Its *OK* button.
 * @csspart state - The loading and error messages.
 * @csspart steps-heading - The onboarding steps' heading; every other part of `<inbox-onboarding>` has its own name here, except its `state` and `offline`, which are `steps-state` and `steps-offline`.
 * @csspart steps-state - The onboarding steps' loading and error messages.
 * @csspart steps-offline - The onboarding steps' offline notice.
 *
 * @cssprop --inbox-color-surface - Background of the screens, the pop-up and the Skip buttons.
 * @cssprop --inbox-color-surface-raised - Background of the offline notice.
 * @cssprop --inbox-color-surface-hover - Background of a Skip button under the pointer.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Explanations and step states.
 * @cssprop --inbox-color-border - Pop-up border and separators.
 * @cssprop --inbox-color-accent - The main buttons, links, and the marks of steps done.
 * @cssprop --inbox-color-on-accent - Text on the main buttons.
 * @cssprop --inbox-color-danger - Error text.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxAccess extends InboxElement {
  static override styles = [
    ...InboxElement.styles,
    stateStyles,
    css`
      /* No box of its own: the inbox keeps the layout its host gave it. */
      :host {
        display: contents;
      }
      .screen {
        flex: 1 1 auto;
        min-inline-size: 0;
        overflow: auto;
        background: var(--_bg);
      }
    `,
  ];

  /** Where the host's pages are, for the onboarding steps' links (see `<inbox-onboarding>`). */
  @property({ attribute: 'link-base' }) linkBase?: string;

  /** The host's own URL for an onboarding step, by step id; it wins over `link-base`. */
  @property({ attribute: false }) stepLinks?: Partial<Record<OnboardingStepId, string>>;

  readonly #session = new StoreController<LoadState<InboxApiError>>(this);
  readonly #access = new StoreController<InboxAccessState | undefined>(this);
  readonly #available = new StoreController<boolean>(this);
  readonly #onboarding = new StoreController<Onboarding | undefined>(this);
  readonly #onboardingState = new StoreController<LoadState<InboxApiError>>(this);
  readonly #dismissed = new StoreController<boolean>(this);
  readonly #views = new LazyViewController(this, () =>
    loadViews().then((views) => ({ ...views, styles: views.accessStyles })),
  );
  /** The screens and their flows, once loaded. */
  #screens: InstanceType<AccessViews['AccessScreens']> | undefined;
  #screen: Screen = 'loading';
  /** Once shown, the welcome screen stays until *Go to the Inbox*, even when the last step is skipped. */
  #welcomed = false;
  #lastAccess: InboxAccessState | undefined;
  #announcement = '';

  protected override storeChanged(store: InboxStore | undefined): void {
    const access = store?.use(accessStore);
    this.#session.store = store?.session.$sessionState;
    this.#access.store = access?.$access;
    this.#available.store = access?.onboarding.$available;
    this.#onboarding.store = access?.onboarding.$onboarding;
    this.#onboardingState.store = access?.onboarding.$state;
    this.#dismissed.store = access?.onboarding.$dismissed;
    this.#welcomed = false;
    this.#lastAccess = undefined;
  }

  #pick(): Screen {
    if (!this.inbox.store) return 'unconfigured';
    const access = this.#access.value;
    if (!access) return this.#session.value?.status === 'error' ? 'error' : 'loading';
    if (access !== 'granted') return 'request';
    if (!this.#available.value || this.#dismissed.value) return 'inbox';
    const onboarding = this.#onboarding.value;
    if (this.#welcomed || (onboarding && !onboarding.complete)) return 'welcome';
    if (onboarding) return 'inbox';
    // The steps failed to load: the welcome screen says so, and still lets them in.
    return this.#onboardingState.value?.status === 'error' ? 'welcome' : 'loading';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const screen = (this.#screen = this.#pick());
    if (screen === 'welcome') this.#welcomed = true;
    if (screen === 'request' || screen === 'welcome') {
      this.#views.want();
      const views = this.#views.view;
      if (views) this.#screens ??= new views.AccessScreens(this);
    }
    this.#screens?.use(this.inbox.store);
    const access = this.#access.value;
    if (this.#lastAccess && this.#lastAccess !== 'granted' && access === 'granted')
      this.#announcement = this.i18n.messages.accessGranted;
    this.#lastAccess = access;
  }

  protected override render() {
    const { resolved } = this.i18n;
    const m = resolved.messages;
    const screen = this.#screen;
    const store = this.inbox.store;
    let body;
    if (screen === 'inbox') {
      body = nothing;
    } else if (!store) {
      body = html`<div part="state" class="state">${m.notConfigured}</div>`;
    } else if (screen === 'error' || (screen !== 'loading' && this.#views.failed)) {
      const error = screen === 'error' ? this.#session.value?.error : undefined;
      body = html`<div part="state" class="state error" role="alert">
        <div>${error ? m.accessLoadError : m.errorNetwork}</div>
        ${error ? html`<div>${describeError(error, resolved)}</div>` : nothing}
        <button type="button" @click=${this.#retry}>${m.retry}</button>
      </div>`;
    } else if ((screen === 'request' || screen === 'welcome') && this.#screens) {
      body = this.#screens.render({
        screen,
        store,
        resolved,
        access: this.#access.value,
        theme: this.theme,
        linkBase: this.linkBase,
        stepLinks: this.stepLinks,
      });
    } else {
      body = html`<div part="state" class="state" role="status">${m.accessLoading}</div>`;
    }
    // The inbox outside the `dir` wrapper, so the host's layout and direction apply to it as they
    // are; the status after both, where it stays while the screens change, so it is announced.
    return html`${
        screen === 'inbox' ? html`<slot></slot>` : html`<div class="screen" dir=${resolved.dir}>${body}</div>`
      } <div class="visually-hidden" role="status">${this.#announcement}</div>`;
  }

  readonly #retry = (): void => {
    this.#views.retry();
    if (this.#screen === 'error') void this.inbox.store?.start().catch(() => undefined);
  };
}
