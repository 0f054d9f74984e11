import { expect } from '@open-wc/testing';
import { describeError } from '../../src/i18n/describe-error.js';
import { loadLocale, resolveLocale } from '../../src/i18n/index.js';
import type { Conversation, ConversationStatus, InboxApiError } from '../../src/api/index.js';
import {
  createInboxStore,
  legalStatusMoves,
  type ConversationFilters,
  type InboxStore,
} from '../../src/stores/index.js';
import { deferred, until } from '../api/fake-fetch.js';
import { ME_ID, backend, conversation, manualTimers, updated } from './backend.js';

const stores: InboxStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

/** c3 … c1, all active, with one list per status tab (plus All). */
async function setup(conversations: Conversation[] = [30, 20, 10].map((m) => conversation(`c${m / 10}`, m))) {
  const api = backend(conversations);
  api.pageSize = 10;
  const timers = manualTimers();
  const store = createInboxStore(api.client, { timers, now: () => Date.UTC(2025, 0, 2) });
  stores.push(store);
  await store.session.loadSession();
  await store.directory.setActiveSpace('s1');
  const tab = async (status: ConversationFilters['status']) => {
    const list = store.conversations.createConversationList({ status });
    await list.load();
    return list;
  };
  const lists = {
    all: await tab('all'),
    active: await tab('active'),
    unanswered: await tab('unanswered'),
    closed: await tab('closed'),
  };
  const ids = (status: keyof typeof lists) => lists[status].$state.get().ids;
  const cached = (id: string) => store.conversations.$conversationsById.get().get(id);
  return { api, timers, store, lists, ids, cached };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error as InboxApiError,
  );

describe('legalStatusMoves', () => {
  it('never goes back to unanswered; closed reopens to active', () => {
    const table: Record<ConversationStatus, ConversationStatus[]> = {
      unanswered: ['active', 'closed'],
      active: ['closed'],
      closed: ['active'],
    };
    for (const [from, to] of Object.entries(table)) {
      expect(legalStatusMoves(from as ConversationStatus), from).to.deep.equal(to);
    }
    // A copy: a caller that edits the answer cannot change the rules.
    legalStatusMoves('active').push('unanswered');
    expect(legalStatusMoves('active')).to.deep.equal(['closed']);
  });
});

