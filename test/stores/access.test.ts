import { expect } from '@open-wc/testing';
import type { InboxAccessState, Me, Onboarding, OnboardingStepId } from '../../src/api/index.js';
import { describeError } from '../../src/i18n/describe-error.js';
import { resolveLocale } from '../../src/i18n/index.js';
import { accessStore, createInboxStore, type AccessStore, type InboxStore } from '../../src/stores/index.js';
import { json, problem, until } from '../api/fake-fetch.js';
import { backend, manualTimers, me } from './backend.js';

const noSpaces = (access: InboxAccessState): Me => ({
  ...me,
  spaces: [],
  capabilities: Object.fromEntries(Object.keys(me.capabilities).map((k) => [k, false])) as Me['capabilities'],
  inboxAccess: access,
});

const STEPS: [OnboardingStepId, boolean][] = [
  ['connect_channel', false],
  ['create_sender_profile', false],
  ['create_team', false],
  ['invite_agents', false],
  ['create_tags', true],
  ['install_elements', true],
];

function onboarding(states: Partial<Record<OnboardingStepId, 'todo' | 'done' | 'skipped'>>): Onboarding {
  const steps = STEPS.map(([id, optional]) => ({
    id,
    title: id,
    optional,
    state: states[id] ?? ('todo' as const),
    href: `/settings/${id}`,
    articleUrl: `/help/${id}`,
  }));
  return { steps, complete: steps.every((s) => s.state !== 'todo') };
}

/** The store backend, plus the access and onboarding routes as the contract describes them. */
function accessBackend(initial: InboxAccessState, { owner = false } = {}) {
  const api = backend();
  const state = {
    access: initial,
    onboarding: onboarding({ connect_channel: 'done', create_sender_profile: 'done', create_team: 'done' }),
  };
  const granted: Me = {
    ...me,
    inboxAccess: 'granted',
    capabilities: { ...me.capabilities, seeOnboarding: owner },
  };
  const access = () => ({ state: state.access, alreadyRequested: state.access === 'requested' });
  api.server
    .on('GET', '/api/me', () => json(state.access === 'granted' ? granted : noSpaces(state.access)))
    .on('GET', '/api/inbox-access', () => json(access()))
    .on('POST', '/api/inbox-access', () => {
      if (state.access !== 'none') return json(access(), 200);
      state.access = 'requested';
      return json({ state: 'requested', alreadyRequested: false }, 201);
    })
    .on('GET', '/api/onboarding', () => json(state.onboarding))
    .on('POST', '/api/onboarding/steps/:id/skip', (_, url) => {
      const id = url.pathname.split('/').at(-2) as OnboardingStepId;
      if (!STEPS.find(([step]) => step === id)?.[1])
        return problem(409, 'Not optional.', { type: 'urn:inbox:problem:step-not-optional' });
      state.onboarding = onboarding({
        ...Object.fromEntries(state.onboarding.steps.map((s) => [s.id, s.state])),
        [id]: 'skipped',
      });
      return json(state.onboarding);
    });
  return { api, state };
}

/** Stands in for the page: the test says when the user comes back. */
function pageReturn() {
  const listeners = new Set<() => void>();
  return {
    onPageReturn: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    comeBack: () => listeners.forEach((listener) => listener()),
    get listening() {
      return listeners.size;
    },
  };
}

const stores: InboxStore[] = [];
afterEach(() => {
  stores.splice(0).forEach((store) => store.dispose());
  localStorage.clear();
});

/** A store as a provider makes it, before any element asks for a part. */
function bare(api: ReturnType<typeof backend>, extra: Parameters<typeof createInboxStore>[1] = {}) {
  const timers = manualTimers();
  const page = pageReturn();
  const store = createInboxStore(api.client, {
    timers,
    onPageReturn: page.onPageReturn,
    isVisible: () => true,
    ...extra,
  });
  stores.push(store);
  return { store, timers, page };
}

/** With its access part built, as the access gate builds it as soon as it has the store. */
function make(api: ReturnType<typeof backend>, extra: Parameters<typeof createInboxStore>[1] = {}) {
  const { store: created, timers, page } = bare(api, extra);
  const store: InboxStore & { access: AccessStore } = { ...created, access: created.use(accessStore) };
  return { store, timers, page };
}

