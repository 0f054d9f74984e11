import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxConversationList, InboxProvider } from '../../src/index.js';
import { colleague, makeConversation, makeConversations, space } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from '../helpers/fixture-fetch.js';

async function mount(backend: FixtureBackend, attributes: Record<string, string> = {}) {
  const root = await fixture<HTMLElement>(html`
    <inbox-provider base-url="/api" token="test-token" .fetch=${backend.fetch}>
      <inbox-conversation-list style="block-size: 520px"></inbox-conversation-list>
    </inbox-provider>
  `);
  const list = root.querySelector('inbox-conversation-list') as InboxConversationList;
  for (const [name, value] of Object.entries(attributes)) list.setAttribute(name, value);
  await waitUntil(() => rows(list).length > 0 || part(list, 'state'), 'the list did not render', {
    timeout: 3000,
  });
  return list;
}

const shadow = (list: InboxConversationList) => list.shadowRoot as ShadowRoot;
const part = (list: InboxConversationList, name: string) =>
  shadow(list).querySelector<HTMLElement>(`[part~="${name}"]`);
const rows = (list: InboxConversationList) => [
  ...shadow(list).querySelectorAll<HTMLElement>('[role="option"]'),
];
const tab = (list: InboxConversationList, status: string) =>
  shadow(list).querySelector<HTMLElement>(`#tab-${status}`)!;
const lastListRequest = (backend: FixtureBackend) =>
  backend.requests.filter((r) => r.startsWith('GET /conversations?')).at(-1) ?? '';
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<inbox-conversation-list> filters', () => {
  it('shows the four status tabs with live counts and switches between them', async () => {
    const backend = fixtureBackend(makeConversations(20));
    const list = await mount(backend);
    await waitUntil(() => text(tab(list, 'active')).includes('10'));
    expect(['all', 'active', 'unanswered', 'closed'].map((s) => text(tab(list, s)))).to.deep.equal([
      'All 20',
      'Active 10',
      'Unanswered 5',
      'Closed 5',
    ]);
    expect(tab(list, 'all').getAttribute('aria-selected')).to.equal('true');

    tab(list, 'closed').click();
    await waitUntil(() => rows(list).length === 5);
    expect(lastListRequest(backend)).to.contain('status=closed');
    expect(tab(list, 'closed').getAttribute('aria-selected')).to.equal('true');
    expect(shadow(list).querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).to.equal(
      'tab-closed',
    );
  });

  it('moves between tabs with the arrow keys, as the WAI-ARIA tabs pattern says', async () => {
    const backend = fixtureBackend(makeConversations(8));
    const list = await mount(backend);
    tab(list, 'all').focus();
    tab(list, 'all').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitUntil(() => shadow(list).activeElement?.id === 'tab-active');
    expect(lastListRequest(backend)).to.contain('status=active');
    tab(list, 'active').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await waitUntil(() => shadow(list).activeElement?.id === 'tab-closed');
  });

  it('announces how many conversations the filters found', async () => {
    const list = await mount(fixtureBackend(makeConversations(12)));
    await waitUntil(() => text(shadow(list).querySelector('[aria-live="polite"]')) === '12 conversations');
  });

  it('searches by what the user types, marks the match, and offers to clear an empty result', async () => {
    const backend = fixtureBackend(makeConversations(12));
    const list = await mount(backend);
    const search = part(list, 'search') as HTMLInputElement;
    search.value = 'Søren';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => lastListRequest(backend).includes('q=S%C3%B8ren'), 'no search request', {
      timeout: 2000,
    });
    await waitUntil(() => rows(list).length === 2);
    expect(text(rows(list)[0]!.querySelector('mark'))).to.equal('Søren');
    expect(part(list, 'list')!.getAttribute('aria-busy')).to.equal('false');

    // Enter searches at once, and the list is busy until the answer lands.
    backend.mode = 'hold';
    search.value = 'Søren Kierkegaard';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(
      () => part(list, 'list')!.getAttribute('aria-busy') === 'true',
      'not busy while searching',
    );
    backend.mode = 'ok';
    backend.release();
    await waitUntil(() => rows(list).length > 0, 'no rows after the search');
    expect(part(list, 'list')!.getAttribute('aria-busy')).to.equal('false');

    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await waitUntil(
      () => text(part(list, 'state')).startsWith('No conversations match “nothing like this”.'),
      'no empty message',
      {
        timeout: 2000,
      },
    );
    part(list, 'state')!.querySelector('button')!.click();
    await waitUntil(() => rows(list).length === 12);
    expect(search.value).to.equal('');
  });

  it('filters by view, team and unread, and remembers the sort', async () => {
    const backend = fixtureBackend(makeConversations(12));
    const list = await mount(backend);
    choose(part(list, 'view-select') as HTMLSelectElement, 'mine');
    await waitUntil(() => lastListRequest(backend).includes('view=mine'));
    choose(part(list, 'team-select') as HTMLSelectElement, 'team-support');
    await waitUntil(() => lastListRequest(backend).includes('teamId=team-support'));
    const unread = part(list, 'unread-toggle')!;
    unread.click();
    await waitUntil(() => lastListRequest(backend).includes('unread=true'));
    expect(unread.getAttribute('aria-pressed')).to.equal('true');
    choose(part(list, 'sort-select') as HTMLSelectElement, 'waiting');
    await waitUntil(() => lastListRequest(backend).includes('sort=waiting'));
    expect(JSON.parse(localStorage.getItem('inbox-elements:user-agent:preferences') ?? '{}')).to.include({
      sort: 'waiting',
    });
    localStorage.removeItem('inbox-elements:user-agent:preferences');
  });

  it('hides the controls a host pins with attributes', async () => {
    const list = await mount(fixtureBackend(makeConversations(6)), { status: 'active', view: 'mine' });
    await waitUntil(() => !part(list, 'tabs') && !part(list, 'view-select'));
    expect(part(list, 'search')).to.exist;
    expect(shadow(list).querySelector('[role="tabpanel"]')).to.equal(null);
  });
});

