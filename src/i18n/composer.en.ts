// The composer's own words in English, with its emoji picker's. They load with the composer (its
// `static words`), not with every page; the words other elements show too are in en.ts.
import type { Catalogue } from './index.js';

/** Built once: plural choices are asked for on every render. */
const plural = new Intl.PluralRules('en');

export const composerEn = {
  composerTabsLabel: 'Write',
  composerMessageTab: 'Sender Profile',
  composerNoteTab: 'Internal note',
  composerFrom: (profile: string, channel: string) => `From ${profile} · ${channel}`,
  composerMessageLabel: (name: string) => `Message to ${name}`,
  composerNoteLabel: 'Internal note for your team',
  composerMessagePlaceholder: 'Write a message…',
  composerNotePlaceholder: 'Write an internal note…',
  composerNoteHint: 'Only agents whose role allows internal notes see them; the contact never does.',
  composerNoConversation: 'Choose a conversation to write to.',
  composerLoading: 'Loading the conversation…',
  composerEnterHint: 'Enter sends, Shift+Enter adds a line.',
  composerModEnterHint: 'Ctrl+Enter (⌘+Enter on a Mac) sends, Enter adds a line.',
  sendMessage: 'Send message',
  addNote: 'Add note',
  insertEmoji: 'Insert emoji',
  emojiPickerLabel: 'Emoji',
  emojiLoading: 'Loading emoji…',
  emojiUnavailable: "Couldn't load emoji.",
  emojiSearchLabel: 'Search emoji',
  emojiSearchPlaceholder: 'Search emoji',
  emojiCategoriesLabel: 'Emoji categories',
  emojiCategoryRecent: 'Recently used',
  emojiCategories: {
    smileys: 'Smileys and emotion',
    people: 'People and body',
    animals: 'Animals and nature',
    food: 'Food and drink',
    travel: 'Travel and places',
    activities: 'Activities',
    objects: 'Objects',
    symbols: 'Symbols',
    flags: 'Flags',
  },
  emojiSearchResults: 'Search results',
  emojiResultCount: (count: number) => (plural.select(count) === 'one' ? '1 emoji' : `${count} emoji`),
  emojiNoResults: (query: string) => `No emoji match “${query}”.`,
  emojiSkinTone: 'Skin tone',
  /** Default, then light to dark. */
  emojiSkinTones: ['Default', 'Light', 'Medium-light', 'Medium', 'Medium-dark', 'Dark'],
  attachFile: 'Attach a file',
  attachmentsLabel: 'Attachments',
  removeAttachment: (name: string) => `Remove ${name}`,
  attachmentUploading: 'Uploading…',
  attachmentFailed: (reason: string) => `Not uploaded: ${reason}`,
  fileRefused: (name: string, reason: string) => `${name}: ${reason}`,
  sendingIn: (seconds: number) => `Sending in ${seconds} s`,
  undoSend: 'Undo',
  sendUndone: 'Not sent: the message is back in the composer.',
};

export type ComposerWords = typeof composerEn;
export type ComposerCatalogue = Catalogue & ComposerWords;
