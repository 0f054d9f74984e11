import { expect } from '@open-wc/testing';
import {
  $defaultInbox,
  configureInbox,
  createInboxStore,
  getDefaultInbox,
  whenInboxConfigured,
  type InboxPart,
  type InboxStore,
} from '../../src/stores/index.js';
import { until } from '../api/fake-fetch.js';
import { backend, conversation, manualTimers, me, updated } from './backend.js';

const stores: InboxStore[] = [];
function track(store: InboxStore): InboxStore {
  stores.push(store);
  return store;
}
afterEach(() => {
  stores.splice(0).forEach((store) => store.dispose());
  localStorage.clear();
});

describe('createInboxStore', () => {
  it('starts: session, preferred space, directory, lists, then realtime', async () => {
    const api = backend([conversation('c1', 10), conversation('c2', 20)]);
    const store = track(createInboxStore(api.client, { spaceId: 's2', timers: manualTimers() }));
    const list = store.conversations.createConversationList();
    await list.load(); // No space yet: nothing to load.
    expect(list.$state.get().status).to.equal('idle');

    const session = await store.start();

    expect(session.user.id).to.equal(me.user.id);
    expect(store.session.$capabilities.get()?.assign).to.equal(true);
    expect(store.directory.$activeSpaceId.get()).to.equal('s2');
    expect(store.directory.$spaces.get().map((s) => s.id)).to.deep.equal(['s1', 's2']);
    expect(store.directory.$teams.get()[0]?.spaceId).to.equal('s2');
    expect(store.directory.$usersById.get()[me.user.id]?.name).to.equal(me.user.name);
    expect(list.$state.get().status).to.equal('ready');
    await until(() => store.realtime.$connection.get() === 'open');
    expect(api.server.calls('/api/events')[0]?.searchParams.get('spaceId')).to.equal('s2');
  });

  it('builds a part once, on first use; it starts with the inbox, and one built after dispose stays quiet', async () => {
    const store = createInboxStore(backend().client, { timers: manualTimers() });
    const seen: string[] = [];
    const part: InboxPart<string> = (_store, { whenOpen, onDispose }) => {
      seen.push('built');
      whenOpen(() => seen.push('opened'));
      onDispose(() => seen.push('disposed'));
      return 'the part';
    };
    expect(store.use(part)).to.equal('the part');
    store.use(part);
    expect(seen).to.deep.equal(['built']);
    await store.start();
    expect(seen).to.deep.equal(['built', 'opened']);
    store.dispose();
    expect(seen).to.deep.equal(['built', 'opened', 'disposed']);

    // An element that kept the old store asks for a part: it is disposed at once and never opens.
    const late: InboxPart<void> = (_store, { whenOpen, onDispose }) => {
      whenOpen(() => seen.push('late opened'));
      onDispose(() => seen.push('late disposed'));
    };
    store.use(late);
    expect(seen.slice(3)).to.deep.equal(['late disposed']);
  });

  it('rejects start with the session error', async () => {
    const api = backend();
    api.server.on('GET', '/api/me', () => new Response(null, { status: 503 }));
    const store = track(createInboxStore(api.client));
    const error = await store.start().catch((e: unknown) => e);
    expect((error as { status: number }).status).to.equal(503);
    expect(store.session.$sessionState.get().status).to.equal('error');
  });

  it('applies streamed events to the lists, once per event id', async () => {
    const api = backend([conversation('c2', 20), conversation('c1', 10)]);
    const store = track(createInboxStore(api.client, { timers: manualTimers() }));
    const list = store.conversations.createConversationList();
    await store.start();
    await until(() => store.realtime.$connection.get() === 'open');

    const event = updated(conversation('c1', 30, { version: 2, unreadCount: 4 }));
    api.push(event);
    await until(() => list.$state.get().ids[0] === 'c1');
    expect(list.$items.get()[0]?.unreadCount).to.equal(4);

    // Same id, different payload: a duplicate delivery is ignored outright.
    store.realtime.applyEvent({ ...event, conversation: conversation('c1', 40, { version: 3 }) });
    expect(store.conversations.$conversationsById.get().get('c1')?.version).to.equal(2);
  });

  it('reloads lists and directory on resync', async () => {
    const api = backend([conversation('c1', 10)]);
    const store = track(createInboxStore(api.client, { timers: manualTimers() }));
    const list = store.conversations.createConversationList();
    await store.start();

    api.conversations.push(conversation('c0', 5));
    await store.realtime.resync();
    expect(list.$state.get().ids).to.deep.equal(['c1', 'c0']);
    expect(api.server.calls('/api/teams')).to.have.length(2);

    api.push({ id: '900', type: 'resync', spaceId: 's1', at: '2025-01-01T00:00:00Z' });
    await until(() => api.server.calls('/api/conversations').length === 3);
  });

  it('reopens the space this user chose last time, unless the host pins one', async () => {
    const api = backend([conversation('c1', 10)]);
    const first = track(createInboxStore(api.client, { timers: manualTimers() }));
    await first.start();
    expect(first.directory.$activeSpaceId.get()).to.equal('s1');
    await first.directory.setActiveSpace('s2');
    first.dispose();

    const reloaded = track(createInboxStore(api.client, { timers: manualTimers() }));
    await reloaded.start();
    expect(reloaded.directory.$activeSpaceId.get()).to.equal('s2');

    const pinned = track(createInboxStore(api.client, { timers: manualTimers(), spaceId: 's1' }));
    await pinned.start();
    expect(pinned.directory.$activeSpaceId.get()).to.equal('s1');
  });

  it('switching space reloads every store for it, clears selection and reconnects realtime', async () => {
    const api = backend([conversation('c1', 10)]);
    const store = track(createInboxStore(api.client, { timers: manualTimers() }));
    const list = store.conversations.createConversationList();
    await store.start();
    store.conversations.selectConversation('c1');
    await until(() => store.realtime.$connection.get() === 'open');

    await store.directory.setActiveSpace('s2');

    expect(store.conversations.$activeConversationId.get()).to.equal(null);
    expect(api.server.calls('/api/conversations').at(-1)?.searchParams.get('spaceId')).to.equal('s2');
    expect(api.server.calls('/api/tags').at(-1)?.searchParams.get('spaceId')).to.equal('s2');
    expect(list.$state.get().status).to.equal('ready');
    await until(
      () => api.server.calls('/api/events').length === 2 && store.realtime.$connection.get() === 'open',
    );
    expect(api.server.calls('/api/events')[1]?.searchParams.get('spaceId')).to.equal('s2');
    expect(
      api.server.requests.filter((r) => r.url.includes('/events'))[1]?.headers.get('Last-Event-ID'),
    ).to.equal(null);
  });

  it('selectConversation sets the active conversation', async () => {
    const api = backend([conversation('c1', 10)]);
    const store = track(createInboxStore(api.client, { timers: manualTimers() }));
    store.conversations.createConversationList();
    await store.start();
    store.conversations.selectConversation('c1');
    expect(store.conversations.$activeConversationId.get()).to.equal('c1');
    expect(store.conversations.$activeConversation.get()?.id).to.equal('c1');
  });

  it('keeps two stores fully independent', async () => {
    const one = backend([conversation('c1', 10)]);
    const two = backend([conversation('c1', 10)]);
    const a = track(createInboxStore(one.client, { timers: manualTimers() }));
    const b = track(createInboxStore(two.client, { timers: manualTimers(), spaceId: 's2' }));
    const listA = a.conversations.createConversationList();
    const listB = b.conversations.createConversationList();
    await Promise.all([a.start(), b.start()]);

    a.conversations.selectConversation('c1');
    a.conversations.applyEvent(updated(conversation('c1', 50, { version: 5, unreadCount: 3 })));

    expect(b.conversations.$activeConversationId.get()).to.equal(null);
    expect(b.conversations.$conversationsById.get().get('c1')?.version).to.equal(1);
    expect(listB.$items.get()[0]?.unreadCount).to.equal(0);
    expect(listA.$items.get()[0]?.unreadCount).to.equal(3);
    expect(a.directory.$activeSpaceId.get()).to.equal('s1');
    expect(b.directory.$activeSpaceId.get()).to.equal('s2');
  });

  it('goes quiet on dispose', async () => {
    const api = backend([conversation('c1', 10)]);
    const store = createInboxStore(api.client, { timers: manualTimers() });
    const list = store.conversations.createConversationList();
    await store.start();
    await until(() => store.realtime.$connection.get() === 'open');

    store.dispose();
    await list.load();
    expect(api.server.calls('/api/conversations')).to.have.length(1);
    expect(store.realtime.$connection.get()).to.equal('idle');
  });
});

describe('default inbox', () => {
  afterEach(() => getDefaultInbox()?.dispose());

  it('is undefined until configured, then shared through $defaultInbox', async () => {
    const api = backend();
    const configured = whenInboxConfigured();
    const first = configureInbox({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: api.server.fetch,
      start: false,
    });

    expect(await configured).to.equal(first);
    expect(getDefaultInbox()).to.equal(first);

    const second = configureInbox({
      baseUrl: 'http://inbox.test/api',
      tokenProvider: () => 't',
      fetch: api.server.fetch,
    });
    expect($defaultInbox.get()).to.equal(second);
    await until(() => second.session.$me.get() !== undefined);
  });
});
