// The Details' sections and editors: a lazy chunk, loaded when the Details first show a
// conversation, so a page pays for it only where the Details are.
import { html, nothing, type CSSResult, type ReactiveElement } from 'lit';
import type { Capabilities, Contact, Conversation, Tag, Team, User } from '../../api/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { detailsLocale } from '../../i18n/details.en.js';
import type { ContactEditorHost } from './contact-editor.js';
import { assignmentFacts, contactFacts, previousConversations, tagChips } from './details-parts.js';
import { createEditors, type DetailsEditors, type DetailsEditorsOptions } from './editors.js';
import { formStyles } from '../../styles/shared.js';
import { styles } from './inbox-details.styles.js';
import { section } from './section.js';

/** What the Details show, read from the stores by the element. */
export interface DetailsModel {
  i18n: LocaleController;
  conversation: Conversation;
  contact: Contact | undefined;
  capabilities: Capabilities | undefined;
  meId: string | undefined;
  teams: Team[];
  usersById: Record<string, User>;
  tagsById: Record<string, Tag>;
  /** The contact's other conversations. */
  others: Conversation[];
  /** Which sections the user opened or closed. */
  sections: Record<string, boolean>;
  onToggle(name: string, open: boolean): void;
  onSelect(conversation: Conversation): void;
}

export interface DetailsUi {
  editors: DetailsEditors;
  styles: CSSResult[];
  render(model: DetailsModel): unknown;
}

export function createDetailsUi(
  host: ReactiveElement & ContactEditorHost,
  options: DetailsEditorsOptions,
): DetailsUi {
  const editors = createEditors(host, options);
  return { editors, styles: [formStyles, styles], render: (model) => renderDetails(model, editors) };
}

function renderDetails(model: DetailsModel, editors: DetailsEditors) {
  const { i18n, conversation } = model;
  const resolved = detailsLocale(i18n.resolved);
  const { messages: m, dir } = resolved;
  const capabilities = model.capabilities;
  const contact = model.contact;
  const others = model.others;
  // Three buttons say "Edit": each is described by its section's title.
  const editButton = (section: string, label: string, onClick: () => void) =>
    html`<button
      type="button"
      part="edit-button"
      class="edit"
      aria-describedby="${section}-toggle"
      @click=${onClick}
    >
      ${label}
    </button>`;
  const open = (name: string) => model.sections[name] ?? true;
  const toggle = model.onToggle;
  return html`<div class="frame" dir=${dir} role="complementary" aria-label=${m.detailsLabel}>
    ${section({
      name: 'contact',
      title: m.sectionContact,
      open: open('contact'),
      onToggle: toggle,
      action:
        contact && capabilities?.editContacts
          ? editButton('contact', contact.name ? m.edit : m.createContact, () =>
              editors.contact.open(contact),
            )
          : nothing,
      body: () =>
        contact
          ? contactFacts(contact, i18n)
          : html`<p part="state" class="state" role="status">${m.contactLoading}</p>`,
    })}
    ${section({
      name: 'assignment',
      title: m.sectionAssignment,
      open: open('assignment'),
      onToggle: toggle,
      action:
        capabilities?.assign && !editors.assignment.editing
          ? editButton('assignment', m.edit, () => editors.assignment.start(conversation))
          : nothing,
      body: () =>
        editors.assignment.editing
          ? editors.assignment.render({
              resolved,
              teams: model.teams,
              usersById: model.usersById,
              capabilities,
              meId: model.meId,
            })
          : assignmentFacts(conversation, model.teams, model.usersById, i18n),
    })}
    ${section({
      name: 'tags',
      title: m.sectionTags,
      open: open('tags'),
      onToggle: toggle,
      action:
        capabilities?.applyTags && !editors.tags.editing
          ? editButton('tags', m.edit, () =>
              editors.tags.start(conversation, Object.keys(model.tagsById).length),
            )
          : nothing,
      body: () =>
        editors.tags.editing
          ? editors.tags.render({
              resolved,
              tags: Object.values(model.tagsById),
              mayCreate: capabilities?.manageTags ?? false,
            })
          : tagChips(conversation, model.tagsById, i18n),
    })}
    ${section({
      name: 'previous',
      title: m.sectionPrevious,
      open: open('previous'),
      onToggle: toggle,
      body: () => previousConversations(others, i18n, (c) => model.onSelect(c)),
    })}
    <slot name="crm"></slot>
    ${editors.contact.render()}
  </div>`;
}
