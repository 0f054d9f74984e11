import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DetailsLocale } from '../../i18n/details.en.js';
import { newConversationLocale } from '../../i18n/new-conversation.en.js';
import type { FieldProblem } from '../../stores/contact-form.js';
import type { PhoneEntryState } from '../../stores/index.js';
import { countryOptions } from '../shared/country-options.js';
import { problemText } from './field-text.js';

export interface PhoneFieldView {
  resolved: DetailsLocale;
  state: PhoneEntryState | undefined;
  problem: FieldProblem | undefined;
  onInput(text: string): void;
  onCountry(code: string): void;
  /** Notes under the field (another contact has the number, what a change does). */
  after?: TemplateResult | typeof nothing;
}

/**
 * A phone number with its country: the country picker defaults from the number (a +… decides) or
 * the user's region; the number is always shown left to right; its problem sits beside it.
 */
export function phoneField(view: PhoneFieldView) {
  const { resolved, state, problem } = view;
  const m = resolved.messages;
  const countries = countryOptions(state?.countries ?? [], newConversationLocale(resolved));
  const described = [problem ? 'contact-phone-problem' : '', 'contact-phone-notes'].filter(Boolean).join(' ');
  return html`<div class="field phone-field">
    <label for="contact-phone">${m.contactPhone}</label>
    <div class="phone-inputs">
      <select
        part="country-select"
        aria-label=${m.contactCountry}
        ?disabled=${countries.length === 0}
        @change=${(event: Event) => view.onCountry((event.target as HTMLSelectElement).value)}
      >
        ${countries.length === 0 ? html`<option value="">${state?.country ?? '…'}</option>` : nothing}
        ${countries.map(
          (c) => html`<option value=${c.code} ?selected=${c.code === state?.country}>${c.label}</option>`,
        )}
      </select>
      <input
        id="contact-phone"
        part="phone-input"
        type="tel"
        dir="ltr"
        autocomplete="off"
        inputmode="tel"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${described}
        .value=${live(state?.input ?? '')}
        @input=${(event: Event) => view.onInput((event.target as HTMLInputElement).value)}
      />
    </div>
    ${
      problem
        ? html`<p id="contact-phone-problem" class="field-problem" part="field-error">
            ${problemText(problem, m)}
          </p>`
        : nothing
    }
    <div id="contact-phone-notes" aria-live="polite">
      ${state?.match.status === 'looking' ? html`<p class="field-note">${m.phoneLoading}</p>` : nothing}
      ${view.after ?? nothing}
    </div>
  </div>`;
}
