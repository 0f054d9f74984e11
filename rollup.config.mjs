// The CDN build, for a plain <script type="module">. `inbox-elements.js` is a small loader that
// defines each tag the first time the page shows it, from `define/<tag>.js`; `all.js` defines every
// tag at once and exports the API. Code the entries share (Lit, the store, the client) and lazy
// features (emoji, phone parsing) become chunks beside them. Bundler users import the unbundled ESM
// that `tsc` writes to dist/ instead.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'rollup';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import esbuild from 'rollup-plugin-esbuild';
import { cdnChunks } from './scripts/cdn-chunks.mjs';
import { emojiDataPlugin } from './scripts/emoji-data.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** A css`` template holding at least one rule: one the CSS minifier can read. */
const isStylesheet = (template) =>
  Boolean(template.tag?.toLowerCase().includes('css')) &&
  template.parts.some((part) => part.text.includes('{'));

/** One entry per tag: every define module the loader can import. */
const tags = readdirSync(new URL('./src/define', import.meta.url))
  .filter((file) => /^inbox-.+\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ''));
const source = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
const tagModule = (tag) => source(`define/${tag}.ts`);
/** The store parts elements build on demand (drafts go with messaging, which uses them). */
const parts = {
  messaging: source('stores/messaging.ts'),
  contacts: source('stores/contacts.ts'),
  access: source('stores/access.ts'),
};

export default defineConfig({
  input: {
    'inbox-elements': 'src/define/autoload.ts',
    all: 'src/define/index.ts',
    ...Object.fromEntries(tags.map((tag) => [`define/${tag}`, tagModule(tag)])),
  },
  // An entry may carry code that only it and the entries importing it use, instead of a chunk of its own.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    manualChunks: cdnChunks(tags.map(tagModule), tagModule('inbox-provider'), parts),
    // The emoji loader resolves its data as ./<locale>.json, so its chunk lives in emoji/ beside it.
    chunkFileNames: (chunk) =>
      chunk.facadeModuleId?.includes('/src/emoji/') ? 'emoji/[name]-[hash].js' : 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    // nanostores reads process.env.NODE_ENV at run time; a browser page has no `process`.
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        __INBOX_ELEMENTS_VERSION__: JSON.stringify(version),
      },
    }),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    // The html`` and css`` of the elements ship without their indentation and comments. Runs of
    // whitespace become one space, never none: a space between words and bindings is text people read.
    // A css`` that is a value or a run of declarations, with no rule, is not a stylesheet the CSS
    // minifier can read (it warned, and printed the whole fragment, on every build): left as written.
    // The slash of `<path />` stays: an svg`` fragment has no <svg> tag around it, so the minifier
    // reads it as HTML and dropped the slash, and each shape became a child of the one before (which
    // SVG does not draw). Ours only: the libraries ship minified.
    minifyTemplateLiterals({
      include: [fileURLToPath(new URL('./src/**', import.meta.url))],
      options: {
        minifyOptions: { conservativeCollapse: true, keepClosingSlash: true },
        shouldMinifyCSS: isStylesheet,
      },
    }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    // The emoji data beside the emoji chunk: the picker loads it from there, never from a public CDN.
    emojiDataPlugin({ dir: 'emoji' }),
  ],
});
