import { expect, waitUntil } from '@open-wc/testing';
import type { WritableAtom } from 'nanostores';
import type { components } from '../../src/api/schema.js';
import type { ConnectionStatus } from '../../src/stores/index.js';
import { colleague, space } from '../fixtures/inbox-fixtures.js';
import {
  field,
  mountComposer,
  part,
  partText,
  typeInto,
  WHATSAPP,
  writesTo,
} from '../helpers/composer-harness.js';

type TimelineItem = components['schemas']['TimelineItem'];
const sends = /^\/conversations\/[^/]+\/messages$/;
let eventId = 500;

/** An item someone else wrote, arriving as the stream delivers it. */
function arrive(store: Awaited<ReturnType<typeof mountComposer>>['store'], item: Partial<TimelineItem>) {
  const full = {
    id: `new-${++eventId}`,
    conversationId: WHATSAPP,
    seq: eventId,
    createdAt: new Date().toISOString(),
    ...item,
  } as TimelineItem;
  store.realtime.applyEvent({
    id: `e-${eventId}`,
    type: 'timeline.item',
    spaceId: space.id,
    at: full.createdAt,
    item: full,
  });
  return full;
}
const reply: Partial<TimelineItem> = {
  kind: 'message',
  direction: 'out',
  text: 'I sent the refund.',
  attachments: [],
  status: 'queued',
  authorId: colleague.id,
  clientMessageId: null,
  failureReason: null,
  scheduledFor: null,
};

describe('<inbox-composer> before a send', () => {
  beforeEach(() => localStorage.clear());

  it('warns once when a colleague replied since the draft began; Send anyway sends', async () => {
    const { composer, backend, store } = await mountComposer();
    await typeInto(composer, 'Let me check your refund');
    arrive(store, reply);
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => part(composer, 'collision'), 'no warning');
    expect(partText(composer, 'collision')).to.equal(
      `New reply from \u2068${colleague.name}\u2069 — send anyway? Send anyway Review`,
    );
    expect(part(composer, 'collision')!.getAttribute('role')).to.equal('alert');
    expect(writesTo(backend, sends)).to.have.length(0);
    expect(field(composer).value).to.equal('Let me check your refund');

    part<HTMLButtonElement>(composer, 'send-anyway')!.click();
    await waitUntil(() => writesTo(backend, sends).length === 1, 'Send anyway did not send');
    await waitUntil(() => !part(composer, 'collision'), 'the warning stayed');
  });

  it("names the contact for a customer's message, and Review keeps the draft and asks the timeline to show it", async () => {
    const { composer, backend, store } = await mountComposer();
    const contact = store.conversations.$conversationsById.get().get(WHATSAPP)!.contact.name;
    await typeInto(composer, 'Draft before');
    const item = arrive(store, { ...reply, direction: 'in', authorId: null, text: 'Hello?' });
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => part(composer, 'collision'), 'no warning');
    expect(partText(composer, 'collision')).to.contain(
      `New message from \u2068${contact}\u2069 — send anyway?`,
    );
    part<HTMLButtonElement>(composer, 'review')!.click();
    await waitUntil(() => !part(composer, 'collision'), 'the warning stayed');
    expect(store.collisions.$reveal.get()).to.deep.equal({ conversationId: WHATSAPP, itemId: item.id });
    expect(field(composer).value).to.equal('Draft before');
    expect(writesTo(backend, sends)).to.have.length(0);
  });

  it('sends at once when nothing arrived, or when what arrived came before the draft', async () => {
    const { composer, backend, store } = await mountComposer();
    arrive(store, reply);
    await typeInto(composer, 'Written after the reply');
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => writesTo(backend, sends).length === 1, 'no send');
    expect(part(composer, 'collision')).to.equal(null);
  });

  it('shows a 429 as a countdown under the field, and the text as queued while the stream is down', async () => {
    const { composer, backend, store } = await mountComposer();
    backend.sendProblem = {
      type: 'urn:inbox:problem:rate-limited',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Too many requests.',
    };
    backend.sendRetryAfter = '30';
    await typeInto(composer, 'Easy now');
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => part(composer, 'rate-limit'), 'no rate-limited state');
    expect(partText(composer, 'rate-limit')).to.match(/^Too many requests — trying again in (30|29) s$/);

    store.rateLimits.release(`send:${WHATSAPP}`);
    (store.realtime.$connection as WritableAtom<ConnectionStatus>).set('reconnecting');
    await waitUntil(() => part(composer, 'queued'), 'no queued note');
    expect(partText(composer, 'queued')).to.equal(
      "You're offline: 1 message is queued and goes out when the connection is back.",
    );

    // Leave nothing queued for the next test (the outbox would re-send it on its start).
    backend.sendProblem = undefined;
    const [pending] = store.outbox.$pending.get();
    await store.outbox.undo(pending!.clientMessageId);
    expect(store.outbox.$pending.get()).to.deep.equal([]);
  });
});
