import type { EmojiData, EmojiRecord } from './emoji-data.js';
import { emojiFonts } from './emoji-picker.styles.js';

type Draws = (emoji: string) => boolean;

/** Whether the browser draws this emoji as one colour glyph (not a box, nor pieces side by side). */
function drawsAsOneColourGlyph(): Draws {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return () => true;
  context.font = `32px ${emojiFonts.cssText}`;
  context.textBaseline = 'top';
  context.fillStyle = '#000';
  const colour = (emoji: string): boolean => {
    context.clearRect(0, 0, 48, 48);
    context.fillText(emoji, 0, 0);
    const pixels = context.getImageData(0, 0, 48, 48).data;
    for (let i = 0; i < pixels.length; i += 4) {
      // Drawn in black, a monochrome glyph (or a box) has only grey pixels.
      if (pixels[i + 3]! > 0 && (pixels[i] !== pixels[i + 1] || pixels[i + 1] !== pixels[i + 2])) return true;
    }
    return false;
  };
  const reference = context.measureText('😀').width;
  // Without a colour emoji font there is nothing to tell apart: show everything.
  if (!colour('😀')) return () => true;
  return (emoji) => colour(emoji) && context.measureText(emoji).width < reference * 1.5;
}

/** One plain emoji per version (no sequence, no flag): the fairest test of that version's support. */
function samples(emoji: readonly EmojiRecord[]): Map<number, string> {
  const byVersion = new Map<number, string>();
  for (const e of emoji) {
    const plain = e.group !== 9 && [...e.unicode.replace(/\uFE0F/g, '')].length === 1;
    if (plain && !byVersion.has(e.version)) byVersion.set(e.version, e.unicode);
  }
  return byVersion;
}

/** The newest Emoji version whose sample the browser draws; Infinity when it draws none of them. */
export function newestDrawnVersion(emoji: readonly EmojiRecord[], draws: Draws): number {
  const byVersion = [...samples(emoji)].sort(([a], [b]) => b - a);
  return byVersion.find(([, sample]) => draws(sample))?.[0] ?? Infinity;
}

let newest: number | undefined;

/**
 * The data without the emoji this browser cannot draw: those of an Emoji version newer than the
 * newest one it draws (the system's emoji font lags behind Unicode). Unchanged when it can't tell.
 */
export function drawableEmoji(data: EmojiData): EmojiData {
  newest ??= newestDrawnVersion(data.emoji, drawsAsOneColourGlyph());
  if (!data.emoji.some((e) => e.version > newest!)) return data;
  const emoji = data.emoji.filter((e) => e.version <= newest!);
  return {
    ...data,
    emoji,
    groups: [...new Set(emoji.map((e) => e.group))],
    byUnicode: new Map(emoji.map((e) => [e.unicode, e])),
  };
}
