import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  field,
  mountComposer,
  part,
  partText,
  SMS,
  tabs,
  typeInto,
  WHATSAPP,
  writesTo,
} from '../helpers/composer-harness.js';
import { outboxBackend } from '../helpers/outbox-fetch.js';
import { makeConversation } from '../fixtures/inbox-fixtures.js';

describe('<inbox-composer> drafts and tabs', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a draft per conversation and never shows it in another', async () => {
    const { composer, select } = await mountComposer();
    await typeInto(composer, 'Draft for WhatsApp');
    await select(SMS);
    expect(field(composer).value).to.equal('');
    await typeInto(composer, 'Draft for SMS');
    await select(WHATSAPP);
    expect(field(composer).value).to.equal('Draft for WhatsApp');
    await select(SMS);
    expect(field(composer).value).to.equal('Draft for SMS');
  });

  it('keeps the draft across a reload (a new store)', async () => {
    const first = await mountComposer();
    await typeInto(first.composer, 'Half-written reply');
    first.provider.remove(); // disposes the store, which saves pending drafts
    const second = await mountComposer();
    expect(field(second.composer).value).to.equal('Half-written reply');
    await second.select(SMS);
    expect(field(second.composer).value).to.equal('');
  });

  it('follows a pinned conversation-id instead of the active one', async () => {
    const { composer, select } = await mountComposer({ attributes: { 'conversation-id': SMS } });
    await typeInto(composer, 'Pinned');
    await select(WHATSAPP);
    expect(field(composer).value).to.equal('Pinned');
    expect(partText(composer, 'sender-profile')).to.equal('From Northwind Support · SMS');
  });

  it('is disabled with a short message when there is nothing to write to', async () => {
    const { composer } = await mountComposer({ select: null });
    expect(field(composer).disabled).to.be.true;
    expect(partText(composer, 'notice')).to.equal('Choose a conversation to write to.');
    expect(part<HTMLButtonElement>(composer, 'send-button')!.disabled).to.be.true;
    await expect(composer).to.be.accessible();
  });

  it('switches to the Internal note tab with the arrow keys; notes look different and go to /notes', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, 'For the customer');
    expect(tabs(composer).map((t) => t.textContent?.trim())).to.deep.equal([
      'Sender Profile',
      'Internal note',
    ]);
    expect(part(composer, 'note-hint')).to.equal(null);
    tabs(composer)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await composer.updateComplete;
    expect(tabs(composer)[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(composer.shadowRoot!.activeElement).to.equal(tabs(composer)[1]);
    expect(partText(composer, 'note-hint')).to.equal(
      'Only agents whose role allows internal notes see them; the contact never does.',
    );
    expect(part(composer, 'send-button')!.getAttribute('aria-label')).to.equal('Add note');
    expect(field(composer).value).to.equal('');

    await typeInto(composer, 'VIP customer');
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => writesTo(backend, /notes$/).length === 1, 'no note sent');
    expect(writesTo(backend, /notes$/)[0]).to.deep.include({
      path: `/conversations/${WHATSAPP}/notes`,
      body: { text: 'VIP customer' },
    });
    expect(writesTo(backend, /messages$/)).to.have.length(0);

    await sendKeys({ press: 'Home' }); // focus is back in the field; go to the tabs
    tabs(composer)[1]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await composer.updateComplete;
    expect(field(composer).value).to.equal('For the customer');
  });

  it('has no Internal note tab without the writeNotes capability', async () => {
    const backend = outboxBackend([makeConversation(0)]);
    backend.capabilities = { writeNotes: false };
    const { composer } = await mountComposer({ backend });
    expect(tabs(composer).map((t) => t.textContent?.trim())).to.deep.equal(['Sender Profile']);
  });

  it('passes an accessibility audit in message and note modes', async () => {
    const { composer } = await mountComposer();
    await typeInto(composer, 'Hello');
    await expect(composer).to.be.accessible();
    tabs(composer)[1]!.click();
    await composer.updateComplete;
    await expect(composer).to.be.accessible();
  });

  it('works in Arabic, right to left, with the arrow keys reversed', async () => {
    const { composer } = await mountComposer({ attributes: { locale: 'ar' } });
    await composer.updateComplete;
    expect(composer.shadowRoot!.querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(tabs(composer)[1]!.textContent?.trim()).to.equal('ملاحظة داخلية');
    tabs(composer)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await composer.updateComplete;
    expect(tabs(composer)[1]!.getAttribute('aria-selected')).to.equal('true');
  });
});

describe('<inbox-composer> outside a provider', () => {
  it('says it is not connected', async () => {
    const el = await fixture(html`<inbox-composer></inbox-composer>`);
    expect(el.shadowRoot!.querySelector('[part="notice"]')?.textContent).to.contain('not connected');
  });
});
