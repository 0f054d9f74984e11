import { atom, computed, type ReadableAtom } from 'nanostores';
import { InboxApiError } from '../api/errors.js';
import { idempotencyHeader, idempotencyKey, unwrap } from '../api/middleware.js';
import type {
  ChannelCapabilities,
  Contact,
  Conversation,
  NewConversation,
  SenderProfile,
  Team,
} from '../api/types.js';
import type { PhoneProblem } from '../phone/phone.js';
import { checkText, type ChannelProblem } from './channel-rules.js';
import { realTimers, type Timers } from './context.js';
import type { InboxStore } from './inbox-store.js';
import { contactsStore } from './contacts.js';
import { draftsStore } from './drafts.js';
import {
  createAvailabilityLookup,
  createContactConversations,
  type AvailabilityState,
} from './new-conversation-lookups.js';
import { DETAILS_TARGETS, explainRefusal, type NewConversationTarget } from './new-conversation-refusals.js';
import { createPhoneEntry, type PhoneEntry, type PhoneEntryState } from './phone-entry.js';
import type { Result } from './result.js';

export type { NewConversationTarget } from './new-conversation-refusals.js';
export type { AvailabilityState } from './new-conversation-lookups.js';

/** The dialog's two steps: profile, team and number; then the message. */
export type NewConversationStep = 'details' | 'message';

/** Why the first step cannot go on yet, as codes (the i18n layer words them). */
export type DetailsProblem =
  | { target: 'senderProfileId'; code: 'choose-profile' }
  | { target: 'teamId'; code: 'choose-team' }
  | { target: 'phone'; code: PhoneProblem }
  | { target: 'availability'; code: 'no-sender' };

export interface NewConversationState {
  step: NewConversationStep;
  /** The space's directory (profiles, teams, channels) is loading, failed, or ready. */
  directory: 'idle' | 'loading' | 'ready' | 'error';
  directoryError: InboxApiError | null;
  /** Profiles the user may send from that can start by phone, usable by the chosen team. */
  profiles: SenderProfile[];
  /** Teams the user may assign it to: their own, or every team of the space with `seeAllConversations`. */
  teams: Team[];
  /** The chosen profile, or the only one there is. */
  profile: SenderProfile | null;
  /** The chosen team, or the only one there is. */
  team: Team | null;
  /** The chosen profile's channel and its limits. */
  channel: ChannelCapabilities | null;
  phone: PhoneEntryState;
  /** The contact that already has this number. */
  contact: Contact | null;
  /** That contact's open conversation on the chosen profile: open it rather than start a second. */
  openConversation: Conversation | null;
  availability: AvailabilityState;
  /** What keeps the first step from going on, first field first; empty when Next may go on. */
  detailsProblems: DetailsProblem[];
  text: string;
  /** Why the text cannot go out on this channel (too long, too many SMS parts). */
  textProblem: ChannelProblem | null;
  sending: boolean;
  /** The last refusal and where it belongs; cleared when the user edits that part. */
  error: InboxApiError | null;
  errorTarget: NewConversationTarget | null;
}

export interface NewConversationStore {
  $state: ReadableAtom<NewConversationState>;
  /** The phone field's model (parsing, country, the contact with that number). */
  phone: PhoneEntry;
  setProfile(senderProfileId: string): void;
  setTeam(teamId: string): void;
  setPhone(text: string): void;
  setCountry(code: string): void;
  setText(text: string): void;
  /** Goes to the message step; when something is missing, stays and returns the first problem. */
  next(): DetailsProblem | null;
  back(): void;
  /** What `send()` would post now, or null while the draft is incomplete. */
  request(): NewConversation | null;
  /**
   * Posts the conversation with an Idempotency-Key kept while the request stays the same, so a
   * retry after a network failure never creates two. Created: it is cached, selected, and the
   * draft clears. Refused: the draft stays as typed, the error lands beside what it concerns.
   */
  send(): Promise<Result<Conversation>>;
  /**
   * Selects the contact's open conversation instead of starting another; a message already typed
   * becomes that conversation's draft unless it has one. Returns the conversation, or null.
   */
  openExisting(): Conversation | null;
  /** Forgets the draft (number, message, refusal); the profile and team chosen stay. */
  reset(): void;
  dispose(): void;
}

export interface NewConversationOptions {
  timers?: Timers;
  /** The country a national number is read in: usually the region of the UI locale. */
  defaultCountry?: string | null;
  /** How long availability and contact lookups wait for more typing (default 300 ms). */
  lookupDelayMs?: number;
}

