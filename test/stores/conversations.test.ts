import { expect } from '@open-wc/testing';
import type { Conversation } from '../../src/api/index.js';
import { compareConversations, createInboxStore, type ConversationFilters } from '../../src/stores/index.js';
import { deferred, until } from '../api/fake-fetch.js';
import { ME_ID, backend, conversation, created, manualTimers, removed, updated } from './backend.js';

/** c5 … c1, newest activity first: the server's `latest` order. */
const five = (): Conversation[] =>
  [50, 40, 30, 20, 10].map((minute) => conversation(`c${minute / 10}`, minute));

async function setup(conversations = five(), filters?: ConversationFilters, pageSize = 10) {
  const api = backend(conversations);
  api.pageSize = pageSize;
  const timers = manualTimers();
  const store = createInboxStore(api.client, { timers });
  await store.session.loadSession();
  await store.directory.setActiveSpace('s1');
  const list = store.conversations.createConversationList(filters);
  await list.load();
  const ids = () => list.$state.get().ids;
  return { api, timers, store, list, ids };
}

describe('conversation lists', () => {
  it('loads the first page, then appends pages without duplicates', async () => {
    const { api, list, ids } = await setup(five(), {}, 2);
    expect(ids()).to.deep.equal(['c5', 'c4']);
    expect(list.$state.get()).to.include({ status: 'ready', hasMore: true, loadingMore: false });
    const first = api.server.calls('/api/conversations')[0]!;
    expect(Object.fromEntries(first.searchParams)).to.deep.equal({
      spaceId: 's1',
      view: 'all',
      status: 'all',
      sort: 'latest',
    });

    // A new conversation arrived server-side, so the next page starts with a row we already have.
    api.conversations.unshift(conversation('c6', 60));
    await list.loadMore();
    expect(ids()).to.deep.equal(['c5', 'c4', 'c3']);
    expect(api.server.calls('/api/conversations')[1]?.searchParams.get('cursor')).to.equal('2');

    await list.loadMore();
    expect(ids()).to.deep.equal(['c5', 'c4', 'c3', 'c2', 'c1']);
    expect(list.$state.get().hasMore).to.equal(false);
    expect(list.$items.get().map((c) => c.contact.name)).to.deep.equal([
      'Contact c5',
      'Contact c4',
      'Contact c3',
      'Contact c2',
      'Contact c1',
    ]);

    await list.loadMore(); // Nothing left: no request.
    expect(api.server.calls('/api/conversations')).to.have.length(3);
  });

  it('keeps one copy of what conversations repeat, and every value as the server sent it', async () => {
    const sent = [
      conversation('c3', 30, { teamIds: ['t1', 't2'], assigneeIds: [ME_ID] }),
      conversation('c2', 20, { teamIds: ['t1', 't2'], assigneeIds: [ME_ID] }),
      conversation('c1', 10, { teamIds: ['t2'], senderProfile: { id: 'sp1', name: 'Renamed line' } }),
    ];
    const { store, list } = await setup(sent.map((c) => structuredClone(c)));
    const [c3, c2, c1] = list.$items.get();
    expect(list.$items.get()).to.deep.equal(sent);
    expect(c2!.teamIds).to.equal(c3!.teamIds);
    expect(c2!.assigneeIds).to.equal(c3!.assigneeIds);
    expect(c2!.tagIds).to.equal(c1!.tagIds);
    expect(c2!.senderProfile).to.equal(c3!.senderProfile);
    // A profile that differs in anything stays its own.
    expect(c1!.senderProfile).to.not.equal(c3!.senderProfile);
    expect(c1!.senderProfile.name).to.equal('Renamed line');

    // A change brings its own lists; the others keep theirs.
    store.conversations.applyEvent(updated({ ...sent[1]!, teamIds: ['t3'], assigneeIds: [], version: 2 }));
    const after = list.$items.get();
    expect(after.map((c) => c.teamIds)).to.deep.equal([['t1', 't2'], ['t3'], ['t2']]);
    expect(after.map((c) => c.assigneeIds)).to.deep.equal([[ME_ID], [], []]);
  });

  it('drops a stale in-flight response when the filters change', async () => {
    const closed = conversation('c9', 5, { status: 'closed', closedBy: ME_ID });
    const { api, list, ids } = await setup([...five(), closed]);
    const gate = deferred<void>();
    api.hold = gate.promise;
    const stale = list.load();
    api.hold = undefined;

    await list.setFilters({ status: 'closed' });
    expect(ids()).to.deep.equal(['c9']);
    gate.resolve();
    await stale;

    expect(ids()).to.deep.equal(['c9']);
    expect(list.$filters.get().status).to.equal('closed');
  });

  it('reports a failed load in its state without rejecting', async () => {
    const { api, list } = await setup();
    api.server.on('GET', '/api/conversations', () => new Response('nope', { status: 500 }));
    const state = await list.load();
    expect(state.status).to.equal('error');
    expect(state.error?.status).to.equal(500);
  });
});

