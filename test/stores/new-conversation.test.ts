import { expect } from '@open-wc/testing';
import { createNewConversation, type NewConversationStore } from '../../src/stores/new-conversation.js';
import type { InboxStore } from '../../src/stores/index.js';
import { deferred, json, until } from '../api/fake-fetch.js';
import { conversation } from './backend.js';
import {
  ANA,
  UK_AVAILABLE,
  invalidPhone,
  me,
  newConversationBackend,
  noSender,
  startedStore,
  type NewConversationBackend,
} from './new-conversation-backend.js';

const open: { store: InboxStore; draft: NewConversationStore }[] = [];
afterEach(() => {
  for (const { store, draft } of open.splice(0)) {
    draft.dispose();
    store.dispose();
  }
  me.capabilities.seeAllConversations = true;
});

async function setup(api: NewConversationBackend = newConversationBackend()) {
  const { store, timers } = await startedStore(api);
  const draft = createNewConversation(store, { timers, defaultCountry: 'GB' });
  open.push({ store, draft });
  const state = () => draft.$state.get();
  /** Types a number and lets the parser, the contact lookup and the availability question run. */
  async function typeNumber(text: string) {
    draft.setPhone(text);
    await until(() => state().phone.parsed !== null && state().phone.input === text);
    timers.flush();
    await draft.phone.settled();
    await until(() => state().availability.status !== 'loading');
  }
  return { api, store, timers, draft, state, typeNumber };
}

