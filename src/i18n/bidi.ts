// Text written by people (names, messages) keeps its own direction inside a sentence of the UI's
// language: Unicode isolates (FSI … PDI) do for plain strings what <bdi> does in markup.
const FSI = '\u2068';
const PDI = '\u2069';

/** `text` as an isolate: its punctuation no longer flips inside right-to-left text, or the reverse. */
export function isolate(text: string): string {
  return text ? `${FSI}${text}${PDI}` : text;
}