describe('conversations across spaces', () => {
  it('keeps what a view loaded by id before the first space, without loading it again', async () => {
    const api = backend(five());
    const store = createInboxStore(api.client, { timers: manualTimers() });
    // A timeline open before the session answers: it loads its conversation by id.
    const release = store.conversations.keepLoaded('c2');
    const cached = () => store.conversations.$conversationsById.get().get('c2');
    await until(() => cached() !== undefined);
    const seen: (string | undefined)[] = [];
    const stop = store.conversations.conversation('c2').listen((c) => seen.push(c?.id));
    store.conversations.selectConversation('c2');

    await store.start();
    expect(store.directory.$activeSpaceId.get()).to.equal('s1');
    expect(seen, 'never emptied while the space arrived').to.deep.equal([]);
    expect(cached()?.id).to.equal('c2');
    expect(store.conversations.$activeConversationId.get()).to.equal('c2');
    expect(api.server.calls('/api/conversations/c2')).to.have.length(1);

    // Switching to another space still empties it: that space's conversations are not these.
    await store.directory.setActiveSpace('s2').catch(() => undefined);
    expect(seen[0]).to.equal(undefined);
    expect(store.conversations.$activeConversationId.get()).to.equal(null);
    stop();
    release();
    store.dispose();
  });
});

