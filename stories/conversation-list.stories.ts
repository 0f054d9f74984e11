import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { makeConversations } from '../test/fixtures/inbox-fixtures.js';
import { inboxHandlers, type MockInboxOptions } from './mocks/handlers.js';

/** Polls until `find` returns something (stories have no test runner's waitUntil). */
async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Timed out waiting for the story to render');
}

interface Args {
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  status?: 'all' | 'active' | 'unanswered' | 'closed';
  width: number;
}

function withBackend(options: MockInboxOptions): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    msw.use(...inboxHandlers(options));
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Conversation list',
  component: 'inbox-conversation-list',
  args: { width: 380 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
    status: { control: 'inline-radio', options: ['all', 'active', 'unanswered', 'closed'] },
    width: { control: { type: 'range', min: 200, max: 800 } },
  },
  render: ({ theme, locale, status, width }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <inbox-conversation-list
        style="inline-size: ${width}px; block-size: 560px; border: 1px solid #d9dee5"
        theme=${ifDefined(theme)}
        locale=${ifDefined(locale)}
        status=${ifDefined(status)}
      ></inbox-conversation-list>
    </inbox-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Forty conversations across every channel and status, names in several scripts, some unread. */
export const Populated: Story = { beforeEach: withBackend({}) };

/** Nothing matches: the default empty message (replace it with the `empty` slot). */
export const Empty: Story = { beforeEach: withBackend({ conversations: [] }) };

/** The server has not answered yet. */
export const Loading: Story = { beforeEach: withBackend({ list: 'loading' }) };

/** The server answered with a problem: its message is shown with "Try again". */
export const ServerError: Story = { beforeEach: withBackend({ list: 'error' }) };

/** Pinned to a status tab with the `status` attribute. */
export const OnlyActive: Story = { args: { status: 'active' }, beforeEach: withBackend({}) };

export const Dark: Story = {
  args: { theme: 'dark' },
  beforeEach: withBackend({}),
  parameters: { backgrounds: { default: 'dark' } },
};

/** A search that finds nothing: the message names the search and offers to clear it. */
export const NoSearchResults: Story = {
  beforeEach: withBackend({}),
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('inbox-conversation-list');
    await customElements.whenDefined('inbox-conversation-list');
    const search = await waitFor(() =>
      list?.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]'),
    );
    search.value = 'zzz-nothing';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
};

/** The realtime connection is down: the list keeps what it has and says it is reconnecting. */
export const Offline: Story = { beforeEach: withBackend({ events: 'down' }) };

/** Ten thousand conversations, all loaded: only the rows in view exist in the DOM. */
export const TenThousandRows: Story = {
  beforeEach: withBackend({ conversations: makeConversations(10_000), pageSize: 10_000 }),
};

/** Arabic: right to left, Arabic plural rules and digits. */
export const ArabicRtl: Story = { args: { locale: 'ar' }, beforeEach: withBackend({}) };

/** A narrow container hides the channel icons (their labels stay for screen readers). */
export const Narrow: Story = { args: { width: 240 }, beforeEach: withBackend({}) };
