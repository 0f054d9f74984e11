import { expect } from '@open-wc/testing';
import type { User } from '../../src/api/index.js';
import { json } from '../api/fake-fetch.js';
import { me } from './backend.js';
import { disposeAll, inbox, itemEvent, message, note } from './timeline-backend.js';

afterEach(disposeAll);

const marco: User = { ...me.user, id: 'u-bo', name: 'Marco', email: 'marco@example.com' };

async function opened() {
  const setup = inbox();
  setup.api.server.on('GET', '/api/users', () => json([me.user, marco]));
  setup.server.items['c1'] = [message('c1', 1), message('c1', 2)];
  const store = await setup.open();
  await store.conversations.createConversationList().load(); // The contact's name, as a list has it.
  const timeline = store.timeline.open('c1');
  await timeline.load();
  return { setup, store, timeline, collision: store.collisions.$collision('c1') };
}

describe('collisions', () => {
  it("notes a colleague's reply and a customer's message that arrive while a draft is open, by whom", async () => {
    const { store, collision } = await opened();
    // Nothing to warn about without a draft.
    store.realtime.applyEvent(itemEvent(message('c1', 3, { direction: 'in', text: 'Hello?' })));
    expect(collision.get().arrivals).to.deep.equal([]);

    store.drafts.set('c1', 'message', 'Let me check that for you');
    store.realtime.applyEvent(
      itemEvent(message('c1', 4, { direction: 'out', authorId: 'u-bo', status: 'queued' })),
    );
    store.realtime.applyEvent(itemEvent(note('c1', 5)));
    store.realtime.applyEvent(itemEvent(message('c1', 6, { direction: 'in' })));
    expect(collision.get().arrivals.map((a) => [a.itemId, a.kind, a.from, a.name])).to.deep.equal([
      ['m-c1-4', 'message', 'colleague', 'Marco'],
      ['n-c1-5', 'note', 'colleague', 'Marco'],
      ['m-c1-6', 'message', 'contact', 'Contact c1'],
    ]);
  });

  it("ignores the agent's own sends and later statuses of items already shown", async () => {
    const { store, collision } = await opened();
    store.drafts.set('c1', 'note', 'A note in progress');
    store.realtime.applyEvent(itemEvent(message('c1', 2, { status: 'read' }))); // An old message's status.
    store.realtime.applyEvent(
      itemEvent(message('c1', 3, { direction: 'out', authorId: me.user.id, status: 'queued' })),
    );
    expect(collision.get().arrivals).to.deep.equal([]);
  });

  it('holds the first send to warn, lets the second go, and forgets once seen or when the draft empties', async () => {
    const { store, collision } = await opened();
    expect(store.collisions.holdSend('c1')).to.equal(false); // Nothing arrived: send at once.
    store.drafts.set('c1', 'message', 'Draft');
    store.realtime.applyEvent(itemEvent(message('c1', 3, { direction: 'in' })));
    expect(store.collisions.holdSend('c1')).to.equal(true);
    expect(collision.get().warned).to.equal(true);
    expect(store.collisions.holdSend('c1')).to.equal(false); // Send anyway.

    store.drafts.set('c1', 'message', '');
    expect(collision.get().arrivals).to.deep.equal([]);

    store.drafts.set('c1', 'message', 'Second draft');
    store.realtime.applyEvent(itemEvent(message('c1', 4, { direction: 'in' })));
    store.collisions.review('c1');
    expect(store.collisions.$reveal.get()).to.deep.equal({ conversationId: 'c1', itemId: 'm-c1-4' });
    expect(collision.get().arrivals).to.deep.equal([]);
    expect(store.drafts.get('c1', 'message')).to.equal('Second draft'); // Review keeps the draft.
  });
});
