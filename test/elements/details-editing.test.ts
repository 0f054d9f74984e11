import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InboxDetails } from '../../src/index.js';
import { makeConversations } from '../fixtures/inbox-fixtures.js';
import { detailsBackend } from '../helpers/details-fetch.js';
import { mountDetails, part, sectionOf, shadow, text } from '../helpers/details-harness.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

const dialog = (details: InboxDetails) => shadow(details).querySelector<HTMLDialogElement>('#contact-dialog');
const field = (details: InboxDetails, id: string) =>
  shadow(details).querySelector<HTMLInputElement>(`#contact-${id}`)!;

async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openContactDialog(details: InboxDetails) {
  sectionOf(details, 'contact').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
  await waitUntil(() => dialog(details)?.open, 'the dialog did not open');
  // The first dialog of the run loads the phone-number library.
  await waitUntil(
    () => shadow(details).querySelector('[part="country-select"] option[value="GB"]'),
    'no countries',
    FIRST_LOAD,
  );
}

describe('<inbox-details> editing', () => {
  it('edits a contact in a dialog: only what changed goes, with If-Match, and the host hears it', async () => {
    const backend = detailsBackend();
    const { details } = await mountDetails(backend);
    const edit = sectionOf(details, 'contact').querySelector<HTMLButtonElement>('[part="edit-button"]')!;
    expect(text(edit)).to.equal('Edit');
    edit.focus();
    await openContactDialog(details);
    expect(text(dialog(details)!.querySelector('h2'))).to.equal('Edit contact');
    expect(shadow(details).activeElement).to.equal(field(details, 'name'));
    await expect(details).to.be.accessible();

    await type(field(details, 'company'), 'Northwind Traders');
    setTimeout(() => part(details, 'save')!.click());
    const saved = await oneEvent(details, 'inbox-contact-save');
    expect(saved.detail.contact.company).to.equal('Northwind Traders');
    expect(backend.writes.at(-1)).to.deep.equal({
      method: 'PATCH',
      path: '/contacts/contact-0',
      ifMatch: '"1"',
      body: { company: 'Northwind Traders' },
    });
    await waitUntil(() => !dialog(details)?.open);
    expect(text(part(details, 'contact-facts'))).to.contain('Northwind Traders');
    expect(shadow(details).activeElement).to.equal(edit); // focus back where it was
  });

  it('offers Create Contact for a contact with only a number, saved with Save Contact', async () => {
    const backend = detailsBackend();
    backend.contacts[0] = { ...backend.contacts[0]!, name: '' };
    backend.conversations[0]!.contact.name = '';
    const { details } = await mountDetails(backend);
    const create = sectionOf(details, 'contact').querySelector<HTMLButtonElement>('[part="edit-button"]')!;
    expect(text(create)).to.equal('Create Contact');
    await openContactDialog(details);
    expect(text(part(details, 'save'))).to.equal('Save Contact');
    await type(field(details, 'name'), 'Ana Souza');
    setTimeout(() => part(details, 'save')!.click());
    const saved = await oneEvent(details, 'inbox-contact-save');
    expect(saved.detail).to.include({ created: true });
    expect(saved.detail.contact.name).to.equal('Ana Souza');
  });

  it('puts problems beside their field and saves nothing', async () => {
    const backend = detailsBackend();
    const { details } = await mountDetails(backend);
    await openContactDialog(details);
    await type(field(details, 'phone'), '+44 12');
    await type(field(details, 'email'), 'not-an-address');
    part(details, 'save')!.click();
    await waitUntil(() => field(details, 'phone').getAttribute('aria-invalid') === 'true', 'no phone error');
    const phoneProblem = shadow(details).querySelector(
      `#${field(details, 'phone').getAttribute('aria-describedby')!.split(' ')[0]}`,
    );
    expect(text(phoneProblem)).to.equal('That number is too short.');
    expect(field(details, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(backend.writes).to.deep.equal([]);
    expect(dialog(details)!.open).to.equal(true);
  });

  it('names the contact that already has a number, and opens that contact instead of a duplicate', async () => {
    const conversations = makeConversations(6);
    const backend = detailsBackend(conversations);
    const { provider, details } = await mountDetails(backend);
    await openContactDialog(details);
    await type(field(details, 'phone'), conversations[3]!.contact.phone);
    await waitUntil(() => part(details, 'duplicate'), 'the owner was not named', { timeout: 3000 });
    expect(text(part(details, 'duplicate'))).to.contain(
      `This number belongs to ${conversations[3]!.contact.name}.`,
    );
    expect((part(details, 'save') as HTMLButtonElement).disabled).to.equal(true);
    setTimeout(() => part(details, 'duplicate')!.querySelector('button')!.click());
    const opened = await oneEvent(details, 'inbox-conversation-select');
    expect(opened.detail.conversationId).to.equal('conv-3');
    expect(provider.store?.conversations.$activeConversationId.get()).to.equal('conv-3');
    expect(backend.writes).to.deep.equal([]);
  });

  it('says what a new number does to the open conversations', async () => {
    const conversations = makeConversations(6);
    conversations[4] = { ...conversations[4]!, contact: conversations[0]!.contact, status: 'active' };
    const backend = detailsBackend(conversations);
    const { details } = await mountDetails(backend);
    await waitUntil(() => part(details, 'previous-conversation'));
    await openContactDialog(details);
    await type(field(details, 'phone'), '+44 7911 123456');
    await waitUntil(() => part(details, 'phone-change-note'), 'no warning', { timeout: 3000 });
    expect(text(part(details, 'phone-change-note'))).to.equal(
      'Its 2 open conversations will send to the new number from now on.',
    );
  });

  it("shows a colleague's change instead of overwriting it, keeps the input, and re-applies it", async () => {
    const backend = detailsBackend();
    const { details } = await mountDetails(backend);
    await openContactDialog(details);
    await type(field(details, 'notes'), 'Prefers WhatsApp');
    backend.colleagueEditsContact('contact-0', { name: 'Alba Ruiz-Gómez' });
    part(details, 'save')!.click();
    await waitUntil(() => part(details, 'conflict'), 'no conflict shown');
    expect(text(part(details, 'conflict')))
      .to.contain('Name:')
      .and.contain('Alba Ruiz-Gómez');
    expect(field(details, 'notes').value).to.equal('Prefers WhatsApp');

    setTimeout(() => part(details, 'conflict-keep-mine')!.click());
    const saved = await oneEvent(details, 'inbox-contact-save');
    expect(saved.detail.contact).to.include({ name: 'Alba Ruiz-Gómez', notes: 'Prefers WhatsApp' });
    expect(backend.writes.map((w) => w.ifMatch)).to.deep.equal(['"1"', '"2"']);
    expect(backend.writes.at(-1)!.body).to.deep.equal({ notes: 'Prefers WhatsApp' });
  });

  it('lets the host veto a save, keeping the dialog and its input', async () => {
    const backend = detailsBackend();
    const { details } = await mountDetails(backend);
    details.addEventListener('inbox-before-contact-save', (e) => e.preventDefault(), { once: true });
    await openContactDialog(details);
    await type(field(details, 'company'), 'Vetoed Ltd');
    part(details, 'save')!.click();
    await details.updateComplete;
    expect(backend.writes).to.deep.equal([]);
    expect(dialog(details)!.open).to.equal(true);
    expect(field(details, 'company').value).to.equal('Vetoed Ltd');
  });

  it('closes with Escape, saving nothing', async () => {
    const backend = detailsBackend();
    const { details } = await mountDetails(backend);
    await openContactDialog(details);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(details)?.open);
    expect(backend.writes).to.deep.equal([]);
  });

  it('assigns teams, then agents of those teams with their open work, with If-Match', async () => {
    const backend = detailsBackend();
    backend.capabilities = { assign: true, seeAllConversations: true };
    const { details } = await mountDetails(backend);
    sectionOf(details, 'assignment').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await waitUntil(() => part(details, 'assignment-editor'));
    const editor = part(details, 'assignment-editor')!;
    const box = (label: string) =>
      [...editor.querySelectorAll('label')].find((l) => text(l).startsWith(label))!.querySelector('input')!;
    box('Support').click();
    await details.updateComplete;
    await waitUntil(() => text(editor).includes('Kwame Mensah'), 'no agents of the team');
    expect(
      text([...editor.querySelectorAll('label')].find((l) => text(l).startsWith('Kwame Mensah'))),
    ).to.match(/open conversation/);
    box('Kwame Mensah').click();
    await details.updateComplete;
    setTimeout(() => part(details, 'save')!.click());
    const changed = await oneEvent(details, 'inbox-assignment-change');
    expect(changed.detail.conversation.assigneeIds).to.include('user-manager');
    const write = backend.writes.at(-1)!;
    expect(write).to.include({ method: 'PUT', path: '/conversations/conv-0/assignment', ifMatch: '"1"' });
    expect(write.body).to.deep.equal({
      teamIds: ['team-sales', 'team-support'],
      assigneeIds: ['user-agent', 'user-manager'],
    });
  });

  it('keeps the chosen assignment when a colleague changed it first, and applies it again', async () => {
    const backend = detailsBackend();
    backend.capabilities = { assign: true, seeAllConversations: true };
    const { details } = await mountDetails(backend);
    sectionOf(details, 'assignment').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await waitUntil(() => part(details, 'assignment-editor'));
    const editor = part(details, 'assignment-editor')!;
    [...editor.querySelectorAll('label')]
      .find((l) => text(l).startsWith('Billing'))!
      .querySelector('input')!
      .click();
    backend.colleagueEditsConversation('conv-0', { assigneeIds: ['user-manager'] });
    part(details, 'save')!.click();
    await waitUntil(() => part(details, 'conflict'));
    expect(text(part(details, 'conflict')))
      .to.contain('Agents')
      .and.contain('Kwame Mensah');
    const billing = [...part(details, 'assignment-editor')!.querySelectorAll('label')].find((l) =>
      text(l).startsWith('Billing'),
    )!;
    expect(billing.querySelector('input')!.checked).to.equal(true);
    setTimeout(() => part(details, 'conflict-keep-mine')!.click());
    await oneEvent(details, 'inbox-assignment-change');
    expect(backend.writes.map((w) => w.ifMatch)).to.deep.equal(['"1"', '"2"']);
  });

  it('saves over a newer version that changed nothing being edited, without a conflict', async () => {
    const backend = detailsBackend();
    backend.capabilities = { assign: true, seeAllConversations: true };
    const { details } = await mountDetails(backend);
    sectionOf(details, 'assignment').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await waitUntil(() => part(details, 'assignment-editor'));
    [...part(details, 'assignment-editor')!.querySelectorAll('label')]
      .find((l) => text(l).startsWith('Billing'))!
      .querySelector('input')!
      .click();
    // A message came meanwhile: a new version, the same teams and agents.
    backend.colleagueEditsConversation('conv-0', { unreadCount: 3 });
    setTimeout(() => part(details, 'save')!.click());
    await oneEvent(details, 'inbox-assignment-change');
    expect(part(details, 'conflict')).to.equal(null);
    expect(backend.writes.map((w) => w.ifMatch)).to.deep.equal(['"1"', '"2"']);
  });

  it('saves on the version the page already heard of, without a refused request first', async () => {
    const backend = detailsBackend();
    backend.capabilities = { applyTags: true };
    const { provider, details } = await mountDetails(backend);
    sectionOf(details, 'tags').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await waitUntil(() => part(details, 'tags-editor'));
    part(details, 'tags-editor')!
      .querySelector<HTMLInputElement>('input[type="checkbox"]:not(:checked)')!
      .click();
    // A delivery moved the version while the user chose, and its event reached the page.
    provider.store!.conversations.upsertConversation(
      backend.colleagueEditsConversation('conv-0', { unreadCount: 3 }),
    );
    setTimeout(() => part(details, 'save')!.click());
    await oneEvent(details, 'inbox-tags-change');
    expect(backend.writes.map((w) => w.ifMatch)).to.deep.equal(['"2"']);
  });

  it('creates a tag with its colour, picks it, and saves the tags', async () => {
    const backend = detailsBackend();
    backend.capabilities = { manageTags: true };
    const { details } = await mountDetails(backend);
    sectionOf(details, 'tags').querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await waitUntil(() => part(details, 'tags-editor'));
    await type(part(details, 'new-tag-name') as HTMLInputElement, 'Urgent');
    part(details, 'add-tag')!.click();
    await waitUntil(() => backend.tags.some((t) => t.name === 'Urgent'));
    await type(part(details, 'new-tag-name') as HTMLInputElement, 'vip');
    part(details, 'add-tag')!.click();
    await waitUntil(() => text(part(details, 'tags-editor')).includes('There is already a tag “VIP”'));
    setTimeout(() => part(details, 'save')!.click());
    const changed = await oneEvent(details, 'inbox-tags-change');
    expect(changed.detail.conversation.tagIds).to.have.members(['tag-3', 'tag-vip']);
    expect(backend.writes.find((w) => w.path === '/tags')!.body).to.deep.include({ name: 'Urgent' });
  });

  it('moves focus into an inline editor on Edit and back to Edit when it closes or saves', async () => {
    const backend = detailsBackend();
    backend.capabilities = { applyTags: true };
    const { details } = await mountDetails(backend);
    const focused = () => shadow(details).activeElement;
    const edit = () => sectionOf(details, 'tags').querySelector<HTMLButtonElement>('[part="edit-button"]')!;
    edit().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.matches('[part="tags-editor"] input'), 'focus is not in the editor');
    const cancel = [...part(details, 'tags-editor')!.querySelectorAll('button')].find(
      (b) => text(b) === 'Cancel',
    )!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === edit(), 'focus did not return to Edit');
    // Saved, with Save disabled while the request runs: focus still comes back to Edit.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.matches('[part="tags-editor"] input'), 'focus is not in the editor');
    await sendKeys({ press: 'Space' });
    part(details, 'save')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(details, 'inbox-tags-change');
    await waitUntil(() => focused() === edit(), 'focus did not return to Edit after saving');
    // Closed by the conversation changing, with focus elsewhere, it takes nothing.
    edit().click();
    await waitUntil(() => part(details, 'tags-editor'));
    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    details.conversationId = 'conv-1';
    await waitUntil(() => !part(details, 'tags-editor'));
    await details.updateComplete;
    expect(document.activeElement).to.equal(elsewhere);
    elsewhere.remove();
  });
});
