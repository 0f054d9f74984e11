import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { components } from '../src/api/schema.js';
import { makeTimeline } from '../test/fixtures/timeline-fixtures.js';
import { inboxHandlers } from './mocks/handlers.js';
import { timelineHandlers, type MockTimelineOptions } from './mocks/timeline-handlers.js';

type TimelineItem = components['schemas']['TimelineItem'];

interface Args {
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  conversation: string;
}

function withBackend(options: MockTimelineOptions): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    msw.use(...timelineHandlers(options), ...inboxHandlers({}));
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Timeline',
  component: 'inbox-timeline',
  args: { conversation: 'conv-0' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
  },
  render: ({ theme, locale, conversation }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <inbox-timeline
        style="inline-size: 640px; block-size: 600px; border: 1px solid #d9dee5"
        conversation-id=${conversation}
        theme=${ifDefined(theme)}
        locale=${ifDefined(locale)}
      ></inbox-timeline>
    </inbox-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A WhatsApp thread: messages both ways with receipts, internal notes, events, a failed send, a file. */
export const Thread: Story = { beforeEach: withBackend({}) };

/** An SMS thread: the same statuses show only what SMS reports (never Read). */
export const SmsThread: Story = { args: { conversation: 'conv-1' }, beforeEach: withBackend({}) };

export const Loading: Story = { beforeEach: withBackend({ timeline: 'loading' }) };

export const ServerError: Story = { beforeEach: withBackend({ timeline: 'error' }) };

const hostile = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '<a href="javascript:alert(1)">click me</a>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1) and data:text/html,<script>alert(1)</script>',
  '*bold <b>not html</b>* _<i>still text</i>_',
  '‮ RTL override ‭ and zero​width​spaces',
].map((text, i): TimelineItem => ({
  id: `hostile-${i + 1}`,
  conversationId: 'conv-0',
  seq: i + 1,
  createdAt: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
  kind: 'message',
  direction: 'in',
  text,
  attachments: [
    {
      id: `file-${i}`,
      name: `<img src=x onerror=alert(${i})>.svg`,
      contentType: 'image/svg+xml',
      size: 2048,
      url: `/api/attachments/file-${i}`,
    },
  ],
  status: 'delivered',
  authorId: null,
  clientMessageId: null,
  failureReason: null,
  scheduledFor: null,
}));

/** Customers' markup, scripts and hostile file names: all shown as text, SVG never inline. */
export const HostileText: Story = { beforeEach: withBackend({ items: hostile }) };

/** Ten thousand messages: history loads as you scroll up; only what is in view is in the DOM. */
export const TenThousandMessages: Story = {
  beforeEach: withBackend({ items: makeTimeline('conv-0', 10_000) }),
};

export const Dark: Story = { args: { theme: 'dark' }, beforeEach: withBackend({}) };

export const ArabicRtl: Story = { args: { locale: 'ar' }, beforeEach: withBackend({}) };
