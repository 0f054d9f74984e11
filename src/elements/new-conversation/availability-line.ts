// "A sender in the United Kingdom is available: 312 of 1,000 messages left today": what sender
// selection would do for this number, never which sender.
import { html, nothing } from 'lit';
import { countryInSentence } from '../../i18n/countries.js';
import { describeError } from '../../i18n/describe-error.js';
import type { NewConversationLocale } from '../../i18n/new-conversation.en.js';
import type { AvailabilityState } from '../../stores/new-conversation.js';

export function availabilityText(availability: AvailabilityState, resolved: NewConversationLocale): string {
  const { messages: m, locale } = resolved;
  const { status, value, error } = availability;
  if (status === 'loading') return m.newConversationChecking;
  if (status === 'error' && error) return m.newConversationAvailabilityFailed(describeError(error, resolved));
  if (status !== 'ready' || !value) return '';
  const number = new Intl.NumberFormat(locale);
  const country = countryInSentence(value.country, resolved);
  const left = number.format(value.remainingToday);
  const limit = number.format(value.dailyLimit);
  if (!value.available)
    return value.senderCountry ? m.newConversationUsedUp(country) : m.newConversationNoSender(country);
  if (value.fallback && value.senderCountry)
    return m.newConversationFallback(country, countryInSentence(value.senderCountry, resolved), left, limit);
  return m.newConversationAvailable(country, left, limit);
}

export function availabilityLine(availability: AvailabilityState, resolved: NewConversationLocale) {
  const text = availabilityText(availability, resolved);
  if (!text) return nothing;
  const refused = availability.status === 'error' || availability.value?.available === false;
  return html`<p part="availability" class="line ${refused ? 'refused' : ''}" id="availability">${text}</p>`;
}
