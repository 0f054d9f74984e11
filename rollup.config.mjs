// The self-contained CDN build: one ES module that registers every element, for a plain
// <script type="module">. Lazy features (emoji, phone parsing) become separate chunks beside it.
// Bundler users import the unbundled ESM that `tsc` writes to dist/ instead.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'rollup';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import esbuild from 'rollup-plugin-esbuild';
import { emojiDataPlugin } from './scripts/emoji-data.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  input: 'src/define/index.ts',
  // Lazy chunks import Lit and shared helpers from the entry itself; without this Rollup would move
  // them into a second eager chunk that the entry must fetch before anything renders.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: 'inbox-elements.js',
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
    minifyTemplateLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    // The emoji data beside the emoji chunk: the picker loads it from there, never from a public CDN.
    emojiDataPlugin({ dir: 'emoji' }),
  ],
});