describe('realtime reduction', () => {
  it('moves an updated conversation to the top of `latest` and shows its unread count', async () => {
    const { store, list, ids } = await setup();
    const c3 = conversation('c3', 60, { unreadCount: 2, version: 2 });

    expect(store.conversations.applyEvent(updated(c3))).to.equal(true);

    expect(ids()).to.deep.equal(['c3', 'c5', 'c4', 'c2', 'c1']);
    expect(list.$items.get()[0]?.unreadCount).to.equal(2);
  });

  it('is idempotent: a repeated event or an older version changes nothing', async () => {
    const { store, list, ids } = await setup();
    const newer = updated(conversation('c2', 70, { version: 3 }));
    const older = updated(conversation('c2', 65, { version: 2, unreadCount: 9 }));
    const gone = removed('c4');

    store.conversations.applyEvent(newer);
    store.conversations.applyEvent(gone);
    const cached = () => [...store.conversations.$conversationsById.get().values()];
    const before = { state: list.$state.get(), cache: cached() };

    expect(store.conversations.applyEvent(newer)).to.equal(false);
    expect(store.conversations.applyEvent(older)).to.equal(false);
    store.conversations.applyEvent(gone);
    // A replayed create of the removed conversation at its old version must not bring it back.
    expect(store.conversations.applyEvent(created(conversation('c4', 40)))).to.equal(false);

    expect(list.$state.get()).to.deep.equal(before.state);
    expect(cached()).to.deep.equal(before.cache);
    expect(ids()).to.deep.equal(['c2', 'c5', 'c3', 'c1']);
    expect(store.conversations.$conversationsById.get().get('c2')?.unreadCount).to.equal(0);
  });

  it('inserts a created conversation at its sorted position', async () => {
    const { store, ids } = await setup();
    store.conversations.applyEvent(created(conversation('new', 35)));
    expect(ids()).to.deep.equal(['c5', 'c4', 'new', 'c3', 'c2', 'c1']);
  });

  it('leaves out a conversation that sorts after the loaded window while more pages exist', async () => {
    const { store, ids } = await setup(five(), {}, 2);
    store.conversations.applyEvent(created(conversation('old', 1)));
    expect(ids()).to.deep.equal(['c5', 'c4']);
    store.conversations.applyEvent(created(conversation('mid', 45)));
    expect(ids()).to.deep.equal(['c5', 'mid', 'c4']);
  });

  it('removes a conversation that no longer matches a pinned status, and a removed one', async () => {
    const unanswered = five().map((c) => ({ ...c, status: 'unanswered' as const }));
    const { store, list, ids } = await setup(unanswered, { status: 'unanswered' });

    store.conversations.applyEvent(updated({ ...unanswered[1]!, status: 'active', version: 2 }));
    expect(ids()).to.deep.equal(['c5', 'c3', 'c2', 'c1']);

    store.conversations.applyEvent(removed('c5'));
    expect(ids()).to.deep.equal(['c3', 'c2', 'c1']);
    expect(list.$items.get().map((c) => c.id)).to.deep.equal(['c3', 'c2', 'c1']);
    expect(store.conversations.$conversationsById.get().get('c5')).to.equal(undefined);
  });

  it('decides membership by view, team and unread like the server', async () => {
    const mine = five().map((c) => ({ ...c, assigneeIds: [ME_ID], unreadCount: 1 }));
    const { store, ids } = await setup(mine, { view: 'mine', teamId: 't1', unread: true });

    store.conversations.applyEvent(
      created(conversation('other', 55, { assigneeIds: ['u-else'], unreadCount: 1 })),
    );
    store.conversations.applyEvent(
      created(conversation('read', 56, { assigneeIds: [ME_ID], unreadCount: 0 })),
    );
    store.conversations.applyEvent(
      created(conversation('team2', 57, { assigneeIds: [ME_ID], unreadCount: 1, teamIds: ['t2'] })),
    );
    expect(ids()).to.deep.equal(['c5', 'c4', 'c3', 'c2', 'c1']);

    store.conversations.applyEvent(
      created(conversation('yes', 58, { assigneeIds: [ME_ID], unreadCount: 1 })),
    );
    store.conversations.applyEvent(updated({ ...mine[0]!, unreadCount: 0, version: 2 }));
    expect(ids()).to.deep.equal(['yes', 'c4', 'c3', 'c2', 'c1']);
  });

  it('with a search, keeps members fresh but never adds unknown conversations', async () => {
    const { store, ids } = await setup(five(), { q: 'hello' });
    store.conversations.applyEvent(created(conversation('unknown', 59)));
    store.conversations.applyEvent(updated(conversation('c1', 60, { version: 2 })));
    expect(ids()).to.deep.equal(['c1', 'c5', 'c4', 'c3', 'c2']);
  });

  it('refetches the counts once, debounced, after a burst of events', async () => {
    const { api, timers, store, list } = await setup();
    expect(api.server.calls('/api/conversations/counts')).to.have.length(1);
    expect(list.$counts.get()?.all).to.equal(5);

    api.conversations.push(conversation('c0', 0));
    store.conversations.applyEvent(created(api.conversations.at(-1)!));
    store.conversations.applyEvent(updated(conversation('c1', 11, { version: 2 })));
    store.conversations.applyEvent(removed('c2'));
    expect(timers.pending).to.equal(1);
    expect(api.server.calls('/api/conversations/counts')).to.have.length(1);

    timers.flush();
    await until(() => list.$counts.get()?.all === 6);
    expect(api.server.calls('/api/conversations/counts')).to.have.length(2);
  });

  it('feeds every live list from one event, each by its own filters', async () => {
    const { store, list: all } = await setup();
    const closed = store.conversations.createConversationList({ status: 'closed' });
    await closed.load();

    store.conversations.applyEvent(
      updated(conversation('c1', 61, { status: 'closed', closedBy: ME_ID, version: 2 })),
    );
    expect(all.$state.get().ids[0]).to.equal('c1');
    expect(closed.$state.get().ids).to.deep.equal(['c1']);

    closed.dispose();
    store.conversations.applyEvent(updated(conversation('c2', 62, { status: 'closed', version: 2 })));
    expect(closed.$state.get().ids).to.deep.equal(['c1']);
  });
});

describe('conversation order', () => {
  it('sorts `waiting` oldest first with nobody waiting last, and `newest` by creation', () => {
    const a = conversation('a', 1, { waitingSince: '2025-01-01T10:00:00Z' });
    const b = conversation('b', 2, { waitingSince: '2025-01-01T09:00:00Z' });
    const c = conversation('c', 3);
    expect([c, a, b].sort(compareConversations('waiting')).map((x) => x.id)).to.deep.equal(['b', 'a', 'c']);
    expect([a, c, b].sort(compareConversations('newest')).map((x) => x.id)).to.deep.equal(['c', 'b', 'a']);
  });
});
