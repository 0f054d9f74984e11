import { html, type TemplateResult } from 'lit';

/**
 * Message text as a small tree: WhatsApp-style `*bold*`, `_italic_`, `~strike~`, ```code blocks```
 * and `inline code`, and links. Parsing into data first keeps rendering to Lit templates and text
 * bindings: nothing a customer writes is ever treated as HTML.
 */
export type RichNode =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: RichNode[] }
  | { type: 'code' | 'pre'; text: string }
  | { type: 'link'; href: string; text: string };

const MARKERS = { '*': 'bold', _: 'italic', '~': 'strike' } as const;
type Marker = keyof typeof MARKERS;

/** Only these protocols become links; anything else (javascript:, data:, vbscript:) stays text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const LINK = /(?:https?:\/\/|mailto:)[^\s<>"']+|tel:\+?[\d][\d\-().]*\d/gi;
const TRAILING_PUNCTUATION = /[.,!?;:)\]'"]+$/;

export function safeHref(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits plain text into text and link nodes. */
function links(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index ?? 0;
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) nodes.push({ type: 'text', text: text.slice(last, start) });
    nodes.push({ type: 'link', href, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
}

const isBoundary = (char: string | undefined) => char === undefined || /[\s.,!?;:()[\]"'*_~-]/.test(char);

/** Finds the closing marker for an opening one at `open`, as WhatsApp does: same line, not after a space. */
function closingIndex(text: string, open: number, marker: string): number {
  for (let i = open + 2; i < text.length; i++) {
    if (text[i] === '\n') return -1;
    if (text[i] === marker && !/\s/.test(text[i - 1] ?? '') && isBoundary(text[i + 1])) return i;
  }
  return -1;
}

/** Emphasis markers (nested allowed), with links in the plain runs. */
function inline(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) nodes.push(...links(plain));
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        nodes.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end;
        continue;
      }
    }
    if (char in MARKERS && isBoundary(text[i - 1]) && text[i + 1] && !/\s/.test(text[i + 1] ?? '')) {
      const end = closingIndex(text, i, char);
      if (end > i) {
        flush();
        nodes.push({ type: MARKERS[char as Marker], children: inline(text.slice(i + 1, end)) });
        i = end;
        continue;
      }
    }
    plain += char;
  }
  flush();
  return nodes;
}

export function parseRichText(text: string): RichNode[] {
  const nodes: RichNode[] = [];
  const parts = text.split('```');
  // Odd parts sit between ``` fences; an unclosed fence is just text.
  parts.forEach((part, index) => {
    const fenced = index % 2 === 1 && index < parts.length - 1;
    if (fenced) nodes.push({ type: 'pre', text: part.replace(/^\n/, '') });
    else nodes.push(...inline(index % 2 === 1 ? '```' + part : part));
  });
  return nodes;
}

function render(node: RichNode): TemplateResult | string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'bold':
      return html`<strong>${node.children.map(render)}</strong>`;
    case 'italic':
      return html`<em>${node.children.map(render)}</em>`;
    case 'strike':
      return html`<s>${node.children.map(render)}</s>`;
    case 'code':
      return html`<code>${node.text}</code>`;
    case 'pre':
      return html`<pre><code>${node.text}</code></pre>`;
    case 'link':
      return html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${node.text}</a>`;
  }
}

/**
 * Renders message text with its formatting and safe links. Plain text (most messages) is the string
 * itself: a list costs each item a pair of Lit's comment markers, in every row.
 */
export function richText(text: string) {
  const nodes = parseRichText(text);
  const only = nodes.length === 1 ? nodes[0] : undefined;
  return only?.type === 'text' ? only.text : nodes.map(render);
}
