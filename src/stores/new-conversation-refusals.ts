// A refused new conversation, said in the dialog's terms: which field (or line) it belongs beside,
// and a code the i18n layer words, so a Spanish or Arabic user never reads the server's English.
import { InboxApiError } from '../api/errors.js';
import type { ChannelCapabilities, SenderAvailability, SenderProfile, Team } from '../api/types.js';

/** Where a refusal is shown: beside a field, beside the availability line, or for the whole form. */
export type NewConversationTarget = 'senderProfileId' | 'teamId' | 'phone' | 'text' | 'availability' | 'form';

/** The fields of the first step: a refusal of one of them takes the user back there. */
export const DETAILS_TARGETS: readonly NewConversationTarget[] = ['senderProfileId', 'teamId', 'phone'];

export const NO_SENDER_PROBLEM = 'urn:inbox:problem:no-sender-available';

export interface RefusalContext {
  profile: SenderProfile | null;
  team: Team | null;
  channel: ChannelCapabilities | null;
  /** The number's country as the phone field read it. */
  country: string | null;
  /** The last availability answer for this profile and number, if any. */
  availability: SenderAvailability | null;
}

export interface Refusal {
  error: InboxApiError;
  target: NewConversationTarget;
}

export function explainRefusal(error: InboxApiError, ctx: RefusalContext): Refusal {
  const profile = ctx.profile?.name ?? '';
  if (error.status === 409 && error.type === NO_SENDER_PROBLEM) {
    // Which of the server's two sentences applies is what availability said: no sender there at
    // all, or senders there with nothing left today.
    const reason = ctx.availability && ctx.availability.senderCountry === null ? 'no-sender' : 'used-up';
    const country = ctx.availability?.country ?? ctx.country;
    return {
      error: InboxApiError.client({ code: 'no-sender-available', profile, country, reason }, error),
      target: 'availability',
    };
  }
  if (error.status !== 400) return { error, target: 'form' };
  switch (error.errors[0]?.path) {
    case 'body.phone':
      return {
        error: InboxApiError.client({ code: 'phone-invalid', country: ctx.country }, error),
        target: 'phone',
      };
    case 'body.senderProfileId':
      // The profiles offered are the active space's own, so the one refusal left is the channel's.
      return ctx.profile
        ? {
            error: InboxApiError.client(
              { code: 'cannot-start-by-phone', channel: ctx.profile.channel },
              error,
            ),
            target: 'senderProfileId',
          }
        : { error, target: 'senderProfileId' };
    case 'body.teamId':
      return ctx.profile && ctx.team
        ? {
            error: InboxApiError.client({ code: 'team-not-allowed', profile, team: ctx.team.name }, error),
            target: 'teamId',
          }
        : { error, target: 'teamId' };
    case 'body.text':
      return { error, target: 'text' };
    default:
      return { error, target: 'form' };
  }
}
