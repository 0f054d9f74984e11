// Hostile text for tests: the project's own set, plus the shared fixtures beside the checkout when
// they are there (a developer's clone has no ../shared; every test passes on the own set alone).
import { existsSync, readFileSync } from 'node:fs';

const SHARED = '../shared/fixtures';

/** Markup and script that must show as inert text wherever people's text is rendered. */
export const ownXssPayloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">click</a>',
  '<svg><script>window.__pwned=4</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '<object data="javascript:window.__pwned=6"></object>',
  '"><details open ontoggle="window.__pwned=7">',
  'javascript:window.__pwned=8',
  '*<b>bold?</b>* _<i onmouseover="window.__pwned=9">x</i>_ ```<script>window.__pwned=10</script>```',
];

/** Odd but legitimate text: bidi, zero-width, combining marks, emoji, very long words. */
export const ownNaughtyStrings = [
  'שלום world مرحبا',
  '\u202Egnp.exe',
  'Zero\u200Bwidth\u200Djoiner',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '👩🏽‍💻🏳️‍🌈🇺🇦',
  'x'.repeat(300),
  '０１２３４５６７８９',
];

function readShared(file: string, pick: (entry: unknown) => unknown): string[] {
  const path = `${SHARED}/${file}`;
  if (!existsSync(path)) return [];
  const entries = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
  return entries.map(pick).filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * What the contract lets a person write: control characters other than tab and line breaks, and
 * lone surrogates, are refused with a 400 (the server's fuzz test sends them all), so the rendering
 * tests keep only the rest.
 */
/* eslint-disable no-control-regex */
const REFUSED =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */
export const writable = (strings: string[]): string[] => strings.filter((s) => !REFUSED.test(s));

/** A string as typed into a one-line field (a name, a tag): the contract refuses tabs and line breaks there. */
export const oneLine = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/** Our payloads, then DOMPurify's test vectors when ../shared/fixtures is present. */
export function xssPayloads(): string[] {
  return [...ownXssPayloads, ...readShared('xss-payloads.json', (e) => (e as { payload?: unknown }).payload)];
}

/** Our odd strings, then the big list of naughty strings when ../shared/fixtures is present. */
export function naughtyStrings(): string[] {
  return [...ownNaughtyStrings, ...readShared('naughty-strings.json', (e) => e)];
}

/** Whether the shared fixtures were found (tests print it, so a run says what it covered). */
export const sharedFixturesPresent = (): boolean => existsSync(SHARED);
