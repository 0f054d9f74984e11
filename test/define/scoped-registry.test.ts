// Two copies side by side: the page's tags belong to another copy of the library, and a part of the
// page runs this copy under the same tags in a shadow root made with a scoped registry. The
// elements' own inner tags (onboarding inside the access gate, the composer's emoji picker) must be
// this copy's too. Chromium has scoped registries natively.
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { InboxEmojiPicker } from '../../src/emoji/emoji-picker.js';
import {
  defineInboxElements,
  InboxAccess,
  InboxOnboarding,
  type InboxComposer,
  type InboxProvider,
  type InboxStore,
} from '../../src/index.js';
import { owner } from '../fixtures/access-fixtures.js';
import { makeConversation } from '../fixtures/inbox-fixtures.js';
import { accessBackend } from '../helpers/access-fetch.js';
import { outboxBackend } from '../helpers/outbox-fetch.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

/** The other copy's elements: the page's tags are theirs. */
class OtherCopy extends HTMLElement {}
const tags = [
  'inbox-provider',
  'inbox-access',
  'inbox-onboarding',
  'inbox-conversation-list',
  'inbox-space-switcher',
  'inbox-timeline',
  'inbox-composer',
  'inbox-details',
  'inbox-new-conversation',
  'inbox-emoji-picker',
];
for (const tag of tags) customElements.define(tag, class extends OtherCopy {});

const registry = new CustomElementRegistry();
defineInboxElements(registry);

/** A part of the page with its own copy: a shadow root made with the scoped registry. */
function scopedPart(template: unknown): ShadowRoot {
  const host = document.createElement('div');
  host.style.paddingBlockStart = '420px'; // Room above for the emoji popup.
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open', customElementRegistry: registry });
  render(template, root, {
    creationScope: {
      importNode: (node: Node) => document.importNode(node, { customElementRegistry: registry }),
    },
  });
  return root;
}

describe('a copy of the library in a scoped registry', () => {
  afterEach(() => document.body.replaceChildren());

  it('defines every tag in the registry and leaves the page’s tags to the other copy', () => {
    for (const tag of tags.filter((t) => t !== 'inbox-emoji-picker')) {
      expect(registry.get(tag), tag).to.be.a('function');
      expect(customElements.get(tag)!.prototype).to.be.instanceOf(OtherCopy);
    }
  });

  it('shows the onboarding steps inside the access gate with its own copy', async () => {
    const backend = accessBackend();
    backend.access = 'granted';
    backend.granted = owner;
    const root = scopedPart(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-access><p>The inbox</p></inbox-access>
      </inbox-provider>
    `);
    const gate = root.querySelector('inbox-access')!;
    expect(gate).to.be.instanceOf(InboxAccess);
    await waitUntil(
      () => gate.shadowRoot!.querySelector('inbox-onboarding')?.shadowRoot?.querySelector('li'),
      'the onboarding steps',
      FIRST_LOAD,
    );
    const onboarding = gate.shadowRoot!.querySelector('inbox-onboarding')!;
    expect(onboarding).to.be.instanceOf(InboxOnboarding);
    expect(onboarding).not.to.be.instanceOf(OtherCopy);
  });

  it('opens the composer’s emoji picker from its own copy', async () => {
    const backend = outboxBackend([makeConversation(0)]);
    const root = scopedPart(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-composer emoji-data-url="/emoji/{locale}.json"></inbox-composer>
      </inbox-provider>
    `);
    const provider = root.querySelector('inbox-provider') as InboxProvider;
    const composer = root.querySelector('inbox-composer') as InboxComposer;
    await waitUntil(
      () => provider.store?.directory.$directoryState.get().status === 'ready',
      'the directory',
    );
    const store = provider.store as InboxStore;
    store.conversations.upsertConversation(backend.conversations[0]!);
    store.conversations.selectConversation(backend.conversations[0]!.id);
    const button = () => composer.shadowRoot!.querySelector<HTMLButtonElement>('[part~="emoji-button"]');
    await waitUntil(() => button() && !button()!.disabled, 'the composer is ready');
    button()!.click();
    await waitUntil(
      () => composer.shadowRoot!.querySelector('inbox-emoji-picker')?.shadowRoot,
      'the picker',
      FIRST_LOAD,
    );
    expect(composer.shadowRoot!.querySelector('inbox-emoji-picker')).to.be.instanceOf(InboxEmojiPicker);
    expect(customElements.get('inbox-emoji-picker')!.prototype).to.be.instanceOf(OtherCopy);
  });
});
