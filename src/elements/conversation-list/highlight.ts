import { html } from 'lit';

/**
 * Marks each occurrence of the search words in `text`, case-insensitively, as template parts, so
 * the match is visible without ever treating the text as HTML.
 */
export function highlight(text: string, query: string) {
  const words = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return text;
  const parts = text.split(new RegExp(`(${words.join('|')})`, 'gi'));
  return parts.map((part, i) => (i % 2 === 1 ? html`<mark part="match">${part}</mark>` : part));
}
