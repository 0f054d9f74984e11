// What a new user tripped over in the list: stale state after switching user, an over-long search,
// focus lost when a row leaves, a conflict worded in English in another language.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/index.js';
import { loadLocale } from '../../src/i18n/index.js';
import type { InboxConversationList, InboxProvider } from '../../src/index.js';
import { colleague, makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from '../helpers/fixture-fetch.js';

async function mount(backend: FixtureBackend, locale = 'en') {
  const provider = await fixture<InboxProvider>(html`
    <inbox-provider base-url="/api" token="first-user" .fetch=${backend.fetch}>
      <inbox-conversation-list locale=${locale} style="block-size: 520px"></inbox-conversation-list>
    </inbox-provider>
  `);
  const list = provider.querySelector('inbox-conversation-list') as InboxConversationList;
  await waitUntil(() => rows(list).length > 0, 'the list did not render', { timeout: 3000 });
  return { provider, list };
}

const shadow = (list: InboxConversationList) => list.shadowRoot as ShadowRoot;
const part = (list: InboxConversationList, name: string) =>
  shadow(list).querySelector<HTMLElement>(`[part~="${name}"]`);
const rows = (list: InboxConversationList) => [
  ...shadow(list).querySelectorAll<HTMLElement>('[role="option"]'),
];
const search = (list: InboxConversationList) => part(list, 'search') as HTMLInputElement;
/** Shift+F10 on the focused row, as a keyboard user opens its menu. */
async function openRowMenu() {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'F10' });
  await sendKeys({ up: 'Shift' });
}
const listRequests = (backend: FixtureBackend) =>
  backend.requests.filter((r) => r.startsWith('GET /conversations?'));

describe('<inbox-conversation-list> after a trial by a new user', () => {
  it('forgets the search text and everything else when the provider signs in someone else', async () => {
    const backend = fixtureBackend(makeConversations(12));
    const { provider, list } = await mount(backend);
    search(list).value = 'Alba';
    search(list).dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => listRequests(backend).some((r) => r.includes('q=Alba')), 'no search');
    const before = listRequests(backend).length;

    provider.token = 'second-user';
    await waitUntil(() => listRequests(backend).length > before && rows(list).length === 12, 'no reload');
    expect(search(list).value).to.equal('');
    expect(listRequests(backend).at(-1)).to.not.contain('q=');
    expect(rows(list).map((row) => row.dataset['id'])).to.deep.equal(backend.conversations.map((c) => c.id));
  });

  it("previews the user's own last message as “You:” and a colleague's by their name", async () => {
    const backend = fixtureBackend(makeConversations(4));
    const { list } = await mount(backend);
    const preview = (index: number) =>
      rows(list)[index]!.querySelector('[part="preview"]')!.textContent!.replace(/\s+/g, ' ').trim();
    const [, mine, , theirs] = backend.conversations;
    expect(preview(1)).to.equal(`You: ${mine!.lastMessage!.text}`);
    expect(preview(3)).to.equal(`${colleague.name.split(' ')[0]}: ${theirs!.lastMessage!.text}`);
    expect(preview(0)).to.equal(backend.conversations[0]!.lastMessage!.text); // the contact's
  });

  it('does not let a search grow past what the contract accepts', async () => {
    const backend = fixtureBackend(makeConversations(4));
    const { list } = await mount(backend);
    search(list).focus();
    await sendKeys({ type: 'x'.repeat(230) });
    expect(search(list).value).to.have.length(200);
    await waitUntil(() => listRequests(backend).some((r) => r.includes('q=xxx')), 'no search', {
      timeout: 3000,
    });
    const q = new URLSearchParams(listRequests(backend).at(-1)!.split('?')[1]).get('q')!;
    expect(q).to.have.length(200);
    expect(part(list, 'state')?.textContent ?? '').to.not.contain('invalid');
  });

  it('moves focus to the next row when the focused row is closed from its menu', async () => {
    const backend = fixtureBackend(makeConversations(8));
    const { list } = await mount(backend);
    shadow(list).querySelector<HTMLElement>('#tab-active')!.click();
    await waitUntil(() => rows(list).length === 4);
    const [, second, third] = rows(list).map((row) => row.dataset['id']);
    rows(list)[1]!.focus();
    await openRowMenu();
    await waitUntil(() => shadow(list).activeElement?.getAttribute('role') === 'menuitem', 'no menu');
    await sendKeys({ press: 'Enter' }); // Close conversation
    await waitUntil(() => !rows(list).some((row) => row.dataset['id'] === second), 'the row stayed');
    await waitUntil(() => shadow(list).activeElement?.getAttribute('data-id') === third, 'focus was lost', {
      timeout: 2000,
    });
    expect(document.activeElement).to.equal(list);
  });

  for (const locale of ['es', 'ar']) {
    it(`words a colleague's conflicting change in ${locale}, with no English`, async () => {
      await loadLocale(locale);
      const backend = fixtureBackend(makeConversations(8));
      const { list } = await mount(backend, locale);
      const target = backend.conversations[0]!;
      backend.statusProblem = {
        type: 'urn:inbox:problem:precondition-failed',
        title: 'Precondition Failed',
        status: 412,
        detail: 'The conversation has changed since you loaded it.',
        // The contract types `current` loosely (any resource); this one is the conversation now.
        current: { ...target, status: 'closed', version: target.version + 5 } as unknown as Record<
          string,
          never
        >,
      };
      rows(list)[0]!.focus();
      await openRowMenu();
      await waitUntil(() => shadow(list).activeElement?.getAttribute('role') === 'menuitem', 'no menu');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(list, 'banner'), 'no conflict shown');
      const words = part(list, 'banner')!.textContent!.replace(/\s+/g, ' ');
      expect(words).to.not.match(/\b(someone|changed|conversation|status|check|try|the)\b/i);
      expect(words.length).to.be.greaterThan(20);
    });
  }
});
