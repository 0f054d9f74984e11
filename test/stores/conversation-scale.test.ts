import { expect } from '@open-wc/testing';
import type { Conversation } from '../../src/api/index.js';
import { compareConversations, createInboxStore, type ConversationFilters } from '../../src/stores/index.js';
import { backend, conversation, manualTimers, removed, updated } from './backend.js';

// Behaviours that keep the cost of one realtime event independent of how many conversations are
// loaded. Proven by what is shared, published or parsed, never by timing.

/** `count` conversations, newest activity first (the server's `latest` order): c{count-1} … c0. */
const many = (count: number): Conversation[] =>
  Array.from({ length: count }, (_, i) => conversation(`c${count - 1 - i}`, count - i));

async function setup(conversations: Conversation[], filters?: ConversationFilters) {
  const api = backend(conversations);
  api.pageSize = conversations.length;
  const store = createInboxStore(api.client, { timers: manualTimers() });
  await store.session.loadSession();
  await store.directory.setActiveSpace('s1');
  const list = store.conversations.createConversationList(filters);
  await list.load();
  const bump = (id: string, changes: Partial<Conversation> = {}) => {
    const current = store.conversations.$conversationsById.get().get(id)!;
    store.conversations.applyEvent(updated({ ...current, version: current.version + 1, ...changes }));
  };
  return { api, store, list, bump };
}

/** Counts Date.parse calls while `run` runs. */
function countParses(run: () => void): number {
  const parse = Date.parse;
  let calls = 0;
  Date.parse = (value: string) => {
    calls++;
    return parse(value);
  };
  try {
    run();
  } finally {
    Date.parse = parse;
  }
  return calls;
}

describe('the conversation cache', () => {
  it('changes one Map in place: an index published earlier already reads the update', async () => {
    const { store, bump } = await setup(many(50));
    const before = store.conversations.$conversationsById.get();
    const untouched = before.get('c10');
    bump('c20', { unreadCount: 7 });
    const after = store.conversations.$conversationsById.get();
    // A new value tells subscribers; it is a view of the same Map, not a copy of 50 entries.
    expect(after).to.not.equal(before);
    expect(before.get('c20')?.unreadCount).to.equal(7);
    expect(after.get('c10')).to.equal(untouched);
    expect(after.size).to.equal(50);
    expect(after.has('c20')).to.equal(true);
    expect([...after.values()]).to.have.length(50);
  });

  it("follows one conversation: its subscribers hear its updates and its removal, not another's", async () => {
    const { store, bump } = await setup(many(10));
    const heard: (Conversation | undefined)[] = [];
    const stop = store.conversations.conversation('c3').listen((c) => heard.push(c));
    bump('c4', { unreadCount: 1 });
    bump('c5', { unreadCount: 1 });
    expect(heard).to.deep.equal([]);

    bump('c3', { unreadCount: 2 });
    expect(heard.map((c) => c?.unreadCount)).to.deep.equal([2]);
    store.conversations.patchLocal('c3', { unreadCount: 0 });
    store.conversations.applyEvent(removed('c3'));
    expect(heard.map((c) => c?.unreadCount)).to.deep.equal([2, 0, undefined]);
    stop();
  });

  it('gives a conversation store its current value before and after anyone listens', async () => {
    const { store, bump } = await setup(many(3));
    const $c1 = store.conversations.conversation('c1');
    expect($c1.get()?.id).to.equal('c1');
    bump('c1', { unreadCount: 5 });
    expect($c1.get()?.unreadCount).to.equal(5);
    // Two views of the same conversation both follow it.
    const a: number[] = [];
    const b: number[] = [];
    const stopA = store.conversations.conversation('c1').listen((c) => a.push(c?.unreadCount ?? -1));
    const stopB = $c1.listen((c) => b.push(c?.unreadCount ?? -1));
    bump('c1', { unreadCount: 6 });
    expect([a, b]).to.deep.equal([[6], [6]]);
    stopA();
    stopB();
  });

  it('empties every followed conversation on a space switch', async () => {
    const { store } = await setup(many(3));
    const seen: (string | undefined)[] = [];
    const stop = store.conversations.conversation('c2').subscribe((c) => seen.push(c?.id));
    await store.directory.setActiveSpace('s2').catch(() => undefined);
    // The fake backend answers the same rows for the other space: they come back after the reload.
    expect(seen.slice(0, 2)).to.deep.equal(['c2', undefined]);
    stop();
  });
});

describe('a list at scale', () => {
  it('publishes nothing when an update leaves the order as it was: the row reads the cache', async () => {
    const { store, list, bump } = await setup(many(200));
    const state = list.$state.get();
    bump('c150', { unreadCount: 3 });
    expect(list.$state.get()).to.equal(state);
    expect(store.conversations.$conversationsById.get().get('c150')?.unreadCount).to.equal(3);
  });

  it('parses dates a logarithmic number of times per update, not once or twice per row', async () => {
    const { list, bump } = await setup(many(2000));
    // Far down the list, staying in place: a scan from the top would compare ~2,000 rows.
    const stay = countParses(() => bump('c5', { unreadCount: 1 }));
    // Parsed once per version: the same search again parses only the new version's key.
    const again = countParses(() => bump('c5', { unreadCount: 2 }));
    const move = countParses(() => bump('c7', { lastActivityAt: '2030-01-01T00:00:00.000Z' }));
    expect(list.$state.get().ids[0]).to.equal('c7');
    // One new version's key, and the keys of the ~log2(2000) = 11 rows a binary search visits.
    expect(stay).to.be.at.most(30);
    expect(again).to.equal(1);
    expect(move).to.be.at.most(30);
  });

  it('keeps the sorted order through many moves, inserts and removals (all three sorts)', async () => {
    for (const sort of ['latest', 'newest', 'waiting'] as const) {
      const start = many(120).map((c, i) => ({
        ...c,
        waitingSince: i % 3 ? c.lastActivityAt : null,
      }));
      const ordered = [...start].sort(compareConversations(sort));
      const { store, list, bump } = await setup(ordered, { sort });
      let seed = 7;
      const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
      for (let step = 0; step < 300; step++) {
        const id = `c${random(140)}`;
        const at = new Date(Date.UTC(2025, 0, 1, 12, random(400))).toISOString();
        const cached = store.conversations.$conversationsById.get().get(id);
        if (step % 17 === 0 && cached) store.conversations.applyEvent(removed(id));
        else if (cached) bump(id, { lastActivityAt: at, createdAt: at, waitingSince: step % 5 ? at : null });
        else
          store.conversations.applyEvent(
            updated(conversation(id, random(400), { version: 100 + step, waitingSince: at })),
          );
      }
      const byId = store.conversations.$conversationsById.get();
      const expected = [...byId.values()].sort(compareConversations(sort)).map((c) => c.id);
      expect(list.$state.get().ids, sort).to.deep.equal(expected);
      expect(new Set(list.$state.get().ids).size).to.equal(expected.length);
      expect(list.has(expected[0]!)).to.equal(true);
    }
  });

  it('never changes an ids array it has published', async () => {
    const { list, bump } = await setup(many(20));
    const first = list.$state.get().ids;
    const copy = [...first];
    bump('c3', { lastActivityAt: '2030-01-01T00:00:00.000Z' });
    expect(first).to.deep.equal(copy);
    expect(list.$state.get().ids[0]).to.equal('c3');
  });
});
