import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxConversationList, InboxProvider, InboxTimeline } from '../../src/index.js';
import { contrastRatio } from '../../src/styles/contrast.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { timelineBackend } from '../helpers/timeline-fetch.js';

/** `rgb(r, g, b)` as `#rrggbb`. */
const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

/** Every element of the inbox, in a provider, in a container `width` pixels wide. */
async function mountAll(width: number, locale = 'en', conversations = makeConversations(8)) {
  const backend = timelineBackend(fixtureBackend(conversations));
  const provider = await fixture<InboxProvider>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
      <div style="inline-size: ${width}px" lang=${locale}>
        <inbox-conversation-list style="block-size: 400px"></inbox-conversation-list>
        <inbox-timeline conversation-id="conv-0" style="block-size: 400px"></inbox-timeline>
        <inbox-composer conversation-id="conv-0"></inbox-composer>
        <inbox-space-switcher></inbox-space-switcher>
      </div>
    </inbox-provider>
  `);
  const list = provider.querySelector('inbox-conversation-list') as InboxConversationList;
  const timeline = provider.querySelector('inbox-timeline') as InboxTimeline;
  const composer = provider.querySelector('inbox-composer')!;
  await waitUntil(
    () =>
      list.shadowRoot!.querySelectorAll('[role="option"]').length > 0 &&
      timeline.shadowRoot!.querySelectorAll('.row').length > 0 &&
      !composer.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')?.disabled,
    'the inbox did not render',
    { timeout: 4000 },
  );
  return { provider, list, timeline, composer };
}

/** Whether an ancestor inside the same root clips `el` (an ellipsis), so its own box may be wider. */
function clipped(el: Element): boolean {
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    if (getComputedStyle(parent).overflowX !== 'visible') return true;
  }
  return false;
}

/** Elements of a shadow root (and nested ones) that a user would see past the container's sides. */
function overflowing(host: Element, container: DOMRect): string[] {
  const found: string[] = [];
  const walk = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const rect = el.getBoundingClientRect();
      const { overflowX } = getComputedStyle(el);
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        found.push(`<${host.localName}> ${el.localName}.${el.className} scrolls sideways`);
      if (rect.width === 0 || el.closest('.visually-hidden') || clipped(el)) continue;
      if (rect.left < container.left - 0.5 || rect.right > container.right + 0.5)
        found.push(
          `<${host.localName}> ${el.localName}.${el.className} ${Math.round(rect.left)}–${Math.round(rect.right)}`,
        );
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return found;
}

describe('layout', () => {
  for (const locale of ['en', 'ar']) {
    it(`fits every element in a 320 px wide container, with nothing reaching past it (${locale})`, async () => {
      const { provider } = await mountAll(320, locale);
      const container = provider.querySelector('div')!.getBoundingClientRect();
      const elements = [
        ...provider.querySelectorAll(
          'inbox-conversation-list, inbox-timeline, inbox-composer, inbox-space-switcher',
        ),
      ];
      for (const element of elements) {
        expect(overflowing(element, container)).to.deep.equal([]);
        expect(element.scrollWidth, element.localName).to.be.at.most(element.clientWidth || 320);
      }
    });
  }

  it('shows every status tab of the list whole in a narrow container', async () => {
    const { list } = await mountAll(320);
    const tablist = list.shadowRoot!.querySelector('[role="tablist"]')!.getBoundingClientRect();
    for (const tab of list.shadowRoot!.querySelectorAll('[role="tab"]')) {
      const rect = tab.getBoundingClientRect();
      expect(rect.right, tab.textContent ?? '').to.be.at.most(tablist.right + 0.5);
      expect(tab.scrollWidth, tab.textContent ?? '').to.be.at.most(tab.clientWidth + 1);
    }
  });

  it('never truncates the text of a filter select in a wide list', async () => {
    const { list } = await mountAll(400);
    for (const select of list.shadowRoot!.querySelectorAll<HTMLSelectElement>('select')) {
      const widest = Math.max(
        ...[...select.options].map((option) => {
          const probe = document.createElement('span');
          probe.style.font = getComputedStyle(select).font;
          probe.textContent = option.text;
          document.body.append(probe);
          const width = probe.getBoundingClientRect().width;
          probe.remove();
          return width;
        }),
      );
      expect(select.clientWidth, select.getAttribute('part') ?? '').to.be.at.least(widest);
    }
  });

  it('keeps text written by people in its own direction inside a right-to-left inbox', async () => {
    const { list, timeline } = await mountAll(600, 'ar');
    const bubble = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="message"] .text')!;
    expect(getComputedStyle(bubble).direction).to.equal('ltr'); // The fixtures are English.
    expect(bubble.getAttribute('dir')).to.equal('auto');
    const phone = timeline.shadowRoot!.querySelector<HTMLElement>('[part="phone"]')!;
    expect(getComputedStyle(phone).direction).to.equal('ltr');
    const name = list.shadowRoot!.querySelector<HTMLElement>('[part="contact"] bdi')!;
    expect(name.getAttribute('dir')).to.match(/^(auto|ltr)$/);
    // The name keeps its own direction, yet lines up with the rest of the row.
    expect(getComputedStyle(name.parentElement!).direction).to.equal('rtl');
    expect(list.shadowRoot!.querySelector('[part="preview"] bdi')).to.not.equal(null);
  });

  describe('cuts text written by people at its own end, so its first words show', () => {
    const english = 'Hello, my parcel has not arrived yet and I need to know the new delivery date please';
    const arabic = 'مرحبا، طلبي لم يصل بعد وأحتاج إلى معرفة موعد التسليم الجديد من فضلكم';
    /** Conversations whose first one is named and writes in `text`'s language, at length. */
    const writingIn = (name: string, text: string) =>
      makeConversations(8).map((c, i) =>
        i === 0 ? { ...c, contact: { ...c.contact, name }, lastMessage: { ...c.lastMessage!, text } } : c,
      );

    const firstText = (el: Element) =>
      document
        .createTreeWalker(el, NodeFilter.SHOW_TEXT, (node) =>
          node.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
        )
        .nextNode()!;

    /** Whether `el`'s text is cut where it shows, and whether its first character shows there. */
    function cut(el: Element) {
      let clip = el;
      while (getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement!;
      const first = firstText(el);
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(first, 1);
      const character = range.getBoundingClientRect();
      const box = clip.getBoundingClientRect();
      return {
        isCut: clip.scrollWidth > clip.clientWidth,
        firstShows: character.left >= box.left - 0.5 && character.right <= box.right + 0.5,
      };
    }

    it('an English name and message in a right-to-left inbox', async () => {
      const name = 'Maximilian Alexander Featherstonehaugh-Worthington';
      const { list, timeline } = await mountAll(320, 'ar', writingIn(name, english));
      const row = list.shadowRoot!.querySelector('[role="option"]')!;
      const header = timeline.shadowRoot!.querySelector('[part="contact"] bdi')!;
      await waitUntil(() => header.textContent === name, 'the timeline shows the contact');
      for (const [what, el] of [
        // The preview's text is its last part, after any "You: " or colleague's name.
        ['the list preview', row.querySelector('[part="preview"] > bdi:last-child')!],
        ['the list name', row.querySelector('[part="contact"] bdi')!],
        ['the timeline header', header],
      ] as const)
        expect(cut(el), what).to.deep.equal({ isCut: true, firstShows: true });
      // A name that fits starts where the row's text starts: at its right.
      const short = list.shadowRoot!.querySelectorAll('[role="option"] [part="contact"]')[1]!;
      const text = document.createRange();
      text.selectNodeContents(firstText(short));
      expect(text.getBoundingClientRect().right).to.be.closeTo(short.getBoundingClientRect().right, 1);
    });

    it('an Arabic message in a left-to-right inbox', async () => {
      const { list } = await mountAll(320, 'en', writingIn('Omar', arabic));
      const preview = list.shadowRoot!.querySelector('[role="option"] [part="preview"] > bdi:last-child')!;
      expect(cut(preview)).to.deep.equal({ isCut: true, firstShows: true });
    });
  });

  it('gives every avatar initials a readable colour on the avatar colour', async () => {
    const { list } = await mountAll(600);
    const avatars = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part="avatar"]')];
    expect(avatars.length).to.be.greaterThan(0);
    const hex = (rgb: string) =>
      `#${(rgb.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`;
    for (const avatar of avatars) {
      const style = getComputedStyle(avatar);
      expect(contrastRatio(hex(style.color), hex(style.backgroundColor)), avatar.title).to.be.at.least(4.5);
      expect(avatar.scrollWidth, avatar.textContent ?? '').to.be.at.most(avatar.clientWidth);
    }
  });

  for (const theme of ['light', 'dark']) {
    it(`keeps the time and the Read ticks of an outbound message readable (${theme})`, async () => {
      const backend = timelineBackend(fixtureBackend(makeConversations(2)), 0);
      backend.timelines['conv-0'] = [];
      backend.append('conv-0', {
        kind: 'message',
        direction: 'out',
        text: 'Seen?',
        attachments: [],
        status: 'read',
        authorId: null,
        clientMessageId: null,
        failureReason: null,
        scheduledFor: null,
        createdAt: new Date().toISOString(),
      });
      const provider = await fixture<InboxProvider>(html`
        <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
          <inbox-timeline conversation-id="conv-0" theme=${theme} style="block-size: 300px"></inbox-timeline>
        </inbox-provider>
      `);
      const timeline = provider.querySelector('inbox-timeline')!;
      await waitUntil(
        () => timeline.shadowRoot!.querySelector('[part~="outbound"] .delivery.read'),
        'no message',
      );
      const bubble = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="outbound"] .body')!;
      const background = hex(getComputedStyle(bubble).backgroundColor);
      const stamp = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="outbound"] [part="timestamp"]')!;
      const ticks = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="outbound"] .delivery.read')!;
      expect(contrastRatio(hex(getComputedStyle(stamp).color), background), 'time').to.be.at.least(4.5);
      expect(getComputedStyle(stamp.parentElement!).opacity).to.equal('1');
      // An icon needs 3:1 against what it sits on (WCAG 1.4.11).
      expect(contrastRatio(hex(getComputedStyle(ticks).color), background), 'ticks').to.be.at.least(3);
    });
  }

  it('makes the timeline log a Tab stop even when its history is short', async () => {
    const { timeline } = await mountAll(600);
    expect(timeline.shadowRoot!.querySelector('[role="log"]')!.getAttribute('tabindex')).to.equal('0');
  });
});
