/** The library version, written into the registry so a clash between two copies can be reported. */
export const version = '0.1.0';

const registered = new Map<string, string>();

/**
 * Defines a tag unless it is taken. A host page that loads the library twice keeps the first
 * definition; if that one came from another version, say so once instead of throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
    registered.set(tag, version);
    return;
  }
  if (existing !== constructor && !registered.has(tag)) {
    console.warn(
      `<${tag}> is already defined by another copy of inbox-elements; keeping that one (this is ${version}).`,
    );
  }
}
