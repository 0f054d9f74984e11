import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { components } from '../../src/api/schema.js';
import type { InboxProvider, InboxStore, InboxTimeline } from '../../src/index.js';
import { agent, capabilities, makeConversations, me } from '../fixtures/inbox-fixtures.js';
import { timelineBackend, type TimelineBackend } from '../helpers/timeline-fetch.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { withMessaging } from '../helpers/with-messaging.js';

/** A timeline in a provider, as soon as it is in the page (before its rows are). */
async function place(backend: TimelineBackend, conversationId = 'conv-0') {
  const root = await fixture<HTMLElement>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
      <inbox-timeline conversation-id=${conversationId} style="block-size: 500px"></inbox-timeline>
    </inbox-provider>
  `);
  return root.querySelector('inbox-timeline') as InboxTimeline;
}

async function mount(backend: TimelineBackend, conversationId = 'conv-0') {
  const timeline = await place(backend, conversationId);
  await waitUntil(() => rows(timeline).length > 0, 'the timeline did not render', { timeout: 3000 });
  return timeline;
}

const shadow = (timeline: InboxTimeline) => timeline.shadowRoot as ShadowRoot;
const rows = (timeline: InboxTimeline) => [...shadow(timeline).querySelectorAll<HTMLElement>('.row')];
const log = (timeline: InboxTimeline) => shadow(timeline).querySelector<HTMLElement>('[role="log"]')!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const frames = (n = 8) =>
  new Promise<void>((resolve) => {
    const tick = (left: number) => (left ? requestAnimationFrame(() => tick(left - 1)) : resolve());
    tick(n);
  });
/** Resolves once the next frame is painted, in a task that frame's callback queued: sees what it painted. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );
/** A new message from the contact, as the server would append it. */
const inbound = (
  text: string,
): Omit<components['schemas']['MessageItem'], 'id' | 'conversationId' | 'seq'> => ({
  kind: 'message',
  direction: 'in',
  text,
  attachments: [],
  status: 'delivered',
  authorId: null,
  clientMessageId: null,
  failureReason: null,
  scheduledFor: null,
  createdAt: new Date().toISOString(),
});
const atBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 4;

describe('<inbox-timeline>', () => {
  it('opens at the newest message, in seq order, with times, statuses, notes, events and date separators', async () => {
    // Fifty items: a new day begins ten from the newest, within the rows rendered at the bottom.
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 50);
    const timeline = await mount(backend);
    await waitUntil(() => atBottom(log(timeline)), 'it did not open at the newest message');
    const keys = rows(timeline).map((r) => r.dataset['key'] ?? '');
    const seqs = keys.filter((k) => k.includes('-item-')).map((k) => Number(k.split('-item-')[1]));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(shadow(timeline).querySelector('[part~="note"]')?.textContent).to.contain('Internal note');
    expect(text(shadow(timeline).querySelector('[part="event"]'))).to.match(
      /Status changed from Unanswered to Active because the contact replied/,
    );
    expect(shadow(timeline).querySelector('[part="date-separator"]')).to.exist;
    const outbound = shadow(timeline).querySelector('[part~="outbound"]:not([part~="pending"])');
    expect(outbound?.querySelector('time')).to.exist;
    expect(text(outbound?.querySelector('[part="delivery-status"]'))).to.be.oneOf(['Delivered', 'Failed']);
  });

  it('opens at the bottom in one go: once the newest message shows, nothing moves', async () => {
    const timeline = await place(timelineBackend(fixtureBackend(makeConversations(3)), 200));
    // Frame by frame, from the first one that shows the newest message: where it is on screen.
    const newest = () => rows(timeline).find((r) => r.dataset['key'] === 'conv-0-item-200');
    const seen: number[] = [];
    for (let frame = 0; frame < 120 && seen.length < 20; frame++) {
      await frames(1);
      const row = newest();
      const el = shadow(timeline).querySelector<HTMLElement>('[role="log"]');
      if (row && el && (seen.length || atBottom(el)))
        seen.push(Math.round(row.getBoundingClientRect().bottom - el.getBoundingClientRect().bottom));
    }
    expect(seen.length, 'the newest message was never shown at the bottom').to.equal(20);
    expect([...new Set(seen)], 'where the newest message sat, frame after frame').to.have.lengthOf(1);
  });

  it('never paints an empty log while it opens: the loading line, then rows', async () => {
    // A long thread whose rows measure smaller than the virtualizer's first estimate: the list
    // shrinks under the pinned position, which once left painted frames with no rows at all.
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 10000);
    backend.newestPageSize = 10000;
    const timeline = await place(backend);
    const shows = () => {
      if (shadow(timeline).querySelector('[part="state"]')) return 'loading';
      const el = shadow(timeline).querySelector<HTMLElement>('[role="log"]');
      const box = el?.getBoundingClientRect();
      const inView = rows(timeline).some((row) => {
        const r = row.getBoundingClientRect();
        return box && r.height > 0 && r.bottom > box.top && r.top < box.bottom;
      });
      return inView ? 'rows' : 'nothing';
    };
    const seen: string[] = [];
    for (let frame = 0; frame < 120 && seen.filter((s) => s === 'rows').length < 10; frame++) {
      await painted();
      seen.push(shows());
    }
    expect(
      seen.filter((s) => s === 'rows'),
      'frames with rows',
    ).to.have.lengthOf(10);
    expect(
      seen.filter((s) => s === 'nothing'),
      'frames showing nothing',
    ).to.deep.equal([]);
  });

  it('shows only the receipts the channel has: SMS never says Read, Telegram only Sent', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 3);
    backend.timelines['conv-1'] = [
      {
        ...backend.timelines['conv-1']?.[0],
        ...{
          id: 'sms-1',
          conversationId: 'conv-1',
          seq: 1,
          createdAt: new Date().toISOString(),
          kind: 'message',
          direction: 'out',
          text: 'Hi',
          attachments: [],
          status: 'read',
          authorId: agent.id,
          clientMessageId: null,
          failureReason: null,
          scheduledFor: null,
        },
      },
    ];
    backend.timelines['conv-2'] = [
      {
        id: 'tg-1',
        conversationId: 'conv-2',
        seq: 1,
        createdAt: new Date().toISOString(),
        kind: 'message',
        direction: 'out',
        text: 'Hi',
        attachments: [],
        status: 'delivered',
        authorId: agent.id,
        clientMessageId: null,
        failureReason: null,
        scheduledFor: null,
      },
    ];
    const sms = await mount(backend, 'conv-1');
    expect(text(shadow(sms).querySelector('[part="delivery-status"]'))).to.equal('Delivered');
    const telegram = await mount(backend, 'conv-2');
    expect(text(shadow(telegram).querySelector('[part="delivery-status"]'))).to.equal('Sent');
  });

  it('is a labelled log and passes an accessibility audit', async () => {
    const timeline = await mount(timelineBackend(fixtureBackend(makeConversations(3))));
    expect(log(timeline).getAttribute('aria-label')).to.equal('Conversation with Amara Okafor');
    await expect(timeline).to.be.accessible();
  });

  it('hides internal notes from a user who may not read them', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)));
    backend.me = { ...me, capabilities: { ...capabilities, readNotes: false, writeNotes: false } };
    const timeline = await mount(backend);
    await frames();
    expect(shadow(timeline).querySelector('[part~="note"]')).to.equal(null);
  });

  it('follows a new inbound message at the bottom and announces it politely', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)));
    const timeline = await mount(backend);
    await frames();
    backend.append('conv-0', inbound('Are you still there?'));
    await waitUntil(() =>
      text(shadow(timeline).querySelector('[role="status"][aria-live="polite"]')).includes(
        'Are you still there?',
      ),
    );
    expect(text(shadow(timeline).querySelector('[role="status"][aria-live="polite"]'))).to.equal(
      'New message from Amara Okafor: Are you still there?',
    );
    await waitUntil(() => atBottom(log(timeline)), 'it did not follow the new message');
    expect(text(rows(timeline).at(-1))).to.contain('Are you still there?');
  });

  it('offers "N new messages" when the reader is up in the history, and jumps down on click', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)));
    const timeline = await mount(backend);
    await frames();
    log(timeline).scrollTop = 0;
    log(timeline).dispatchEvent(new Event('scroll'));
    await frames(2);
    for (const words of ['One', 'Two']) {
      backend.append('conv-0', inbound(words));
    }
    await waitUntil(() =>
      text(shadow(timeline).querySelector('[part="new-messages"]')).startsWith('2 new messages'),
    );
    shadow(timeline).querySelector<HTMLElement>('[part="new-messages"]')!.click();
    await waitUntil(() => atBottom(log(timeline)), 'it did not jump to the newest message');
    expect(shadow(timeline).querySelector('[part="new-messages"]')).to.equal(null);
  });

  it('Review of a reply that came while writing brings it into view and focus, from high up in the history', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 200);
    const timeline = await mount(backend);
    const store = withMessaging(timeline.closest<InboxProvider>('inbox-provider')!.store as InboxStore);
    await frames();
    log(timeline).scrollTop = 0;
    log(timeline).dispatchEvent(new Event('scroll'));
    await frames(2);
    store.drafts.set('conv-0', 'message', 'My answer');
    backend.append('conv-0', inbound('Got there first'));
    await waitUntil(() => store.collisions.holdSend('conv-0'), 'the reply was not taken for news');
    expect(rows(timeline).some((row) => text(row).includes('Got there first'))).to.equal(false);

    store.collisions.review('conv-0');
    const focused = () => shadow(timeline).activeElement as HTMLElement | null;
    await waitUntil(() => text(focused()).includes('Got there first'), 'the reply was not focused');
    await frames(12); // Past the frames the timeline keeps it in view while its neighbours render.
    const shown = focused()!.getBoundingClientRect();
    const view = log(timeline).getBoundingClientRect();
    // Within a pixel: the log scrolls by whole pixels, and a row may sit at a fraction of one.
    expect([shown.top >= view.top - 1, shown.bottom <= view.bottom + 1], 'wholly in view').to.deep.equal([
      true,
      true,
    ]);
  });

  it('loads older history on scrolling up without moving the message under the eye (within 1 px)', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 200);
    const timeline = await mount(backend);
    await frames();
    const offsetOf = (row: HTMLElement) =>
      row.getBoundingClientRect().top - log(timeline).getBoundingClientRect().top;
    log(timeline).scrollTop = 0;
    await frames(1);
    // The reader's eye: the first message fully in view when older history is asked for.
    const anchor = rows(timeline)
      .filter((r) => r.dataset['kind'] === 'entry' && offsetOf(r) >= -1)
      .sort((a, b) => offsetOf(a) - offsetOf(b))[0]!;
    const key = anchor.dataset['key'];
    const before = offsetOf(anchor);
    await waitUntil(
      () => backend.requests.some((r) => r.includes('beforeSeq')),
      'older history was not requested',
    );
    await waitUntil(() => !shadow(timeline).querySelector('.loading-older'));
    await frames(10);
    const same = rows(timeline).find((r) => r.dataset['key'] === key);
    expect(same, 'the anchor row is still in view').to.exist;
    expect(Math.abs(offsetOf(same!) - before)).to.be.at.most(1);
    // The older page (items 100–149) renders above it.
    expect(rows(timeline).some((r) => r.dataset['key'] === 'conv-0-item-149')).to.be.true;
  });

  it('marks the conversation read when opened', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)));
    await mount(backend);
    await waitUntil(
      () => backend.requests.some((r) => r === 'PUT /conversations/conv-0/read'),
      'no read marker was sent',
    );
  });

  it('shows why a message failed, and retries it', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 20);
    const timeline = await mount(backend);
    await frames();
    const failure = shadow(timeline).querySelector('.failure');
    expect(text(failure)).to.contain('Not sent: The number is not reachable.');
    failure!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => backend.requests.some((r) => /^POST \/messages\/.+\/retry$/.test(r)));
  });

  it('changes the status from the header: legal moves only', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)));
    const timeline = await mount(backend);
    const button = shadow(timeline).querySelector<HTMLElement>('[part="status-button"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(text(button)).to.equal('Active');
    button.click();
    await waitUntil(() => shadow(timeline).querySelector('[role="menu"]'));
    const items = [...shadow(timeline).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map(text)).to.deep.equal(['Close conversation']);
    setTimeout(() => items[0]!.click());
    const event = await oneEvent(timeline, 'inbox-status-change');
    expect(event.detail).to.include({ conversationId: 'conv-0', from: 'active', to: 'closed' });
  });

  it('moves between messages with the arrow keys', async () => {
    const timeline = await mount(timelineBackend(fixtureBackend(makeConversations(3))));
    await frames();
    const last = rows(timeline).at(-1)!;
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    expect(shadow(timeline).activeElement).to.not.equal(last);
    expect(shadow(timeline).activeElement?.classList.contains('row')).to.be.true;
  });

  it('renders hostile message text as text', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 3);
    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
      '<a href="javascript:window.__pwned=3">click</a>',
      '<svg onload="window.__pwned=4"></svg>',
      '<iframe src="javascript:window.__pwned=5"></iframe>',
      '"><object data="data:text/html,<script>window.__pwned=6</script>">',
    ];
    const timeline = await mount(backend);
    for (const payload of payloads) {
      backend.append('conv-0', inbound(payload));
    }
    await waitUntil(() => text(shadow(timeline).querySelector('[role="log"]')).includes('window.__pwned=6'));
    await frames();
    const root = shadow(timeline);
    expect(root.querySelector('.text img, .text script, .text iframe, .text object, .text svg')).to.equal(
      null,
    );
    expect([...root.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript:'))).to
      .be.false;
    expect(
      [...root.querySelectorAll('*')].some((el) =>
        [...el.attributes].some((attr) => attr.name.startsWith('on')),
      ),
    ).to.be.false;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
