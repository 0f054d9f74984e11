// Step one of the dialog: sender profile, assigned team, phone number with its country; the contact
// the number belongs to (and its open conversation), and what the senders have left today.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { isolate } from '../../i18n/bidi.js';
import { describeError } from '../../i18n/describe-error.js';
import type { NewConversationCatalogue } from '../../i18n/new-conversation.en.js';
import type { PhoneProblem } from '../../phone/phone.js';
import type { NewConversationTarget } from '../../stores/new-conversation.js';
import { availabilityLine } from './availability-line.js';
import { countryOptions } from '../shared/country-options.js';
import type { StepView } from './view-types.js';

function phoneWords(code: PhoneProblem, m: NewConversationCatalogue): string {
  const words: Record<PhoneProblem, string> = {
    'phone-empty': m.newConversationPhoneEmpty,
    'phone-unreadable': m.newConversationPhoneUnreadable,
    'phone-too-short': m.newConversationPhoneTooShort,
    'phone-too-long': m.newConversationPhoneTooLong,
  };
  return words[code];
}

type FieldErrors = Partial<Record<NewConversationTarget, string>>;

/** What to say beside each field: a refusal of the server's, else the draft's own problems once shown. */
function fieldErrors({ state, resolved, showProblems, phoneTouched }: StepView): FieldErrors {
  const m = resolved.messages;
  const errors: FieldErrors = {};
  for (const problem of state.detailsProblems) {
    if (problem.target === 'senderProfileId' && showProblems)
      errors.senderProfileId = m.newConversationPickProfile;
    if (problem.target === 'teamId' && showProblems) errors.teamId = m.newConversationPickTeam;
    if (problem.target === 'phone' && (showProblems || phoneTouched))
      errors.phone = phoneWords(problem.code, m);
  }
  if (state.error && state.errorTarget) errors[state.errorTarget] = describeError(state.error, resolved);
  return errors;
}

const fieldError = (id: string, text: string | undefined) =>
  text ? html`<p part="field-error" class="field-error" id=${id}>${text}</p>` : nothing;

function contactLines({ state, resolved, actions }: StepView) {
  const m = resolved.messages;
  const { match, parsed } = state.phone;
  if (!parsed?.e164 || match.status === 'idle') return nothing;
  if (match.status === 'looking') return html`<p class="line muted">${m.newConversationLookingUp}</p>`;
  const contact = state.contact;
  if (!contact) return html`<p part="contact" class="line muted">${m.newConversationNewContact}</p>`;
  const name = isolate(contact.name || contact.phone);
  const open = state.openConversation;
  return html`<p part="contact" class="line">${m.newConversationContact(name)}</p> ${
      open && state.profile
        ? html`<div part="existing" class="existing">
            <p>${m.newConversationExisting(name, isolate(state.profile.name))}</p>
            <button
              type="button"
              part="open-existing-button"
              class="secondary"
              @click=${actions.openExisting}
            >
              ${m.newConversationOpenExisting}
            </button>
          </div>`
        : nothing
    }`;
}

