import { expect } from '@open-wc/testing';
import { InboxApiError, type MessageItem } from '../../src/api/index.js';
import {
  createIndexedDbOutboxStorage,
  createInboxStore,
  messagingStores,
  type InboxStore,
  type MessagingStores,
  type StoredSend,
} from '../../src/stores/index.js';
import { deferred, until } from '../api/fake-fetch.js';
import { conversation, me } from './backend.js';
import { T0, disposeAll, inbox } from './timeline-backend.js';
import { withMessaging } from '../helpers/with-messaging.js';

afterEach(disposeAll);

const pending = (store: MessagingStores) => store.outbox.$pending.get();
const legacyKey = `inbox-elements:${me.user.id}:outbox`;

/** A new page: a new store and a new handle on the same IndexedDB database. */
function reload(setup: ReturnType<typeof inbox>, prefix: string): InboxStore & MessagingStores {
  const store = createInboxStore(setup.api.client, {
    timers: setup.timers,
    now: () => setup.clock.now,
    storage: setup.storage,
    outboxStorage: createIndexedDbOutboxStorage(prefix),
  });
  return withMessaging(store);
}

/** A page that sends while offline and closes before the send goes out: the send stays kept. */
async function keptOffline(setup: ReturnType<typeof inbox>, prefix: string, text: string): Promise<unknown> {
  const first = reload(setup, prefix);
  await first.start();
  setup.server.mode = 'offline';
  const sending = first.outbox.send('c1', { text }).catch((e: unknown) => e);
  await until(() => pending(first)[0]?.retrying === true);
  first.dispose();
  return sending;
}