describe('<inbox-conversation-list> rows', () => {
  it('renders only the rows in view of 10,000, with the full size announced', async () => {
    const backend = fixtureBackend(makeConversations(10_000));
    const list = await mount(backend);
    await waitUntil(() => rows(list).length > 0);
    expect(rows(list).length).to.be.lessThan(60);
    expect(rows(list)[0]!.getAttribute('aria-setsize')).to.equal('10000');
    expect(rows(list)[0]!.getAttribute('aria-posinset')).to.equal('1');
  });

  it('shows assigned agents, who is viewing now, and a relative time', async () => {
    const now = new Date().toISOString();
    const backend = fixtureBackend([
      makeConversation(0, {
        assigneeIds: [colleague.id],
        lastActivityAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      }),
      makeConversation(1, { lastActivityAt: now }),
    ]);
    const list = await mount(backend);
    await waitUntil(() => rows(list).length === 2);
    expect(text(rows(list)[0]!.querySelector('[part="assignees"]'))).to.contain('Assigned to Kwame Mensah');
    expect(text(rows(list)[0]!.querySelector('time'))).to.equal('5 min. ago');
    expect(text(rows(list)[1]!.querySelector('time'))).to.equal('just now');

    backend.push({
      id: '7',
      type: 'presence',
      spaceId: space.id,
      at: now,
      conversationId: 'conv-1',
      presence: [{ userId: colleague.id, state: 'viewing', at: now }],
    });
    await waitUntil(() =>
      text(rows(list)[1]!.querySelector('[part="viewers"]')).includes('Kwame Mensah viewing now'),
    );
  });

  /** A new message in the fifth conversation: the live order puts it first. */
  function newMessageInFifth(backend: ReturnType<typeof fixtureBackend>) {
    const moved = backend.conversations[4]!;
    const later = new Date(Date.parse(backend.conversations[0]!.lastActivityAt) + 60_000).toISOString();
    backend.push({
      id: '9',
      type: 'conversation.updated',
      spaceId: space.id,
      at: later,
      conversation: {
        ...moved,
        version: moved.version + 1,
        lastActivityAt: later,
        lastMessage: { kind: 'message', direction: 'in', text: 'New!', at: later },
      },
    });
    return moved;
  }

  it('keeps rows still while the pointer rests on the list, and re-sorts when it leaves', async () => {
    const backend = fixtureBackend(makeConversations(6));
    const list = await mount(backend);
    await waitUntil(() => rows(list).length === 6);
    const listbox = shadow(list).querySelector('[role="listbox"]')!;
    listbox.dispatchEvent(new PointerEvent('pointerenter'));
    const moved = newMessageInFifth(backend);
    await waitUntil(() => text(rows(list)[4]!.querySelector('[part="preview"]')) === 'New!');
    expect(rows(list)[0]!.dataset['id']).to.equal('conv-0');
    listbox.dispatchEvent(new PointerEvent('pointerleave'));
    await waitUntil(() => rows(list)[0]!.dataset['id'] === moved.id);
  });

  it('keeps still the rows that arrive under a pointer already resting on the list', async () => {
    const backend = fixtureBackend(makeConversations(6));
    backend.mode = 'hold';
    const list = await mount(backend);
    await waitUntil(() => shadow(list).querySelector('[role="listbox"]'));
    // The pointer came in while the list was loading, then rests on the rows once they are in.
    shadow(list).querySelector('[role="listbox"]')!.dispatchEvent(new PointerEvent('pointerenter'));
    backend.mode = 'ok';
    backend.release();
    await waitUntil(() => rows(list).length === 6);
    rows(list)[2]!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    newMessageInFifth(backend);
    await waitUntil(() => text(rows(list)[4]!.querySelector('[part="preview"]')) === 'New!');
    expect(rows(list)[0]!.dataset['id']).to.equal('conv-0');
  });
});

