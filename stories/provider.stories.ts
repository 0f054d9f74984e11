import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { inboxHandlers } from './mocks/handlers.js';
import { timelineHandlers } from './mocks/timeline-handlers.js';

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'inbox-provider',
  beforeEach: ({ msw }) => {
    msw.use(...timelineHandlers({}), ...inboxHandlers({}));
  },
};
export default meta;

/**
 * One provider, one connection: the list and the timeline inside it share a store, so the
 * conversation picked in the list is the one the timeline shows. The provider draws nothing itself.
 */
export const OneConnection: StoryObj = {
  name: 'One connection',
  render: () => html`
    <inbox-provider base-url="/api" token="story-token">
      <div style="display: flex; flex-wrap: wrap; gap: 8px">
        <inbox-conversation-list
          style="inline-size: 340px; block-size: 440px; border: 1px solid #d9dee5"
          no-header
        ></inbox-conversation-list>
        <inbox-timeline
          style="inline-size: 480px; block-size: 440px; border: 1px solid #d9dee5"
        ></inbox-timeline>
      </div>
    </inbox-provider>
  `,
};
