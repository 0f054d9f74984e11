import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InboxApiError } from '../../api/errors.js';
import type { Contact, ContactPatch } from '../../api/types.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { describeError } from '../../i18n/describe-error.js';
import { detailsLocale, type DetailsCatalogue } from '../../i18n/details.en.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import {
  checkContactForm,
  contactPatch,
  formOf,
  serverFieldProblems,
  type ContactForm,
  type FieldProblem,
} from '../../stores/contact-form.js';
import { createPhoneEntry } from '../../stores/phone-entry.js';
import type { Conflict, ContactField, InboxStore, PhoneEntry, PhoneEntryState } from '../../stores/index.js';
import { realTimers } from '../../stores/context.js';
import { regionOf } from '../shared/country-options.js';
import { conflictView } from './conflict-view.js';
import { fieldLabel, problemText } from './field-text.js';
import { phoneField } from './phone-field.js';
import { contactsStore } from '../../stores/contacts.js';

export interface ContactEditorHost extends ReactiveElement {
  /** The user's language, for the dialog's words and the country list. */
  readonly resolvedLocale: ResolvedLocale;
}

export interface ContactEditorOptions {
  store(): InboxStore | undefined;
  /** How many open conversations the contact has (what a number change affects). */
  openConversations(): number;
  /** Fires the cancelable `inbox-before-contact-save`; false when the host vetoed. */
  beforeSave(contact: Contact, changes: ContactPatch): boolean;
  saved(contact: Contact, created: boolean): void;
  /** The user chose another contact that has the number typed: show that one. */
  openContact(contact: Contact): void;
}

/**
 * The contact dialog of the Details (*Create Contact* / *Edit*): fields with their problems beside
 * them, the number parsed as it is typed, another contact with that number offered instead of a
 * duplicate, what a number change does to open conversations, and a colleague's change shown
 * with the user's input kept.
 */
export class ContactEditor implements ReactiveController {
  /** The version a save is conditional on (the colleague's, after a conflict). */
  base: Contact | undefined;
  /** The contact as the user started editing it: what their changes are measured against. */
  #started: Contact | undefined;
  form: ContactForm = { name: '', email: '', company: '', notes: '' };
  problems: Partial<Record<ContactField, FieldProblem>> = {};
  error: InboxApiError | undefined;
  conflict: Conflict<Contact, ContactField> | undefined;
  saving = false;
  #phone: PhoneEntry | undefined;
  #phoneState: PhoneEntryState | undefined;
  #stopPhone: (() => void) | undefined;
  readonly dialog: ModalDialogController;

  constructor(
    private readonly host: ContactEditorHost,
    private readonly options: ContactEditorOptions,
  ) {
    host.addController(this);
    this.dialog = new ModalDialogController(host, '#contact-dialog', () => this.#reset());
  }

  hostConnected(): void {}

  /** The host's locale with the Details' words. */
  get #resolved() {
    return detailsLocale(this.host.resolvedLocale);
  }

  hostDisconnected(): void {
    this.#reset();
  }

