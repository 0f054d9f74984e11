import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { Conversation } from '../../src/api/types.js';
import type { InboxDetails, InboxProvider, InboxTimeline } from '../../src/index.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { detailsBackend } from '../helpers/details-fetch.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { timelineBackend } from '../helpers/timeline-fetch.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

// A view of one conversation re-renders for that conversation's changes only: with thousands of
// conversations updating live, the timeline and the Details stay still for all the others.

/** Counts the element's renders from now on. */
function countRenders(el: InboxDetails | InboxTimeline): () => number {
  let renders = 0;
  const target = el as unknown as { render(): unknown };
  const render = target.render.bind(el);
  target.render = () => {
    renders++;
    return render();
  };
  return () => renders;
}

/** Counts the element's renders from once it has settled: three frames in a row without one. */
async function rendersOnceSettled(el: InboxDetails | InboxTimeline): Promise<() => number> {
  const all = countRenders(el);
  let seen = all();
  for (let quiet = 0; quiet < 3;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    quiet = all() === seen ? quiet + 1 : 0;
    seen = all();
  }
  return () => all() - seen;
}

/**
 * Waits for the store's start, space and directory included: a view of one conversation shows it
 * before then, and what the start loads later (the space, its teams and users) must not land while
 * a test counts renders. A list, as these tests stand in for, loads only once the space is known.
 */
async function settledInItsSpace(provider: InboxProvider): Promise<void> {
  await provider.store!.start();
}

function bump(provider: InboxProvider, id: string, changes: Partial<Conversation>): void {
  const conversations = provider.store!.conversations;
  const current = conversations.$conversationsById.get().get(id)!;
  conversations.upsertConversation({ ...current, version: current.version + 1, ...changes });
}

describe('views of one conversation', () => {
  it('the Details re-render for their conversation, not for another one', async () => {
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${detailsBackend(makeConversations(6)).fetch}>
        <inbox-details conversation-id="conv-0"></inbox-details>
      </inbox-provider>
    `);
    const details = provider.querySelector('inbox-details') as InboxDetails;
    await waitUntil(
      () => details.shadowRoot?.querySelector('[part~="contact-facts"]'),
      'no details',
      FIRST_LOAD,
    );
    await settledInItsSpace(provider);
    const cache = provider.store!.conversations.$conversationsById;
    // Another contact's conversation in the cache, as a list would have loaded it.
    const shown = cache.get().get('conv-0')!;
    provider.store!.conversations.upsertConversation({
      ...shown,
      id: 'conv-other',
      contact: { ...shown.contact, id: 'contact-other' },
    });
    const renders = await rendersOnceSettled(details);

    bump(provider, 'conv-other', { unreadCount: 4 });
    await details.updateComplete;
    expect(renders()).to.equal(0);

    bump(provider, 'conv-0', { unreadCount: 2 });
    await details.updateComplete;
    expect(renders()).to.be.greaterThan(0);
  });

  it('the timeline re-renders for its conversation, not for another one', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(4)));
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-timeline conversation-id="conv-0" style="block-size: 400px"></inbox-timeline>
      </inbox-provider>
    `);
    const timeline = provider.querySelector('inbox-timeline') as InboxTimeline;
    await waitUntil(() => timeline.shadowRoot?.querySelector('.row'), 'the timeline did not render');
    await settledInItsSpace(provider);
    const cache = provider.store!.conversations.$conversationsById;
    // Another conversation in the cache, as a list would have loaded it.
    provider.store!.conversations.upsertConversation({ ...cache.get().get('conv-0')!, id: 'conv-other' });
    const renders = await rendersOnceSettled(timeline);

    bump(provider, 'conv-other', { unreadCount: 4 });
    await timeline.updateComplete;
    expect(renders()).to.equal(0);

    bump(provider, 'conv-0', { status: 'closed' });
    await timeline.updateComplete;
    expect(renders()).to.be.greaterThan(0);
  });
});
