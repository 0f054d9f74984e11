import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import '../../src/define/index.js';
import type { InboxConversationList, InboxProvider } from '../../src/index.js';
import { makeConversation, makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from '../helpers/fixture-fetch.js';

async function mount(backend: FixtureBackend, attributes = '') {
  const root = await fixture<HTMLElement>(html`
    <inbox-provider base-url="/api" token="test-token" .fetch=${backend.fetch}>
      <inbox-conversation-list></inbox-conversation-list>
    </inbox-provider>
  `);
  const list = root.querySelector('inbox-conversation-list') as InboxConversationList;
  for (const [name, value] of new URLSearchParams(attributes)) list.setAttribute(name, value);
  return list;
}

const shadow = (list: InboxConversationList) => list.shadowRoot as ShadowRoot;
const rows = (list: InboxConversationList) => [
  ...shadow(list).querySelectorAll<HTMLElement>('[role="option"]'),
];
const rowsReady = (list: InboxConversationList, count = 1) =>
  waitUntil(() => rows(list).length >= count, 'rows did not render', { timeout: 3000 });
const stateText = (list: InboxConversationList) =>
  shadow(list).querySelector('[part="state"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<inbox-conversation-list>', () => {
  it('shows each conversation with its channel, contact, last message, time and unread count', async () => {
    const backend = fixtureBackend(makeConversations(12));
    const list = await mount(backend);
    await rowsReady(list, 12);

    const first = rows(list)[0]!;
    const conversation = backend.conversations[0]!;
    expect(first.querySelector('[part="channel-icon"]')?.textContent?.trim()).to.equal('WhatsApp');
    expect(first.querySelector('[part="contact"]')?.textContent).to.equal(conversation.contact.name);
    expect(first.querySelector('[part="preview"]')?.textContent).to.contain(conversation.lastMessage?.text);
    expect(first.querySelector('time')?.getAttribute('datetime')).to.equal(conversation.lastActivityAt);

    const unread = rows(list)[1]!;
    expect(unread.querySelector('[part="unread-badge"]')?.textContent).to.contain('2 unread messages');
    // A contact without a name is shown by number.
    expect(rows(list)[7]!.querySelector('[part="contact"]')?.textContent).to.equal(
      backend.conversations[7]!.contact.phone,
    );
  });

  it('is a listbox of options and passes an accessibility audit', async () => {
    const list = await mount(fixtureBackend(makeConversations(5)));
    await rowsReady(list, 5);
    const listbox = shadow(list).querySelector('[role="listbox"]');
    expect(listbox?.getAttribute('aria-label')).to.equal('Conversations');
    expect(rows(list).every((row) => row.getAttribute('aria-selected') === 'false')).to.be.true;
    await expect(list).to.be.accessible();
  });

  it('names each option by its parts, apart: channel, contact, time, last message, unread count', async () => {
    const backend = fixtureBackend(makeConversations(3));
    const list = await mount(backend);
    await rowsReady(list, 3);
    const conversation = backend.conversations[1]!;
    const time = rows(list)[1]!.querySelector('time')!.textContent!;
    type Node = { role: string; name: string };
    // Typed as void, it resolves with the tree (Chromium's, through Puppeteer).
    const tree = (await a11ySnapshot({})) as unknown as Node & { children: Node[] };
    const option = findAccessibilityNode<Node>(
      tree,
      (node) => node.role === 'option' && node.name.includes(conversation.contact.name!),
    );
    // The row's parts carry no whitespace between them: the names must not run together.
    expect(option?.name).to.equal(
      `SMS ${conversation.contact.name} ${time} You: ${conversation.lastMessage!.text} 2 unread messages`,
    );
  });

  it('says it is loading until the server answers, over the listbox its rows then fill', async () => {
    const backend = fixtureBackend(makeConversations(3));
    backend.mode = 'hold';
    const list = await mount(backend);
    await waitUntil(() => stateText(list) === 'Loading conversations…');
    expect(shadow(list).querySelector('[part="state"]')?.getAttribute('role')).to.equal('status');
    // The listbox is laid out while loading (its virtualizer measured before the rows arrive),
    // empty and hidden from assistive technology until then.
    const listbox = shadow(list).querySelector('[role="listbox"]');
    expect(listbox?.getAttribute('aria-hidden')).to.equal('true');
    expect(listbox?.querySelector('[role="option"]')).to.equal(null);
    backend.mode = 'ok';
    backend.release();
    await rowsReady(list, 3);
    expect(shadow(list).querySelector('[role="listbox"]')).to.equal(listbox);
    expect(listbox!.hasAttribute('aria-hidden')).to.equal(false);
    expect(shadow(list).querySelector('[part="state"]')).to.equal(null);
  });

  it('shows its rows with the team filter already in the header, so no row moves down when teams arrive', async () => {
    const backend = fixtureBackend(makeConversations(5));
    backend.teams = 'hold';
    const list = await mount(backend);
    await waitUntil(() => backend.requests.some((r) => r.startsWith('GET /conversations?')));
    // The list has answered; a few painted frames later it still waits for the teams.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(rows(list)).to.have.length(0);
    expect(stateText(list)).to.equal('Loading conversations…');
    backend.release();
    await rowsReady(list, 5);
    expect(shadow(list).querySelector('[part="team-select"]')).to.exist;

    // A reload of the same space's directory (as after a reconnect) keeps the rows in place.
    const directory = (list.closest('inbox-provider') as InboxProvider).store!.directory;
    void directory.loadDirectory(directory.$activeSpaceId.get()!);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(directory.$directoryState.get().status).to.equal('loading');
    expect(rows(list)).to.have.length(5);
    backend.release();
  });

  it("shows the server's problem detail, and Try again reloads", async () => {
    const backend = fixtureBackend(makeConversations(3));
    backend.mode = 'fail';
    const list = await mount(backend);
    await waitUntil(() => stateText(list).includes('The database is not answering.'));
    expect(shadow(list).querySelector('[part="state"]')?.getAttribute('role')).to.equal('alert');
    backend.mode = 'ok';
    shadow(list).querySelector<HTMLButtonElement>('[part="state"] button')!.click();
    await rowsReady(list, 3);
  });

  it('says so when there are no conversations', async () => {
    const list = await mount(fixtureBackend([]));
    await waitUntil(() => stateText(list) === 'No conversations here yet.');
  });

  it('asks the server for the pinned status and team', async () => {
    const backend = fixtureBackend(makeConversations(8));
    const root = await fixture<HTMLElement>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-conversation-list status="closed" team-id="team-support"></inbox-conversation-list>
      </inbox-provider>
    `);
    const list = root.querySelector('inbox-conversation-list') as InboxConversationList;
    await rowsReady(list);
    const listRequest = backend.requests.find((r) => r.startsWith('GET /conversations?'));
    expect(listRequest).to.contain('status=closed').and.contain('teamId=team-support');
    expect(rows(list).length).to.equal(
      backend.conversations.filter((c) => c.status === 'closed' && c.teamIds.includes('team-support')).length,
    );
  });

  it('selects a conversation on click: fires inbox-conversation-select and marks the row selected', async () => {
    const backend = fixtureBackend(makeConversations(4));
    const list = await mount(backend);
    await rowsReady(list, 4);
    setTimeout(() => rows(list)[2]!.click());
    const event = await oneEvent(list, 'inbox-conversation-select');
    expect(event.detail.conversationId).to.equal('conv-2');
    expect(event.detail.conversation.contact.name).to.equal(backend.conversations[2]!.contact.name);
    expect(event.bubbles && event.composed).to.be.true;
    await list.updateComplete;
    expect(rows(list)[2]!.getAttribute('aria-selected')).to.equal('true');
  });

  it('moves focus with the arrow keys, Home and End, and selects with Enter', async () => {
    const list = await mount(fixtureBackend(makeConversations(6)));
    await rowsReady(list, 6);
    expect(rows(list).map((row) => row.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    rows(list)[0]!.focus();
    const press = async (key: string) => {
      (shadow(list).activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true }),
      );
      await list.updateComplete;
      await list.updateComplete;
    };
    await press('ArrowDown');
    expect(shadow(list).activeElement?.getAttribute('data-id')).to.equal('conv-1');
    await press('End');
    expect(shadow(list).activeElement?.getAttribute('data-id')).to.equal('conv-5');
    await press('Home');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(shadow(list).activeElement?.getAttribute('data-id')).to.equal('conv-2');
    setTimeout(() => press('Enter'));
    const event = await oneEvent(list, 'inbox-conversation-select');
    expect(event.detail.conversationId).to.equal('conv-2');
  });

  it('moves a conversation to the top with its new unread count when a message arrives', async () => {
    const backend = fixtureBackend(makeConversations(10));
    const list = await mount(backend);
    await rowsReady(list, 10);
    const before = backend.conversations[6]!;
    const now = new Date(Date.parse(backend.conversations[0]!.lastActivityAt) + 60_000).toISOString();
    backend.push({
      id: '101',
      type: 'conversation.updated',
      spaceId: before.spaceId,
      at: now,
      conversation: {
        ...before,
        version: before.version + 1,
        unreadCount: before.unreadCount + 1,
        lastActivityAt: now,
        lastMessage: { kind: 'message', direction: 'in', text: 'Is anyone there?', at: now },
      },
    });
    await waitUntil(() => rows(list)[0]?.dataset['id'] === before.id, 'the row did not move to the top', {
      timeout: 3000,
    });
    const top = rows(list)[0]!;
    expect(top.querySelector('[part="preview"]')?.textContent).to.equal('Is anyone there?');
    expect(top.querySelector('[part="unread-badge"]')?.textContent).to.contain('1 unread message');
    expect(rows(list).length).to.equal(10);
  });

  it('renders hostile names and messages as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const backend = fixtureBackend([
      makeConversation(0, {
        contact: { id: 'c', name: payload, phone: '+447700900001' },
        lastMessage: { kind: 'message', direction: 'in', text: payload, at: new Date().toISOString() },
      }),
    ]);
    const list = await mount(backend);
    await rowsReady(list);
    const row = rows(list)[0]!;
    expect(row.querySelector('[part="contact"]')?.textContent).to.equal(payload);
    expect(row.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('lays out right to left in Arabic', async () => {
    const backend = fixtureBackend(makeConversations(3));
    const list = await mount(backend, 'locale=ar');
    await rowsReady(list, 3);
    expect(getComputedStyle(shadow(list).querySelector('[role="listbox"]')!).direction).to.equal('rtl');
    // English stands in until the Arabic words, loaded on demand, arrive (the rows may come first).
    await waitUntil(
      () => shadow(list).querySelector('[role="listbox"]')?.getAttribute('aria-label') === 'المحادثات',
      'the list is not labelled in Arabic',
    );
  });

  it('explains itself when it has no provider and no configureInbox()', async () => {
    const list = await fixture<InboxConversationList>(
      html`<inbox-conversation-list></inbox-conversation-list>`,
    );
    expect(stateText(list)).to.contain('inbox-provider');
  });
});