  /** Opens the dialog on a contact; `creating` for one that has only a number so far. */
  open(contact: Contact): void {
    const store = this.options.store();
    if (!store) return;
    this.#reset();
    this.base = contact;
    this.#started = contact;
    this.form = formOf(contact);
    const region = regionOf(this.#resolved.locale);
    this.#phone = createPhoneEntry({
      contacts: store.use(contactsStore),
      timers: realTimers,
      input: contact.phone,
      defaultCountry: contact.country ?? region,
      ownContactId: contact.id,
    });
    this.#stopPhone = this.#phone.$state.subscribe((state) => {
      this.#phoneState = state;
      this.host.requestUpdate();
    });
    void this.dialog.show('#contact-name');
  }

  render() {
    if (!this.dialog.open || !this.base) return nothing;
    const { messages: m } = this.#resolved;
    const creating = !this.base.name;
    const phone = this.#phoneState;
    const parsed = phone?.parsed;
    const changesNumber = !!parsed?.e164 && parsed.e164 !== this.base.phone;
    const owner = phone?.match.status === 'found' ? phone.match.contact : null;
    const problem = (field: ContactField) => this.problems[field];
    return html`<dialog
      id="contact-dialog"
      part="dialog"
      aria-labelledby="contact-dialog-title"
      @close=${this.dialog.onDialogClose}
    >
      <form method="dialog" novalidate @submit=${this.#onSubmit}>
        <h2 id="contact-dialog-title">${creating ? m.contactDialogCreate : m.contactDialogEdit}</h2>
        ${
          this.conflict
            ? conflictView({
                messages: m,
                changed: this.conflict.changed,
                describe: (field, value) => ({
                  label: fieldLabel(field, m),
                  value: String(value ?? '') || m.contactNotSet,
                }),
                onKeepMine: () => void this.#save(this.conflict?.current),
                onUseTheirs: () => this.#useTheirs(),
              })
            : nothing
        }
        ${textField('name', m.contactName, this.form.name, problem('name'), this, m)}
        ${phoneField({
          resolved: this.#resolved,
          state: phone,
          problem: problem('phone'),
          onInput: (text) => {
            delete this.problems.phone;
            this.#phone?.setInput(text);
          },
          onCountry: (code) => this.#phone?.setCountry(code),
          after: html`${
            owner
              ? html`<p class="field-note" part="duplicate" role="status">
                  <bdi>${m.phoneOwnedBy(owner.name || owner.phone)}</bdi>
                  <button type="button" class="link" @click=${() => this.#openOwner(owner)}>
                    ${m.openThisContact}
                  </button>
                </p>`
              : changesNumber && !creating
                ? html`<p class="field-note" part="phone-change-note">
                    ${
                      this.options.openConversations() > 0
                        ? m.phoneChangeWarning(this.options.openConversations())
                        : m.phoneChangeNoConversations
                    }
                  </p>`
                : nothing
          }`,
        })}
        ${textField('email', m.contactEmail, this.form.email, problem('email'), this, m, 'email')}
        ${textField('company', m.contactCompany, this.form.company, problem('company'), this, m)}
        ${textField('notes', m.contactNotes, this.form.notes, problem('notes'), this, m, 'textarea')}
        ${
          this.error
            ? html`<p part="error" class="error" role="alert">
                ${describeError(this.error, this.#resolved)}
              </p>`
            : nothing
        }
        <div class="actions">
          <button type="button" data-close @click=${() => this.dialog.close()}>${m.cancel}</button>
          <button type="submit" part="save" class="primary" ?disabled=${this.saving || !!owner}>
            ${this.saving ? m.saving : creating ? m.saveContact : m.saveChanges}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  /** A text field changed: keep the input, forget that field's problem. */
  set(field: keyof ContactForm, value: string): void {
    this.form = { ...this.form, [field]: value };
    delete this.problems[field];
    this.host.requestUpdate();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#save(this.base);
  };

  async #save(base: Contact | undefined): Promise<void> {
    const store = this.options.store();
    if (!store || !base || this.saving) return;
    const phone = this.#phone ? await this.#phone.settled() : undefined;
    this.problems = checkContactForm(this.form);
    const phoneProblem = phone?.parsed?.problem;
    if (phoneProblem) this.problems.phone = { code: phoneProblem };
    if (Object.keys(this.problems).length || phone?.match.status === 'found') {
      this.host.requestUpdate();
      return this.#focusFirstProblem();
    }
    const started = this.#started ?? base;
    const creating = !started.name;
    // Only what differs from the version the save is conditional on: after a conflict the fields
    // the user left alone already hold the colleague's values.
    const changes = contactPatch(base, this.form, phone?.parsed?.e164 ?? null);
    if (Object.keys(changes).length === 0) return this.dialog.close();
    if (!this.options.beforeSave(base, changes)) return;
    this.saving = true;
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
    const result = await store.use(contactsStore).update(base, changes);
    this.saving = false;
    if (result.ok) {
      this.dialog.close();
      this.options.saved(result.value, creating);
      return;
    }
    if (result.conflict) {
      // The user's changes stay in the form; what they left alone shows the colleague's version,
      // and saving again applies their changes on top of it.
      const theirs = result.conflict.current;
      const untouched = formOf(started);
      const now = formOf(theirs);
      for (const field of Object.keys(this.form) as (keyof ContactForm)[])
        if (this.form[field] === untouched[field]) this.form = { ...this.form, [field]: now[field] };
      if (phone?.parsed?.e164 === started.phone) this.#phone?.setInput(theirs.phone);
      this.base = theirs;
      this.conflict = result.conflict;
    } else {
      this.problems = serverFieldProblems(result.error);
      if (Object.keys(this.problems).length === 0) this.error = result.error;
    }
    this.host.requestUpdate();
  }

  #useTheirs(): void {
    if (!this.conflict) return;
    const theirs = this.conflict.current;
    this.base = theirs;
    this.#started = theirs;
    this.form = formOf(theirs);
    this.#phone?.setInput(theirs.phone);
    this.conflict = undefined;
    this.host.requestUpdate();
  }

  #openOwner(owner: Contact): void {
    this.dialog.close();
    this.options.openContact(owner);
  }

  async #focusFirstProblem(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#contact-dialog [aria-invalid="true"]')?.focus();
  }

  #reset(): void {
    this.#stopPhone?.();
    this.#phone?.dispose();
    this.#stopPhone = undefined;
    this.#phone = undefined;
    this.#phoneState = undefined;
    this.base = undefined;
    this.#started = undefined;
    this.problems = {};
    this.error = undefined;
    this.conflict = undefined;
    this.saving = false;
  }
}

function textField(
  field: keyof ContactForm,
  label: string,
  value: string,
  problem: FieldProblem | undefined,
  editor: ContactEditor,
  m: DetailsCatalogue,
  kind: 'text' | 'email' | 'textarea' = 'text',
) {
  const id = `contact-${field}`;
  const onInput = (event: Event) => editor.set(field, (event.target as HTMLInputElement).value);
  const described = problem ? `${id}-problem` : '';
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${
      kind === 'textarea'
        ? html`<textarea
            id=${id}
            rows="3"
            dir="auto"
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(value)}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${kind}
            dir="auto"
            autocomplete="off"
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${described}
            .value=${live(value)}
            @input=${onInput}
          />`
    }
    ${problem ? html`<p id=${described} class="field-problem" part="field-error">${problemText(problem, m)}</p>` : nothing}
  </div>`;
}
