import { acceptLateProviders } from './late-providers.js';

// Stamped at build time from package.json (rollup and scripts/stamp-version.mjs replace it);
// source run directly (tests, Storybook) reports itself as a development copy.
declare const __INBOX_ELEMENTS_VERSION__: string | undefined;

/** The library version, recorded per tag so that a clash between two copies can be reported. */
export const version: string =
  typeof __INBOX_ELEMENTS_VERSION__ === 'string' ? __INBOX_ELEMENTS_VERSION__ : 'development';

/** Which version defined each tag, shared by every copy of the library on the page. */
const definedBy: Map<string, string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('inbox-elements.defined-by')
] ??= new Map<string, string>()) as Map<string, string>;

const warned = new Set<string>();

/**
 * Defines a tag unless it is taken. A page that loads the library twice (two micro-frontends, say)
 * keeps the first definition of every tag and never throws: two copies of the same version are
 * harmless and stay quiet; another version is reported once per copy, not once per tag, and a tag
 * taken by a script outside the library once per tag. With `registry` (a scoped registry), defines
 * the tag there instead.
 */
export function defineElement(
  tag: string,
  constructor: CustomElementConstructor,
  registry?: CustomElementRegistry,
): void {
  if (registry) {
    // A scoped registry belongs to one copy of the library: nothing to share or report.
    if (!registry.get(tag)) registry.define(tag, constructor);
    return;
  }
  acceptLateProviders();
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
    definedBy.set(tag, version);
    return;
  }
  const other = definedBy.get(tag);
  if (existing === constructor || other === version) return;
  const key = other ? `inbox-elements ${other}` : `<${tag}>`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    other
      ? `inbox-elements ${version} found its tags (<${tag}> first) already defined by inbox-elements ${other}; ` +
          `the page keeps ${other}'s elements and ignores ${version}'s. Load one copy of inbox-elements per ` +
          `page: share it between the page's bundles.`
      : `<${tag}> is already defined by another script; inbox-elements ${version} keeps that one and ` +
          `ignores its own.`,
  );
}
