import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { allDone, owner } from '../test/fixtures/access-fixtures.js';
import { accessHandlers, type MockAccessOptions } from './mocks/access-handlers.js';

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
  width: number;
}

function withBackend(options: MockAccessOptions): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    msw.use(...accessHandlers(options));
  };
}

/** Presses the gate's main button once its screen shows. */
async function press(canvas: HTMLElement): Promise<HTMLElement> {
  const gate = await waitFor(() => canvas.querySelector('inbox-access'));
  const button = await waitFor(() => gate.shadowRoot?.querySelector<HTMLElement>('[part="button"]'));
  button.click();
  return gate;
}

const meta: Meta<Args> = {
  title: 'Elements/Access and onboarding',
  component: 'inbox-access',
  // The onboarding steps also stand alone (see All done): their API table is on this page too.
  subcomponents: { InboxOnboarding: 'inbox-onboarding' },
  args: { width: 640 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
    width: { control: { type: 'range', min: 320, max: 960 } },
  },
  // The host wraps its inbox in the gate; the inbox shows once the user may see it.
  render: ({ theme, locale, width }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <div style="display: flex; inline-size: ${width}px; min-block-size: 420px; border: 1px solid #d9dee5">
        <inbox-access
          theme=${ifDefined(theme)}
          locale=${ifDefined(locale)}
          link-base="https://crm.example.com"
        >
          <inbox-conversation-list style="flex: 1; block-size: 420px"></inbox-conversation-list>
        </inbox-access>
      </div>
    </inbox-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A user without the inbox (a beta): *Request Access*. */
export const NoAccess: Story = { name: 'No access', beforeEach: withBackend({ access: 'none' }) };

/** A request waits for approval; asking again opens the pop-up. */
export const Requested: Story = { beforeEach: withBackend({ access: 'requested' }) };

/** After the first request: "Request Received!", a polite status. */
export const Received: Story = {
  beforeEach: withBackend({ access: 'none' }),
  play: async ({ canvasElement }) => {
    const gate = await press(canvasElement);
    await waitFor(() => gate.shadowRoot?.querySelector('[part="notice"] strong'));
  },
};

/** Asked again before approval: the "Request Already Sent" pop-up (a modal dialog). */
export const AlreadySent: Story = {
  name: 'Request Already Sent',
  beforeEach: withBackend({ access: 'requested' }),
  play: async ({ canvasElement }) => {
    const gate = await press(canvasElement);
    await waitFor(() => gate.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'));
  },
};

/** A tenant owner and Inbox Admin: the welcome screen, 3 of 6 steps done, optional ones skippable. */
export const OnboardingHalfDone: Story = {
  name: 'Onboarding half done',
  beforeEach: withBackend({ access: 'granted', granted: owner }),
};

/** On a host's settings page: `<inbox-onboarding>` on its own, every step done. */
export const AllDone: Story = {
  name: 'All done (settings page)',
  beforeEach: withBackend({ access: 'granted', granted: owner, onboarding: allDone() }),
  render: ({ theme, locale, width }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <div style="inline-size: ${width}px">
        <inbox-onboarding
          theme=${ifDefined(theme)}
          locale=${ifDefined(locale)}
          link-base="https://crm.example.com"
        ></inbox-onboarding>
      </div>
    </inbox-provider>
  `,
};

/** The session could not load: the error and *Try again*. */
export const SessionError: Story = { name: 'Error', beforeEach: withBackend({ session: 'error' }) };

/** While `/me` is on its way. */
export const Loading: Story = { beforeEach: withBackend({ session: 'loading' }) };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
  beforeEach: withBackend({ access: 'requested' }),
};

/** Arabic, right to left: the welcome screen. */
export const ArabicRtl: Story = {
  name: 'Arabic RTL',
  args: { locale: 'ar' },
  beforeEach: withBackend({ access: 'granted', granted: owner }),
};

/** In a 320 px container. */
export const Narrow: Story = { args: { width: 320 }, beforeEach: withBackend({ access: 'none' }) };
