import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxSpaceSwitcher } from '../../src/index.js';
import { makeConversations, otherSpace, space } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';

describe('<inbox-space-switcher>', () => {
  it('switches space from its menu, and the list reloads for that space', async () => {
    const backend = fixtureBackend(makeConversations(3));
    const root = await fixture<HTMLElement>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-space-switcher menu-below></inbox-space-switcher>
        <inbox-conversation-list no-header style="block-size: 300px"></inbox-conversation-list>
      </inbox-provider>
    `);
    const switcher = root.querySelector('inbox-space-switcher') as InboxSpaceSwitcher;
    const button = () => switcher.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
    await waitUntil(() => switcher.shadowRoot?.querySelector('[part="button"]'));
    expect(button().textContent).to.contain(space.name);
    expect(button().getAttribute('aria-haspopup')).to.equal('menu');
    await expect(switcher).to.be.accessible();

    button().click();
    await waitUntil(() => switcher.shadowRoot!.querySelector('[role="menu"]'));
    const items = [...switcher.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    expect(items.map((i) => i.textContent?.trim())).to.deep.equal([space.name, otherSpace.name]);
    expect(items[0]!.getAttribute('aria-checked')).to.equal('true');

    setTimeout(() => items[1]!.click());
    const event = await oneEvent(switcher, 'inbox-space-change');
    expect(event.detail.space.id).to.equal(otherSpace.id);
    await waitUntil(() =>
      backend.requests.some(
        (r) => r.startsWith('GET /conversations?') && r.includes(`spaceId=${otherSpace.id}`),
      ),
    );
    await waitUntil(() => button().textContent?.includes(otherSpace.name));
  });
});
