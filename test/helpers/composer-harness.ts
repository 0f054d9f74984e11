/** Mounts `<inbox-composer>` in a provider backed by outboxBackend, with conversations in the cache. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define/index.js';
import type { InboxComposer, InboxProvider, InboxStore, MessagingStores } from '../../src/index.js';
import { makeConversation } from '../fixtures/inbox-fixtures.js';
import { outboxBackend, type OutboxBackend } from './outbox-fetch.js';
import { withMessaging } from './with-messaging.js';

export interface Harness {
  backend: OutboxBackend;
  provider: InboxProvider;
  composer: InboxComposer;
  store: InboxStore & MessagingStores;
  /** Makes a conversation the store's active one (as a click in the list would). */
  select(id: string): Promise<void>;
}

// conv-0 is WhatsApp, conv-1 SMS, conv-2 Telegram (makeConversation cycles the channels).
export const WHATSAPP = 'conv-0';
export const SMS = 'conv-1';
export const TELEGRAM = 'conv-2';

export async function mountComposer(
  options: {
    backend?: OutboxBackend;
    select?: string | null;
    attributes?: Record<string, string>;
    /** Mounts it inside a host element's closed shadow root, as some host pages do. */
    closedShadowRoot?: boolean;
    /** Leaves room above it for popups (the emoji popup opens upwards). */
    roomAbove?: boolean;
  } = {},
): Promise<Harness> {
  const backend = options.backend ?? outboxBackend([0, 1, 2, 3].map((i) => makeConversation(i)));
  const template = html`
    <inbox-provider base-url="/api" token="test-token" .fetch=${backend.fetch}>
      <inbox-composer></inbox-composer>
    </inbox-provider>
  `;
  let provider: InboxProvider;
  const host = await fixture<HTMLElement>(html`<div></div>`);
  if (options.roomAbove) host.style.paddingBlockStart = '420px';
  if (options.closedShadowRoot) {
    const root = host.attachShadow({ mode: 'closed' });
    render(template, root);
    provider = root.querySelector('inbox-provider') as InboxProvider;
  } else {
    render(template, host);
    provider = host.querySelector('inbox-provider') as InboxProvider;
  }
  const composer = provider.querySelector('inbox-composer') as InboxComposer;
  for (const [name, value] of Object.entries(options.attributes ?? {})) composer.setAttribute(name, value);
  await waitUntil(() => provider.store?.directory.$directoryState.get().status === 'ready', 'no directory', {
    timeout: 3000,
  });
  const store = withMessaging(provider.store as InboxStore);
  for (const conversation of backend.conversations) store.conversations.upsertConversation(conversation);
  const harness: Harness = {
    backend,
    provider,
    composer,
    store,
    async select(id) {
      store.conversations.selectConversation(id);
      await waitUntil(() => field(composer) && !field(composer).disabled, 'composer not ready');
    },
  };
  const selected = options.select === undefined ? WHATSAPP : options.select;
  if (selected) await harness.select(selected);
  return harness;
}

const root = (composer: InboxComposer) => composer.shadowRoot as ShadowRoot;
export const field = (composer: InboxComposer) =>
  root(composer).querySelector('[part="textarea"]') as HTMLTextAreaElement;
export const part = <T extends HTMLElement = HTMLElement>(composer: InboxComposer, name: string) =>
  root(composer).querySelector<T>(`[part~="${name}"]`);
export const partText = (composer: InboxComposer, name: string) =>
  part(composer, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const tabs = (composer: InboxComposer) => [
  ...root(composer).querySelectorAll<HTMLElement>('[role="tab"]'),
];

/** Types as a user would, through the field's input event. */
export async function typeInto(composer: InboxComposer, text: string): Promise<void> {
  const textarea = field(composer);
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await composer.updateComplete;
}

/** Chooses files through the hidden file input, as the file dialog would. */
export function chooseFiles(composer: InboxComposer, files: File[]): void {
  const input = root(composer).querySelector('input[type="file"]') as HTMLInputElement;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const writesTo = (backend: OutboxBackend, pattern: RegExp) =>
  backend.writes.filter((write) => pattern.test(write.path));
