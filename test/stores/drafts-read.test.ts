import { expect } from '@open-wc/testing';
import { deferred, until } from '../api/fake-fetch.js';
import { conversation, me } from './backend.js';
import { T0, disposeAll, inbox, itemEvent, message } from './timeline-backend.js';

afterEach(disposeAll);

const draftsKey = `inbox-elements:${me.user.id}:drafts`;

describe('drafts', () => {
  it('keeps one draft per conversation and tab, saved after a pause, surviving a reload', async () => {
    const setup = inbox();
    const store = await setup.open();
    const $c1 = store.drafts.$draft('c1', 'message');
    store.drafts.set('c1', 'message', 'Hello');
    store.drafts.set('c1', 'note', 'Call back Monday');
    expect($c1.get()).to.equal('Hello');
    expect(store.drafts.$draft('c1', 'message')).to.equal($c1);
    // Never shown under another conversation or tab.
    expect(store.drafts.get('c2', 'message')).to.equal('');
    expect(store.drafts.$draft('c2', 'note').get()).to.equal('');

    expect(setup.storage.data.has(draftsKey)).to.equal(false);
    setup.timers.flush();
    expect(setup.storage.data.has(draftsKey)).to.equal(true);

    const reloaded = await setup.open();
    expect(reloaded.drafts.get('c1', 'message')).to.equal('Hello');
    expect(reloaded.drafts.get('c1', 'note')).to.equal('Call back Monday');
    expect(reloaded.drafts.get('c2', 'message')).to.equal('');
  });

  it('saves unsaved typing when the bundle is disposed', async () => {
    const setup = inbox();
    const store = await setup.open();
    store.drafts.set('c1', 'message', 'half a thought');
    store.dispose();
    expect((await setup.open()).drafts.get('c1', 'message')).to.equal('half a thought');
  });

  it('keeps the sent text saved until the server acknowledges it, then clears it', async () => {
    const setup = inbox();
    const store = await setup.open();
    const gate = deferred<void>();
    setup.server.hold = gate.promise;
    store.drafts.set('c1', 'message', 'On my way');
    const sending = store.outbox.send('c1', { text: 'On my way' });
    // The composer empties (no second send of the same text), but the text is still on disk.
    expect(store.drafts.get('c1', 'message')).to.equal('');
    expect(setup.storage.data.get(draftsKey)).to.contain('On my way');

    gate.resolve();
    await sending;
    expect(setup.storage.data.get(draftsKey) ?? '').not.to.contain('On my way');
  });

  it('sends a kept text whose send is in no outbox (never saved), with the key it was handed off with', async () => {
    const setup = inbox();
    setup.storage.setItem(
      draftsKey,
      JSON.stringify({
        'message:c1': { text: '', sending: [{ clientMessageId: 'lost0key', text: 'Lost?' }] },
      }),
    );
    const store = await setup.open();
    await store.outbox.resume();
    expect(setup.server.sendKeys).to.deep.equal(['lost0key']);
    expect(setup.server.items['c1']?.map((i) => (i.kind === 'message' ? i.text : i.kind))).to.deep.equal([
      'Lost?',
    ]);
    expect(store.drafts.get('c1', 'message')).to.equal('');
  });
});

describe('read policy', () => {
  async function unread(options: Parameters<ReturnType<typeof inbox>['open']>[0] = {}) {
    const setup = inbox([conversation('c1', 10, { unreadCount: 2, lastSeq: 2 })]);
    setup.server.add('c1', {});
    setup.server.add('c1', {});
    const store = await setup.open(options);
    await store.conversations.createConversationList().load();
    return { setup, store };
  }
  const unreadCount = (store: Awaited<ReturnType<typeof unread>>['store']) =>
    store.conversations.$conversationsById.get().get('c1')?.unreadCount;

  it('marks read when a timeline opens and as inbound items arrive while visible, throttled', async () => {
    const { setup, store } = await unread();
    const timeline = store.timeline.open('c1');
    await timeline.load();
    expect(unreadCount(store)).to.equal(0);
    await until(() => setup.server.reads['c1']?.length === 1);
    expect(setup.server.reads['c1']).to.deep.equal([2]);

    // Within the second: one trailing request with the newest seq.
    store.realtime.applyEvent(itemEvent(setup.server.add('c1', {})));
    store.realtime.applyEvent(itemEvent(setup.server.add('c1', {})));
    // Outbound items are not news to read.
    store.realtime.applyEvent(itemEvent(message('c1', 5, { direction: 'out', status: 'queued' })));
    setup.clock.now = T0 + 1000;
    setup.timers.flush();
    await until(() => setup.server.reads['c1']?.length === 2);
    expect(setup.server.reads['c1']).to.deep.equal([2, 4]);

    setup.visible.value = false;
    store.realtime.applyEvent(itemEvent(message('c1', 6)));
    setup.clock.now = T0 + 5000;
    setup.timers.flush();
    expect(setup.server.reads['c1']).to.deep.equal([2, 4]);
  });

  it('leaves reading to markRead in manual mode, never backwards', async () => {
    const { setup, store } = await unread({ readPolicy: 'manual' });
    await store.timeline.open('c1').load();
    expect(setup.server.reads['c1']).to.equal(undefined);
    expect(unreadCount(store)).to.equal(2);

    expect(await store.readPolicy.markRead('c1')).to.equal(2);
    expect(unreadCount(store)).to.equal(0);
    expect(await store.readPolicy.markRead('c1', 1)).to.equal(2);
    expect(setup.server.reads['c1']).to.deep.equal([2]);

    store.readPolicy.setPolicy('on-open');
    setup.clock.now = T0 + 2000;
    await store.timeline.open('c1').load();
    expect(store.readPolicy.$policy.get()).to.equal('on-open');
  });
});

describe('own presence', () => {
  it('announces viewing and left as the active conversation changes, with a heartbeat and typing', async () => {
    const setup = inbox();
    const store = await setup.open();
    const sent = () =>
      Promise.all(
        setup.api.server.requests
          .filter((r) => r.method === 'PUT' && r.url.endsWith('/presence'))
          .map(
            async (r) =>
              `${r.url.split('/').at(-2)}:${((await r.clone().json()) as { state: string }).state}`,
          ),
      );

    store.conversations.selectConversation('c1');
    store.conversations.selectConversation('c2');
    await until(() => setup.api.server.calls('/api/conversations/c2/presence').length === 1);
    expect(await sent()).to.deep.equal(['c1:viewing', 'c1:left', 'c2:viewing']);

    setup.clock.now = T0 + 15_000;
    setup.timers.flush();
    await store.presence.typing('c2');
    await store.presence.typing('c2'); // Repeats are skipped.
    setup.clock.now = T0 + 19_000;
    setup.timers.flush();
    store.dispose();
    await until(() => setup.api.server.calls('/api/conversations/c2/presence').length === 5);
    expect((await sent()).slice(3)).to.deep.equal(['c2:viewing', 'c2:typing', 'c2:viewing', 'c2:left']);
  });
});
