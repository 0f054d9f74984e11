import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { manifestForStorybook } from '../scripts/public-api.mjs';
import '../src/define/index.js';
import apiPage from './api-page.mdx';
import './docs.css';

// The API tables of every element's docs page come from the manifest: its public part only.
setCustomElementsManifest(manifestForStorybook(manifest));

const preview: Preview = {
  loaders: [mswLoader()],
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // Each element's docs page: one example and its API tables (./api-page.mdx).
    docs: { toc: true, page: apiPage },
    // The guides keep the order of their file names (docs/guides/01-…), then the elements.
    options: { storySort: { order: ['Guides', 'Elements', 'Examples'] } },
  },
};

export default preview;
