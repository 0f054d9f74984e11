import { expect } from '@open-wc/testing';
import type { Conversation } from '../../src/api/index.js';
import {
  createInboxStore,
  type ConversationFilters,
  type InboxStore,
  type InboxStoreOptions,
  type PreferenceStorage,
} from '../../src/stores/index.js';
import { deferred, json, until } from '../api/fake-fetch.js';
import { ME_ID, backend, conversation, manualTimers, me } from './backend.js';

const stores: InboxStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

const people = (): Conversation[] => [
  conversation('c3', 30, { contact: { id: 'k3', name: 'Alma', phone: '+447700900003' } }),
  conversation('c2', 20, { contact: { id: 'k2', name: 'Albert', phone: '+447700900002' } }),
  conversation('c1', 10, { contact: { id: 'k1', name: 'Bea', phone: '+447700900001' } }),
];

function memoryStorage(): PreferenceStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

function create(api = backend(people()), options: InboxStoreOptions = {}) {
  api.pageSize = 10;
  const timers = manualTimers();
  const store = createInboxStore(api.client, { timers, storage: memoryStorage(), ...options });
  stores.push(store);
  const query = (i = -1) => Object.fromEntries(api.server.calls('/api/conversations').at(i)!.searchParams);
  const countsQuery = () =>
    Object.fromEntries(api.server.calls('/api/conversations/counts').at(-1)!.searchParams);
  return { api, timers, store, query, countsQuery };
}

async function started(options: InboxStoreOptions = {}, filters?: ConversationFilters) {
  const env = create(backend(people()), options);
  const list = env.store.conversations.createConversationList(filters);
  await env.store.start();
  return { ...env, list, ids: () => list.$state.get().ids };
}

describe('search', () => {
  it('waits for a pause in typing, trims, and sends one request with the last text', async () => {
    const { api, timers, list, query, countsQuery } = await started();
    const requests = () => api.server.calls('/api/conversations').length;
    const before = requests();

    void list.search('a');
    void list.search('al');
    const searched = list.search('  alm ');
    expect(requests()).to.equal(before);
    expect(timers.pending).to.equal(1);

    timers.flush();
    const state = await searched;
    expect(requests()).to.equal(before + 1);
    expect(query().q).to.equal('alm');
    expect(countsQuery().q).to.equal('alm');
    expect(list.$filters.get().q).to.equal('alm');
    expect(state.status).to.equal('ready');
  });

  it('searches at once when asked to (Enter), replacing the pending search', async () => {
    const { api, timers, list, query } = await started();
    const before = api.server.calls('/api/conversations').length;
    void list.search('al');
    const state = await list.search(' alm', { now: true });
    expect(timers.pending).to.equal(0);
    expect(api.server.calls('/api/conversations').length).to.equal(before + 1);
    expect(query().q).to.equal('alm');
    expect(state.status).to.equal('ready');
  });

  it('clears at once on empty text and cancels a pending search', async () => {
    const { api, timers, list, query } = await started({}, { q: 'bea' });
    void list.search('alb');
    await list.search('   ');
    expect(timers.pending).to.equal(0);
    expect(query().q).to.equal(undefined);
    expect(list.$filters.get().q).to.equal('');
    expect(api.server.calls('/api/conversations').some((u) => u.searchParams.get('q') === 'alb')).to.equal(
      false,
    );
  });

  it('drops the answer to an older search that arrives after a newer one', async () => {
    const { api, timers, list, ids } = await started();
    const slow = deferred<void>();
    api.server.on('GET', '/api/conversations', async (_, url) => {
      const q = url.searchParams.get('q') ?? '';
      if (q === 'al') await slow.promise;
      const items = api.conversations.filter((c) => c.contact.name?.toLowerCase().includes(q));
      return json({ items, nextCursor: null });
    });

    const first = list.search('al');
    timers.flush();
    const second = list.search('alb');
    timers.flush();
    await second;
    expect(ids()).to.deep.equal(['c2']);

    slow.resolve();
    await first;
    expect(ids()).to.deep.equal(['c2']);
    expect(list.$filters.get().q).to.equal('alb');
  });

  it('leaves setFilters immediate', async () => {
    const { timers, list, query } = await started();
    await list.setFilters({ q: 'bea' });
    expect(timers.pending).to.equal(0);
    expect(query().q).to.equal('bea');
  });
});

describe('counts', () => {
  it("refetch after setFilters and follow the list's view, team, search and unread, never status", async () => {
    const { api, list, countsQuery } = await started();
    const before = api.server.calls('/api/conversations/counts').length;

    await list.setFilters({ view: 'mine', teamId: 't1', q: 'al', unread: true, status: 'closed' });

    expect(api.server.calls('/api/conversations/counts')).to.have.length(before + 1);
    expect(countsQuery()).to.deep.equal({
      spaceId: 's1',
      view: 'mine',
      teamId: 't1',
      q: 'al',
      unread: 'true',
    });
    expect(list.$filters.get()).to.deep.equal({
      view: 'mine',
      status: 'closed',
      teamId: 't1',
      q: 'al',
      unread: true,
      sort: 'latest',
      contactId: null,
    });
  });
});