const paths = (api: ReturnType<typeof backend>) =>
  api.server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

describe('access store', () => {
  it('a user without the inbox loads only the session: no spaces, lists or realtime', async () => {
    const { api } = accessBackend('none');
    const { store, timers } = make(api);
    const session = await store.start();

    expect(session.spaces).to.deep.equal([]);
    expect(store.access.$access.get()).to.equal('none');
    expect(paths(api)).to.deep.equal(['GET /api/me']);
    expect(store.realtime.$connection.get()).to.equal('idle');
    // Nobody approves a user who never asked, so there is nothing to poll for.
    expect(timers.pending).to.equal(0);
  });

  it('Request Access: received the first time, already sent after that', async () => {
    const { api } = accessBackend('none');
    const { store } = make(api);
    await store.start();

    const first = store.access.request();
    expect(store.access.$requesting.get()).to.equal(true);
    expect(await first).to.deep.equal({ ok: true, value: 'received' });
    expect(store.access.$requesting.get()).to.equal(false);
    expect(store.access.$access.get()).to.equal('requested');
    expect(await store.access.request()).to.deep.equal({ ok: true, value: 'already-sent' });
    expect(api.server.calls('/api/inbox-access')).to.have.length(2);
  });

  it('a refused request comes back as an error result, and nothing changes', async () => {
    const { api } = accessBackend('none');
    const { store } = make(api);
    await store.start();
    api.server.on('POST', '/api/inbox-access', () => Promise.reject(new TypeError('offline')));

    const result = await store.access.request();
    expect(result.ok).to.equal(false);
    expect(!result.ok && describeError(result.error, resolveLocale('en'))).to.equal(
      "Can't reach the inbox server. Check your connection.",
    );
    expect(store.access.$access.get()).to.equal('none');
  });

  it('watches for approval only once something shows access (the gate builds the access part)', async () => {
    const { api } = accessBackend('requested');
    const { store, timers } = bare(api);
    await store.start();
    expect(timers.pending).to.equal(0, 'a page without the gate does not poll');

    const access = store.use(accessStore);
    expect(access.$access.get()).to.equal('requested');
    expect(timers.pending).to.equal(1);
    expect(store.use(accessStore)).to.equal(access);
  });

  it('while a request waits it checks now and then; approval starts the inbox properly', async () => {
    const { api, state } = accessBackend('requested');
    const { store, timers } = make(api);
    await store.start();
    expect(timers.pending).to.equal(1);

    timers.flush(); // Still waiting: it asks, and asks again later.
    await until(() => api.server.calls('/api/inbox-access').length === 1);
    await until(() => timers.pending === 1);
    expect(store.access.$access.get()).to.equal('requested');

    state.access = 'granted';
    timers.flush();
    await until(() => store.access.$access.get() === 'granted');
    expect(api.server.calls('/api/me')).to.have.length(2);
    expect(store.directory.$activeSpaceId.get()).to.equal('s1');
    await until(() => store.realtime.$connection.get() === 'open');
    expect(api.server.calls('/api/teams')).to.have.length(1);
    expect(timers.pending).to.equal(0); // Polling stopped with approval.
    expect((await store.start()).spaces).to.have.length(2);
  });

  it('coming back to the page checks at once; a hidden page is not polled', async () => {
    const { api, state } = accessBackend('none');
    let visible = false;
    const { store, timers, page } = make(api, { isVisible: () => visible });
    await store.start();
    await store.access.request();

    timers.flush();
    await until(() => timers.pending === 1);
    expect(api.server.calls('/api/inbox-access')).to.have.length(1); // Only the request itself.

    state.access = 'granted';
    visible = true;
    page.comeBack();
    await until(() => store.access.$access.get() === 'granted');
    await until(() => store.directory.$activeSpaceId.get() === 's1');
    expect(page.listening).to.equal(0);
  });

  it('a request answered "granted" starts the inbox too', async () => {
    const { api, state } = accessBackend('none');
    const { store } = make(api);
    await store.start();
    state.access = 'granted';

    expect(await store.access.request()).to.deep.equal({ ok: true, value: 'granted' });
    expect(store.access.$access.get()).to.equal('granted');
    expect(store.directory.$activeSpaceId.get()).to.equal('s1');
  });

  it('a user who has the inbox never asks about access and is never polled', async () => {
    const api = backend(); // Its `/me` says nothing about access: that means granted.
    const { store, timers, page } = make(api);
    await store.start();

    expect(store.access.$access.get()).to.equal('granted');
    expect(api.server.calls('/api/inbox-access')).to.have.length(0);
    expect(timers.pending).to.equal(0);
    expect(page.listening).to.equal(0);
  });

  it('dispose stops the checks', async () => {
    const { api } = accessBackend('requested');
    const { store, timers, page } = make(api);
    await store.start();
    store.dispose();
    expect(timers.pending).to.equal(0);
    expect(page.listening).to.equal(0);
  });
});