interface Draft {
  step: NewConversationStep;
  senderProfileId: string | null;
  teamId: string | null;
  text: string;
  sending: boolean;
  error: InboxApiError | null;
  errorTarget: NewConversationTarget | null;
}

const EMPTY: Draft = {
  step: 'details',
  senderProfileId: null,
  teamId: null,
  text: '',
  sending: false,
  error: null,
  errorTarget: null,
};

/** The chosen item while it is on offer, else the only one on offer. */
function pick<T extends { id: string }>(items: readonly T[], chosen: string | null): T | null {
  return items.find((item) => item.id === chosen) ?? (items.length === 1 ? items[0]! : null);
}

const usableBy = (profile: SenderProfile, teamId: string): boolean =>
  profile.teamIds.length === 0 || profile.teamIds.includes(teamId);

/**
 * The new conversation dialog's draft and everything it looks up: the profiles and teams on offer,
 * the number's contact and its open conversation on the profile, the senders' availability, and
 * the send itself. One per dialog, kept while it closes and opens again.
 */
export function createNewConversation(
  inbox: Pick<InboxStore, 'client' | 'session' | 'directory' | 'conversations' | 'use'>,
  options: NewConversationOptions = {},
): NewConversationStore {
  const { client, session, directory, conversations } = inbox;
  const contacts = inbox.use(contactsStore);
  const drafts = inbox.use(draftsStore);
  const timers = options.timers ?? realTimers;
  const delay = options.lookupDelayMs ?? 300;
  const $draft = atom<Draft>(EMPTY);
  const phone = createPhoneEntry({
    contacts,
    timers,
    defaultCountry: options.defaultCountry ?? null,
    lookupDelayMs: delay,
  });
  const availability = createAvailabilityLookup(client, timers, delay);
  const contactConversations = createContactConversations(conversations);
  /** The request last posted and its key: the same request goes again under the same key. */
  let attempt: { body: string; key: string } | undefined;

  const patch = (next: Partial<Draft>): void => $draft.set({ ...$draft.get(), ...next });
  /** An edit of `targets` makes a refusal about them stale. */
  const clearErrorOf = (...targets: NewConversationTarget[]): Partial<Draft> => {
    const { errorTarget } = $draft.get();
    return errorTarget && (targets.includes(errorTarget) || errorTarget === 'form')
      ? { error: null, errorTarget: null }
      : {};
  };

  const $teams = computed([session.$me, directory.$teams], (me, teams) => {
    if (!me) return [];
    if (me.capabilities.seeAllConversations) return teams;
    return teams.filter((t) => me.user.teamIds.includes(t.id) || t.memberIds.includes(me.user.id));
  });
  const $team = computed([$teams, $draft], (teams, draft) => pick(teams, draft.teamId));
  const $profiles = computed(
    [directory.$senderProfiles, directory.$channels, $teams, $team],
    (profiles, channels, teams, team) =>
      profiles.filter(
        (p) =>
          channels[p.channel]?.startByPhone === true &&
          (team ? usableBy(p, team.id) : teams.some((t) => usableBy(p, t.id))),
      ),
  );
  const $profile = computed([$profiles, $draft], (profiles, draft) => pick(profiles, draft.senderProfileId));

  // Lookups follow what the user has typed and chosen.
  const stops = [
    computed(
      [$profile, phone.$state],
      (profile, p) => [profile?.id ?? null, p.parsed?.e164 ?? null] as const,
    ).subscribe(([profileId, e164]) => availability.follow(profileId, e164)),
    phone.$state.subscribe((p) => contactConversations.follow(p.match.contact?.id ?? null)),
    directory.onSpaceChange(() => {
      // Another space has other profiles, teams and contacts: ask again about the same number.
      attempt = undefined;
      patch({ senderProfileId: null, teamId: null, step: 'details', error: null, errorTarget: null });
      phone.setInput(phone.$state.get().input);
    }),
  ];

  const $state = computed(
    [
      $draft,
      directory.$directoryState,
      $profiles,
      $teams,
      $profile,
      $team,
      directory.$channels,
      phone.$state,
      contactConversations.$state,
      availability.$state,
    ],
    (draft, dir, profiles, teams, profile, team, channels, p, contactState, avail): NewConversationState => {
      const channel = profile ? (channels[profile.channel] ?? null) : null;
      const contact = p.match.contact;
      const openConversation =
        contact && profile && contactState.contactId === contact.id
          ? (contactState.conversations.find(
              (c) =>
                c.contact.id === contact.id && c.status !== 'closed' && c.senderProfile.id === profile.id,
            ) ?? null)
          : null;
      const detailsProblems: DetailsProblem[] = [];
      if (!profile) detailsProblems.push({ target: 'senderProfileId', code: 'choose-profile' });
      if (!team) detailsProblems.push({ target: 'teamId', code: 'choose-team' });
      // Without the parser (offline) any text goes: the server checks the number.
      const phoneProblem = p.parsed?.problem ?? (p.input.trim() ? null : 'phone-empty');
      if (phoneProblem) detailsProblems.push({ target: 'phone', code: phoneProblem });
      const answered = avail.status === 'ready' && avail.phone === (p.parsed?.e164 ?? null);
      if (answered && avail.value?.available === false)
        detailsProblems.push({ target: 'availability', code: 'no-sender' });
      return {
        step: draft.step,
        directory: dir.status,
        directoryError: dir.error,
        profiles,
        teams,
        profile,
        team,
        channel,
        phone: p,
        contact,
        openConversation,
        availability: avail,
        detailsProblems,
        text: draft.text,
        textProblem: channel ? checkText(draft.text, channel) : null,
        sending: draft.sending,
        error: draft.error,
        errorTarget: draft.errorTarget,
      };
    },
  );

  function request(): NewConversation | null {
    const state = $state.get();
    const spaceId = directory.$activeSpaceId.get();
    const { profile, team, phone: p, text } = state;
    const number = p.parsed?.e164 ?? (p.unavailable ? p.input.trim() : null);
    if (!spaceId || !profile || !team || !number || !text.trim() || state.textProblem) return null;
    return { spaceId, senderProfileId: profile.id, teamId: team.id, phone: number, text };
  }

  async function send(): Promise<Result<Conversation>> {
    const body = request();
    if (!body || $draft.get().sending) {
      // The dialog offers Send only for a complete draft; say what is missing all the same.
      const { textProblem } = $state.get();
      return { ok: false, error: InboxApiError.client(textProblem ?? { code: 'empty-message' }) };
    }
    const serialized = JSON.stringify(body);
    if (attempt?.body !== serialized) attempt = { body: serialized, key: idempotencyKey() };
    const { key } = attempt;
    patch({ sending: true, error: null, errorTarget: null });
    try {
      const conversation = await unwrap(
        client.api.POST('/conversations', { body, params: { header: idempotencyHeader(key) } }),
      );
      attempt = undefined;
      conversations.upsertConversation(conversation);
      conversations.selectConversation(conversation.id);
      clear();
      return { ok: true, value: conversation };
    } catch (thrown) {
      const state = $state.get();
      const refusal = explainRefusal(InboxApiError.from(thrown), {
        profile: state.profile,
        team: state.team,
        channel: state.channel,
        country: state.phone.parsed?.country ?? state.phone.country,
        availability: state.availability.value,
      });
      const step = DETAILS_TARGETS.includes(refusal.target) ? 'details' : $draft.get().step;
      patch({ sending: false, error: refusal.error, errorTarget: refusal.target, step });
      // The senders' counts moved under us: show the availability as it is now.
      if (refusal.target === 'availability') void availability.refresh();
      return { ok: false, error: refusal.error };
    }
  }

  function clear(): void {
    const { senderProfileId, teamId } = $draft.get();
    $draft.set({ ...EMPTY, senderProfileId, teamId });
    phone.setInput('');
  }

  return {
    $state,
    phone,
    setProfile(senderProfileId) {
      patch({ senderProfileId, ...clearErrorOf('senderProfileId', 'teamId', 'availability') });
    },
    setTeam(teamId) {
      patch({ teamId, ...clearErrorOf('teamId', 'senderProfileId', 'availability') });
    },
    setPhone(text) {
      patch(clearErrorOf('phone', 'availability'));
      phone.setInput(text);
    },
    setCountry(code) {
      patch(clearErrorOf('phone', 'availability'));
      phone.setCountry(code);
    },
    setText(text) {
      patch({ text, ...clearErrorOf('text') });
    },
    next() {
      const [problem] = $state.get().detailsProblems;
      if (!problem) patch({ step: 'message' });
      return problem ?? null;
    },
    back() {
      patch({ step: 'details' });
    },
    request,
    send,
    openExisting() {
      const { openConversation, text } = $state.get();
      if (!openConversation) return null;
      const { id } = openConversation;
      if (text.trim() && !drafts.get(id, 'message').trim()) drafts.set(id, 'message', text);
      conversations.selectConversation(id);
      clear();
      return openConversation;
    },
    reset() {
      attempt = undefined;
      clear();
    },
    dispose() {
      for (const stop of stops) stop();
      availability.dispose();
      contactConversations.dispose();
      phone.dispose();
    },
  };
}
