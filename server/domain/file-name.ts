/** Longest stored file name, in code points. */
export const MAX_NAME_LENGTH = 200;

/**
 * What a file name never keeps: C0 and C1 controls and DEL; the bidi controls that make
 * "invoice‮fdp.exe" read as "invoiceexe.pdf" (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
 * U+061C); lone surrogates; and the quote that would end a Content-Disposition filename.
 */
const UNWANTED = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"]/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `max` code points' worth of whole graphemes: never half an emoji or a bare accent. */
function cut(s: string, max: number): string {
  let out = '';
  let length = 0;
  for (const { segment } of graphemes.segment(s)) {
    const size = [...segment].length;
    if (length + size > max) break;
    out += segment;
    length += size;
  }
  return out;
}

/**
 * A file name that is safe to store, to show and to put in a header: no path, none of the
 * characters above, at most MAX_NAME_LENGTH code points. A long name keeps its extension.
 */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base.replace(UNWANTED, '').trim();
  if ([...name].length <= MAX_NAME_LENGTH) return name || 'file';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = ext ? name.slice(0, dot) : name;
  return `${cut(stem, MAX_NAME_LENGTH - [...ext].length).trim()}${ext}` || 'file';
}
