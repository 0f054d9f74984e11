// What custom-elements.json says a host can use: the elements that have a tag, and of each only its
// public API (the analyzer also lists private and protected members). Pure functions over the
// manifest, shared by Storybook's API tables (.storybook/preview.ts), the generated tables of the
// guide pages (docs/guides/) and llms.txt (scripts/llms-txt.mjs).

const isPublic = (member) => !member.privacy && !member.static && !member.name.startsWith('#');

/** The element declarations with a tag, in tag order. */
export function elementDeclarations(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
}

/**
 * Each element as a host sees it: what it is (`summary`, then `description`), its attributes,
 * public properties and methods, events, slots (`''` is the default slot), CSS parts and custom
 * properties.
 */
export function publicElements(manifest) {
  return elementDeclarations(manifest).map(({ module, declaration: d }) => {
    const members = (d.members ?? []).filter(isPublic);
    return {
      tagName: d.tagName,
      className: d.name,
      module: module.path,
      summary: d.summary ?? '',
      description: d.description ?? '',
      attributes: d.attributes ?? [],
      properties: members.filter((m) => m.kind === 'field'),
      methods: members.filter((m) => m.kind === 'method'),
      events: d.events ?? [],
      slots: d.slots ?? [],
      cssParts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
    };
  });
}

/**
 * Every public event once, with the elements that fire it. Cancelable events are the
 * `inbox-before-*` ones (src/events/: their classes pass `cancelable: true`).
 */
export function publicEvents(manifest) {
  const byName = new Map();
  for (const element of publicElements(manifest)) {
    for (const event of element.events) {
      const entry = byName.get(event.name) ?? {
        name: event.name,
        type: event.type?.text ?? 'CustomEvent',
        cancelable: event.name.startsWith('inbox-before-'),
        firedBy: [],
      };
      entry.firedBy.push({ tagName: element.tagName, description: event.description ?? '' });
      byName.set(event.name, entry);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every `--inbox-*` custom property once, with the elements that read it. */
export function publicCssProperties(manifest) {
  const byName = new Map();
  for (const element of publicElements(manifest)) {
    for (const property of element.cssProperties) {
      const entry = byName.get(property.name) ?? { name: property.name, usedBy: [] };
      entry.usedBy.push({ tagName: element.tagName, description: property.description ?? '' });
      byName.set(property.name, entry);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The manifest as Storybook's web-components renderer should read it: only public members (it
 * lists private fields as properties otherwise), the summary as the description (it shows only
 * `description`), and the default slot named `(default)` (it skips slots without a name).
 */
export function manifestForStorybook(manifest) {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: (module.declarations ?? []).map((d) =>
        d.customElement && d.tagName
          ? {
              ...d,
              description: [d.summary, d.description].filter(Boolean).join('\n\n'),
              members: (d.members ?? []).filter(isPublic),
              slots: (d.slots ?? []).map((slot) => (slot.name ? slot : { ...slot, name: '(default)' })),
            }
          : d,
      ),
    })),
  };
}

/**
 * The default of each `--inbox-*` token, light and dark, read from the source of
 * src/styles/tokens.ts (every value there is written `var(--inbox-…, <default>)`; the dark block
 * comes before `export const tokens`).
 */
export function tokenDefaults(tokensSource) {
  const read = (text) =>
    new Map(
      [...text.matchAll(/var\((--inbox-[a-z-]+), ([^;]+)\);/g)].map(([, name, value]) => [name, value]),
    );
  const [dark = '', light = ''] = tokensSource.split('export const tokens');
  const darkValues = read(dark);
  return [...read(light)].map(([name, value]) => ({
    name,
    light: value,
    dark: darkValues.get(name) ?? value,
  }));
}
