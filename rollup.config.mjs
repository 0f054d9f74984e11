// The self-contained CDN build: one ES module that registers every element, for a plain
// <script type="module">. Lazy features (emoji, phone parsing) become separate chunks beside it.
// Bundler users import the unbundled ESM that `tsc` writes to dist/ instead.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { defineConfig } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

export default defineConfig({
  input: 'src/define/index.ts',
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: 'inbox-elements.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    // nanostores reads process.env.NODE_ENV at run time; a browser page has no `process`.
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
});