describe('outbox in IndexedDB', () => {
  it('keeps a send made offline across a reload and re-sends it with the same key; no token is kept', async () => {
    const setup = inbox();
    const prefix = `test-${crypto.randomUUID()}`;
    expect(await keptOffline(setup, prefix, 'Sent from a train')).to.be.instanceOf(InboxApiError);

    const saved = await createIndexedDbOutboxStorage(prefix).readAll(me.user.id);
    expect(saved).to.have.length(1);
    // Exactly what the request needs: nothing that could carry the bearer token.
    expect(Object.keys(saved[0]!).sort()).to.deep.equal(
      ['attachmentIds', 'authorId', 'clientMessageId', 'conversationId', 'createdAt', 'kind', 'text'].sort(),
    );
    expect(JSON.stringify(saved)).not.to.contain('token');

    setup.server.mode = 'ok';
    const second = reload(setup, prefix);
    await second.start();
    await until(() => setup.server.items['c1']?.length === 1);
    const [key] = setup.server.sendKeys;
    expect(setup.server.sendKeys).to.deep.equal([key, key]);
    expect(key).to.equal(saved[0]!.clientMessageId);
    await until(() => pending(second).length === 0);
    expect(await createIndexedDbOutboxStorage(prefix).readAll(me.user.id)).to.deep.equal([]);
    second.dispose();
  });

  it('reads no kept sends until a timeline or composer asks for the outbox, then re-sends them at once', async () => {
    const setup = inbox();
    const prefix = `test-${crypto.randomUUID()}`;
    await keptOffline(setup, prefix, 'Kept for later');

    // A page with only the list: its store starts without building the outbox or opening IndexedDB.
    setup.server.mode = 'ok';
    const storage = createIndexedDbOutboxStorage(prefix);
    let reads = 0;
    const counted = { ...storage, readAll: (userId: string) => (reads++, storage.readAll(userId)) };
    const store = createInboxStore(setup.api.client, {
      timers: setup.timers,
      storage: setup.storage,
      outboxStorage: counted,
    });
    await store.start();
    await store.conversations.createConversationList().load();
    expect(reads).to.equal(0);
    expect(setup.server.items['c1'] ?? []).to.deep.equal([]);

    // A composer shows up later: the part is built on the started store and sends what was kept.
    const { outbox } = store.use(messagingStores);
    expect(store.use(messagingStores).outbox).to.equal(outbox, 'one part per store');
    await until(() => setup.server.items['c1']?.length === 1);
    expect(reads).to.equal(1);
    store.dispose();
  });

  it('sends what was handed off but never saved (a reload between the two writes) with the key it was given', async () => {
    const setup = inbox();
    const prefix = `test-${crypto.randomUUID()}`;
    // The page goes away while IndexedDB is still writing the send: its record never lands.
    const first = withMessaging(
      createInboxStore(setup.api.client, {
        timers: setup.timers,
        now: () => setup.clock.now,
        storage: setup.storage,
        outboxStorage: { readAll: async () => [], add: () => new Promise(() => {}), remove: async () => {} },
      }),
    );
    await first.start();
    const handle = first.outbox.send('c1', { text: 'Sent just before the reload' });
    handle.catch(() => undefined);
    expect(first.drafts.get('c1', 'message')).to.equal('');
    first.dispose();
    expect(setup.server.sendKeys).to.deep.equal([], 'nothing leaves before it is saved');

    const second = reload(setup, prefix);
    await second.start();
    await until(() => setup.server.items['c1']?.length === 1);
    expect(setup.server.sendKeys).to.deep.equal([handle.clientMessageId]);
    await until(() => pending(second).length === 0);
    expect(second.drafts.get('c1', 'message')).to.equal('');
    second.dispose();
  });

  /** A store whose page can be made to leave while storage is still writing its sends. */
  async function leavingPage() {
    const setup = inbox();
    const saved = deferred<boolean>();
    let leave = (): void => undefined;
    const store = withMessaging(
      createInboxStore(setup.api.client, {
        timers: setup.timers,
        now: () => setup.clock.now,
        storage: setup.storage,
        // Still writing the send when the tab is closed: on its own it would never leave.
        outboxStorage: { readAll: async () => [], add: () => saved.promise, remove: async () => {} },
        onPageLeave: (listener) => {
          leave = listener;
          return () => (leave = () => undefined);
        },
      }),
    );
    await store.start();
    return { setup, store, saved, leave: () => leave() };
  }

  it('sends what has not reached the server when the page goes away, with a request that outlives the page', async () => {
    const { setup, store, saved, leave } = await leavingPage();
    const handle = store.outbox.send('c1', { text: 'Sent as the tab closed' });
    handle.catch(() => undefined);
    expect(setup.server.sendKeys).to.deep.equal([]);

    leave();
    await until(() => setup.server.items['c1']?.length === 1);
    expect(setup.server.keptAliveKeys).to.deep.equal([handle.clientMessageId]);

    // The page was only put in the back/forward cache and comes back: its own request is a replay.
    saved.resolve(true);
    await handle;
    expect(setup.server.sendKeys).to.deep.equal([handle.clientMessageId, handle.clientMessageId]);
    expect(setup.server.items['c1']).to.have.length(1);
    store.dispose();
  });

  it('undoes at the server a send that went out as the page was leaving', async () => {
    const { setup, store, saved, leave } = await leavingPage();
    const handle = store.outbox.send('c1', { text: 'Sent, then undone after all' });
    handle.catch(() => undefined);
    leave();
    await until(() => setup.server.items['c1']?.length === 1);

    // Back from the back/forward cache, the agent presses Undo: dropping it here would not stop it.
    const undoing = store.outbox.undo(handle.clientMessageId!);
    saved.resolve(true);
    expect(await undoing).to.include({ text: 'Sent, then undone after all' });
    expect((setup.server.items['c1']![0] as MessageItem).status).to.equal('cancelled');
    store.dispose();
  });

  it('moves the sends of the old localStorage outbox in once, so nothing queued before an upgrade is lost', async () => {
    const setup = inbox();
    const old: StoredSend = {
      clientMessageId: 'queued0before0the0upgrade',
      conversationId: 'c1',
      kind: 'message',
      text: 'Queued before the upgrade',
      attachmentIds: [],
      authorId: me.user.id,
      createdAt: new Date(T0).toISOString(),
    };
    setup.storage.setItem(legacyKey, JSON.stringify([old]));
    const store = await setup.open();
    await store.outbox.resume();
    expect(setup.server.sendKeys).to.deep.equal([old.clientMessageId]);
    expect(setup.storage.data.get(legacyKey)).to.equal('[]');
    expect(await setup.outbox.readAll(me.user.id)).to.deep.equal([]);

    await store.outbox.resume(); // A second start finds nothing left to move.
    expect(setup.server.sendKeys).to.have.length(1);
  });

  it('lets another page delete its database (sign-out clearing site data) instead of blocking it, then keeps sends again', async () => {
    const prefix = `test-${crypto.randomUUID()}`;
    const storage = createIndexedDbOutboxStorage(prefix);
    const send = (clientMessageId: string): StoredSend => ({
      clientMessageId,
      conversationId: 'c1',
      kind: 'message',
      text: 'Kept',
      attachmentIds: [],
      authorId: me.user.id,
      createdAt: new Date(T0).toISOString(),
    });
    expect(await storage.add(send('before0deletion'))).to.equal(true);

    // What another tab does; a connection left open would make it wait, and every open after it.
    const deletion = indexedDB.deleteDatabase(`${prefix}:${me.user.id}:outbox`);
    const outcome = await new Promise<string>((resolve) => {
      deletion.onsuccess = () => resolve('deleted');
      deletion.onblocked = () => resolve('blocked');
      deletion.onerror = () => resolve('failed');
    });
    expect(outcome).to.equal('deleted');

    expect(await storage.add(send('after0deletion'))).to.equal(true);
    expect((await storage.readAll(me.user.id)).map((kept) => kept.clientMessageId)).to.deep.equal([
      'after0deletion',
    ]);
  });

  it('falls back to memory when IndexedDB refuses (a private mode), and says it could not keep the send', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get: () => ({
        open: () => {
          throw new DOMException(
            'A mutation operation was attempted on a database that did not allow mutations.',
            'InvalidStateError',
          );
        },
      }),
    });
    try {
      const storage = createIndexedDbOutboxStorage(`test-${crypto.randomUUID()}`);
      const send: StoredSend = {
        clientMessageId: 'private0mode0send',
        conversationId: 'c1',
        kind: 'note',
        text: 'In memory',
        attachmentIds: [],
        authorId: me.user.id,
        createdAt: new Date(T0).toISOString(),
      };
      expect(await storage.add(send)).to.equal(false);
      expect(await storage.readAll(me.user.id)).to.deep.equal([send]);
      await storage.remove(me.user.id, send.clientMessageId);
      expect(await storage.readAll(me.user.id)).to.deep.equal([]);
    } finally {
      if (original) Object.defineProperty(window, 'indexedDB', original);
      else delete (window as { indexedDB?: unknown }).indexedDB;
    }
  });
});

