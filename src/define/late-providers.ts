import { ContextRoot } from '@lit/context';

const attached = Symbol.for('inbox-elements.context-root');

/**
 * An element that asks for its `<inbox-provider>` before the provider is defined (the tags load in
 * any order, one chunk each) would never hear back: a context root keeps the unanswered requests
 * and asks again when a provider connects. One per page, whichever copy of the library comes first.
 */
export function acceptLateProviders(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[attached] || typeof document === 'undefined') return;
  global[attached] = true;
  new ContextRoot().attach(document.documentElement);
}
