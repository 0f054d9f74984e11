import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OnboardingStepId } from '../../api/types.js';
import { LazyViewController } from '../../controllers/lazy-view.js';
import { StoreController } from '../../controllers/store-controller.js';
import { stateStyles } from '../../styles/shared.js';
import { InboxElement } from '../inbox-element.js';
import { loadViews, type AccessViews } from './load-views.js';
import { accessStore } from '../../stores/access.js';

/**
 * @summary The inbox's onboarding steps, for tenant owners and Inbox Admins: each marked done
 * automatically from the account's real state, each linking to where it is done, optional ones
 * skippable. Anyone else sees nothing. `<inbox-access>` shows it on its welcome screen; place it on
 * its own where a host wants the steps too, such as a settings page.
 * @tag inbox-onboarding
 *
 * @fires {InboxOnboardingSkipEvent} inbox-onboarding-skip - The user skipped an optional step; `detail.step` is it, `detail.onboarding` every step now.
 * @fires {InboxErrorEvent} inbox-error - A step could not be skipped (`operation: 'skip-onboarding-step'`); the element says why beside the step.
 *
 * @csspart heading - "Set up your inbox".
 * @csspart progress - How many steps are done.
 * @csspart steps - The ordered list of steps.
 * @csspart step - One step; it also has `step-done`, `step-todo` or `step-skipped`.
 * @csspart step-done - A step done (from the account's real state).
 * @csspart step-todo - A step still to do.
 * @csspart step-skipped - An optional step that was skipped.
 * @csspart step-link - The step's title, linking to where it is done.
 * @csspart step-title - The step's title when there is no link for it.
 * @csspart step-state - "Done", "To do" or "Skipped".
 * @csspart optional - "Optional", on steps that may be skipped.
 * @csspart help-link - The step's help article.
 * @csspart skip-button - "Skip", on optional steps still to do.
 * @csspart step-error - Why a step could not be skipped.
 * @csspart offline - The notice shown while the browser is offline.
 * @csspart state - The loading and error messages.
 *
 * @cssprop --inbox-color-surface - Background.
 * @cssprop --inbox-color-surface-hover - Background of a Skip button under the pointer.
 * @cssprop --inbox-color-surface-raised - Background of the offline notice.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-text-muted - Progress and step states.
 * @cssprop --inbox-color-border - Separators and the marks of steps to do.
 * @cssprop --inbox-color-accent - Links and the marks of steps done.
 * @cssprop --inbox-color-on-accent - The tick on a step done.
 * @cssprop --inbox-color-danger - Error text.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-font-family - Font.
 * @cssprop --inbox-font-size - Base font size.
 * @cssprop --inbox-space - Base spacing unit.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxOnboarding extends InboxElement {
  static override styles = [
    ...InboxElement.styles,
    stateStyles,
    css`
      :host {
        display: block;
        background: var(--_bg);
      }
    `,
  ];

  /**
   * Where the host's pages are: each step's `href` (a path such as `/settings/teams`) and help
   * article path are joined to it, e.g. `https://app.example.com/admin`. Unset, the paths are
   * resolved against the page. Only http(s), mailto and tel links are shown as links.
   */
  @property({ attribute: 'link-base' }) linkBase?: string;

  /** The host's own URL for a step, by step id (`create_team`…); it wins over `link-base`. */
  @property({ attribute: false }) stepLinks?: Partial<Record<OnboardingStepId, string>>;

  /** The level of the heading (2 by default; 3 or 4 where the host already has a heading above it). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  readonly #available = new StoreController<boolean>(this);
  readonly #views = new LazyViewController(this, () =>
    loadViews().then((views) => ({ ...views, styles: views.onboardingStyles })),
  );
  /** The list and the skip flow, once loaded. */
  #steps: InstanceType<AccessViews['OnboardingSteps']> | undefined;

  protected override storeChanged(): void {
    this.#available.store = this.inbox.store?.use(accessStore).onboarding.$available;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.#available.value) return;
    this.#views.want();
    const views = this.#views.view;
    if (views) this.#steps ??= new views.OnboardingSteps(this);
    this.#steps?.use(this.inbox.store);
  }

  protected override render() {
    const store = this.inbox.store;
    // Nobody without `seeOnboarding` ever sees it, and nothing is asked of the server for them.
    if (!store || !this.#available.value) return nothing;
    const { resolved } = this.i18n;
    const m = resolved.messages;
    const body = this.#steps
      ? this.#steps.render({
          store,
          resolved,
          headingLevel: this.headingLevel,
          linkBase: this.linkBase,
          stepLinks: this.stepLinks,
        })
      : this.#views.failed
        ? html`<div part="state" class="state error" role="alert">
            ${m.errorNetwork}
            <button type="button" @click=${() => this.#views.retry()}>${m.retry}</button>
          </div>`
        : html`<div part="state" class="state" role="status">${m.onboardingLoading}</div>`;
    return html`<div dir=${resolved.dir}>${body}</div>`;
  }
}
