// The words of the New conversation dialog in English. They load with the dialog
// (newConversationLocale); its refusals, which any element may show, are in en.ts.
import { withWords, type Catalogue, type ResolvedLocale } from './index.js';

export const newConversationEn = {
  newConversationTitle: 'New conversation',
  newConversationClose: 'Close',
  newConversationStep: (step: number, steps: number) => `Step ${step} of ${steps}`,
  newConversationProfile: 'Sender profile',
  newConversationChooseProfile: 'Choose a sender profile',
  newConversationTeam: 'Assigned team',
  newConversationChooseTeam: 'Choose a team',
  newConversationPhone: 'Phone number',
  newConversationCountry: 'Country',
  newConversationCountryOption: (country: string, callingCode: string) => `${country} (+${callingCode})`,
  newConversationPhoneHint: 'With its country code (+44…), or choose the country first.',
  newConversationLookingUp: 'Looking for a contact with this number…',
  newConversationContact: (name: string) => `This number belongs to ${name}.`,
  newConversationNewContact: 'No contact has this number yet: sending creates one.',
  newConversationExisting: (name: string, profile: string) =>
    `${name} already has an open conversation on ${profile}.`,
  newConversationOpenExisting: 'Open conversation',
  newConversationChecking: 'Checking senders…',
  newConversationAvailable: (country: string, left: string, limit: string) =>
    `A sender in ${country} is available: ${left} of ${limit} messages left today`,
  newConversationFallback: (country: string, senderCountry: string, left: string, limit: string) =>
    `No sender in ${country}, so a sender in ${senderCountry} sends instead: ${left} of ${limit} messages left today`,
  newConversationUsedUp: (country: string) =>
    `No sender of this profile has messages left today for ${country}. Try again tomorrow or pick another sender profile.`,
  newConversationNoSender: (country: string) =>
    `This profile has no sender for ${country}. Pick another sender profile.`,
  newConversationAvailabilityFailed: (reason: string) => `Couldn't check the senders: ${reason}`,
  newConversationLoading: 'Loading sender profiles…',
  newConversationLoadFailed: (reason: string) => `Couldn't load sender profiles: ${reason}`,
  newConversationNoProfiles:
    'None of your sender profiles can start a conversation by phone number. Ask an admin for an SMS or WhatsApp sender profile.',
  newConversationNoTeams: "You're in no team of this space, so you can't start a conversation here.",
  newConversationPickProfile: 'Choose the sender profile to send from.',
  newConversationPickTeam: 'Choose the team the conversation is assigned to.',
  newConversationPhoneEmpty: 'Enter the phone number.',
  newConversationPhoneUnreadable: "That doesn't look like a phone number. Check the digits.",
  newConversationPhoneTooShort: 'That number is too short for its country.',
  newConversationPhoneTooLong: 'That number is too long for its country.',
  newConversationNext: 'Next',
  newConversationBack: 'Back',
  newConversationSend: 'Send Message',
  newConversationSending: 'Sending…',
  newConversationMessage: 'Message',
  newConversationTo: (to: string, profile: string) => `To ${to}, from ${profile}`,
  newConversationPlaceholder: 'Write the first message…',
  newConversationSendHint: 'Ctrl+Enter (⌘+Enter on a Mac) sends.',
};

export type NewConversationCatalogue = Catalogue & typeof newConversationEn;
export type NewConversationLocale = ResolvedLocale<NewConversationCatalogue>;
/** The locale with these words: call it where a module that shows them receives the locale. */
export const newConversationLocale = (resolved: ResolvedLocale): NewConversationLocale =>
  withWords(resolved, newConversationEn);