describe('the new conversation store', () => {
  it('offers profiles that can start by phone, for the chosen team, and preselects the only ones', async () => {
    const { draft, state } = await setup();
    // Telegram cannot start by phone; Billing (SMS) is Billing's alone.
    expect(state().profiles.map((p) => p.id)).to.deep.equal(['p-sms', 'p-billing', 'p-wa']);
    expect(state().teams.map((t) => t.name)).to.deep.equal(['Support', 'Billing']);
    expect(state().team).to.equal(null);
    draft.setTeam('t1');
    expect(state().profiles.map((p) => p.id)).to.deep.equal(['p-sms', 'p-wa']);
    draft.setProfile('p-billing'); // not on offer for Support
    expect(state().profile).to.equal(null);
    draft.setProfile('p-wa');
    expect(state().profile?.name).to.equal('Care WhatsApp');
    expect(state().channel?.maxTextLength).to.equal(4096);
  });

  it('without seeAllConversations offers only the user’s own teams, the only one preselected', async () => {
    me.capabilities.seeAllConversations = false;
    const { state } = await setup();
    expect(state().teams.map((t) => t.id)).to.deep.equal(['t1']);
    expect(state().team?.id).to.equal('t1');
    expect(state().profiles.map((p) => p.id)).to.deep.equal(['p-sms', 'p-wa']);
  });

  it('names the contact with the number and offers its open conversation on the chosen profile', async () => {
    const api = newConversationBackend([
      conversation('closed-one', 10, {
        contact: ANA,
        status: 'closed',
        senderProfile: { id: 'p-sms', name: 'Care (SMS)' },
      }),
      conversation('on-whatsapp', 20, { contact: ANA, senderProfile: { id: 'p-wa', name: 'Care WhatsApp' } }),
      conversation('open-sms', 5, {
        contact: ANA,
        status: 'unanswered',
        senderProfile: { id: 'p-sms', name: 'Care (SMS)' },
      }),
    ]);
    const { draft, state, typeNumber, api: server } = await setup(api);
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    await typeNumber('07400 123456'); // national, read in the default country
    expect(state().phone.parsed?.e164).to.equal('+447400123456');
    expect(server.server.calls('/api/contacts')[0]?.searchParams.get('phone')).to.equal('+447400123456');
    expect(state().contact?.name).to.equal('Ana Souza');
    await until(() => state().openConversation !== null);
    expect(state().openConversation?.id).to.equal('open-sms');
    expect(server.server.calls('/api/conversations').at(-1)?.searchParams.get('contactId')).to.equal(ANA.id);

    draft.setProfile('p-wa');
    expect(state().openConversation?.id).to.equal('on-whatsapp');
    // Another number: no contact, no offer.
    await typeNumber('+447400654321');
    expect(state().contact).to.equal(null);
    expect(state().openConversation).to.equal(null);
  });

  it('selects the existing conversation and keeps a typed message as its draft', async () => {
    const api = newConversationBackend([
      conversation('open-sms', 5, { contact: ANA, senderProfile: { id: 'p-sms', name: 'Care (SMS)' } }),
    ]);
    const { draft, state, store, typeNumber } = await setup(api);
    draft.setProfile('p-sms');
    draft.setText('Hello again');
    await typeNumber('+44 7400 123456');
    await until(() => state().openConversation !== null);
    expect(draft.openExisting()?.id).to.equal('open-sms');
    expect(store.conversations.$activeConversationId.get()).to.equal('open-sms');
    expect(store.drafts.get('open-sms', 'message')).to.equal('Hello again');
    expect(state().phone.input).to.equal('');
    expect(state().contact).to.equal(null);
  });

  it('asks for availability after a pause and drops an answer to an older number', async () => {
    const api = newConversationBackend();
    const first = deferred<void>();
    api.availability = async (phone) => {
      if (phone === '+447400123456') await first.promise;
      return { ...UK_AVAILABLE, remainingToday: phone === '+447400123456' ? 1 : 312 };
    };
    const { draft, state, timers } = await setup(api);
    draft.setProfile('p-sms');
    draft.setPhone('+447400123456');
    await until(() => state().phone.parsed?.e164 === '+447400123456');
    expect(state().availability.status).to.equal('loading');
    expect(api.server.calls('/api/sender-profiles/p-sms/availability')).to.have.length(0);
    timers.flush();
    await until(() => api.server.calls('/api/sender-profiles/p-sms/availability').length === 1);

    draft.setPhone('+447400123457');
    await until(() => state().phone.parsed?.e164 === '+447400123457');
    timers.flush();
    await until(() => state().availability.status === 'ready');
    first.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state().availability.phone).to.equal('+447400123457');
    expect(state().availability.value?.remainingToday).to.equal(312);
    expect(state().detailsProblems).to.deep.equal([{ target: 'teamId', code: 'choose-team' }]);
  });

  it('stays on the first step until profile, team and a readable number are there, and a sender is left', async () => {
    const api = newConversationBackend();
    const { draft, state, typeNumber } = await setup(api);
    expect(draft.next()).to.deep.equal({ target: 'senderProfileId', code: 'choose-profile' });
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    expect(draft.next()).to.deep.equal({ target: 'phone', code: 'phone-empty' });
    await typeNumber('12');
    expect(draft.next()?.target).to.equal('phone');
    api.availability = () => ({ ...UK_AVAILABLE, available: false, remainingToday: 0 });
    await typeNumber('+447400123456');
    expect(draft.next()).to.deep.equal({ target: 'availability', code: 'no-sender' });
    api.availability = () => UK_AVAILABLE;
    await typeNumber('+447400123457');
    expect(draft.next()).to.equal(null);
    expect(state().step).to.equal('message');
    draft.back();
    expect(state().step).to.equal('details');
    expect(state().phone.input).to.equal('+447400123457');
  });

  it('sends with an Idempotency-Key, then caches, selects and clears the draft but keeps the choices', async () => {
    const { draft, state, store, api, typeNumber } = await setup();
    const list = store.conversations.createConversationList({ status: 'unanswered' });
    await list.load();
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    await typeNumber('+447400123456');
    draft.next();
    draft.setText('Hello from Northwind');
    expect(state().textProblem).to.equal(null);

    const result = await draft.send();

    expect(result.ok).to.equal(true);
    expect(api.posts).to.have.length(1);
    expect(api.posts[0]!.body).to.deep.equal({
      spaceId: 's1',
      senderProfileId: 'p-sms',
      teamId: 't1',
      phone: '+447400123456',
      text: 'Hello from Northwind',
    });
    expect(api.posts[0]!.key).to.match(/^[0-9a-f]{32}$/);
    expect(store.conversations.$activeConversationId.get()).to.equal('new-1');
    expect(list.$state.get().ids).to.include('new-1');
    expect(state()).to.include({ step: 'details', text: '', error: null });
    expect(state().phone.input).to.equal('');
    expect(state().profile?.id).to.equal('p-sms');
    expect(state().team?.id).to.equal('t1');
  });

  it('retries a failed send under the same key, and a changed draft under a new one', async () => {
    const api = newConversationBackend();
    const { draft, state, typeNumber } = await setup(api);
    const create = api.create;
    api.create = () => Promise.reject(new TypeError('Failed to fetch'));
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    await typeNumber('+447400123456');
    draft.next();
    draft.setText('Hello');

    const failed = await draft.send();
    expect(failed.ok).to.equal(false);
    expect(state()).to.include({ text: 'Hello', step: 'message', errorTarget: 'form', sending: false });
    await draft.send();
    expect(api.posts[1]!.key).to.equal(api.posts[0]!.key);

    draft.setText('Hello there');
    api.create = create;
    expect((await draft.send()).ok).to.equal(true);
    expect(api.posts[2]!.key).to.not.equal(api.posts[0]!.key);
  });

  it('puts a no-sender refusal beside the availability in a code, keeps the text and asks again', async () => {
    const api = newConversationBackend();
    const { draft, state, typeNumber } = await setup(api);
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    await typeNumber('+447400123456');
    draft.next();
    draft.setText('Your code is 1234');
    api.create = () => noSender();
    api.availability = () => ({ ...UK_AVAILABLE, available: false, remainingToday: 0 });

    const result = await draft.send();

    expect(result.ok).to.equal(false);
    expect(result.ok ? null : result.error.clientProblem).to.deep.equal({
      code: 'no-sender-available',
      profile: 'Care (SMS)',
      country: 'GB',
      reason: 'used-up',
    });
    expect(state()).to.include({ errorTarget: 'availability', text: 'Your code is 1234', step: 'message' });
    await until(() => state().availability.value?.available === false);
    expect(api.server.calls('/api/sender-profiles/p-sms/availability')).to.have.length(2);
    draft.setPhone('+447400123457'); // another number: the refusal no longer applies
    expect(state().error).to.equal(null);
  });

  it('takes a refused number back to its field, with the message kept', async () => {
    const api = newConversationBackend();
    const { draft, state, typeNumber } = await setup(api);
    draft.setProfile('p-wa');
    draft.setTeam('t1');
    await typeNumber('+447400123456');
    draft.next();
    draft.setText('Hi!');
    api.create = () => invalidPhone();

    const result = await draft.send();

    expect(result.ok ? null : result.error.clientProblem).to.deep.equal({
      code: 'phone-invalid',
      country: 'GB',
    });
    expect(state()).to.include({ errorTarget: 'phone', step: 'details', text: 'Hi!' });
    draft.setText('Hi again'); // an edit elsewhere leaves the phone's refusal where it is
    expect(state().errorTarget).to.equal('phone');
    draft.setPhone('+447400123457');
    expect(state().errorTarget).to.equal(null);
  });

  it('words a refused channel and team in codes too', async () => {
    const api = newConversationBackend();
    const { draft, typeNumber } = await setup(api);
    draft.setProfile('p-sms');
    draft.setTeam('t1');
    await typeNumber('+447400123456');
    draft.setText('Hi');
    api.create = () =>
      json(
        {
          type: 'urn:inbox:problem:validation',
          title: 'Bad Request',
          status: 400,
          detail: 'SMS is off',
          errors: [{ path: 'body.senderProfileId', message: 'no' }],
        },
        400,
      );
    const refused = await draft.send();
    expect(refused.ok ? null : refused.error.clientProblem).to.deep.equal({
      code: 'cannot-start-by-phone',
      channel: 'sms',
    });
    api.create = () =>
      json(
        {
          type: 'urn:inbox:problem:validation',
          title: 'Bad Request',
          status: 400,
          detail: 'no',
          errors: [{ path: 'body.teamId', message: 'no' }],
        },
        400,
      );
    const team = await draft.send();
    expect(team.ok ? null : team.error.clientProblem).to.deep.equal({
      code: 'team-not-allowed',
      profile: 'Care (SMS)',
      team: 'Support',
    });
  });

  it('forgets the choices of another space when the user switches', async () => {
    const { draft, state, store } = await setup();
    draft.setProfile('p-wa');
    draft.setTeam('t1');
    draft.setText('kept');
    await store.directory.setActiveSpace('s2');
    expect(state().profile).to.equal(null);
    expect(state().text).to.equal('kept');
  });
});
