import type { EmojiSkinTone } from '../stores/emoji-preferences.js';
import type { EmojiRecord } from './emoji-data.js';

/** The user picked an emoji in `<inbox-emoji-picker>` (internal: it neither bubbles nor leaves the picker). */
export class EmojiPickEvent extends Event {
  static readonly type = 'emoji-pick';
  constructor(
    /** The emoji as picked, with the skin tone applied. */
    readonly unicode: string,
    /** The emoji's record (its `unicode` has no skin tone). */
    readonly emoji: EmojiRecord,
  ) {
    super(EmojiPickEvent.type);
  }
}

/** The user chose another skin tone in `<inbox-emoji-picker>` (internal, like EmojiPickEvent). */
export class EmojiToneChangeEvent extends Event {
  static readonly type = 'emoji-tone-change';
  constructor(readonly tone: EmojiSkinTone) {
    super(EmojiToneChangeEvent.type);
  }
}
