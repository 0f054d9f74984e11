import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { inboxHandlers } from './mocks/handlers.js';

const meta: Meta = {
  title: 'Elements/Space switcher',
  component: 'inbox-space-switcher',
  render: () => html`
    <inbox-provider base-url="/api" token="story-token">
      <div style="padding-block-start: 120px">
        <inbox-space-switcher></inbox-space-switcher>
      </div>
    </inbox-provider>
  `,
  beforeEach: ({ msw }) => {
    msw.use(...inboxHandlers({}));
  },
};
export default meta;

/** A user in two spaces: the button opens a menu of spaces (above it, as at the bottom of a sidebar). */
export const TwoSpaces: StoryObj = {};
