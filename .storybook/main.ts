import type { StorybookConfig } from '@storybook/web-components-vite';
import { emojiDataPlugin } from '../scripts/emoji-data.mjs';
import { llmsTxtPlugin } from '../scripts/llms-txt.mjs';

const config: StorybookConfig = {
  // The guide pages first: Storybook is the docs site.
  stories: ['../docs/guides/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.define = { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('development') };
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      // Storybook serves the emoji data itself at /emoji/<locale>.json (stories set emoji-data-url):
      // the same compact files the library ships, never a public CDN.
      emojiDataPlugin({ dir: 'emoji' }),
      // /llms.txt, written from custom-elements.json and the guide pages at every build.
      llmsTxtPlugin(),
    ];
    // Without this Vite pre-bundles a second copy of Lit ("Multiple versions of Lit loaded").
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
