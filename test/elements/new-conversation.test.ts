import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/index.js';
import type { InboxNewConversation, InboxProvider, InboxStore } from '../../src/index.js';
import { loadLocale } from '../../src/i18n/index.js';
import {
  ANA,
  ANA_OPEN,
  PROFILES,
  UK,
  newConversationFixture,
  problem,
  type NewConversationFixture,
} from '../helpers/new-conversation-fetch.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

interface Mounted {
  backend: NewConversationFixture;
  element: InboxNewConversation;
  store: InboxStore;
  host: HTMLElement;
}

async function mount(
  options: { backend?: NewConversationFixture; locale?: string; ownTrigger?: boolean } = {},
): Promise<Mounted> {
  const backend = options.backend ?? newConversationFixture();
  const host = await fixture<HTMLElement>(
    html`<div>
      <inbox-provider base-url="/api" token="test-token" .fetch=${backend.fetch}>
        <inbox-new-conversation locale=${options.locale ?? 'en'}>
          ${options.ownTrigger ? html`<button slot="trigger" id="own">New chat</button>` : ''}
        </inbox-new-conversation>
        <inbox-conversation-list></inbox-conversation-list>
      </inbox-provider>
    </div>`,
  );
  const provider = host.querySelector('inbox-provider') as InboxProvider;
  const element = host.querySelector('inbox-new-conversation') as InboxNewConversation;
  await waitUntil(() => provider.store?.directory.$directoryState.get().status === 'ready', 'no directory');
  await waitUntil(() => provider.store?.session.$capabilities.get(), 'no session');
  await element.updateComplete;
  return { backend, element, store: provider.store as InboxStore, host };
}

