import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { InboxDetails, InboxProvider } from '../../src/index.js';
import { makeConversation, makeConversations } from '../fixtures/inbox-fixtures.js';
import { mountDetails, part, sectionOf, shadow, text } from '../helpers/details-harness.js';
import { detailsBackend } from '../helpers/details-fetch.js';

describe('<inbox-details>', () => {
  it('shows the contact, the assignment, the tags and the previous conversations', async () => {
    const conversations = makeConversations(8);
    // conv-6 has the same contact as conv-0: a previous conversation.
    conversations[6] = { ...conversations[6]!, contact: conversations[0]!.contact, status: 'closed' };
    conversations[0] = { ...conversations[0]!, tagIds: ['tag-vip'], assigneeIds: ['user-manager'] };
    const backend = detailsBackend(conversations);
    backend.contacts[0] = { ...backend.contacts[0]!, email: 'alba@example.com', company: 'Northwind' };
    const { details } = await mountDetails(backend);

    const facts = text(part(details, 'contact-facts'));
    expect(facts)
      .to.contain(conversations[0]!.contact.name)
      .and.contain('alba@example.com')
      .and.contain('Northwind');
    expect(text(part(details, 'assignment-facts')))
      .to.contain('Sales')
      .and.contain('Kwame Mensah');
    expect(text(part(details, 'tags'))).to.equal('VIP');
    await waitUntil(() => part(details, 'previous-conversation'), 'no previous conversation');
    expect(text(part(details, 'previous-conversation'))).to.contain('Closed');
    expect(shadow(details).querySelectorAll('[part="previous-conversation"]')).to.have.length(1);
    await expect(details).to.be.accessible();
  });

  it('lines every value up where Arabic starts, each name and number in its own direction', async () => {
    const conversations = makeConversations(8);
    conversations[0] = { ...conversations[0]!, assigneeIds: ['user-manager'] };
    const { details } = await mountDetails(detailsBackend(conversations));
    details.locale = 'ar';
    await waitUntil(() => getComputedStyle(part(details, 'contact-facts')!).direction === 'rtl');
    const values = [...shadow(details).querySelectorAll('dd')];
    expect(values.length).to.be.at.least(5);
    for (const value of values) {
      const shown = document.createRange();
      shown.selectNodeContents(value);
      expect(shown.getBoundingClientRect().right, text(value)).to.be.closeTo(
        value.getBoundingClientRect().right,
        1,
      );
    }
    const name = values.find((value) => text(value) === conversations[0]!.contact.name)!;
    expect(getComputedStyle(name).direction).to.equal('ltr');
    const phone = values.find((value) => text(value) === conversations[0]!.contact.phone)!;
    expect(getComputedStyle(phone).direction).to.equal('ltr');
  });

  it('collapses a section and remembers it for this user', async () => {
    const backend = detailsBackend();
    const first = await mountDetails(backend);
    const toggle = sectionOf(first.details, 'tags').querySelector<HTMLButtonElement>(
      '[part="section-toggle"]',
    )!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await first.details.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(
      sectionOf(first.details, 'tags').querySelector<HTMLElement>('[part="section-body"]')!.hidden,
    ).to.equal(true);
    first.provider.remove();

    const again = await mountDetails(backend);
    const reopened = sectionOf(again.details, 'tags').querySelector('[part="section-toggle"]')!;
    expect(reopened.getAttribute('aria-expanded')).to.equal('false');
  });

  it('opens a previous conversation: the store selects it and the host hears it', async () => {
    const conversations = makeConversations(8);
    conversations[6] = { ...conversations[6]!, contact: conversations[0]!.contact };
    const backend = detailsBackend(conversations);
    const { provider, details } = await mountDetails(backend);
    await waitUntil(() => part(details, 'previous-conversation'));
    setTimeout(() => part(details, 'previous-conversation')!.click());
    const event = await oneEvent(details, 'inbox-conversation-select');
    expect(event.detail.conversationId).to.equal('conv-6');
    expect(provider.store?.conversations.$activeConversationId.get()).to.equal('conv-6');
  });

  it('gives the host the contact, by property and event, for its own CRM fields in the crm slot', async () => {
    const backend = detailsBackend();
    const crm = html`<p slot="crm" id="crm">CRM record</p>`;
    const shown: (string | null)[] = [];
    const listen = (e: Event) =>
      shown.push((e as CustomEvent<{ contact: { id: string } | null }>).detail.contact?.id ?? null);
    document.addEventListener('inbox-contact-change', listen);
    const { details } = await mountDetails(backend, 'conv-0', crm);
    document.removeEventListener('inbox-contact-change', listen);
    expect(details.contact?.id).to.equal('contact-0');
    // First nothing (still loading), then the contact: each change once.
    expect(shown).to.deep.equal([null, 'contact-0']);
    const slot = shadow(details).querySelector<HTMLSlotElement>('slot[name="crm"]')!;
    expect(slot.assignedElements().map((el) => el.id)).to.deep.equal(['crm']);
  });

  it('follows the selected conversation when not pinned, and says so when there is none', async () => {
    const backend = detailsBackend();
    const provider = await fixture<InboxProvider>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}
        ><inbox-details></inbox-details
      ></inbox-provider>
    `);
    const details = provider.querySelector('inbox-details') as InboxDetails;
    await waitUntil(() => text(part(details, 'state')) === 'Choose a conversation to see its details.');
    await waitUntil(() => provider.store?.directory.$directoryState.get().status === 'ready');
    provider.store!.conversations.upsertConversation(makeConversation(3));
    provider.store!.conversations.selectConversation('conv-3');
    await waitUntil(() => text(part(details, 'contact-facts')).includes(makeConversation(3).contact.phone));
  });

  it('offers no Edit without the capabilities', async () => {
    const backend = detailsBackend();
    backend.capabilities = { editContacts: false, assign: false, applyTags: false };
    const { details } = await mountDetails(backend);
    expect(shadow(details).querySelectorAll('[part="edit-button"]')).to.have.length(0);
  });
});
