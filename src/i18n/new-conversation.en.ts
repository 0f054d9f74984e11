// The words of <inbox-new-conversation> and of a new conversation's refusals (spread into en.ts).

/** Countries whose English name takes "the" inside a sentence ("a sender in the United Kingdom"). */
const WITH_THE = new Set([
  'GB',
  'US',
  'AE',
  'NL',
  'PH',
  'DO',
  'BS',
  'GM',
  'CF',
  'KM',
  'MV',
  'SC',
  'MH',
  'SB',
  'VA',
]);

export const newConversationEn = {
  newConversationOpen: 'Create new conversation',
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
  /** A country as it sits in a sentence: "the United Kingdom", "Brazil". */
  newConversationCountryIn: (name: string, code: string) => (WITH_THE.has(code) ? `the ${name}` : name),
  newConversationSomeCountry: "this number's country",
  newConversationLoading: 'Loading sender profiles…',
  newConversationLoadFailed: (reason: string) => `Couldn't load sender profiles: ${reason}`,
  newConversationNoProfiles:
    'None of your sender profiles can start a conversation by phone number. Ask an admin for an SMS or WhatsApp sender profile.',
  newConversationNoTeams: "You're in no team of this space, so you can't start a conversation here.",
  newConversationUnavailable: "Couldn't load the new conversation form. Check your connection and try again.",
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
  problemNoSenderAvailable: (profile: string, country: string) =>
    `No sender of “${profile}” has messages left today for ${country}. Try again tomorrow or pick another sender profile.`,
  problemNoSenderForCountry: (profile: string, country: string) =>
    `“${profile}” has no sender for ${country}. Pick another sender profile.`,
  problemPhoneInvalid: (country: string) =>
    `That is not a valid phone number for ${country}. Check the country code and the digits.`,
  problemCannotStartByPhone: (channel: string) =>
    `${channel} conversations can't be started by phone number: the contact has to write first.`,
  problemTeamNotAllowed: (profile: string, team: string) =>
    `${team} can't use “${profile}”. Pick another sender profile or team.`,
};
