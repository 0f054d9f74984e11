import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { InboxComposer, InboxProvider } from '../src/index.js';
import { colleague, makeConversations, space } from '../test/fixtures/inbox-fixtures.js';
import { inboxHandlers } from './mocks/handlers.js';
import { outboxHandlers, type MockOutboxOptions } from './mocks/outbox-handlers.js';

/** Polls until `find` returns something (stories have no test runner's waitUntil). */
async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Timed out waiting for the story to render');
}

const conversations = makeConversations(6); // conv-0 WhatsApp, conv-1 SMS, conv-2 Telegram…

interface Args {
  conversationId: string;
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  sendKey?: 'enter' | 'mod-enter';
}

function withBackend(options: MockOutboxOptions = {}): StoryObj<Args>['beforeEach'] {
  return ({ msw }) => {
    msw.use(...outboxHandlers(options), ...inboxHandlers({ conversations }));
  };
}

/**
 * What a host does when it shows a composer without a conversation list: put the conversation in
 * the store (a list would have loaded it). Resolves with the ready composer.
 */
async function loadConversation(canvas: HTMLElement): Promise<InboxComposer> {
  const provider = await waitFor(() => canvas.querySelector<InboxProvider>('inbox-provider'));
  const store = await waitFor(() =>
    provider.store?.directory.$directoryState.get().status === 'ready' ? provider.store : undefined,
  );
  for (const conversation of conversations) store.conversations.upsertConversation(conversation);
  const composer = canvas.querySelector('inbox-composer') as InboxComposer;
  await waitFor(() => composer.shadowRoot?.querySelector('textarea:enabled'));
  return composer;
}

const meta: Meta<Args> = {
  title: 'Elements/Composer',
  component: 'inbox-composer',
  args: { conversationId: 'conv-0' },
  argTypes: {
    conversationId: { control: 'inline-radio', options: ['conv-0', 'conv-1', 'conv-2'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['en', 'es', 'ar'] },
    sendKey: { control: 'inline-radio', options: ['enter', 'mod-enter'] },
  },
  render: ({ conversationId, theme, locale, sendKey }) => html`
    <inbox-provider base-url="/api" token="story-token">
      <div style="padding-block-start: 440px; max-inline-size: 560px">
        <inbox-composer
          conversation-id=${conversationId}
          theme=${ifDefined(theme)}
          locale=${ifDefined(locale)}
          send-key=${ifDefined(sendKey)}
          emoji-data-url="/emoji/{locale}.json"
        ></inbox-composer>
      </div>
    </inbox-provider>
  `,
  beforeEach: withBackend(),
  play: async ({ canvasElement }) => {
    await loadConversation(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** An SMS conversation: the counter shows length and SMS parts; SMS takes no attachments. */
export const Sms: Story = {
  name: 'SMS',
  args: { conversationId: 'conv-1' },
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'Your order NW-10042 left our warehouse this morning. Reply STOP to opt out.';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  },
};

/** WhatsApp takes attachments: "Attach a file" opens the file chooser (JPEG, PNG, PDF). */
export const WhatsAppWithAttachments: Story = {
  name: 'WhatsApp with attachments',
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    const input = composer.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(
      new File([new Uint8Array(48_000)], 'invoice-NW-10042.pdf', { type: 'application/pdf' }),
    );
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  },
};

/** The Internal note tab: only the team sees it, and it looks different. */
export const InternalNote: Story = {
  name: 'Internal note',
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    composer.shadowRoot!.querySelector<HTMLElement>('#tab-note')!.click();
  },
};

/**
 * The emoji picker, open: search, categories, skin tone and the emoji grid (arrow keys move, Enter
 * picks, Escape closes). Its data is served by Storybook at /emoji/{locale}.json.
 */
export const EmojiPicker: Story = {
  name: 'Emoji picker',
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="emoji-button"]')!.click();
    await waitFor(() =>
      composer
        .shadowRoot!.querySelector('inbox-emoji-picker')
        ?.shadowRoot?.querySelector('[role="gridcell"]'),
    );
  },
};

/** Arabic, right to left. */
export const ArabicRtl: Story = { name: 'Arabic RTL', args: { locale: 'ar', conversationId: 'conv-2' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

/** Just sent: the message waits out the undo window ("Sending in … · Undo"); this one is long. */
export const Undo: Story = {
  beforeEach: withBackend({ undoWindowSeconds: 600 }),
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'Sorry, wrong conversation!';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await composer.updateComplete;
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await waitFor(() => composer.shadowRoot!.querySelector('[part="undo-bar"]'));
  },
};

async function typeAndSend(composer: InboxComposer, text: string): Promise<void> {
  const field = composer.shadowRoot!.querySelector('textarea')!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await composer.updateComplete;
  composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
}

/**
 * A colleague replied while the agent was writing: the first Send shows "New reply from … — send
 * anyway?" with Send anyway and Review, and nothing goes out yet.
 */
export const CollisionWarning: Story = {
  name: 'Collision warning',
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    const store = canvasElement.querySelector<InboxProvider>('inbox-provider')!.store!;
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'Let me check the refund for you';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const createdAt = new Date().toISOString();
    store.realtime.applyEvent({
      id: 'story-collision',
      type: 'timeline.item',
      spaceId: space.id,
      at: createdAt,
      item: {
        id: 'story-reply',
        conversationId: 'conv-0',
        seq: 9000,
        createdAt,
        kind: 'message',
        direction: 'out',
        text: 'The refund went out this morning.',
        attachments: [],
        status: 'queued',
        authorId: colleague.id,
        clientMessageId: null,
        failureReason: null,
        scheduledFor: null,
      },
    });
    await composer.updateComplete;
    composer.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await waitFor(() => composer.shadowRoot!.querySelector('[part="collision"]'));
  },
};

/** The server rate-limits this agent: the composer counts down and sends by itself when it ends. */
export const RateLimited: Story = {
  name: 'Rate limited',
  beforeEach: withBackend({ rateLimitSeconds: 600 }),
  play: async ({ canvasElement }) => {
    const composer = await loadConversation(canvasElement);
    await typeAndSend(composer, 'Are you still there?');
    await waitFor(() => composer.shadowRoot!.querySelector('[part="rate-limit"]'));
  },
};

/** The collision warning in Arabic: the name keeps its own direction inside the sentence. */
export const CollisionWarningArabic: Story = {
  ...CollisionWarning,
  name: 'Collision warning, Arabic',
  args: { locale: 'ar' },
};
