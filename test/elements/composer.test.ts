import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InboxMessageFailEvent } from '../../src/index.js';
import {
  field,
  mountComposer,
  part,
  partText,
  typeInto,
  WHATSAPP,
  writesTo,
} from '../helpers/composer-harness.js';
import { alreadySent, outboxBackend } from '../helpers/outbox-fetch.js';
import { makeConversation } from '../fixtures/inbox-fixtures.js';

const sends = /^\/conversations\/[^/]+\/messages$/;

describe('<inbox-composer> sending', () => {
  beforeEach(() => localStorage.clear());

  it('sends with Enter, with an Idempotency-Key; Shift+Enter adds a line', async () => {
    const { composer, backend } = await mountComposer();
    field(composer).focus();
    await sendKeys({ type: 'Hello' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'there' });
    expect(field(composer).value).to.equal('Hello\nthere');
    expect(writesTo(backend, sends)).to.have.length(0);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => writesTo(backend, sends).length === 1, 'no send');
    const [write] = writesTo(backend, sends);
    expect(write!.path).to.equal(`/conversations/${WHATSAPP}/messages`);
    expect(write!.body).to.deep.equal({ text: 'Hello\nthere' });
    expect(write!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f]{32}$/);
    expect(field(composer).value).to.equal('');
  });

  it('with send-key="mod-enter", Enter adds a line and Ctrl+Enter sends', async () => {
    const { composer, backend } = await mountComposer({ attributes: { 'send-key': 'mod-enter' } });
    field(composer).focus();
    await sendKeys({ type: 'One' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Two' });
    expect(field(composer).value).to.equal('One\nTwo');
    expect(writesTo(backend, sends)).to.have.length(0);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => writesTo(backend, sends).length === 1, 'no send');
  });

  it('never sends on the Enter that confirms an IME composition', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, '日本');
    const enter = { key: 'Enter', bubbles: true, composed: true, cancelable: true };
    field(composer).dispatchEvent(new KeyboardEvent('keydown', { ...enter, isComposing: true }));
    await composer.updateComplete;
    expect(field(composer).value).to.equal('日本');
    field(composer).dispatchEvent(new KeyboardEvent('keydown', enter));
    await waitUntil(() => writesTo(backend, sends).length === 1, 'plain Enter did not send');
  });

  it('lets the host veto a send with inbox-before-send, keeping the text', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, 'Not yet');
    const seen: unknown[] = [];
    composer.addEventListener('inbox-before-send', (event) => {
      seen.push(event.detail);
      event.preventDefault();
    });
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await composer.updateComplete;
    expect(seen).to.deep.equal([
      { conversationId: WHATSAPP, kind: 'message', text: 'Not yet', attachmentIds: [] },
    ]);
    expect(field(composer).value).to.equal('Not yet');
    expect(backend.writes).to.have.length(0);
  });

  it('fires inbox-message-send with the server item', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, 'Your parcel ships today');
    setTimeout(() => part<HTMLButtonElement>(composer, 'send-button')!.click());
    const event = await oneEvent(composer, 'inbox-message-send');
    const key = writesTo(backend, sends)[0]!.headers.get('Idempotency-Key');
    expect(event.detail.conversationId).to.equal(WHATSAPP);
    expect(event.detail.clientMessageId).to.equal(key);
    expect(event.detail.item).to.include({
      kind: 'message',
      text: 'Your parcel ships today',
      status: 'scheduled',
    });
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('counts down from the undo window, even when the server clock runs ahead', async () => {
    const { composer, backend } = await mountComposer();
    backend.serverAheadMs = 900;
    await typeInto(composer, 'On my way');
    setTimeout(() => part<HTMLButtonElement>(composer, 'send-button')!.click());
    await oneEvent(composer, 'inbox-message-send');
    await composer.updateComplete;
    expect(partText(composer, 'undo-bar')).to.match(/^Sending in 5 s Sending in 5 s · Undo$/);
  });

  it('undoes a send: the server cancels it, the text comes back and focus returns to the field', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, 'Oops, wrong customer');
    setTimeout(() => part<HTMLButtonElement>(composer, 'send-button')!.click());
    const sent = await oneEvent(composer, 'inbox-message-send');
    await waitUntil(() => part(composer, 'undo-bar'), 'no undo bar');
    expect(part(composer, 'undo-bar')!.getAttribute('role')).to.equal('status');
    expect(partText(composer, 'undo-bar')).to.match(/Sending in [45] s/);
    expect(field(composer).value).to.equal('');

    part<HTMLButtonElement>(composer, 'undo-button')!.click();
    await waitUntil(() => field(composer).value === 'Oops, wrong customer', 'text not back');
    expect(writesTo(backend, /cancel$/).map((w) => w.path)).to.deep.equal([
      `/messages/${sent.detail.item.id}/cancel`,
    ]);
    await waitUntil(() => !part(composer, 'undo-bar'), 'undo bar stayed');
    expect(composer.shadowRoot!.activeElement).to.equal(field(composer));
  });

  it("shows the server's message when it is too late to undo", async () => {
    const { composer, backend } = await mountComposer();
    backend.cancelProblem = alreadySent;
    await typeInto(composer, 'Gone already');
    setTimeout(() => part<HTMLButtonElement>(composer, 'send-button')!.click());
    await oneEvent(composer, 'inbox-message-send');
    await waitUntil(() => part(composer, 'undo-button'));
    part<HTMLButtonElement>(composer, 'undo-button')!.click();
    await waitUntil(() => partText(composer, 'error').includes(alreadySent.detail!), 'no error shown');
    expect(part(composer, 'error')!.getAttribute('role')).to.equal('alert');
    expect(field(composer).value).to.equal('');
  });

  it('hides the undo bar once the window has passed', async () => {
    const backend = outboxBackend([makeConversation(0)]);
    backend.undoWindowSeconds = 1;
    const { composer } = await mountComposer({ backend });
    await typeInto(composer, 'Quick one');
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => part(composer, 'undo-bar'), 'no undo bar');
    await waitUntil(() => !part(composer, 'undo-bar'), 'undo bar stayed', { timeout: 3000 });
  });

  it('puts a refused message back, says why and fires inbox-message-fail', async () => {
    const { composer, backend } = await mountComposer();
    backend.sendProblem = {
      type: 'urn:inbox:problem:validation',
      title: 'Bad Request',
      status: 400,
      detail: 'The contact has opted out of WhatsApp messages.',
    };
    await typeInto(composer, 'Hello again');
    setTimeout(() => part<HTMLButtonElement>(composer, 'send-button')!.click());
    const event: InboxMessageFailEvent = await oneEvent(composer, 'inbox-message-fail');
    expect(event.detail).to.include({ conversationId: WHATSAPP, kind: 'message', text: 'Hello again' });
    expect(event.detail.error.message).to.contain('opted out');
    await waitUntil(() => field(composer).value === 'Hello again', 'text not back');
    expect(partText(composer, 'error')).to.contain('opted out');
    expect(part(composer, 'undo-bar')).to.equal(null);
  });
});
