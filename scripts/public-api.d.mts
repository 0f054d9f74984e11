// Types of public-api.mjs, for the TypeScript that reads it (.storybook/, stories/).

/** A manifest entry with a name and a description (attribute, member, event, slot, part, property). */
export interface ApiItem {
  name: string;
  description?: string;
  type?: { text: string };
  [key: string]: unknown;
}

export interface PublicElement {
  tagName: string;
  className: string;
  module: string;
  summary: string;
  description: string;
  attributes: ApiItem[];
  properties: ApiItem[];
  methods: ApiItem[];
  events: ApiItem[];
  slots: ApiItem[];
  cssParts: ApiItem[];
  cssProperties: ApiItem[];
}

export interface PublicEvent {
  name: string;
  type: string;
  cancelable: boolean;
  firedBy: { tagName: string; description: string }[];
}

export interface PublicCssProperty {
  name: string;
  usedBy: { tagName: string; description: string }[];
}

export function elementDeclarations(manifest: unknown): { module: unknown; declaration: unknown }[];
export function publicElements(manifest: unknown): PublicElement[];
export function publicEvents(manifest: unknown): PublicEvent[];
export function publicCssProperties(manifest: unknown): PublicCssProperty[];
export function manifestForStorybook<T>(manifest: T): T;
export function tokenDefaults(tokensSource: string): { name: string; light: string; dark: string }[];
