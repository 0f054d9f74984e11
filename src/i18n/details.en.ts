// The Details' own words in English. They load with the Details' sections (detailsLocale), not with
// every page; the words other elements show too (contact fields, loading) are in en.ts.
import { withWords, type Catalogue, type ResolvedLocale } from './index.js';

/** Built once: plural choices are asked for on every render. */
const plural = new Intl.PluralRules('en');

/** The Details sidebar: contact data, assignment, tags, previous conversations. */
export const detailsEn = {
  detailsLabel: 'Details',
  sectionContact: 'Contact Data',
  sectionAssignment: 'Conversation Assignment',
  sectionTags: 'Conversation tags',
  sectionPrevious: 'Previous conversations',
  sectionCrm: 'From your CRM',
  createContact: 'Create Contact',
  edit: 'Edit',
  saveContact: 'Save Contact',
  saveChanges: 'Save Changes',
  cancel: 'Cancel',
  saving: 'Saving…',
  contactNoName: 'No name yet',
  contactCountry: 'Country',
  contactNotSet: 'Not set',
  contactDialogCreate: 'Create Contact',
  contactDialogEdit: 'Edit contact',
  requiredField: 'Required',
  phoneLoading: 'Checking the number…',
  phoneOwnedBy: (name: string) => `This number belongs to ${name}.`,
  openThisContact: 'Open this contact',
  phoneChangeWarning: (count: number) =>
    plural.select(count) === 'one'
      ? 'Its open conversation will send to the new number from now on.'
      : `Its ${count} open conversations will send to the new number from now on.`,
  phoneChangeNoConversations: 'Conversations with this contact will use the new number from now on.',
  problemPhoneEmpty: 'Enter a phone number.',
  problemPhoneUnreadable: "That doesn't look like a phone number.",
  problemPhoneTooShort: 'That number is too short.',
  problemPhoneTooLong: 'That number is too long.',
  problemEmailInvalid: 'Enter an email address like name@example.com.',
  problemTooLong: (max: number) => `At most ${max} characters.`,
  assignedTeams: 'Teams',
  assignedAgents: 'Agents',
  noTeams: 'No team',
  noAgents: 'No agent',
  chooseTeamsFirst: 'Choose a team to see its agents.',
  openConversations: (count: number) =>
    plural.select(count) === 'one' ? '1 open conversation' : `${count} open conversations`,
  notYourTeam: 'Only members of this team can assign it.',
  noTags: 'No tags',
  newTag: 'New tag',
  newTagName: 'Tag name',
  newTagColor: 'Colour',
  addTag: 'Add tag',
  tagExists: (name: string) => `There is already a tag “${name}”; it is selected.`,
  noPreviousConversations: 'No other conversations with this contact.',
  conflictTitle: 'Someone else changed this while you were editing',
  conflictIntro: 'What changed since you started:',
  conflictField: (field: string, before: string, now: string) => `${field}: “${before}” is now “${now}”`,
  conflictKeepMine: 'Apply my changes',
  conflictUseTheirs: 'Use theirs',
  conflictNoDifference: 'Nothing you were editing changed; save again to apply your changes.',
  saved: 'Saved.',
};

export type DetailsCatalogue = Catalogue & typeof detailsEn;
export type DetailsLocale = ResolvedLocale<DetailsCatalogue>;
/** The locale with these words: call it where a module that shows them receives the locale. */
export const detailsLocale = (resolved: ResolvedLocale): DetailsLocale => withWords(resolved, detailsEn);