describe('remembered sort', () => {
  it('is saved per user and restored by the next store of that user only', async () => {
    const storage = memoryStorage();
    const first = create(backend(people()), { storage });
    await first.store.start();
    expect(first.store.preferences.$sort.get()).to.equal('latest');
    first.store.preferences.setSort('waiting');
    expect(JSON.parse(storage.items.get(`inbox-elements:${ME_ID}:preferences`) ?? '{}')).to.include({
      sort: 'waiting',
    });

    const again = create(backend(people()), { storage });
    const list = again.store.conversations.createConversationList();
    await again.store.start();
    expect(again.store.preferences.$sort.get()).to.equal('waiting');
    expect(list.$filters.get().sort).to.equal('waiting');
    // Created before the session said who the user is, yet the first request already has the sort.
    expect(again.api.server.calls('/api/conversations').map((u) => u.searchParams.get('sort'))).to.deep.equal(
      ['waiting'],
    );
    // A list created once the sort is known starts with it too.
    const late = again.store.conversations.createConversationList({ status: 'active' });
    await late.load();
    expect(again.query().sort).to.equal('waiting');

    const otherApi = backend(people());
    otherApi.server.on('GET', '/api/me', () => json({ ...me, user: { ...me.user, id: 'u-other' } }));
    const other = create(otherApi, { storage });
    await other.store.start();
    expect(other.store.preferences.$sort.get()).to.equal('latest');
  });

  it('re-sorts following lists when it changes, but not a list whose sort the host pinned', async () => {
    const { api, store, list, query } = await started();
    const pinned = store.conversations.createConversationList({ sort: 'newest' });
    await pinned.load();
    const requests = () => api.server.calls('/api/conversations').length;
    const before = requests();

    store.preferences.setSort('waiting');
    await until(() => list.$state.get().status === 'ready' && requests() === before + 1);
    expect(query().sort).to.equal('waiting');
    expect(list.$filters.get().sort).to.equal('waiting');
    expect(pinned.$filters.get().sort).to.equal('newest');

    // `sort: undefined` unpins: the list takes the remembered sort and follows it from then on.
    await pinned.setFilters({ sort: undefined });
    expect(pinned.$filters.get().sort).to.equal('waiting');
    // A call that doesn't mention sort leaves a pinned sort pinned.
    await list.setFilters({ sort: 'newest' });
    await list.setFilters({ unread: true });
    store.preferences.setSort('latest');
    expect(list.$filters.get().sort).to.equal('newest');
    expect(pinned.$filters.get().sort).to.equal('latest');
  });

  it('ignores a stored value that is not a sort', async () => {
    const storage = memoryStorage();
    storage.items.set(`inbox-elements:${ME_ID}:sort`, 'loudest');
    const { store } = create(backend(people()), { storage });
    await store.start();
    expect(store.preferences.$sort.get()).to.equal('latest');
  });

  it('keeps working in memory when storage throws (e.g. Safari private mode)', async () => {
    const refuse = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const { store, list, query } = await started({ storage: { getItem: refuse, setItem: refuse } });
    expect(list.$state.get().status).to.equal('ready');

    store.preferences.setSort('newest');
    expect(store.preferences.$sort.get()).to.equal('newest');
    await until(() => query().sort === 'newest');
  });

  it('uses localStorage when no storage is given', async () => {
    const key = `inbox-elements:${ME_ID}:preferences`;
    const { store } = create(backend(people()), { storage: undefined });
    try {
      await store.start();
      store.preferences.setSort('newest');
      expect(JSON.parse(localStorage.getItem(key) ?? '{}')).to.include({ sort: 'newest' });
    } finally {
      localStorage.removeItem(key);
    }
  });
});

describe('space switching', () => {
  it('reloads every list and its counts for the new space, keeping the remembered sort', async () => {
    const storage = memoryStorage();
    storage.items.set(`inbox-elements:${ME_ID}:preferences`, JSON.stringify({ sort: 'waiting' }));
    const { api, store } = create(backend(people()), { storage });
    const all = store.conversations.createConversationList();
    const closed = store.conversations.createConversationList({ status: 'closed', sort: 'newest' });
    await store.start();
    const since = api.server.requests.length;

    await store.directory.setActiveSpace('s2');

    const later = api.server.requests.slice(since).map((r) => new URL(r.url));
    const lists = later.filter((u) => u.pathname === '/api/conversations');
    const counts = later.filter((u) => u.pathname === '/api/conversations/counts');
    expect(
      lists.map((u) => [
        u.searchParams.get('spaceId'),
        u.searchParams.get('status'),
        u.searchParams.get('sort'),
      ]),
    ).to.have.deep.members([
      ['s2', 'all', 'waiting'],
      ['s2', 'closed', 'newest'],
    ]);
    expect(counts.map((u) => u.searchParams.get('spaceId'))).to.deep.equal(['s2', 's2']);
    expect(all.$state.get().status).to.equal('ready');
    expect(closed.$state.get().status).to.equal('ready');
    expect(all.$counts.get()?.all).to.equal(3);
  });
});

describe('search matches', () => {
  it('belong to the list that searched, never to the shared cache', async () => {
    const match = { text: 'Order NW-10002 from last week', seq: 2 };
    const data = people().map((c) => (c.id === 'c2' ? { ...c, searchMatch: match } : c));
    const env = create(backend(data));
    const list = env.store.conversations.createConversationList();
    await env.store.start();
    await until(() => list.$state.get().status === 'ready');
    expect(list.$items.get().find((c) => c.id === 'c2')?.searchMatch).to.deep.equal(match);
    expect(env.store.conversations.$conversationsById.get().get('c2')?.searchMatch).to.equal(undefined);
    expect(list.$items.get().find((c) => c.id === 'c1')?.searchMatch).to.equal(undefined);
  });
});