describe('outbox retry policy and states', () => {
  it('honours Retry-After on a 429: rate-limited, counted down where the composer looks, retried when it ends', async () => {
    const setup = inbox();
    const store = await setup.open();
    setup.server.mode = { status: 429, detail: 'Too many messages.', retryAfter: '12' };
    const sending = store.outbox.send('c1', { text: 'Slow down?' });
    await until(() => pending(store)[0]?.rateLimited === true);
    expect(pending(store)[0]).to.include({ state: 'queued', retrying: true, retryAt: T0 + 12_000 });
    const limit = store.rateLimits.$limit('send:c1');
    expect(limit.get()).to.deep.equal({ until: T0 + 12_000, secondsLeft: 12 });

    setup.clock.now = T0 + 1_000;
    setup.server.mode = 'ok';
    // The countdown ticks; the send waits exactly the server's 12 s, not a backoff of its own.
    setup.timers.flush();
    await until(() => setup.server.sendKeys.length === 2);
    await sending;
    expect(limit.get()).to.equal(null);
    expect(pending(store)).to.deep.equal([]);
  });

  it('keeps one conversation in order while a send waits, and lets another conversation go', async () => {
    const setup = inbox([conversation('c1', 10), conversation('c2', 9)]);
    const store = await setup.open();
    setup.server.mode = { status: 503, detail: 'Down for maintenance.' };
    const first = store.outbox.send('c1', { text: 'first' });
    await until(() => pending(store)[0]?.retrying === true);
    const second = store.outbox.send('c1', { text: 'second' });
    expect(pending(store).map((p) => [p.text, p.state])).to.deep.equal([
      ['first', 'queued'],
      ['second', 'queued'],
    ]);

    setup.server.mode = 'ok';
    const other = await store.outbox.send('c2', { text: 'elsewhere' });
    expect(other.item.text).to.equal('elsewhere');
    // c2 went out while c1's first waits; c1's second has not overtaken it.
    expect(setup.server.sendKeys).to.have.length(2);
    expect(setup.server.items['c1'] ?? []).to.deep.equal([]);

    setup.timers.flush();
    await Promise.all([first, second]);
    expect(setup.server.items['c1']!.map((i) => (i.kind === 'message' ? i.text : ''))).to.deep.equal([
      'first',
      'second',
    ]);
  });

  it('shows sending while a request is out, failed when refused, and Retry is sending until the server confirms', async () => {
    const setup = inbox();
    const store = await setup.open();
    setup.server.mode = { status: 422, detail: 'The conversation is closed.' };
    await store.outbox.send('c1', { text: 'Keep me' }).catch(() => undefined);
    const [failed] = pending(store);
    expect(failed).to.include({ state: 'failed', text: 'Keep me' });
    expect(store.drafts.get('c1', 'message')).to.equal('Keep me');

    setup.server.mode = 'ok';
    const gate = deferred<void>();
    setup.server.hold = gate.promise;
    const resent = store.outbox.resend(failed!.clientMessageId);
    await until(() => pending(store)[0]?.state === 'sending');
    expect(store.drafts.get('c1', 'message')).to.equal(''); // It left the composer again.
    gate.resolve();
    const item = await resent;
    expect(item).to.include({ kind: 'message', text: 'Keep me', clientMessageId: failed!.clientMessageId });
    expect(setup.server.sendKeys).to.deep.equal([failed!.clientMessageId, failed!.clientMessageId]);
    expect(pending(store)).to.deep.equal([]);
  });

  it('tries at once when the stream comes back rather than waiting out the backoff', async () => {
    const setup = inbox();
    const store = await setup.open();
    setup.server.mode = 'offline';
    const sending = store.outbox.send('c1', { text: 'Back online?' });
    await until(() => pending(store)[0]?.retrying === true);
    setup.server.mode = 'ok';
    store.realtime.connect(); // The fake stream opens: the network is back.
    await until(() => store.realtime.$connection.get() === 'open');
    await sending;
    expect(setup.server.sendKeys).to.have.length(2);
  });
});
