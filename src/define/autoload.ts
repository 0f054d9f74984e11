/**
 * Defines each inbox element the first time the page shows it, so a page downloads only the
 * elements it uses. It finds `inbox-*` tags in the document, and in those added later (a route
 * change in a single-page app); elements inside a shadow root are found once the root is passed to
 * `discover()`. `dist/cdn/inbox-elements.js` is this module; bundlers split it per tag too.
 */

// One import per define module: a bundler sees every path, and only these tags are ever loaded.
const definitions: Record<string, () => Promise<unknown>> = {
  'inbox-provider': () => import('./inbox-provider.js'),
  'inbox-conversation-list': () => import('./inbox-conversation-list.js'),
  'inbox-space-switcher': () => import('./inbox-space-switcher.js'),
  'inbox-timeline': () => import('./inbox-timeline.js'),
  'inbox-composer': () => import('./inbox-composer.js'),
  'inbox-details': () => import('./inbox-details.js'),
  'inbox-access': () => import('./inbox-access.js'),
  'inbox-onboarding': () => import('./inbox-onboarding.js'),
  'inbox-new-conversation': () => import('./inbox-new-conversation.js'),
};

/**
 * Tags some copy of the library on this page has started loading. Two copies' loaders (two
 * micro-frontends) then fetch each element once, from the copy that found it first.
 */
const requested = ((globalThis as Record<symbol, unknown>)[Symbol.for('inbox-elements.autoloaded')] ??=
  new Set<string>()) as Set<string>;

function load(tag: string): void {
  const define = Object.hasOwn(definitions, tag) ? definitions[tag] : undefined;
  if (!define || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  // One element that cannot load (a chunk missing from the server, offline) leaves the others be.
  define().catch((error: unknown) =>
    console.warn(`inbox-elements could not load <${tag}>; it stays undefined on this page.`, error),
  );
}

function find(root: Element | Document | ShadowRoot): void {
  if (root instanceof Element) load(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) load(el.localName);
}

let observer: MutationObserver | undefined;

/**
 * Loads the inbox elements under `root` and watches it for more. The document is watched from the
 * start; pass a shadow root (open, or closed if you hold it) to have the elements inside it loaded.
 */
export function discover(root: Document | ShadowRoot): void {
  observer ??= new MutationObserver((mutations) => {
    for (const { addedNodes } of mutations)
      for (const node of addedNodes) if (node instanceof Element) find(node);
  });
  find(root);
  observer.observe(root, { childList: true, subtree: true });
}

// Module scripts run after the document is parsed, so every tag in the markup is there to find.
// Server rendering imports this in Node, where there is no document: nothing to do there.
if (typeof document !== 'undefined') discover(document);
