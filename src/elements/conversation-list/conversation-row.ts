import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Conversation, User } from '../../api/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { contactName } from '../../i18n/labels.js';
import { avatarStack } from '../shared/avatar.js';
import { channelIcon } from '../shared/channel-icon.js';
import { highlight } from './highlight.js';

export interface RowView {
  i18n: LocaleController;
  now: number;
  query: string;
  usersById: Record<string, User>;
  /** The signed-in user: their own messages preview as "You: …". */
  meId: string | undefined;
  /** Other users viewing the conversation now. */
  viewers: User[];
  selected: boolean;
  focusable: boolean;
  position: number;
  setSize: number;
}

// Read out only (visually hidden), so no bidi isolates are needed.
const names = (users: User[]) => users.map((user) => user.name).join(', ');

/** Who sent an outbound last message: "You: ", a colleague's first name, or nothing when unknown. */
function authorLabel(authorId: string | null | undefined, view: RowView) {
  if (!authorId) return nothing;
  if (authorId === view.meId) return `${view.i18n.messages.youLabel}: `;
  const author = view.usersById[authorId];
  return author ? html`<bdi>${author.name.split(/\s+/)[0]}</bdi>: ` : nothing;
}

/**
 * One option of the conversation listbox. Every piece of customer text goes through text bindings.
 * The list re-renders its visible rows on every change (a hover, a scroll, one conversation updated);
 * the dates and plurals, slow to format, are formatted again only when what they show changed.
 */
export function conversationRow(
  conversation: Conversation,
  /** While searching, the message that matched (the list's, not the cached conversation's). */
  match: Conversation['searchMatch'],
  view: RowView,
) {
  const { messages } = view.i18n;
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount;
  const assignees = conversation.assigneeIds.flatMap((id) => view.usersById[id] ?? []);
  const previewText = match?.text ?? last?.text;
  // No whitespace between the row's parts: each would be a text node of its own in every row.
  return html`<div
    role="option"
    part="row"
    class="row ${unread > 0 ? 'unread' : ''}"
    id="conversation-${conversation.id}"
    data-id=${conversation.id}
    aria-selected=${view.selected ? 'true' : 'false'}
    aria-posinset=${view.position}
    aria-setsize=${view.setSize}
    tabindex=${view.focusable ? 0 : -1}
    >${channelIcon(conversation.channel, messages)}<span part="contact" class="name"
      ><bdi class="one-line" dir=${conversation.contact.name ? 'auto' : 'ltr'}
        >${highlight(contactName(conversation), view.query)}</bdi
      ></span
    ><time
      part="time"
      class="time"
      datetime=${conversation.lastActivityAt}
      title=${guard([conversation.lastActivityAt, view.i18n.resolved], () =>
        view.i18n.formatFull(conversation.lastActivityAt),
      )}
      >${guard([conversation.lastActivityAt, view.now, view.i18n.resolved], () =>
        view.i18n.formatRelative(conversation.lastActivityAt, view.now),
      )}</time
    ><span part="preview" class="preview"
      >${
        match
          ? html`<span class="visually-hidden">${messages.matchLabel}: </span>`
          : last?.kind === 'note'
            ? html`<span class="note-label">${messages.noteLabel}: </span>`
            : last?.direction === 'out'
              ? authorLabel(last.authorId, view)
              : nothing
      }${previewText !== undefined ? html`<bdi class="one-line">${highlight(previewText, view.query)}</bdi>` : messages.noMessagesYet}</span
    ><span class="meta"
      >${
        view.viewers.length
          ? html`<span part="viewers" class="viewers"
              ><svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path
                  d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="2"
                />
                <circle cx="12" cy="12" r="3" fill="currentColor" /></svg
              >${avatarStack(view.viewers)}<span class="visually-hidden"
                >${messages.viewingNow(names(view.viewers))}</span
              ></span
            >`
          : nothing
      }${
        assignees.length
          ? html`<span part="assignees" class="assignees"
              >${avatarStack(assignees)}<span class="visually-hidden"
                >${messages.assignedTo(names(assignees))}</span
              ></span
            >`
          : nothing
      }${
        unread > 0
          ? html`<span part="unread-badge" class="badge"
              ><span aria-hidden="true">${unread}</span
              ><span class="visually-hidden"
                >${guard([unread, messages], () => messages.unreadCount(unread))}</span
              ></span
            >`
          : nothing
      }</span
    ></div
  >`;
}
