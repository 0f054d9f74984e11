import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxProvider, InboxStore, InboxTimeline } from '../../src/index.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { timelineBackend, type TimelineBackend } from '../helpers/timeline-fetch.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { withMessaging } from '../helpers/with-messaging.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount(backend: TimelineBackend, locale = 'en') {
  // Through the backend each time, so a test can hold requests after mounting.
  const fetch: typeof globalThis.fetch = (input, init) => backend.fetch(input, init);
  const root = await fixture<HTMLElement>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${fetch}>
      <inbox-timeline conversation-id="conv-0" locale=${locale} style="block-size: 500px"></inbox-timeline>
    </inbox-provider>
  `);
  const timeline = root.querySelector('inbox-timeline') as InboxTimeline;
  const store = withMessaging((root as InboxProvider).store as InboxStore);
  await waitUntil(() => timeline.shadowRoot!.querySelector('.row'), 'the timeline did not render', {
    timeout: 3000,
  });
  return { timeline, store };
}
const pending = (timeline: InboxTimeline) =>
  timeline.shadowRoot!.querySelector<HTMLElement>('[part~="pending"]');

describe('<inbox-timeline> sends still in this browser', () => {
  it('shows a refused send as failed with its text and a named Retry, and as sending while Retry waits for the server', async () => {
    const backend = timelineBackend(fixtureBackend(makeConversations(3)), 5);
    const { timeline, store } = await mount(backend);
    // The fixture server has no send route: the send is refused (404) and stays, failed.
    await store.outbox.send('conv-0', { text: 'Your order shipped' }).catch(() => undefined);
    await waitUntil(() => pending(timeline)?.dataset['state'] === 'failed', 'not failed');
    const bubble = pending(timeline)!;
    expect(text(bubble)).to.contain('Your order shipped');
    expect(bubble.querySelector('[part="delivery-status"]')!.getAttribute('title')).to.equal('Not sent');
    const retry = bubble.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry sending this message');

    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const base = backend.fetch;
    backend.fetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method === 'POST' && request.url.endsWith('/messages')) await held;
      return base(input, init);
    };
    retry.click();
    await waitUntil(() => pending(timeline)?.dataset['state'] === 'sending', 'not sending');
    expect(text(pending(timeline)!.querySelector('[part="pending-state"]'))).to.equal('Sending…');
    answer();
    // Still refused by this server: it says so again instead of claiming success.
    await waitUntil(() => pending(timeline)?.dataset['state'] === 'failed', 'not failed again');
  });

  it('says queued in Spanish and Arabic for a send waiting its turn', async () => {
    for (const [locale, words] of [
      ['es', 'En cola: esperando su turno'],
      ['ar', 'في قائمة الانتظار: تنتظر دورها'],
    ] as const) {
      const backend = timelineBackend(fixtureBackend(makeConversations(3)), 5);
      const { timeline, store } = await mount(backend, locale);
      let answer!: () => void;
      const held = new Promise<void>((resolve) => (answer = resolve));
      const base = backend.fetch;
      backend.fetch = async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (request.method === 'POST') await held;
        return base(input, init);
      };
      const first = store.outbox.send('conv-0', { text: 'one' }).catch(() => undefined);
      const second = store.outbox.send('conv-0', { text: 'two' }).catch(() => undefined);
      await waitUntil(
        () => timeline.shadowRoot!.querySelectorAll('[part~="pending"]').length === 2,
        'no pending sends',
      );
      const last = () =>
        [...timeline.shadowRoot!.querySelectorAll('[part="pending-state"]')].map(text).at(-1);
      // The catalogue loads on first use: English stands in for a moment.
      await waitUntil(() => last() === words, `not "${words}": "${last()}"`);
      answer();
      await Promise.all([first, second]);
    }
  });
});
