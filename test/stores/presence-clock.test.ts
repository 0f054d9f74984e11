import { expect } from '@open-wc/testing';
import type { InboxEventOf, PresenceEntry } from '../../src/api/index.js';
import { createInboxStore, type InboxStore } from '../../src/stores/index.js';
import { ME_ID, backend, manualTimers } from './backend.js';

const stores: InboxStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

const T0 = Date.UTC(2025, 0, 1, 12);
const iso = (ms: number) => new Date(ms).toISOString();

async function setup() {
  const api = backend();
  const timers = manualTimers();
  const clock = { now: T0 };
  const store = createInboxStore(api.client, { timers, now: () => clock.now });
  stores.push(store);
  await store.session.loadSession();
  await store.directory.setActiveSpace('s1');
  return { api, timers, clock, store };
}

let eventId = 5000;
function presence(
  conversationId: string,
  entries: PresenceEntry[],
  { at = T0, spaceId = 's1' } = {},
): InboxEventOf<'presence'> {
  return { id: String(++eventId), type: 'presence', spaceId, at: iso(at), conversationId, presence: entries };
}
const entry = (userId: string, state: PresenceEntry['state'] = 'viewing', at = T0): PresenceEntry => ({
  userId,
  state,
  at: iso(at),
});

describe('presence', () => {
  it('lists who else is in a conversation, from realtime events, without the current user', async () => {
    const { store } = await setup();
    store.realtime.applyEvent(
      presence('c1', [entry('u-bo'), entry(ME_ID), entry('u-cy', 'typing'), entry('u-di', 'left')]),
    );
    store.realtime.applyEvent(presence('c9', [entry('u-ed')], { spaceId: 's2' }));

    expect(store.presence.$byConversation.get()).to.deep.equal({
      c1: [entry('u-bo'), entry('u-cy', 'typing')],
    });

    // Each event is the whole picture of its conversation.
    store.realtime.applyEvent(presence('c1', [entry('u-cy', 'viewing')]));
    expect(store.presence.$byConversation.get()).to.deep.equal({ c1: [entry('u-cy')] });
    store.realtime.applyEvent(presence('c1', []));
    expect(store.presence.$byConversation.get()).to.deep.equal({});
  });

  it('drops entries 30 s after they were announced, measured on the server clock', async () => {
    const { store, timers, clock } = await setup();
    // The client's clock runs an hour ahead of the server's: ages still come from the server.
    clock.now = T0 + 3_600_000;
    store.realtime.applyEvent(presence('c1', [entry('u-bo'), entry('u-cy', 'viewing', T0 - 20_000)]));
    expect(store.presence.$byConversation.get()['c1']).to.have.length(2);

    clock.now += 11_000;
    timers.flush();
    expect(store.presence.$byConversation.get()).to.deep.equal({ c1: [entry('u-bo')] });

    clock.now += 20_000;
    timers.flush();
    expect(store.presence.$byConversation.get()).to.deep.equal({});
    expect(timers.pending).to.equal(0);
  });

  it('forgets who was where on a space switch', async () => {
    const { store } = await setup();
    store.realtime.applyEvent(presence('c1', [entry('u-bo')]));
    await store.directory.setActiveSpace('s2');
    expect(store.presence.$byConversation.get()).to.deep.equal({});
  });

  it('announces, repeating the same state at most every 15 s', async () => {
    const { api, store, clock } = await setup();
    const sent = () =>
      Promise.all(
        api.server.requests
          .filter((r) => r.method === 'PUT' && r.url.endsWith('/conversations/c1/presence'))
          .map(async (r) => ((await r.clone().json()) as { state: string }).state),
      );

    await store.presence.announce('c1', 'viewing');
    await store.presence.announce('c1', 'viewing');
    clock.now += 14_000;
    await store.presence.announce('c1', 'viewing');
    expect(await sent()).to.deep.equal(['viewing']);

    await store.presence.announce('c2', 'viewing'); // Another conversation is its own.
    clock.now += 2_000;
    await store.presence.announce('c1', 'viewing');
    await store.presence.announce('c1', 'typing');
    await store.presence.announce('c1', 'left');
    await store.presence.announce('c1', 'viewing');
    expect(await sent()).to.deep.equal(['viewing', 'viewing', 'typing', 'left', 'viewing']);
  });

  it('never rejects, and retries at once after a failed announcement', async () => {
    const { api, store } = await setup();
    let fail = true;
    api.server.on('PUT', '/api/conversations/:id/presence', () => {
      if (fail) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 204 });
    });
    const puts = () => api.server.requests.filter((r) => r.method === 'PUT').length;

    expect(await store.presence.announce('c1', 'viewing')).to.equal(undefined);
    fail = false;
    await store.presence.announce('c1', 'viewing');
    expect(puts()).to.equal(2);
    await store.presence.announce('c1', 'viewing');
    expect(puts()).to.equal(2);
  });
});

describe('clock', () => {
  it('ticks every 30 s only while something subscribes', async () => {
    const { store, timers, clock } = await setup();
    const { $now } = store.clock;
    expect($now.get()).to.equal(T0);
    expect(timers.pending).to.equal(0);

    const seen: number[] = [];
    const unsubscribe = $now.listen((value) => seen.push(value));
    expect(timers.pending).to.equal(1);
    clock.now = T0 + 30_000;
    timers.flush();
    clock.now = T0 + 60_000;
    timers.flush();
    expect(seen).to.deep.equal([T0 + 30_000, T0 + 60_000]);

    unsubscribe();
    expect(timers.pending).to.equal(0);
    clock.now = T0 + 90_000;
    timers.flush();
    expect(seen).to.have.length(2);

    // A new subscriber starts from the current time, not the last tick.
    clock.now = T0 + 100_000;
    const again = $now.subscribe(() => undefined);
    expect($now.get()).to.equal(T0 + 100_000);
    expect(timers.pending).to.equal(1);

    // A disposed bundle goes quiet even while an element still holds a subscription.
    store.dispose();
    expect(timers.pending).to.equal(0);
    again();
  });
});
