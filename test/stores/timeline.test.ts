import { expect } from '@open-wc/testing';
import type { MessageItem } from '../../src/api/index.js';
import { acceptsStatus, entryKey, type TimelineEntry } from '../../src/stores/index.js';
import { json, until } from '../api/fake-fetch.js';
import { conversation, me, updated } from './backend.js';
import { disposeAll, inbox, itemEvent, message, note } from './timeline-backend.js';

afterEach(disposeAll);

const seqs = (entries: TimelineEntry[]) => entries.map((e) => (e.kind === 'pending' ? 'pending' : e.seq));
/** The store of `setup`, and conversation `id`'s timeline after its first load. */
async function loaded(setup: ReturnType<typeof inbox>, id = 'c1') {
  const store = await setup.open();
  const timeline = store.timeline.open(id);
  await timeline.load();
  return { store, timeline };
}
const timelineCalls = (setup: ReturnType<typeof inbox>, id = 'c1') =>
  setup.api.server.calls(`/api/conversations/${id}/timeline`).map((u) => Object.fromEntries(u.searchParams));

describe('timeline', () => {
  it('loads the newest page, then older pages before the oldest seq', async () => {
    const setup = inbox();
    for (let i = 0; i < 60; i++) setup.server.add('c1', {});
    const store = await setup.open();
    const timeline = store.timeline.open('c1');
    expect(timeline.$state.get().status).to.equal('idle');

    await timeline.load();
    expect(seqs(timeline.$items.get())).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 11));
    expect(timeline.$state.get()).to.include({ status: 'ready', hasOlder: true, loadingOlder: false });

    await timeline.loadOlder();
    expect(timelineCalls(setup).at(-1)).to.deep.equal({ beforeSeq: '11', limit: '50' });
    expect(seqs(timeline.$items.get())).to.deep.equal(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(timeline.$state.get().hasOlder).to.equal(false);
  });

  it('shows a failed load as an error state', async () => {
    const setup = inbox();
    setup.api.server.on('GET', '/api/conversations/:id/timeline', () => new Response(null, { status: 503 }));
    const timeline = (await setup.open()).timeline.open('c1');
    const state = await timeline.load();
    expect(state.status).to.equal('error');
    expect(state.error?.status).to.equal(503);
  });

  it('applies item events idempotently and never moves a delivery status backwards', async () => {
    const setup = inbox();
    setup.server.add('c1', {});
    const out = setup.server.add('c1', { direction: 'out', status: 'sent', authorId: me.user.id });
    const { store, timeline } = await loaded(setup);
    const status = () => (timeline.$items.get()[1] as MessageItem).status;

    const delivered = itemEvent({ ...out, status: 'delivered' });
    store.realtime.applyEvent(delivered);
    expect(status()).to.equal('delivered');

    // The same news again under a new event id changes nothing, not even the array.
    const before = timeline.$items.get();
    store.realtime.applyEvent(itemEvent({ ...out, status: 'delivered' }));
    expect(timeline.$items.get()).to.equal(before);

    // Late or replayed older statuses are ignored; a failure after delivery is not believed.
    for (const stale of ['sent', 'queued', 'scheduled', 'failed'] as const)
      store.realtime.applyEvent(itemEvent({ ...out, status: stale }));
    expect(status()).to.equal('delivered');
    store.realtime.applyEvent(itemEvent({ ...out, status: 'read' }));
    store.realtime.applyEvent(itemEvent({ ...out, status: 'delivered' }));
    expect(status()).to.equal('read');
    expect(seqs(timeline.$items.get())).to.deep.equal([1, 2]);
  });

  it('hides cancelled messages and never revives them', async () => {
    const setup = inbox();
    const scheduled = setup.server.add('c1', { direction: 'out', status: 'scheduled' });
    const { store, timeline } = await loaded(setup);
    expect(seqs(timeline.$items.get())).to.deep.equal([1]);

    store.realtime.applyEvent(itemEvent({ ...scheduled, status: 'cancelled' }));
    expect(timeline.$items.get()).to.deep.equal([]);
    store.realtime.applyEvent(itemEvent({ ...scheduled, status: 'scheduled' }));
    expect(timeline.$items.get()).to.deep.equal([]);
    // Retry semantics: a failed message may be queued again, but not scheduled again.
    expect(acceptsStatus('failed', 'queued')).to.equal(true);
    expect(acceptsStatus('failed', 'scheduled')).to.equal(false);
    expect(acceptsStatus('queued', 'cancelled')).to.equal(false);
  });

  it('fetches only the gap when an event skips seqs', async () => {
    const setup = inbox();
    for (let i = 0; i < 3; i++) setup.server.add('c1', {});
    const { store, timeline } = await loaded(setup);
    // Items 4 and 5 exist on the server but their events were lost.
    setup.server.add('c1', {});
    setup.server.add('c1', {});
    const sixth = setup.server.add('c1', {});

    store.realtime.applyEvent(itemEvent(sixth));
    await until(() => timeline.$items.get().length === 6);
    expect(seqs(timeline.$items.get())).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(timelineCalls(setup)).to.deep.equal([{ limit: '50' }, { afterSeq: '3', limit: '3' }]);

    // Contiguous from here: no more fetching.
    store.realtime.applyEvent(itemEvent(setup.server.add('c1', {})));
    expect(seqs(timeline.$items.get())).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(timelineCalls(setup)).to.have.length(2);
  });

  it('keeps the thread in seq order, one item per seq, whatever order items arrive in', async () => {
    const setup = inbox();
    for (let i = 0; i < 60; i++) setup.server.add('c1', {});
    const { store, timeline } = await loaded(setup);
    const later = [61, 62, 63].map((seq) => message('c1', seq));
    // Live items out of order, one of them twice, then the older page under them.
    for (const item of [later[2]!, later[0]!, later[2]!, later[1]!])
      store.realtime.applyEvent(itemEvent(item));
    await timeline.loadOlder();
    expect(seqs(timeline.$items.get())).to.deep.equal(Array.from({ length: 63 }, (_, i) => i + 1));
    // A newer word on an item already here replaces it in place.
    store.realtime.applyEvent(itemEvent({ ...later[1]!, text: 'edited' }));
    expect(seqs(timeline.$items.get())).to.have.length(63);
    expect((timeline.$items.get()[61] as MessageItem).text).to.equal('edited');
  });

  it("shares what every item repeats (the thread's empty attachment lists are one)", async () => {
    const setup = inbox();
    for (const status of ['delivered', 'read', 'delivered'] as const)
      setup.server.add('c1', { direction: 'out', authorId: me.user.id, status });
    const { store, timeline } = await loaded(setup);
    store.realtime.applyEvent(itemEvent(message('c1', 4)));
    const items = timeline.$items.get() as MessageItem[];
    expect(new Set(items.map((i) => i.attachments)).size).to.equal(1);
    // The values are what the server sent (shared strings cannot be told apart; the bench weighs them).
    expect(
      items.map((i) => [i.conversationId, i.authorId, i.kind, i.direction, i.status, i.attachments.length]),
    ).to.deep.equal([
      ['c1', me.user.id, 'message', 'out', 'delivered', 0],
      ['c1', me.user.id, 'message', 'out', 'read', 0],
      ['c1', me.user.id, 'message', 'out', 'delivered', 0],
      ['c1', null, 'message', 'in', 'delivered', 0],
    ]);
  });

  it("fetches the gap a cached conversation's newer lastSeq reveals, unless the item comes", async () => {
    const setup = inbox([conversation('c1', 10, { lastSeq: 2 })]);
    setup.server.add('c1', {});
    setup.server.add('c1', {});
    const { store, timeline } = await loaded(setup);

    setup.server.add('c1', {});
    store.realtime.applyEvent(updated(conversation('c1', 11, { lastSeq: 3, version: 2 })));
    setup.timers.flush();
    await until(() => timeline.$items.get().length === 3);
    expect(timelineCalls(setup).at(-1)).to.deep.equal({ afterSeq: '2', limit: '1' });

    // The update and its item both arrive: nothing to fetch.
    store.realtime.applyEvent(updated(conversation('c1', 12, { lastSeq: 4, version: 3 })));
    store.realtime.applyEvent(itemEvent(setup.server.add('c1', {})));
    setup.timers.flush();
    expect(timelineCalls(setup)).to.have.length(2);
  });

  it('keeps pinned timelines apart and ignores other spaces', async () => {
    const setup = inbox([conversation('c1', 10), conversation('c2', 11)]);
    const store = await setup.open();
    const one = store.timeline.open('c1');
    const two = store.timeline.open('c2');
    await Promise.all([one.load(), two.load()]);

    store.realtime.applyEvent(itemEvent(setup.server.add('c2', {})));
    store.realtime.applyEvent(itemEvent(message('c1', 1), 's2'));
    expect(one.$items.get()).to.deep.equal([]);
    expect(seqs(two.$items.get())).to.deep.equal([1]);

    two.dispose();
    store.realtime.applyEvent(itemEvent(setup.server.add('c2', {})));
    expect(seqs(two.$items.get())).to.deep.equal([1]);
  });

  it('reloads on resync and on a space switch', async () => {
    const setup = inbox();
    setup.server.add('c1', {});
    const { store, timeline } = await loaded(setup);

    setup.server.add('c1', {});
    store.realtime.applyEvent({ id: '99999', type: 'resync', spaceId: 's1', at: '2025-01-01T00:00:00Z' });
    await until(() => timeline.$items.get().length === 2);

    await store.directory.setActiveSpace('s2');
    expect(timelineCalls(setup)).to.have.length(3);
  });

  it('never shows a note to someone who may not read notes', async () => {
    const setup = inbox();
    setup.api.server.on('GET', '/api/me', () =>
      json({ ...me, capabilities: { ...me.capabilities, readNotes: false, writeNotes: false } }),
    );
    setup.server.add('c1', {});
    const { store, timeline } = await loaded(setup);

    store.realtime.applyEvent(itemEvent(note('c1', 2)));
    expect(timeline.$items.get().map((e) => e.kind)).to.deep.equal(['message']);
  });

  it('keys an entry by its client message id so a bubble survives acknowledgement', () => {
    const sent = message('c1', 4, { clientMessageId: 'abc12345' });
    expect(entryKey(sent)).to.equal('abc12345');
    expect(entryKey(message('c1', 5))).to.equal('m-c1-5');
  });
});
