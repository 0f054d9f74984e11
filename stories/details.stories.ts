import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { components } from '../src/api/schema.js';
import { makeConversations } from '../test/fixtures/inbox-fixtures.js';
import { detailsHandlers, type MockDetailsOptions } from './mocks/details-handlers.js';
import { inboxHandlers } from './mocks/handlers.js';
import { timelineHandlers } from './mocks/timeline-handlers.js';

type Conversation = components['schemas']['Conversation'];

interface Args {
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  conversation: string;
}

/** conv-0 with tags and assignees, and an earlier conversation with the same contact. */
function conversations(): Conversation[] {
  const all = makeConversations(8);
  all[0] = { ...all[0]!, tagIds: ['tag-vip'], assigneeIds: ['user-agent', 'user-manager'] };
  all[6] = { ...all[6]!, contact: all[0]!.contact, status: 'closed' };
  return all;
}

function withBackend(options: Partial<MockDetailsOptions> = {}): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    const data = conversations();
    msw.use(
      ...detailsHandlers({ conversations: data, ...options }),
      ...timelineHandlers({}),
      ...inboxHandlers({ conversations: data }),
    );
  };
}

/** Opens an editor the way a user does (stories that show a dialog or an editor). */
async function press(canvas: HTMLElement, section: string, part = 'edit-button'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const details = canvas.querySelector('inbox-details');
    const button = details?.shadowRoot?.querySelector<HTMLElement>(
      `[data-section="${section}"] [part="${part}"]`,
    );
    if (button && details?.shadowRoot?.querySelector('[part="contact-facts"]')) {
      button.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const meta: Meta<Args> = {
  title: 'Elements/Details',
  component: 'inbox-details',
  args: { conversation: 'conv-0' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
  },
  render: ({ theme, locale, conversation }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <inbox-details
        style="inline-size: 340px; block-size: 640px; border: 1px solid #d9dee5"
        conversation-id=${conversation}
        theme=${ifDefined(theme)}
        locale=${ifDefined(locale)}
      ></inbox-details>
    </inbox-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** An agent: may edit the contact and apply tags; assigning is for managers. */
export const Agent: Story = { beforeEach: withBackend() };

/** An Inbox Manager: assigns teams and agents, creates tags. */
export const Manager: Story = {
  beforeEach: withBackend({ capabilities: { assign: true, manageTags: true } }),
};

/** An Inbox Admin: every team may be assigned. */
export const Admin: Story = {
  beforeEach: withBackend({ capabilities: { assign: true, manageTags: true, seeAllConversations: true } }),
};

/** An agent without note access, who may not edit contacts or tags either: nothing to edit. */
export const ReadOnly: Story = {
  name: 'Agent without notes or edits',
  beforeEach: withBackend({
    capabilities: { readNotes: false, writeNotes: false, editContacts: false, applyTags: false },
  }),
};

export const NoConversation: Story = { args: { conversation: '' }, beforeEach: withBackend() };

export const ContactLoading: Story = { beforeEach: withBackend({ contact: 'loading' }) };

export const EditContact: Story = {
  name: 'Edit contact (dialog)',
  beforeEach: withBackend(),
  play: ({ canvasElement }) => press(canvasElement, 'contact'),
};

export const AssignmentEditor: Story = {
  beforeEach: withBackend({ capabilities: { assign: true, seeAllConversations: true } }),
  play: ({ canvasElement }) => press(canvasElement, 'assignment'),
};

export const TagsEditor: Story = {
  beforeEach: withBackend({ capabilities: { manageTags: true } }),
  play: ({ canvasElement }) => press(canvasElement, 'tags'),
};

/** A colleague saved first: what changed is shown, and the choice stays. */
export const Conflict: Story = {
  beforeEach: withBackend({
    capabilities: { assign: true, seeAllConversations: true },
    colleagueFirst: true,
  }),
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'assignment');
    await press(canvasElement, 'assignment', 'save');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  beforeEach: withBackend({ capabilities: { assign: true } }),
};

export const ArabicRtl: Story = {
  name: 'Arabic RTL',
  args: { locale: 'ar' },
  beforeEach: withBackend({ capabilities: { assign: true } }),
};
