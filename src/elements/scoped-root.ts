import type { LitElement } from 'lit';

/** What the platform adds with scoped registries; not yet in TypeScript's DOM types. */
interface ScopedElement {
  readonly customElementRegistry?: CustomElementRegistry | null;
}

/**
 * The registry a scoped part of the page created `element` with, or undefined for the page's own.
 * With scoped custom element registries (Chromium 146+), a page can run a second copy of the library
 * under its own tags inside a shadow root (see docs/multiple-copies.md).
 */
export function scopedRegistryOf(element: Element): CustomElementRegistry | undefined {
  const registry = (element as Element & ScopedElement).customElementRegistry;
  return registry && registry !== customElements ? registry : undefined;
}

/**
 * For a Lit element created by a scoped registry: attaches its shadow root with that registry and
 * makes its templates create elements through it, so the tags it renders inside itself (the
 * onboarding steps, the emoji picker) are its own copy's, not the page's. A shadow root would
 * otherwise fall back to the page's registry. Call before `super.createRenderRoot()`.
 */
export function attachScopedRoot(element: LitElement, options: ShadowRootInit): void {
  const registry = scopedRegistryOf(element);
  if (!registry || element.shadowRoot) return;
  element.attachShadow({ ...options, customElementRegistry: registry });
  element.renderOptions.creationScope = {
    importNode: (node: Node) => document.importNode(node, { customElementRegistry: registry }),
  };
}