describe('setStatus', () => {
  it('moves the conversation between tabs and adjusts counts at once, then refetches counts', async () => {
    const { api, timers, store, lists, ids, cached } = await setup();
    expect(lists.active.$counts.get()).to.deep.equal({ all: 3, active: 3, unanswered: 0, closed: 0 });
    const gate = deferred<void>();
    api.holdWrites = gate.promise;

    const saving = store.conversations.setStatus('c2', 'closed');

    // Before the server answers: every list and every tab count already shows it closed.
    await until(() => !ids('active').includes('c2'));
    expect(ids('active')).to.deep.equal(['c3', 'c1']);
    expect(ids('closed')).to.deep.equal(['c2']);
    expect(ids('all')).to.deep.equal(['c3', 'c2', 'c1']);
    expect(cached('c2')).to.include({ status: 'closed', closedBy: ME_ID });
    for (const list of Object.values(lists)) {
      expect(list.$counts.get()).to.deep.equal({ all: 3, active: 2, unanswered: 0, closed: 1 });
    }
    const put = api.server.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).to.equal('"1"');
    expect(await put?.json()).to.deep.equal({ status: 'closed' });

    gate.resolve();
    const saved = await saving;
    expect(saved).to.include({ id: 'c2', status: 'closed', version: 2 });
    expect(cached('c2')?.version).to.equal(2);

    // Then the server's counts, once per live list, debounced.
    const before = api.server.calls('/api/conversations/counts').length;
    expect(timers.pending).to.equal(4);
    timers.flush();
    await until(() => api.server.calls('/api/conversations/counts').length === before + 4);
  });

  it('on 412 takes in the conversation as it is now and says so plainly', async () => {
    const unanswered = conversation('c2', 20, { status: 'unanswered' });
    const { api, store, ids, cached, lists } = await setup([conversation('c3', 30), unanswered]);
    // A colleague closed it meanwhile; this store has not heard yet.
    api.conversations[1] = { ...unanswered, status: 'closed', closedBy: 'u-else', version: 3 };

    const error = await rejection(store.conversations.setStatus('c2', 'active'));

    expect(error.status).to.equal(412);
    expect(error.clientProblem).to.deep.equal({ code: 'status-conflict', status: 'closed' });
    expect(describeError(error, resolveLocale('en'))).to.equal(
      'Someone else changed this conversation just now; its status is now Closed. Check it and try again.',
    );
    expect(describeError(error, await loadLocale('es'))).to.contain('Cerrada');
    expect(error.current?.['version']).to.equal(3);
    expect(cached('c2')).to.include({ status: 'closed', version: 3, closedBy: 'u-else' });
    expect(ids('unanswered')).to.deep.equal([]);
    expect(ids('active')).to.deep.equal(['c3']);
    expect(ids('closed')).to.deep.equal(['c2']);
    expect(lists.active.$counts.get()).to.deep.equal({ all: 2, active: 1, unanswered: 1, closed: 0 });
  });

  it('on 412 for a version only a message or a receipt moved, makes the same change again, once', async () => {
    const active = conversation('c2', 20);
    const { api, store, cached } = await setup([conversation('c3', 30), active]);
    // A delivery receipt moved the version; the status is still the one the user saw.
    api.conversations[1] = { ...active, version: 2 };

    const saved = await store.conversations.setStatus('c2', 'closed');

    expect(saved).to.include({ status: 'closed', version: 3 });
    expect(cached('c2')).to.include({ status: 'closed', version: 3 });
    expect(api.server.calls('/api/conversations/c2/status').length).to.equal(2);
  });

  it('on 412 without `current` fetches the conversation to say what it is now', async () => {
    const { api, store, cached } = await setup();
    api.conversations[1] = { ...api.conversations[1]!, status: 'closed', version: 2 };
    api.server.on('PUT', '/api/conversations/:id/status', () =>
      Response.json(
        { type: 'urn:inbox:problem:stale', title: 'Stale', status: 412, detail: 'Stale.' },
        { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );

    const error = await rejection(store.conversations.setStatus('c2', 'closed'));

    expect(error.clientProblem).to.deep.equal({ code: 'status-conflict', status: 'closed' });
    expect(cached('c2')?.version).to.equal(2);
  });

  it('on 409 rolls the lists and counts back and rethrows the server detail', async () => {
    const { store, ids, cached, lists } = await setup();
    const original = cached('c2');

    const error = await rejection(store.conversations.setStatus('c2', 'unanswered'));

    expect(error.status).to.equal(409);
    expect(error.message).to.equal('A conversation can never go back to Unanswered.');
    expect(cached('c2')).to.equal(original);
    expect(ids('active')).to.deep.equal(['c3', 'c2', 'c1']);
    expect(ids('unanswered')).to.deep.equal([]);
    for (const list of Object.values(lists)) {
      expect(list.$counts.get()).to.deep.equal({ all: 3, active: 3, unanswered: 0, closed: 0 });
    }
  });

  it('changeStatus never rejects: the failure waits in $statusChangeError until the next change', async () => {
    const { store, cached } = await setup();

    expect(await store.conversations.changeStatus('c2', 'unanswered')).to.equal(null);
    const failure = store.conversations.$statusChangeError.get();
    expect(failure?.conversationId).to.equal('c2');
    expect(failure?.error.status).to.equal(409);

    const changed = await store.conversations.changeStatus('c2', 'closed');
    expect(changed?.from).to.equal('active');
    expect(changed?.conversation).to.equal(cached('c2'));
    expect(store.conversations.$statusChangeError.get()).to.equal(null);
  });

  it('keeps a fresher realtime update instead of rolling back over it', async () => {
    const { api, store, cached } = await setup();
    const gate = deferred<void>();
    api.holdWrites = gate.promise;
    api.server.on('PUT', '/api/conversations/:id/status', async () => {
      await gate.promise;
      return Response.json({ type: 'x', title: 'Down', status: 503, detail: 'Down.' }, { status: 503 });
    });
    const saving = rejection(store.conversations.setStatus('c2', 'closed'));
    await until(() => cached('c2')?.status === 'closed');

    store.conversations.applyEvent(updated(conversation('c2', 25, { version: 5, unreadCount: 1 })));
    gate.resolve();
    expect((await saving).status).to.equal(503);

    expect(cached('c2')).to.include({ version: 5, unreadCount: 1, status: 'active' });
  });

  it('sends a second change to the same conversation after the first, with its new version', async () => {
    const { api, store, cached } = await setup();
    const close = store.conversations.setStatus('c2', 'closed');
    const reopen = store.conversations.setStatus('c2', 'active');

    expect((await close).version).to.equal(2);
    expect((await reopen).version).to.equal(3);
    const ifMatches = api.server.requests
      .filter((r) => r.method === 'PUT')
      .map((r) => r.headers.get('If-Match'));
    expect(ifMatches).to.deep.equal(['"1"', '"2"']);
    expect(cached('c2')).to.include({ status: 'active', closedBy: null });
  });
});
