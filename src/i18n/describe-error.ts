// What an error says to a person, in their language: the client's own refusals from their codes,
// transport failures in our words, and anything else as the server's `detail` (written for people).
import { NETWORK_PROBLEM_TYPE, type ClientProblem, type InboxApiError } from '../api/errors.js';
import { isolate } from './bidi.js';
import { countryInSentence } from './countries.js';
import type { ResolvedLocale } from './index.js';
import { channelLabel, statusLabel } from './labels.js';

/** Built once per locale and unit: a timeline shows a size on every file, and each build costs ~0.3 ms. */
const byteFormats = new Map<string, Intl.NumberFormat>();

export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] =
    bytes >= 1024 * 1024 ? ['megabyte', bytes / 1024 / 1024] : ['kilobyte', Math.max(bytes / 1024, 0.1)];
  const key = `${locale} ${unit}`;
  let format = byteFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 });
    byteFormats.set(key, format);
  }
  return format.format(value);
}

/** `image/jpeg` → `JPEG`, `text/plain` → `TXT`, `image/*` → "images" in the user's words. */
function typeLabel(contentType: string, resolved: ResolvedLocale): string {
  const [kind = '', subtype = ''] = contentType.toLowerCase().split('/');
  if (subtype === '*') return resolved.messages.fileTypeGroup(kind);
  if (contentType === 'text/plain') return 'TXT';
  return subtype.replace(/^x-/, '').toUpperCase();
}

export function describeClientProblem(problem: ClientProblem, resolved: ResolvedLocale): string {
  const { messages: m, locale } = resolved;
  switch (problem.code) {
    case 'empty-message':
      return m.problemEmptyMessage;
    case 'empty-note':
      return m.problemEmptyNote;
    case 'not-signed-in':
      return m.problemNotSignedIn;
    case 'notes-not-allowed':
      return m.problemNotesNotAllowed;
    case 'send-undone':
      return m.problemSendUndone;
    case 'undo-too-late':
      return m.problemUndoTooLate;
    case 'inbox-closed':
      return m.problemInboxClosed;
    case 'unexpected-answer':
      return m.problemUnexpectedAnswer;
    case 'text-too-long':
      return m.problemTextTooLong(problem.length, problem.max, channelLabel(problem.channel, m));
    case 'too-many-sms-parts':
      return m.problemTooManySmsParts(problem.parts, problem.max);
    case 'attachments-not-allowed':
      return m.problemAttachmentsNotAllowed(channelLabel(problem.channel, m));
    case 'file-type-refused': {
      const accepted = [...new Set(problem.accepted.map((type) => typeLabel(type, resolved)))];
      const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(accepted);
      const what = problem.extension ? m.filesWithExtension(problem.extension) : m.filesOfType(problem.type);
      return m.problemFileTypeRefused(channelLabel(problem.channel, m), what, accepted.length ? list : '');
    }
    case 'file-empty':
      return m.problemFileEmpty;
    case 'file-too-large':
      return m.problemFileTooLarge(
        formatBytes(problem.size, locale),
        formatBytes(problem.max, locale),
        channelLabel(problem.channel, m),
      );
    case 'status-conflict':
      return problem.status ? m.problemStatusConflict(statusLabel(problem.status, m)) : m.problemConflict;
    case 'step-not-optional':
      return m.problemStepNotOptional(m.stepTitles[problem.step]);
    case 'no-sender-available': {
      const [profile, country] = [isolate(problem.profile), countryInSentence(problem.country, resolved)];
      return problem.reason === 'used-up'
        ? m.problemNoSenderAvailable(profile, country)
        : m.problemNoSenderForCountry(profile, country);
    }
    case 'phone-invalid':
      return m.problemPhoneInvalid(countryInSentence(problem.country, resolved));
    case 'cannot-start-by-phone':
      return m.problemCannotStartByPhone(channelLabel(problem.channel, m));
    case 'team-not-allowed':
      return m.problemTeamNotAllowed(isolate(problem.profile), isolate(problem.team));
  }
}

/** The sentence to show for any error the client raised. */
export function describeError(error: InboxApiError, resolved: ResolvedLocale): string {
  if (error.clientProblem) return describeClientProblem(error.clientProblem, resolved);
  const { messages: m } = resolved;
  if (error.type === NETWORK_PROBLEM_TYPE) return m.errorNetwork;
  if (error.status === 412) return m.problemConflict;
  // A server answer that is not a problem document gets our words; a problem's detail is for people.
  if (!error.problem && error.status >= 400) return m.errorUnexpected(error.status);
  return error.detail;
}
