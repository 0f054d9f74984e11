// llms.txt (https://llmstxt.org) for the Storybook site: what the library is, how to install it,
// every element's public API from custom-elements.json, and links to the guide and API pages.
// Written at every Storybook build (llmsTxtPlugin in .storybook/main.ts), never committed.
import { readFileSync, readdirSync } from 'node:fs';
import { publicElements } from './public-api.mjs';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const filesIn = (dir, suffix) =>
  readdirSync(new URL(dir, root))
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${dir}/${name}`);

/** Storybook's id for a title: "Guides/Getting started" → `guides-getting-started`. */
export const storyId = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A docs page's address, relative to the site (and to llms.txt beside index.html). */
const docsUrl = (title) => `./?path=/docs/${storyId(title)}--docs`;

/** One line of prose: no line breaks, links reduced to their text. */
const oneLine = (text) =>
  text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** The first paragraph after the first `# ` heading. */
function firstParagraph(markdown) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('# '));
  if (start < 0) return '';
  const rest = lines.slice(start + 1);
  const from = rest.findIndex((line) => line.trim() !== '');
  const to = rest.findIndex((line, i) => i > from && line.trim() === '');
  // A paragraph that introduces a table or a list ends with a colon: end it as a sentence.
  return oneLine(rest.slice(from, to < 0 ? undefined : to).join(' ')).replace(/:$/, '.');
}

/**
 * The guide pages (docs/guides/*.mdx): the title of each one's `<Meta>` and its first paragraph
 * (from the Markdown file it shows, for a page that shows one).
 */
export function guidePages() {
  return filesIn('docs/guides', '.mdx').map((path) => {
    const source = read(path);
    const title = /<Meta\s+title="([^"]+)"/.exec(source)?.[1];
    if (!title) throw new Error(`${path} has no <Meta title="…" />`);
    const included = /from '\.\.\/([\w-]+\.md)\?raw'/.exec(source)?.[1];
    const summary = firstParagraph(source) || (included ? firstParagraph(read(`docs/${included}`)) : '');
    return { title, url: docsUrl(title), summary };
  });
}

/**
 * The docs page of each tag: the stories file whose meta names it as `component` or among its
 * `subcomponents` (Storybook builds that page's API tables from the manifest).
 */
export function elementPages() {
  const pages = new Map();
  for (const path of filesIn('stories', '.stories.ts')) {
    const source = read(path);
    const title = /\btitle: '([^']+)'/.exec(source)?.[1];
    const component = /\bcomponent: '([^']+)'/.exec(source)?.[1];
    const subcomponents = /\bsubcomponents: \{([^}]*)\}/.exec(source)?.[1] ?? '';
    if (!title || !component) continue;
    for (const tag of [component, ...[...subcomponents.matchAll(/'(inbox-[a-z-]+)'/g)].map((m) => m[1])])
      if (!pages.has(tag)) pages.set(tag, docsUrl(title));
  }
  return pages;
}

const code = (text) => `\`${text}\``;
const typed = (item) => (item.type?.text ? ` (${oneLine(item.type.text)})` : '');
const described = (item) => (item.description ? `: ${oneLine(item.description)}` : '');

/** One element's API as a nested list. */
function elementEntry(element, page) {
  const name = `${code(`<${element.tagName}>`)} (${code(element.className)})`;
  const lines = [
    `- ${page ? `[${name}](${page})` : name}: ${oneLine(element.summary || element.description)}`,
  ];
  const group = (label, items, line) => {
    if (items.length === 0) return;
    lines.push(`  - ${label}:`);
    for (const item of items) lines.push(`    - ${line(item)}`);
  };
  group('Attributes', element.attributes, (a) => `${code(a.name)}${typed(a)}${described(a)}`);
  group(
    'Properties (set from JavaScript)',
    element.properties.filter((p) => !p.attribute),
    (p) => `${code(p.name)}${typed(p)}${described(p)}`,
  );
  group('Methods', element.methods, (m) => {
    const parameters = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ');
    return `${code(`${m.name}(${parameters})`)}${described(m)}`;
  });
  group(
    'Events',
    element.events,
    (e) => `${code(e.name)}${e.type?.text ? ` (${code(e.type.text)})` : ''}${described(e)}`,
  );
  group('Slots', element.slots, (s) => `${s.name ? code(s.name) : 'default'}${described(s)}`);
  if (element.cssParts.length)
    lines.push(`  - CSS parts: ${element.cssParts.map((p) => code(p.name)).join(', ')}`);
  if (element.cssProperties.length)
    lines.push(`  - CSS custom properties: ${element.cssProperties.map((p) => code(p.name)).join(', ')}`);
  return lines.join('\n');
}

/** The whole file. */
export function llmsTxt() {
  const pkg = JSON.parse(read('package.json'));
  const manifest = JSON.parse(read('custom-elements.json'));
  const pages = elementPages();
  const link = ({ title, url, summary }) =>
    `- [${title.split('/').pop()}](${url})${summary ? `: ${summary}` : ''}`;
  return [
    '# Inbox Elements',
    '',
    `> ${pkg.description} Lit custom elements that share state through one provider and talk to any backend that implements one OpenAPI contract (openapi/inbox.yaml).`,
    '',
    `Install from npm with \`npm install ${pkg.name}\`, then \`import '${pkg.name}/define';\` once to register every tag (\`${pkg.name}/define/<tag>\` registers one). Without a bundler, load \`dist/cdn/inbox-elements.js\` from the package with \`<script type="module">\`: it defines each tag the first time the page shows it (\`discover(shadowRoot)\` for tags in a shadow root; \`dist/cdn/all.js\` defines them all at once). Classes, event classes, \`configureInbox\` and the typed client are exported from \`${pkg.name}\`, which has no side effects.`,
    '',
    '```html',
    '<inbox-provider base-url="/api">',
    '  <inbox-conversation-list></inbox-conversation-list>',
    '  <inbox-timeline></inbox-timeline>',
    '  <inbox-composer></inbox-composer>',
    '</inbox-provider>',
    '<script type="module">',
    "  document.querySelector('inbox-provider').tokenProvider = async ({ refresh } = {}) => yourAuth.accessToken({ refresh });",
    '</script>',
    '```',
    '',
    'Attributes take strings; properties (such as `tokenProvider`) take objects and functions. Every event is prefixed `inbox-`, bubbles and is composed; the `inbox-before-*` events are cancelable. Theme with `--inbox-*` custom properties, `theme="dark"` and `::part()`.',
    '',
    'The elements (generated from custom-elements.json):',
    '',
    ...publicElements(manifest).map((element) => elementEntry(element, pages.get(element.tagName))),
    '',
    '## Guides',
    '',
    ...guidePages().map(link),
    '',
    '## Optional',
    '',
    `- [custom-elements.json](https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/custom-elements.json): the full manifest these entries come from`,
    `- [openapi/inbox.yaml](https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/openapi/inbox.yaml): the API contract a backend implements`,
    '',
  ].join('\n');
}

/** Emits `llms.txt` into the build and serves it from the dev server (a Rollup plugin Vite runs). */
export function llmsTxtPlugin() {
  return {
    name: 'inbox-llms-txt',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'llms.txt', source: llmsTxt() });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== '/llms.txt') return next();
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end(llmsTxt());
      });
    },
  };
}