/** Why nothing can be chosen: still loading, failed, or nothing on offer. */
function notice({ state, resolved, actions }: StepView) {
  const m = resolved.messages;
  if (state.directory === 'loading' || state.directory === 'idle')
    return html`<p part="state" class="state" role="status">${m.newConversationLoading}</p>`;
  if (state.directory === 'error')
    return html`<div part="state" class="state error" role="alert">
      <p>
        ${m.newConversationLoadFailed(state.directoryError ? describeError(state.directoryError, resolved) : '')}
      </p>
      <button type="button" class="secondary" @click=${actions.retryDirectory}>${m.retry}</button>
    </div>`;
  if (state.profiles.length === 0)
    return html`<p part="state" class="state" role="status">${m.newConversationNoProfiles}</p>`;
  if (state.teams.length === 0)
    return html`<p part="state" class="state" role="status">${m.newConversationNoTeams}</p>`;
  return nothing;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

export function detailsStep(view: StepView) {
  const { state, resolved, actions } = view;
  const m = resolved.messages;
  const errors = fieldErrors(view);
  const ready = state.directory === 'ready';
  const blocked = !ready || state.profiles.length === 0 || state.teams.length === 0;
  const countries = countryOptions(state.phone.countries, resolved);
  const country = state.phone.country ?? '';
  return html`<form
    class="form"
    novalidate
    @submit=${(event: Event) => (event.preventDefault(), actions.next())}
  >
    ${notice(view)}
    <div class="field">
      <label for="profile">${m.newConversationProfile}</label>
      <select
        id="profile"
        part="profile-select"
        ?disabled=${!ready}
        aria-invalid=${errors.senderProfileId ? 'true' : 'false'}
        aria-describedby=${describedBy(errors.senderProfileId && 'profile-error')}
        @change=${(event: Event) => actions.setProfile((event.target as HTMLSelectElement).value)}
      >
        ${state.profile ? nothing : html`<option value="" selected>${m.newConversationChooseProfile}</option>`}
        ${state.profiles.map(
          (p) => html`<option value=${p.id} ?selected=${p.id === state.profile?.id}>${p.name}</option>`,
        )}
      </select>
      ${fieldError('profile-error', errors.senderProfileId)}
    </div>
    <div class="field">
      <label for="team">${m.newConversationTeam}</label>
      <select
        id="team"
        part="team-select"
        ?disabled=${!ready}
        aria-invalid=${errors.teamId ? 'true' : 'false'}
        aria-describedby=${describedBy(errors.teamId && 'team-error')}
        @change=${(event: Event) => actions.setTeam((event.target as HTMLSelectElement).value)}
      >
        ${state.team ? nothing : html`<option value="" selected>${m.newConversationChooseTeam}</option>`}
        ${state.teams.map(
          (t) => html`<option value=${t.id} ?selected=${t.id === state.team?.id}>${t.name}</option>`,
        )}
      </select>
      ${fieldError('team-error', errors.teamId)}
    </div>
    <div class="field">
      <label for="phone">${m.newConversationPhone}</label>
      <div class="phone-row">
        <select
          id="country"
          part="country-select"
          aria-label=${m.newConversationCountry}
          ?disabled=${countries.length === 0}
          @change=${(event: Event) => actions.setCountry((event.target as HTMLSelectElement).value)}
        >
          ${country ? nothing : html`<option value="" selected>—</option>`}
          ${countries.map(
            (c) => html`<option value=${c.code} ?selected=${c.code === country}>${c.label}</option>`,
          )}
        </select>
        <input
          id="phone"
          part="phone-input"
          type="tel"
          dir="ltr"
          autocomplete="tel"
          inputmode="tel"
          .value=${live(state.phone.input)}
          aria-invalid=${errors.phone ? 'true' : 'false'}
          aria-describedby=${describedBy('phone-hint', errors.phone && 'phone-error')}
          @input=${(event: Event) => actions.setPhone((event.target as HTMLInputElement).value)}
          @blur=${actions.leavePhone}
        />
      </div>
      <p class="hint" id="phone-hint">${m.newConversationPhoneHint}</p>
      ${fieldError('phone-error', errors.phone)}
    </div>
    <div class="lookups" aria-live="polite">
      ${contactLines(view)} ${availabilityLine(state.availability, resolved)}
    </div>
    ${errors.form ? html`<p part="error" class="error" role="alert">${errors.form}</p>` : nothing}
    <div class="actions">
      <button type="submit" part="next-button" class="primary" ?disabled=${blocked}>
        ${m.newConversationNext}
      </button>
    </div>
  </form>`;
}

/** Where focus goes for a problem of the first step. */
export const fieldIds: Partial<Record<NewConversationTarget, string>> = {
  senderProfileId: '#profile',
  teamId: '#team',
  phone: '#phone',
};
