import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import { configureInbox, type InboxConversationList, type InboxProvider } from '../../src/index.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';

const optionCount = (list: Element) => list.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;

describe('<inbox-provider>', () => {
  it('sends its token to the API and gives its children one store', async () => {
    const backend = fixtureBackend(makeConversations(3));
    const seenTokens: string[] = [];
    const fetchWithSpy: typeof fetch = (input, init) => {
      seenTokens.push(new Request(input, init).headers.get('Authorization') ?? '');
      return backend.fetch(input, init);
    };
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider base-url="/api" .tokenProvider=${() => 'secret-1'} .fetch=${fetchWithSpy}>
        <inbox-conversation-list></inbox-conversation-list>
      </inbox-provider>
    `);
    const list = provider.querySelector('inbox-conversation-list') as InboxConversationList;
    await waitUntil(() => optionCount(list) === 3);
    expect(seenTokens.length).to.be.greaterThan(0);
    expect(seenTokens.every((t) => t === 'Bearer secret-1')).to.be.true;
    expect(provider.store?.session.$me.get()?.user.name).to.equal('Lucía Fernández');
  });

  it('keeps two providers on one page independent', async () => {
    const one = fixtureBackend(makeConversations(2));
    const two = fixtureBackend(makeConversations(5));
    const root = await fixture<HTMLElement>(
      html`<div>
        <inbox-provider base-url="/api" token="a" .fetch=${one.fetch}
          ><inbox-conversation-list no-header style="block-size: 250px"></inbox-conversation-list
        ></inbox-provider>
        <inbox-provider base-url="/api" token="b" .fetch=${two.fetch}
          ><inbox-conversation-list no-header style="block-size: 250px"></inbox-conversation-list
        ></inbox-provider>
      </div>`,
    );
    const [first, second] = [...root.querySelectorAll('inbox-conversation-list')];
    await waitUntil(() => optionCount(first!) === 2 && optionCount(second!) === 5);
    const [p1, p2] = [...root.querySelectorAll('inbox-provider')];
    expect(p1!.store).to.not.equal(p2!.store);
  });

  it('fires inbox-error with the reason when it cannot connect', async () => {
    const unauthorized: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          type: 'urn:inbox:problem:unauthorized',
          title: 'Unauthorized',
          status: 401,
          detail: 'This token is not valid.',
        }),
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      );
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('inbox-provider');
    provider.baseUrl = '/api';
    provider.token = 'expired';
    provider.fetch = unauthorized;
    setTimeout(() => root.append(provider));
    const event = await oneEvent(root, 'inbox-error');
    expect(event.detail.operation).to.equal('connect');
    expect(event.detail.error.status).to.equal(401);
    expect(event.detail.error.message).to.equal('This token is not valid.');
  });
});

describe('configureInbox()', () => {
  it('connects elements placed outside any provider', async () => {
    const backend = fixtureBackend(makeConversations(4));
    const list = await fixture<InboxConversationList>(
      html`<inbox-conversation-list></inbox-conversation-list>`,
    );
    const store = configureInbox({
      baseUrl: '/api',
      tokenProvider: () => 'default-token',
      fetch: backend.fetch,
    });
    await waitUntil(() => optionCount(list) === 4, 'the list did not connect to the default inbox');
    store.dispose();
  });
});

describe('the hidden attribute', () => {
  it('hides every inbox element', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <inbox-conversation-list hidden></inbox-conversation-list>
        <inbox-timeline hidden></inbox-timeline>
        <inbox-composer hidden></inbox-composer>
        <inbox-space-switcher hidden></inbox-space-switcher>
      </div>`,
    );
    const shown = [...root.children]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => el.localName);
    expect(shown).to.deep.equal([]);
  });
});
