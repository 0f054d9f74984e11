import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { InboxNewConversation } from '../src/index.js';
import { inboxHandlers } from './mocks/handlers.js';
import {
  ana,
  availabilities,
  newConversationHandlers,
  storyProfiles,
  type MockNewConversationOptions,
} from './mocks/new-conversation-handlers.js';

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
  /** Puts the host's own button in the `trigger` slot. */
  ownTrigger?: boolean;
}

function withBackend(options: MockNewConversationOptions = {}): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    msw.use(...newConversationHandlers(options), ...inboxHandlers());
  };
}

const part = (el: InboxNewConversation, selector: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(selector);

/** Opens the dialog as the plus button would, once the element knows the user may start conversations. */
async function openDialog(canvas: HTMLElement): Promise<InboxNewConversation> {
  const el = await waitFor(() => canvas.querySelector('inbox-new-conversation'));
  await waitFor(() => part(el, '[part="trigger-button"]'));
  await el.open();
  await waitFor(() => part(el, 'dialog[open]'));
  return el;
}

async function choose(el: InboxNewConversation, selector: string, value: string): Promise<void> {
  const select = part(el, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function type(el: InboxNewConversation, selector: string, value: string): Promise<void> {
  const field = part(el, selector) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Step one filled in: profile, team and number, with the availability answered. */
async function fill(
  canvas: HTMLElement,
  phone: string,
  profile = 'profile-sms',
): Promise<InboxNewConversation> {
  const el = await openDialog(canvas);
  await choose(el, '#profile', profile);
  await choose(el, '#team', 'team-support');
  await type(el, '#phone', phone);
  await waitFor(
    () => part(el, '[part="availability"]') && !part(el, '[part="availability"]')!.textContent!.includes('…'),
  );
  return el;
}

async function toMessage(canvas: HTMLElement, message: string): Promise<InboxNewConversation> {
  const el = await fill(canvas, '+447400123457');
  part(el, '[part="next-button"]')!.click();
  await waitFor(() => part(el, '#message'));
  await type(el, '#message', message);
  return el;
}

async function send(el: InboxNewConversation, waitForSelector: string): Promise<void> {
  part(el, '[part="send-button"]')!.click();
  await waitFor(() => part(el, waitForSelector));
}

const meta: Meta<Args> = {
  title: 'Elements/New conversation',
  component: 'inbox-new-conversation',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
    ownTrigger: { control: 'boolean' },
  },
  render: ({ theme, locale, ownTrigger }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <div
        style="display: flex; align-items: center; justify-content: space-between; gap: 8px; max-inline-size: 320px; padding: 8px 16px; border-block-end: 1px solid #d9dee5; ${theme === 'dark' ? 'background: #15181d; color: #e8ebf0' : ''}"
      >
        <span style="font: 600 15px system-ui, sans-serif">Conversations</span>
        <inbox-new-conversation theme=${ifDefined(theme)} locale=${ifDefined(locale)}>
          ${ownTrigger ? html`<button slot="trigger" type="button">New conversation</button>` : ''}
        </inbox-new-conversation>
      </div>
    </inbox-provider>
  `,
  beforeEach: withBackend(),
  play: async ({ canvasElement }) => {
    await openDialog(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Step one as an agent sees it: sender profile (names only, never the senders inside), assigned
 * team and phone number. Telegram cannot start a conversation by phone and Billing is another
 * team's, so neither is offered.
 */
export const StepOne: Story = { name: 'Step one (agent: profile names only)' };

/** A new number: who will send is said by country and messages left, never by sender. */
export const NewNumber: Story = {
  name: 'Step one with a new number',
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '+447400123457');
  },
};

/** The number belongs to Ana Souza, who has an open SMS conversation: open it instead. */
export const ExistingContact: Story = {
  name: 'Existing contact with an open conversation',
  play: async ({ canvasElement }) => {
    const el = await fill(canvasElement, ana.phone);
    await waitFor(() => part(el, '[part="open-existing-button"]'));
  },
};

/** The profile has no sender in Brazil: one in the United Kingdom sends instead, and says so. */
export const Fallback: Story = {
  name: 'Fallback country',
  beforeEach: withBackend({ availability: availabilities.fallback }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '+55 11 98765 4321');
  },
};

/** Every sender for the United Kingdom has used today's messages: Next stays on this step. */
export const NoSenderLeft: Story = {
  name: 'No sender available today',
  beforeEach: withBackend({ availability: availabilities.usedUp }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '+447400123457');
  },
};

/** The profile has no sender for Germany at all, and no fallback. */
export const NoSenderForCountry: Story = {
  name: 'No sender for the country',
  beforeEach: withBackend({ availability: availabilities.none }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '+49 151 12345678');
  },
};

/** Next with nothing chosen: each missing field says what it needs, beside it. */
export const MissingFields: Story = {
  name: 'Next with fields missing',
  play: async ({ canvasElement }) => {
    const el = await openDialog(canvasElement);
    await type(el, '#phone', '12');
    part(el, '[part="next-button"]')!.click();
    await waitFor(() => part(el, '#profile-error'));
  },
};

/** No sender profile of this user can start a conversation by phone (only Telegram). */
export const NoProfiles: Story = {
  name: 'No profile can start by phone',
  beforeEach: withBackend({ profiles: storyProfiles.filter((p) => p.channel === 'telegram') }),
};

/** Step two: the message with the SMS counter, Back and Send Message. */
export const MessageStep: Story = {
  name: 'Step two: the message',
  play: async ({ canvasElement }) => {
    await toMessage(canvasElement, 'Hello from Northwind! Your order NW-10042 is ready to collect.');
  },
};

/** Refused: the senders ran out while the message was written. The message stays. */
export const RefusedNoSender: Story = {
  name: 'Refused: no sender left',
  beforeEach: withBackend({ create: 'no-sender' }),
  play: async ({ canvasElement }) => {
    await send(await toMessage(canvasElement, 'Your verification code is 123456'), '[part="error"]');
  },
};

/** Refused: the server says the number is not valid; the dialog goes back to it. */
export const RefusedPhone: Story = {
  name: 'Refused: invalid number',
  beforeEach: withBackend({ create: 'invalid-phone' }),
  play: async ({ canvasElement }) => {
    await send(await toMessage(canvasElement, 'Hello!'), '#phone-error');
  },
};

/** Refused: the profile's channel cannot start a conversation by phone (a directory out of date). */
export const RefusedChannel: Story = {
  name: 'Refused: channel cannot start by phone',
  beforeEach: withBackend({ create: 'cannot-start-by-phone' }),
  play: async ({ canvasElement }) => {
    await send(await toMessage(canvasElement, 'Hello!'), '#profile-error');
  },
};

/** The host's own button in the `trigger` slot opens the same dialog. */
export const HostTrigger: Story = { name: 'Host trigger', args: { ownTrigger: true } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, ana.phone);
  },
};

/** Arabic, right to left; the number itself stays left to right. */
export const ArabicRtl: Story = {
  name: 'Arabic RTL',
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const el = await fill(canvasElement, ana.phone);
    await waitFor(() => part(el, '[part="open-existing-button"]'));
  },
};
