/**
 * The emoji picker's lazy entry: the composer imports it on the first press of its emoji button, so
 * neither the picker nor its data weigh on the eager bundle. It defines `<inbox-emoji-picker>` and
 * loads the emoji names for the locale from the files shipped beside it (never a public CDN).
 */
import { defineElement } from '../define/define.js';
import { emojiDataUrl } from './data-url.js';
import { loadEmojiData, type EmojiData } from './emoji-data.js';
import { InboxEmojiPicker } from './emoji-picker.js';
import { drawableEmoji } from './emoji-support.js';

/**
 * Defines the picker (in `registry` when the composer belongs to a scoped one) and resolves with the
 * emoji for `locale` that this browser can draw. `template` is the host's data URL, where
 * `{locale}` stands for the language of the names.
 */
export async function loadEmojiPicker(
  locale: string,
  template?: string,
  registry?: CustomElementRegistry,
): Promise<EmojiData> {
  defineElement('inbox-emoji-picker', InboxEmojiPicker, registry);
  return drawableEmoji(await loadEmojiData(emojiDataUrl(locale, template)));
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-emoji-picker': InboxEmojiPicker;
  }
}
