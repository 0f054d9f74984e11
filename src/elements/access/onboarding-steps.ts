// What `<inbox-onboarding>` does once its steps are wanted (loaded on first use, so pages of users
// who never see onboarding do not download it): the list, skipping, and its errors.
import { html, nothing, type LitElement, type ReactiveController } from 'lit';
import type { InboxApiError } from '../../api/errors.js';
import type { Onboarding, OnboardingStepId } from '../../api/types.js';
import { OnlineController } from '../../controllers/online-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxErrorEvent } from '../../events/error.js';
import { InboxOnboardingSkipEvent } from '../../events/onboarding-skip.js';
import { describeError } from '../../i18n/describe-error.js';
import { accessLocale, type AccessCatalogue } from '../../i18n/access.en.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { InboxStore, LoadState } from '../../stores/index.js';
import { safeHref } from '../timeline/rich-text.js';
import { accessStore } from '../../stores/access.js';

type Step = Onboarding['steps'][number];

/** What the element passes on each render. */
export interface StepsContext {
  store: InboxStore;
  resolved: ResolvedLocale;
  headingLevel: number;
  linkBase: string | undefined;
  stepLinks: Partial<Record<OnboardingStepId, string>> | undefined;
}

/**
 * A path of the host product as a URL: under `link-base` when one is set, resolved against the
 * page. Anything but http(s), mailto and tel (a `javascript:` link-base, say) shows as plain text.
 */
export function hostUrl(path: string, base: string | undefined): string | undefined {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(path);
  const joined = base && !absolute ? `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : path;
  try {
    return safeHref(new URL(joined, document.baseURI).href);
  } catch {
    return undefined;
  }
}

/** The server's titles are English: the catalogue words the steps it knows. */
export const stepTitle = (step: Step, messages: AccessCatalogue): string =>
  (messages.stepTitles as Partial<Record<string, string>>)[step.id] ?? step.title;

function heading(level: number, text: string) {
  if (level === 3) return html`<h3 id="heading" part="heading">${text}</h3>`;
  if (level === 4) return html`<h4 id="heading" part="heading">${text}</h4>`;
  return html`<h2 id="heading" part="heading">${text}</h2>`;
}

export class OnboardingSteps implements ReactiveController {
  readonly #onboarding: StoreController<Onboarding | undefined>;
  readonly #state: StoreController<LoadState<InboxApiError>>;
  readonly #skipping: StoreController<OnboardingStepId | null>;
  readonly #online: OnlineController;
  #store: InboxStore | undefined;
  #stepError: { step: OnboardingStepId; error: InboxApiError } | undefined;
  #announcement = '';
  #messages: AccessCatalogue | undefined;

  constructor(private readonly host: LitElement) {
    this.#onboarding = new StoreController(host);
    this.#state = new StoreController(host);
    this.#skipping = new StoreController(host);
    this.#online = new OnlineController(host);
    host.addController(this);
  }

  hostConnected(): void {}

  /** Follows the element's store bundle (call before rendering with another one). */
  use(store: InboxStore | undefined): void {
    if (store === this.#store) return;
    this.#store = store;
    const steps = store?.use(accessStore).onboarding;
    this.#onboarding.store = steps?.$onboarding;
    this.#state.store = steps?.$state;
    this.#skipping.store = steps?.$skipping;
    this.#stepError = undefined;
  }

  render(ctx: StepsContext) {
    const { messages: m } = accessLocale(ctx.resolved);
    this.#messages = m;
    const onboarding = this.#onboarding.value;
    const error = this.#state.value?.error;
    let body;
    if (onboarding) body = this.#list(onboarding, ctx);
    else if (error)
      body = html`<div part="state" class="state error" role="alert">
        <div>${m.onboardingLoadError}</div>
        <div>${describeError(error, ctx.resolved)}</div>
        <button type="button" @click=${() => void ctx.store.use(accessStore).onboarding.load()}>
          ${m.retry}
        </button>
      </div>`;
    else body = html`<div part="state" class="state" role="status">${m.onboardingLoading}</div>`;
    return html`${this.#online.online ? nothing : html`<p part="offline">${m.accessOffline}</p>`}${body}
      <div class="visually-hidden" role="status">${this.#announcement}</div>`;
  }

  #list(onboarding: Onboarding, ctx: StepsContext) {
    const m = accessLocale(ctx.resolved).messages;
    const { steps } = onboarding;
    const done = steps.filter((s) => s.state === 'done').length;
    return html`${heading(ctx.headingLevel, m.onboardingTitle)}
      <p part="progress" id="progress">${m.onboardingProgress(done, steps.length)}</p>
      <ol part="steps" tabindex="-1" aria-labelledby="heading" aria-describedby="progress">
        ${steps.map((step) => this.#step(step, ctx))}
      </ol>`;
  }

  #step(item: Step, ctx: StepsContext) {
    const m = accessLocale(ctx.resolved).messages;
    const title = stepTitle(item, m);
    const override = ctx.stepLinks?.[item.id];
    const href = override ? hostUrl(override, undefined) : hostUrl(item.href, ctx.linkBase);
    const article = hostUrl(item.articleUrl, ctx.linkBase);
    const state = { done: m.stepDone, todo: m.stepTodo, skipped: m.stepSkipped }[item.state];
    const error = this.#stepError?.step === item.id ? describeError(this.#stepError.error, ctx.resolved) : '';
    const busy = this.#skipping.value === item.id;
    return html`<li part="step step-${item.state}" class=${item.state} data-step=${item.id}>
      <span class="mark" aria-hidden="true">${item.state === 'done' ? '✓' : nothing}</span>
      <div class="text">
        ${
          href
            ? html`<a part="step-link" class="title" href=${href}>${title}</a>`
            : html`<span part="step-title" class="title">${title}</span>`
        }
        <span class="meta">
          <span part="step-state">${state}</span>
          ${item.optional ? html`<span part="optional">${m.stepOptional}</span>` : nothing}
          ${
            article
              ? html`<a part="help-link" href=${article} aria-label=${m.helpArticleFor(title)}
                  >${m.helpArticle}</a
                >`
              : nothing
          }
        </span>
        ${error ? html`<span part="step-error" class="error" role="alert">${error}</span>` : nothing}
      </div>
      ${
        item.optional && item.state === 'todo'
          ? html`<button
              part="skip-button"
              type="button"
              aria-label=${m.skipStep(title)}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => void this.#skip(item.id, ctx.store)}
            >
              ${m.skip}
            </button>`
          : nothing
      }
    </li>`;
  }

  async #skip(step: OnboardingStepId, store: InboxStore): Promise<void> {
    if (this.#skipping.value) return;
    this.#stepError = undefined;
    this.#announcement = '';
    const result = await store.use(accessStore).onboarding.skip(step);
    if (!result.ok) {
      this.#stepError = { step, error: result.error };
      this.host.requestUpdate();
      this.host.dispatchEvent(
        new InboxErrorEvent({ operation: 'skip-onboarding-step', error: result.error }),
      );
      return;
    }
    const skipped = result.value.steps.find((s) => s.id === step);
    if (skipped && this.#messages)
      this.#announcement = this.#messages.stepSkippedNow(stepTitle(skipped, this.#messages));
    this.host.requestUpdate();
    this.host.dispatchEvent(new InboxOnboardingSkipEvent({ step, onboarding: result.value }));
    // Its Skip button is gone: keep the keyboard on that step rather than lose focus to the page.
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    (
      root.querySelector<HTMLElement>(`[data-step="${step}"] a.title`) ??
      root.querySelector<HTMLElement>('[part="steps"]')
    )?.focus();
  }
}
