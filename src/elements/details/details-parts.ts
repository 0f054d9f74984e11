// The read-only parts of the Details: the contact's facts and the contact's other conversations.
import { html, nothing } from 'lit';
import type { Contact, Conversation, Tag, Team, User } from '../../api/types.js';
import { styleProps } from '../../directives/style-props.js';
import { detailsLocale } from '../../i18n/details.en.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { countryName } from '../../i18n/countries.js';
import { statusLabel } from '../../i18n/labels.js';
import { readableTextOn } from '../../styles/contrast.js';
import { avatar } from '../shared/avatar.js';
import { channelIcon } from '../shared/channel-icon.js';

/**
 * A label and its value. One person's text (a name, a number) takes its own direction; a list of
 * them (teams, agents) keeps the inbox's, each item isolated in its own <bdi>.
 */
function fact(label: string, value: unknown, dir: 'auto' | 'ltr' | 'inbox' = 'auto') {
  return html`<div class="fact">
    <dt>${label}</dt>
    <dd dir=${dir === 'inbox' ? nothing : dir}>${value}</dd>
  </div>`;
}

export function contactFacts(contact: Contact, i18n: LocaleController) {
  const m = detailsLocale(i18n.resolved).messages;
  const country = contact.country ? countryName(contact.country, i18n.resolved.locale) : null;
  const unset = html`<span class="muted">${m.contactNotSet}</span>`;
  return html`<dl class="facts" part="contact-facts">
    ${fact(m.contactName, contact.name || html`<span class="muted">${m.contactNoName}</span>`)}
    ${fact(m.contactPhone, contact.phone, 'ltr')} ${country ? fact(m.contactCountry, country) : nothing}
    ${fact(m.contactEmail, contact.email || unset, contact.email ? 'ltr' : 'auto')}
    ${fact(m.contactCompany, contact.company || unset)}
    ${contact.notes ? fact(m.contactNotes, html`<span class="notes">${contact.notes}</span>`) : nothing}
  </dl>`;
}

export function assignmentFacts(
  conversation: Conversation,
  teams: Team[],
  usersById: Record<string, User>,
  i18n: LocaleController,
) {
  const m = detailsLocale(i18n.resolved).messages;
  const assignedTeams = teams.filter((t) => conversation.teamIds.includes(t.id));
  const agents = conversation.assigneeIds.flatMap((id) => usersById[id] ?? []);
  return html`<dl class="facts" part="assignment-facts">
    ${fact(
      m.assignedTeams,
      assignedTeams.length
        ? assignedTeams.map((t) => html`<span class="chip"><bdi>${t.name}</bdi></span>`)
        : html`<span class="muted">${m.noTeams}</span>`,
      'inbox',
    )}
    ${fact(
      m.assignedAgents,
      agents.length
        ? agents.map((u) => html`<span class="agent">${avatar(u)}<bdi>${u.name}</bdi></span>`)
        : html`<span class="muted">${m.noAgents}</span>`,
      'inbox',
    )}
  </dl>`;
}

export function tagChips(conversation: Conversation, tagsById: Record<string, Tag>, i18n: LocaleController) {
  const tags = conversation.tagIds.flatMap((id) => tagsById[id] ?? []);
  if (tags.length === 0) return html`<p class="muted">${detailsLocale(i18n.resolved).messages.noTags}</p>`;
  return html`<ul class="tags" part="tags">
    ${tags.map(
      (tag) =>
        html`<li
          part="tag"
          class="tag"
          ${styleProps({ 'background-color': tag.color, color: readableTextOn(tag.color) })}
        >
          <bdi>${tag.name}</bdi>
        </li>`,
    )}
  </ul>`;
}

/** The contact's other conversations: channel, status and when, each one a way to open it. */
export function previousConversations(
  others: Conversation[],
  i18n: LocaleController,
  onOpen: (conversation: Conversation) => void,
) {
  const m = detailsLocale(i18n.resolved).messages;
  if (others.length === 0) return html`<p class="muted">${m.noPreviousConversations}</p>`;
  return html`<ul class="previous" part="previous-conversations">
    ${others.map((c) => {
      const when = i18n.formatDay(c.lastActivityAt);
      return html`<li>
        <button type="button" part="previous-conversation" class="previous-item" @click=${() => onOpen(c)}>
          ${channelIcon(c.channel, m)}
          <span class="previous-text">
            <span class="status ${c.status}">${statusLabel(c.status, m)}</span>
            <span class="muted">${when}</span>
            ${c.lastMessage ? html`<bdi class="preview one-line">${c.lastMessage.text}</bdi>` : nothing}
          </span>
        </button>
      </li>`;
    })}
  </ul>`;
}
