import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// Only the list is defined when the page renders: its provider comes later, as with the loader,
// where each tag arrives in its own chunk in whatever order the network delivers them.
import '../../src/define/inbox-conversation-list.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';

const optionCount = (list: Element) => list.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;

describe('an element defined before its <inbox-provider>', () => {
  it('connects to the provider once the provider is defined', async () => {
    const backend = fixtureBackend(makeConversations(3));
    const provider = await fixture<HTMLElement>(html`
      <inbox-provider base-url="/api" token="secret" .fetch=${backend.fetch}>
        <inbox-conversation-list></inbox-conversation-list>
      </inbox-provider>
    `);
    const list = provider.querySelector('inbox-conversation-list')!;
    expect(customElements.get('inbox-provider')).to.equal(undefined);
    expect(list.shadowRoot).to.not.equal(null);

    await import('../../src/define/inbox-provider.js');
    await waitUntil(() => optionCount(list) === 3, 'the list never heard from its provider');
  });
});