describe('<inbox-conversation-list> status menu', () => {
  async function openMenuFor(list: InboxConversationList, index: number) {
    rows(list)[index]!.focus();
    await waitUntil(() => part(list, 'row-menu-button'));
    const button = part(list, 'row-menu-button')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => shadow(list).querySelector('[role="menu"]'));
    return button;
  }
  const menuItems = (list: InboxConversationList) =>
    [...shadow(list).querySelectorAll<HTMLElement>('[role="menuitem"]')].map(text);

  it('offers only legal moves: never back to Unanswered', async () => {
    const backend = fixtureBackend(makeConversations(4));
    const list = await mount(backend);
    await waitUntil(() => rows(list).length === 4);
    await openMenuFor(list, 1); // unanswered
    expect(menuItems(list)).to.deep.equal(['Mark as Active', 'Close conversation']);
    expect(shadow(list).activeElement?.getAttribute('role')).to.equal('menuitem');
    shadow(list).activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitUntil(() => !shadow(list).querySelector('[role="menu"]'));
    expect(shadow(list).activeElement?.getAttribute('part')).to.equal('row-menu-button');

    await openMenuFor(list, 3); // closed
    expect(menuItems(list)).to.deep.equal(['Reopen']);
  });

  it('changes the status, fires inbox-status-change and moves the row out of its tab', async () => {
    const backend = fixtureBackend(makeConversations(8));
    const list = await mount(backend);
    tab(list, 'active').click();
    await waitUntil(() => rows(list).length === 4);
    const first = rows(list)[0]!.dataset['id'];
    await openMenuFor(list, 0);
    setTimeout(() => shadow(list).querySelector<HTMLElement>('[role="menuitem"]')!.click());
    const event = await oneEvent(list, 'inbox-status-change');
    expect(event.detail).to.include({ conversationId: first, from: 'active', to: 'closed' });
    await waitUntil(() => rows(list).length === 3 && !rows(list).some((r) => r.dataset['id'] === first));
    expect(backend.requests).to.include(`PUT /conversations/${first}/status`);
  });

  it("shows the server's reason when a change is refused, and puts the row back", async () => {
    const backend = fixtureBackend(makeConversations(8));
    backend.statusProblem = {
      type: 'urn:inbox:problem:illegal-status-change',
      title: 'Conflict',
      status: 409,
      detail: "A conversation can't go back to Unanswered.",
    };
    const list = await mount(backend);
    tab(list, 'active').click();
    await waitUntil(() => rows(list).length === 4);
    await openMenuFor(list, 0);
    shadow(list).querySelector<HTMLElement>('[role="menuitem"]')!.click();
    await waitUntil(() => text(part(list, 'banner')).includes("A conversation can't go back to Unanswered."));
    expect(part(list, 'banner')!.getAttribute('role')).to.equal('alert');
    expect(rows(list).length).to.equal(4);
  });
});

describe('<inbox-conversation-list> connection', () => {
  it('says it is offline when the realtime stream is down, and keeps its rows', async () => {
    const backend = fixtureBackend(makeConversations(5));
    backend.events = 'down';
    const list = await mount(backend);
    await waitUntil(() => text(part(list, 'banner')).startsWith('Offline'), 'no offline notice', {
      timeout: 3000,
    });
    expect(rows(list).length).to.equal(5);
  });

  it("follows the stream's state, not navigator.onLine", async () => {
    const backend = fixtureBackend(makeConversations(3));
    const list = await mount(backend);
    const store = (list.closest('inbox-provider') as InboxProvider).store;
    await waitUntil(() => store?.realtime.$connection.get() === 'open', 'stream not open');
    // The browser says offline (a captive portal, a flaky adapter), yet the stream is open.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await list.updateComplete;
      expect(part(list, 'banner')).to.equal(null);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('counts down a rate limit where the list would be, then loads by itself', async () => {
    const backend = fixtureBackend(makeConversations(3));
    backend.mode = 'rate-limited';
    const list = await mount(backend);
    await waitUntil(() => part(list, 'rate-limit'), 'no rate-limited state', { timeout: 3000 });
    expect(text(part(list, 'rate-limit'))).to.match(/^Too many requests — trying again in [12] s$/);
    backend.mode = 'ok';
    await waitUntil(() => rows(list).length === 3, 'did not load once the wait ended', { timeout: 5000 });
  });
});
