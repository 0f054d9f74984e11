/**
 * What text the API accepts. Postgres refuses NUL outright ("invalid byte sequence"), and the other
 * control characters and lone surrogates are never real text: they only garble what a colleague
 * reads, or what a log or a header shows. Multi-line fields (a message, a note) keep tab and line
 * breaks; every other string is one line.
 */

/** C0 controls, DEL and C1 controls (\p{Cc}); in multi-line text tab, LF and CR are allowed. */
const CONTROL_LINE = /\p{Cc}/u;
const CONTROL_MULTILINE = /(?![\t\n\r])\p{Cc}/u;
/** With the `u` flag a surrogate range matches only a half that has no partner. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export type TextKind = 'line' | 'multiline';

/** U+0000 style, as people who read error messages about characters know them. */
export const codePointName = (ch: string) =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `s` is not acceptable text (a phrase to follow the field's name), or null when it is. */
export function textProblem(s: string, kind: TextKind): string | null {
  const control = (kind === 'multiline' ? CONTROL_MULTILINE : CONTROL_LINE).exec(s);
  if (control) {
    const allowed = kind === 'multiline' ? ' (tabs and line breaks are fine)' : '';
    return `must not contain control characters such as ${codePointName(control[0])}${allowed}`;
  }
  const lone = LONE_SURROGATE.exec(s);
  if (lone) return `must be valid Unicode text: it holds half of a character (${codePointName(lone[0])})`;
  return null;
}

const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

/**
 * Something the client sent, made safe to quote in a detail: controls, bidi controls and lone
 * surrogates shown as U+XXXX, and cut to `max` characters.
 */
export function printable(s: string, max = 120): string {
  const shown = s.replace(UNPRINTABLE, (ch) => `<${codePointName(ch)}>`);
  const chars = [...shown];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : shown;
}
