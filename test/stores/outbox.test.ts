import { expect } from '@open-wc/testing';
import { InboxApiError, type ChannelCapabilities, type MessageItem } from '../../src/api/index.js';
import { createInboxStore, type MessagingStores, type SendOutcome } from '../../src/stores/index.js';
import { deferred, json, until } from '../api/fake-fetch.js';
import { me } from './backend.js';
import { T0, disposeAll, inbox, message } from './timeline-backend.js';
import { withMessaging } from '../helpers/with-messaging.js';

afterEach(disposeAll);

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

async function opened(setup = inbox()) {
  const store = await setup.open();
  const timeline = store.timeline.open('c1');
  await timeline.load();
  const outcomes: SendOutcome[] = [];
  store.outbox.onSettled((outcome) => outcomes.push(outcome));
  return { setup, store, timeline, outcomes };
}
const messages = (store: MessagingStores) => store.outbox.$pending.get();
const stored = (setup: ReturnType<typeof inbox>) => setup.outbox.readAll(me.user.id);

describe('outbox', () => {
  it('shows a send at once as pending, saved before the request, then as the server item', async () => {
    const { setup, store, timeline, outcomes } = await opened();
    const gate = deferred<void>();
    setup.server.hold = gate.promise;

    const sending = store.outbox.send('c1', { text: '  Hello there ' });
    const [pending] = timeline.$items.get();
    expect(pending).to.include({
      kind: 'pending',
      status: 'scheduled',
      text: 'Hello there',
      retrying: false,
    });
    if (pending?.kind !== 'pending') throw new Error('expected a pending entry');
    expect(pending.clientMessageId).to.match(KEY_PATTERN);
    expect(pending.undoUntil).to.equal(T0 + 5000);
    // On disk before the server has seen it.
    expect(await stored(setup)).to.have.length(1);

    gate.resolve();
    const receipt = await sending;
    expect(receipt.clientMessageId).to.equal(pending.clientMessageId);
    expect(receipt.undoUntil).to.equal(T0 + 5000);
    expect(setup.server.sendKeys).to.deep.equal([pending.clientMessageId]);
    const items = timeline.$items.get();
    expect(items).to.have.length(1);
    expect(items[0]).to.include({
      kind: 'message',
      status: 'scheduled',
      clientMessageId: pending.clientMessageId,
    });
    expect(await stored(setup)).to.deep.equal([]);
    expect(outcomes.map((o) => o.type)).to.deep.equal(['sent']);
  });

  it("returns the send's id at once, and its outcome; a refusal before queueing has no id", async () => {
    const { store } = await opened();
    const sending = store.outbox.send('c1', { text: 'Hi' });
    expect(sending.clientMessageId).to.equal(messages(store)[0]!.clientMessageId);
    expect(sending.undoUntil).to.equal(T0 + 5000);
    const outcome = await sending.outcome;
    expect(outcome).to.include({
      type: 'sent',
      clientMessageId: sending.clientMessageId,
      undoUntil: T0 + 5000,
    });
    expect(outcome.resumed).to.equal(false);

    const empty = store.outbox.send('c1', { text: '   ' });
    expect(empty.clientMessageId).to.equal(null);
    const refused = await empty.outcome;
    expect(refused.type).to.equal('failed');
    if (refused.type === 'failed')
      expect(refused.error.clientProblem).to.deep.equal({ code: 'empty-message' });
    expect(messages(store)).to.deep.equal([]);
  });

  it('re-sends after a reload with the same Idempotency-Key and ends with exactly one message', async () => {
    const { setup, store } = await opened();
    // The server keeps the message but the answer is lost; then the tab closes.
    setup.server.mode = 'lost-answer';
    const sending = store.outbox.send('c1', { text: 'Are you there?' }).catch((e: unknown) => e);
    await until(() => messages(store)[0]?.retrying === true);
    store.dispose();
    expect(await sending).to.be.instanceOf(InboxApiError);
    expect(await stored(setup)).to.have.length(1); // Closing neither loses nor cancels.

    setup.server.mode = 'ok';
    const reloaded = withMessaging(
      createInboxStore(setup.api.client, {
        timers: setup.timers,
        storage: setup.storage,
        outboxStorage: setup.outbox,
      }),
    );
    const sent: SendOutcome[] = [];
    reloaded.outbox.onSettled((outcome) => sent.push(outcome));
    await reloaded.start();
    await until(() => sent.length === 1);
    expect(sent[0]).to.include({ type: 'sent', resumed: true });
    const [key] = setup.server.sendKeys;
    expect(setup.server.sendKeys).to.deep.equal([key, key]);
    expect(setup.server.items['c1']).to.have.length(1);
    const timeline = reloaded.timeline.open('c1');
    await timeline.load();
    expect(timeline.$items.get().map((e) => e.kind)).to.deep.equal(['message']);
    expect(await stored(setup)).to.deep.equal([]);
    reloaded.dispose();
  });

  it('keeps retrying with the same key through network failures and 5xx', async () => {
    const { setup, store, timeline } = await opened();
    setup.server.mode = 'offline';
    const sending = store.outbox.send('c1', { text: 'Still there?' });
    await until(() => messages(store)[0]?.retrying === true);
    expect(timeline.$items.get()[0]).to.include({ kind: 'pending', status: 'scheduled' });

    setup.server.mode = { status: 503, detail: 'Down for maintenance.' };
    setup.timers.flush();
    await until(() => setup.server.sendKeys.length === 2);
    await until(() => messages(store)[0]?.error?.status === 503);
    setup.server.mode = 'ok';
    setup.timers.flush();
    const { item } = await sending;

    const [key] = setup.server.sendKeys;
    expect(setup.server.sendKeys).to.deep.equal([key, key, key]);
    expect(item.clientMessageId).to.equal(key);
    expect(setup.server.items['c1']).to.have.length(1);
    expect(timeline.$items.get()).to.have.length(1);
  });

  it('marks a refused send failed, keeps its text, and puts it back in the draft', async () => {
    const { setup, store, timeline, outcomes } = await opened();
    setup.server.mode = { status: 400, detail: 'That message is too long for SMS.' };
    store.drafts.set('c1', 'message', 'A very long text');

    const error = await store.outbox.send('c1', { text: 'A very long text' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(InboxApiError);
    expect((error as InboxApiError).message).to.equal('That message is too long for SMS.');
    const [failed] = timeline.$items.get();
    expect(failed).to.include({ kind: 'pending', status: 'failed', text: 'A very long text' });
    expect(store.drafts.get('c1', 'message')).to.equal('A very long text');
    expect(await stored(setup)).to.deep.equal([]);
    expect(outcomes.map((o) => o.type)).to.deep.equal(['failed']);
    setup.timers.flush();
    expect(setup.server.sendKeys).to.have.length(1); // Never retried.

    if (failed?.kind === 'pending') store.outbox.dismiss(failed.clientMessageId);
    expect(timeline.$items.get()).to.deep.equal([]);
  });

  it('undoes inside the window: the server cancels, the text comes back and the draft holds it', async () => {
    const { setup, store, timeline, outcomes } = await opened();
    store.drafts.set('c1', 'message', 'Oops, wrong chat');
    const { clientMessageId } = await store.outbox.send('c1', {
      text: 'Oops, wrong chat',
      attachmentIds: ['a1'],
    });
    expect(store.drafts.get('c1', 'message')).to.equal('');

    const undone = await store.outbox.undo(clientMessageId);
    expect(undone).to.deep.equal({ conversationId: 'c1', text: 'Oops, wrong chat', attachmentIds: ['a1'] });
    expect(store.drafts.get('c1', 'message')).to.equal('Oops, wrong chat');
    expect(timeline.$items.get()).to.deep.equal([]);
    expect((setup.server.items['c1']?.[0] as MessageItem).status).to.equal('cancelled');
    expect(outcomes.map((o) => o.type)).to.deep.equal(['sent', 'undone']);
  });

  it('undoes a send that never left without asking the server, and keeps the order of the rest', async () => {
    const { setup, store, timeline } = await opened();
    const gate = deferred<void>();
    setup.server.hold = gate.promise;
    const first = store.outbox.send('c1', { text: 'first' });
    const second = store.outbox.send('c1', { text: 'second' }).catch((e: unknown) => e);
    const third = store.outbox.send('c1', { text: 'third' });
    const queued = messages(store)[1]!.clientMessageId;

    expect(await store.outbox.undo(queued)).to.include({ text: 'second' });
    expect(((await second) as InboxApiError).clientProblem).to.deep.equal({ code: 'send-undone' });
    gate.resolve();
    await Promise.all([first, third]);
    expect(setup.server.sendKeys).to.have.length(2);
    expect(timeline.$items.get().map((e) => e.kind === 'message' && e.text)).to.deep.equal([
      'first',
      'third',
    ]);
    expect(setup.api.server.requests.filter((r) => r.url.endsWith('/cancel'))).to.deep.equal([]);
  });

  it("can't undo after dispatch: the server's words, and the message stays", async () => {
    const { setup, store, timeline } = await opened();
    const { item, clientMessageId } = await store.outbox.send('c1', { text: 'Done deal' });
    // The dispatcher took it.
    setup.server.items['c1'] = [{ ...item, status: 'sent', scheduledFor: null }];

    const error = await store.outbox.undo(clientMessageId).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(InboxApiError);
    expect(error).to.include({
      status: 409,
      message: "This message was already sent, so it can't be undone.",
    });
    expect(timeline.$items.get().map((e) => e.kind)).to.deep.equal(['message']);
    expect(store.drafts.get('c1', 'message')).to.equal('');
  });

  it('undoes a message sent before a reload, found by its client message id', async () => {
    const setup = inbox();
    const key = 'client0key0from0before';
    setup.server.items['c1'] = [
      message('c1', 1, { direction: 'out', status: 'scheduled', clientMessageId: key, text: 'Hi' }),
    ];
    const { store } = await opened(setup);
    expect(await store.outbox.undo(key)).to.include({ text: 'Hi' });
    expect(store.drafts.get('c1', 'message')).to.equal('Hi');
  });

  it('adds notes with an Idempotency-Key, and refuses early without writeNotes', async () => {
    const { setup, store, timeline } = await opened();
    const item = await store.outbox.addNote('c1', 'Customer is a VIP');
    expect(item).to.include({ kind: 'note', text: 'Customer is a VIP' });
    expect(setup.server.sendKeys[0]).to.match(KEY_PATTERN);
    expect(timeline.$items.get().map((e) => e.kind)).to.deep.equal(['note']);

    setup.api.server.on('GET', '/api/me', () =>
      json({ ...me, capabilities: { ...me.capabilities, writeNotes: false } }),
    );
    await store.session.loadSession();
    const error = await store.outbox.addNote('c1', 'secret').catch((e: unknown) => e);
    expect((error as InboxApiError).clientProblem).to.deep.equal({ code: 'notes-not-allowed' });
    expect(setup.server.sendKeys).to.have.length(1);
  });

  it('retries a failed server message', async () => {
    const setup = inbox();
    setup.server.items['c1'] = [
      message('c1', 1, { direction: 'out', status: 'failed', failureReason: 'Carrier' }),
    ];
    const { store, timeline } = await opened(setup);
    const item = await store.outbox.retry('m-c1-1');
    expect(item.status).to.equal('queued');
    expect(timeline.$items.get()[0]).to.include({ status: 'queued' });
  });

  it('uploads a file as multipart after the channel rules pass, kept per conversation', async () => {
    const { setup, store } = await opened();
    const whatsapp: ChannelCapabilities = {
      channel: 'whatsapp',
      label: 'WhatsApp',
      attachments: { allowed: true, contentTypes: ['image/png'], maxBytes: 1024 },
      maxTextLength: 4096,
      maxSmsSegments: null,
      receipts: ['sent', 'delivered', 'read'],
      startByPhone: true,
    };
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' });
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    const refused = store.uploads.add('c1', [png, svg], whatsapp);
    expect(refused).to.deep.equal([
      {
        name: 'logo.svg',
        problem: {
          code: 'file-type-refused',
          channel: 'whatsapp',
          extension: 'svg',
          type: 'image/svg+xml',
          accepted: ['image/png'],
        },
      },
    ]);
    const $uploads = store.uploads.$uploads('c1');
    expect($uploads.get()).to.deep.include({
      key: $uploads.get()[0]!.key,
      name: 'photo.png',
      size: 4,
      state: 'uploading',
    });
    await until(() => $uploads.get()[0]?.state === 'ready');
    expect(store.uploads.readyIds('c1')).to.deep.equal(['att-whatsapp']);
    expect(store.uploads.$uploads('c2').get()).to.deep.equal([]);
    const request = setup.api.server.requests.at(-1)!;
    expect(request.headers.get('Content-Type')).to.match(/^multipart\/form-data; boundary=/);
    expect(setup.api.server.calls('/api/attachments')).to.have.length(1);

    store.uploads.clear('c1');
    store.uploads.restore('c1', ['att-whatsapp']);
    expect($uploads.get().map((u) => [u.name, u.state])).to.deep.equal([['photo.png', 'ready']]);
  });
});