const $ = <T extends Element = HTMLElement>(el: InboxNewConversation, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const text = (el: InboxNewConversation, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const dialog = (el: InboxNewConversation) => $<HTMLDialogElement>(el, 'dialog');
const focused = (el: InboxNewConversation) => el.shadowRoot!.activeElement;

async function openDialog(el: InboxNewConversation): Promise<void> {
  await el.open();
  await waitUntil(() => dialog(el)?.open, 'dialog not open');
}

async function choose(el: InboxNewConversation, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function type(el: InboxNewConversation, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Step one filled in: Care (SMS), Support, a UK number, availability answered. */
async function fillDetails(el: InboxNewConversation, phone = '+447400123457', profile = 'profile-sms') {
  await choose(el, '#profile', profile);
  await choose(el, '#team', 'team-support');
  await type(el, '#phone', phone);
  await waitUntil(
    () => text(el, '[part="availability"]').includes('left today'),
    'no availability',
    FIRST_LOAD,
  );
}

async function toMessage(el: InboxNewConversation, message: string) {
  await fillDetails(el);
  $(el, '[part="next-button"]')!.click();
  await waitUntil(() => $(el, '#message'), 'no message step');
  await type(el, '#message', message);
}

describe('<inbox-new-conversation>', () => {
  beforeEach(() => localStorage.clear());

  it('opens from its plus button, focuses the first field, and Escape gives focus back', async () => {
    const { element } = await mount();
    const trigger = $(element, '[part="trigger-button"]')!;
    expect(trigger.getAttribute('aria-label')).to.equal('Create new conversation');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(element)?.open, 'dialog not open');
    expect(text(element, '[part="heading"]')).to.equal('New conversation');
    expect(dialog(element)!.getAttribute('aria-labelledby')).to.equal('title');
    await waitUntil(() => focused(element)?.id === 'profile', 'focus not in the dialog');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(element), 'dialog still open');
    expect(focused(element) === trigger).to.equal(true);
  });

  it('opens and closes with open() and close(), and from the host’s own trigger', async () => {
    const { element, host } = await mount({ ownTrigger: true });
    expect(element.shadowRoot!.querySelector('slot')!.assignedElements()).to.have.length(1);
    const own = host.querySelector<HTMLButtonElement>('#own')!;
    own.focus();
    own.click();
    await waitUntil(() => dialog(element)?.open, 'the host trigger did not open it');
    $(element, '[part="close-button"]')!.click();
    await waitUntil(() => !dialog(element));
    expect(document.activeElement === own).to.equal(true);

    await openDialog(element);
    element.close();
    await element.updateComplete;
    expect(Boolean(dialog(element))).to.equal(false);
  });

  it('shows no trigger at all without the permission to start conversations', async () => {
    const backend = newConversationFixture();
    backend.capabilities = { startConversations: false };
    const { element } = await mount({ backend, ownTrigger: true });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('slot, button').length).to.equal(0);
    await element.open();
    expect(Boolean(dialog(element))).to.equal(false);
  });

  it('offers only profiles that can start by phone for the agent’s teams, and the agent’s teams', async () => {
    const { element } = await mount();
    await openDialog(element);
    const options = (selector: string) =>
      [...$<HTMLSelectElement>(element, selector)!.options].filter((o) => o.value).map((o) => o.text.trim());
    expect(options('#profile')).to.deep.equal(['Northwind Care (SMS)', 'Northwind WhatsApp']);
    expect(options('#team')).to.deep.equal(['Sales', 'Support']);
    expect(text(element, 'label[for="team"]')).to.equal('Assigned team');
    expect(text(element, 'label[for="profile"]')).to.equal('Sender profile');
    expect(text(element, 'label[for="phone"]')).to.equal('Phone number');
  });

  it('says so and disables Next when no profile can start by phone', async () => {
    const backend = newConversationFixture();
    backend.profiles = PROFILES.filter((p) => p.channel === 'telegram');
    const { element } = await mount({ backend });
    await openDialog(element);
    expect(text(element, '[part="state"]')).to.contain(
      'None of your sender profiles can start a conversation',
    );
    expect($<HTMLButtonElement>(element, '[part="next-button"]')!.disabled).to.equal(true);
  });

  it('names the contact with the number and offers its open conversation, which it selects', async () => {
    const { element, store } = await mount();
    await openDialog(element);
    await choose(element, '#profile', 'profile-sms');
    await type(element, '#phone', '+44 7400 123456');
    await waitUntil(() => text(element, '[part="contact"]').includes('Ana'), 'contact not named', FIRST_LOAD);
    expect(text(element, '[part="contact"]')).to.equal(`This number belongs to \u2068${ANA.name}\u2069.`);
    // The country picker followed the number's +44.
    expect($<HTMLSelectElement>(element, '#country')!.value).to.equal('GB');
    await waitUntil(() => $(element, '[part="open-existing-button"]'), 'no offer');
    expect(text(element, '[part="existing"]')).to.contain('already has an open conversation on');

    setTimeout(() => $(element, '[part="open-existing-button"]')!.click());
    const selected = await oneEvent(element, 'inbox-conversation-select');
    expect(selected.detail.conversationId).to.equal(ANA_OPEN.id);
    expect(store.conversations.$activeConversationId.get()).to.equal(ANA_OPEN.id);
    await element.updateComplete;
    expect(Boolean(dialog(element))).to.equal(false);
  });

  it('shows what the senders have left today, never which sender, and the fallback plainly', async () => {
    const { element, backend } = await mount();
    await openDialog(element);
    await fillDetails(element);
    expect(text(element, '[part="availability"]')).to.equal(
      'A sender in the United Kingdom is available: 312 of 1,000 messages left today',
    );
    expect(
      backend.requests.some((r) =>
        r.includes('/sender-profiles/profile-sms/availability?phone=%2B447400123457'),
      ),
    ).to.equal(true);

    backend.availability = {
      ...UK,
      country: 'BR',
      senderCountry: 'GB',
      fallback: true,
      remainingToday: 88,
      dailyLimit: 1000,
    };
    await type(element, '#phone', '+55 11 98765 4321');
    await waitUntil(() => text(element, '[part="availability"]').startsWith('No sender in Brazil'));
    expect(text(element, '[part="availability"]')).to.equal(
      'No sender in Brazil, so a sender in the United Kingdom sends instead: 88 of 1,000 messages left today',
    );

    backend.availability = { ...UK, available: false, remainingToday: 0 };
    await type(element, '#phone', '+447400123458');
    await waitUntil(() => text(element, '[part="availability"]').startsWith('No sender of this profile'));
    expect($(element, '[part="next-button"]')!.hasAttribute('disabled')).to.equal(false);
    $(element, '[part="next-button"]')!.click();
    await element.updateComplete;
    expect(Boolean($(element, '#message'))).to.equal(false); // no sender left: Next stays on the first step
  });

  it('shows each missing field beside it after Next, and Next/Back keep what was typed', async () => {
    const { element } = await mount();
    await openDialog(element);
    $(element, '[part="next-button"]')!.click();
    await element.updateComplete;
    expect(text(element, '#profile-error')).to.equal('Choose the sender profile to send from.');
    expect($(element, '#profile')!.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused(element)?.id === 'profile');

    await fillDetails(element);
    $(element, '#phone')!.focus();
    await sendKeys({ press: 'Enter' }); // Enter in the form is Next
    await waitUntil(() => focused(element)?.id === 'message', 'message not focused');
    expect(text(element, '[part="step"]')).to.equal('Step 2 of 2');
    await sendKeys({ type: 'Hello Ana' });
    expect(text(element, '[part="counter"]')).to.equal('9 / 160 · 1 SMS');
    $(element, '[part="back-button"]')!.click();
    await waitUntil(() => $(element, '#phone'));
    expect($<HTMLInputElement>(element, '#phone')!.value).to.equal('+447400123457');
    expect($<HTMLSelectElement>(element, '#team')!.value).to.equal('team-support');

    element.close();
    await openDialog(element); // the draft survives closing
    $(element, '[part="next-button"]')!.click();
    await waitUntil(() => $(element, '#message'));
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal('Hello Ana');
  });

  it('sends: the host may veto, then the conversation is created, listed as Unanswered and selected', async () => {
    const { element, backend, store, host } = await mount();
    await openDialog(element);
    await toMessage(element, 'Your order has shipped.');
    const veto = (event: Event) => event.preventDefault();
    element.addEventListener('inbox-before-conversation-create', veto, { once: true });
    $(element, '[part="send-button"]')!.click();
    await element.updateComplete;
    expect(backend.posts).to.have.length(0);
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal('Your order has shipped.');

    setTimeout(() => $(element, '[part="send-button"]')!.click());
    const created = await oneEvent(element, 'inbox-conversation-create');
    expect(backend.posts[0]!.body).to.deep.equal({
      spaceId: 'space-north',
      senderProfileId: 'profile-sms',
      teamId: 'team-support',
      phone: '+447400123457',
      text: 'Your order has shipped.',
    });
    expect(backend.posts[0]!.key).to.match(/^[0-9a-f]{32}$/);
    expect(created.detail.conversation.status).to.equal('unanswered');
    expect(store.conversations.$activeConversationId.get()).to.equal(created.detail.conversationId);
    await element.updateComplete;
    expect(Boolean(dialog(element))).to.equal(false);
    const list = host.querySelector('inbox-conversation-list')!;
    await waitUntil(
      () =>
        list.shadowRoot?.querySelector(`[data-id="${created.detail.conversationId}"][aria-selected="true"]`),
      'the new conversation is not listed and selected',
    );
  });

  it('shows a no-sender refusal in the dialog, words it plainly and keeps the message', async () => {
    const { element, backend } = await mount();
    await openDialog(element);
    await toMessage(element, 'Your code is 1234');
    backend.create = () =>
      problem(
        409,
        'urn:inbox:problem:no-sender-available',
        'No sender of “Northwind Care (SMS)” has messages left today for the United Kingdom.',
      );
    $(element, '[part="send-button"]')!.click();
    await waitUntil(() => $(element, '[part="error"]'), 'no refusal shown');
    expect(text(element, '[part="error"]')).to.equal(
      'No sender of “\u2068Northwind Care (SMS)\u2069” has messages left today for the United Kingdom. Try again tomorrow or pick another sender profile.',
    );
    expect($(element, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal('Your code is 1234');
    expect(dialog(element)!.open).to.equal(true);
  });

  it('puts a refused number beside the phone field, with the message kept', async () => {
    const { element, backend } = await mount();
    await openDialog(element);
    await toMessage(element, 'Hi!');
    backend.create = () =>
      problem(400, 'urn:inbox:problem:validation', '+447400123457 is not a valid phone number.', {
        errors: [{ path: 'body.phone', message: 'is not a valid phone number for the United Kingdom' }],
      });
    $(element, '[part="send-button"]')!.click();
    await waitUntil(() => $(element, '#phone-error'), 'no field error');
    const phone = $(element, '#phone')!;
    expect(text(element, '#phone-error')).to.equal(
      'That is not a valid phone number for the United Kingdom. Check the country code and the digits.',
    );
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(phone.getAttribute('aria-describedby')).to.contain('phone-error');
    await waitUntil(() => focused(element) === phone, 'the refused field is not focused');
    backend.create = undefined;
    $(element, '[part="next-button"]')!.click();
    await waitUntil(() => $(element, '#message'));
    expect($<HTMLTextAreaElement>(element, '#message')!.value).to.equal('Hi!');
  });

  it('passes axe with the dialog open on both steps', async () => {
    const { element } = await mount();
    await openDialog(element);
    await choose(element, '#profile', 'profile-sms');
    await type(element, '#phone', ANA.phone);
    await waitUntil(() => $(element, '[part="open-existing-button"]'));
    await waitUntil(() => text(element, '[part="availability"]').includes('left today'));
    await expect(element).to.be.accessible();
    await choose(element, '#team', 'team-support');
    $(element, '[part="next-button"]')!.click();
    await waitUntil(() => $(element, '#message'));
    await expect(element).to.be.accessible();
  });

  it('passes axe in the dark theme, a known contact offered', async () => {
    const { element } = await mount();
    element.setAttribute('theme', 'dark');
    await openDialog(element);
    await fillDetails(element, ANA.phone);
    await waitUntil(() => $(element, '[part="open-existing-button"]'));
    expect(getComputedStyle(dialog(element)!).colorScheme).to.equal('dark');
    await expect(element).to.be.accessible();
  });

  const ENGLISH =
    /\b(the|that|this|sender|profile|team|number|message|messages|left|today|available|next|back|send|step|choose|phone|country)\b/i;

  for (const locale of ['es', 'ar']) {
    it(`speaks ${locale} with no English, ${locale === 'ar' ? 'right to left' : 'left to right'}`, async () => {
      await loadLocale(locale);
      const { element, backend } = await mount({ locale });
      await openDialog(element);
      await choose(element, '#profile', 'profile-sms');
      await choose(element, '#team', 'team-support');
      await type(element, '#phone', ANA.phone);
      await waitUntil(() => $(element, '[part="open-existing-button"]'));
      await waitUntil(() => /\d/.test(text(element, '[part="availability"]')));
      expect(dialog(element)!.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      const names = /Northwind Care \(SMS\)|Ana Souza|Support|Sales|Northwind WhatsApp/g;
      const words = (selector: string) => text(element, selector).replace(names, '');
      for (const selector of [
        '[part="heading"]',
        '[part="step"]',
        'label[for="profile"]',
        'label[for="team"]',
        'label[for="phone"]',
        '[part="contact"]',
        '[part="existing"]',
        '[part="availability"]',
        '[part="next-button"]',
        '#phone-hint',
      ])
        expect(words(selector), selector).to.not.match(ENGLISH);
      expect(words('[part="availability"]').length).to.be.greaterThan(10);

      $(element, '[part="next-button"]')!.click();
      await waitUntil(() => $(element, '#message'));
      await type(element, '#message', 'Hola');
      backend.create = () =>
        problem(
          409,
          'urn:inbox:problem:no-sender-available',
          'No sender of “Northwind Care (SMS)” has messages left today for the United Kingdom.',
        );
      $(element, '[part="send-button"]')!.click();
      await waitUntil(() => $(element, '[part="error"]'));
      for (const selector of [
        '[part="error"]',
        '[part="send-button"]',
        '[part="back-button"]',
        'label[for="message"]',
      ])
        expect(words(selector), selector).to.not.match(ENGLISH);
      expect(Boolean($(element, '#phone'))).to.equal(false);
      expect(
        element.shadowRoot!.querySelector('[part="trigger-button"]')!.getAttribute('aria-label'),
      ).to.not.match(ENGLISH);
    });
  }
});