describe('onboarding store', () => {
  it('loads for an owner or admin while someone shows it', async () => {
    const { api } = accessBackend('granted', { owner: true });
    const { store } = make(api);
    await store.start();
    const { onboarding: steps } = store.access;
    expect(steps.$available.get()).to.equal(true);
    expect(api.server.calls('/api/onboarding')).to.have.length(0);

    const stop = steps.$onboarding.listen(() => undefined);
    await until(() => steps.$state.get().status === 'ready');
    expect(steps.$onboarding.get()?.steps.map((s) => s.state)).to.deep.equal([
      'done',
      'done',
      'done',
      'todo',
      'todo',
      'todo',
    ]);
    stop();
  });

  it('is never asked for by anyone else', async () => {
    const { api } = accessBackend('granted');
    const { store } = make(api);
    await store.start();
    const stop = store.access.onboarding.$onboarding.listen(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.access.onboarding.$available.get()).to.equal(false);
    expect(store.access.onboarding.$state.get().status).to.equal('idle');
    expect(api.server.calls('/api/onboarding')).to.have.length(0);
    stop();
  });

  it('skips an optional step; a required one comes back as a code the UI words', async () => {
    const { api } = accessBackend('granted', { owner: true });
    const { store } = make(api);
    await store.start();
    const steps = store.access.onboarding;

    const skipping = steps.skip('create_tags');
    expect(steps.$skipping.get()).to.equal('create_tags');
    const skipped = await skipping;
    expect(skipped.ok && skipped.value.steps.find((s) => s.id === 'create_tags')?.state).to.equal('skipped');
    expect(steps.$onboarding.get()?.steps[4]?.state).to.equal('skipped');
    expect(steps.$skipping.get()).to.equal(null);

    const refused = await steps.skip('invite_agents');
    expect(refused.ok).to.equal(false);
    if (refused.ok) return;
    expect(refused.error.status).to.equal(409);
    expect(refused.error.clientProblem).to.deep.equal({ code: 'step-not-optional', step: 'invite_agents' });
    expect(describeError(refused.error, resolveLocale('en'))).to.equal(
      "“Invite your agents” can't be skipped: the inbox needs it.",
    );
  });

  it('a load that fails keeps what it had and says why', async () => {
    const { api } = accessBackend('granted', { owner: true });
    const { store } = make(api);
    await store.start();
    const steps = store.access.onboarding;
    const stop = steps.$state.listen(() => undefined);
    await until(() => steps.$state.get().status === 'ready');
    api.server.on('GET', '/api/onboarding', () => problem(500, 'Down.'));

    const result = await steps.load();
    expect(result.ok).to.equal(false);
    expect(steps.$state.get()).to.include({ status: 'error' });
    expect(steps.$state.get().error?.status).to.equal(500);
    expect(steps.$onboarding.get()?.steps).to.have.length(6);
    stop();
  });

  it('after approval an owner gets the steps', async () => {
    const { api, state } = accessBackend('requested', { owner: true });
    const { store, page } = make(api);
    await store.start();
    const steps = store.access.onboarding;
    const stop = steps.$onboarding.listen(() => undefined);
    expect(steps.$available.get()).to.equal(false);

    state.access = 'granted';
    page.comeBack();
    await until(() => steps.$state.get().status === 'ready');
    expect(steps.$available.get()).to.equal(true);
    stop();
  });
});
