import type { ComposerCatalogue } from '../i18n/composer.en.js';

/** A tab of the picker: an emojibase group, or the user's recently used emoji. */
export type EmojiCategory = number | 'recent';

/** Each emojibase group's name in the catalogue and its tab icon (group 2, the components, is never shown). */
const groups: Record<number, { name: keyof ComposerCatalogue['emojiCategories']; icon: string }> = {
  0: { name: 'smileys', icon: '😀' },
  1: { name: 'people', icon: '👋' },
  3: { name: 'animals', icon: '🐻' },
  4: { name: 'food', icon: '🍔' },
  5: { name: 'travel', icon: '🚗' },
  6: { name: 'activities', icon: '⚽' },
  7: { name: 'objects', icon: '💡' },
  8: { name: 'symbols', icon: '🔣' },
  9: { name: 'flags', icon: '🏁' },
};

export const isShownGroup = (group: number): boolean => group in groups;

export function categoryName(category: EmojiCategory, messages: ComposerCatalogue): string {
  if (category === 'recent') return messages.emojiCategoryRecent;
  const group = groups[category];
  return group ? messages.emojiCategories[group.name] : '';
}

export const categoryIcon = (category: EmojiCategory): string =>
  category === 'recent' ? '🕘' : (groups[category]?.icon ?? '');
