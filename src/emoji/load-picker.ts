/**
 * Loads the emoji picker on demand (it is a lazy chunk, not part of the eager bundle) and points it
 * at the emoji data shipped beside this module, so nothing is fetched from a public CDN.
 * Both builds place `data.json` next to this module: `dist/emoji/` and `dist/cdn/emoji/`.
 */
import type { Picker } from 'emoji-picker-element';

export const defaultEmojiDataUrl = new URL('./data.json', import.meta.url).href;

/**
 * Whether the page lets a script assign a plain string to `innerHTML`. emoji-picker-element builds
 * its DOM that way, so under `require-trusted-types-for 'script'` (without a default policy) it
 * throws while rendering. Probing costs one CSP violation report on such pages; we never install a
 * policy for the host.
 */
export function canRenderPicker(): boolean {
  try {
    // A probe with an empty string, never data: it throws exactly when the picker's own would.
    // eslint-disable-next-line no-restricted-properties
    document.createElement('template').innerHTML = '';
    return true;
  } catch {
    return false;
  }
}

/** Rejects (before loading anything) when the page's Trusted Types policy would break the picker. */
export async function createEmojiPicker(dataSource = defaultEmojiDataUrl, locale = 'en'): Promise<Picker> {
  if (!canRenderPicker()) throw new Error('Trusted Types block the emoji picker on this page.');
  const { Picker } = await import('emoji-picker-element');
  return new Picker({ dataSource, locale });
}
