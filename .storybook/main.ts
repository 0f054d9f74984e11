import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The emoji data is served by Storybook itself (stories set emoji-data-url): never a public CDN.
  staticDirs: ['../public', { from: '../node_modules/emoji-picker-element-data/en/emojibase', to: '/emoji' }],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.define = { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('development') };
    // Without this Vite pre-bundles a second copy of Lit ("Multiple versions of Lit loaded").
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return viteConfig;
  },
};

export default config;
