import { html, nothing } from 'lit';
import type { Conversation, ConversationStatus, PresenceEntry, User } from '../../api/types.js';
import type { MenuController } from '../../controllers/menu-controller.js';
import type { TimelineCatalogue } from '../../i18n/timeline.en.js';
import { avatarStack } from '../shared/avatar.js';
import { channelIcon } from '../shared/channel-icon.js';
import { isolate } from '../../i18n/bidi.js';
import { contactName, statusLabel } from '../../i18n/labels.js';
import { statusMenu } from '../shared/status-menu.js';

export interface HeaderView {
  messages: TimelineCatalogue;
  conversation: Conversation;
  usersById: Record<string, User>;
  presence: PresenceEntry[];
  canChangeStatus: boolean;
  menu: MenuController;
  onMove(status: ConversationStatus): void;
}

const names = (users: User[]) => users.map((user) => user.name).join(', ');
/** For names shown inside a sentence: each keeps its own direction. */
const shownNames = (users: User[]) => users.map((user) => isolate(user.name)).join(', ');

/** Contact, channel, status with its arrow menu (legal moves only), assignees, and who is here now. */
export function timelineHeader(view: HeaderView) {
  const { messages, conversation, menu } = view;
  const users = (entries: PresenceEntry[]) => entries.flatMap((entry) => view.usersById[entry.userId] ?? []);
  const typing = users(view.presence.filter((entry) => entry.state === 'typing'));
  const viewing = users(view.presence.filter((entry) => entry.state === 'viewing'));
  const assignees = conversation.assigneeIds.flatMap((id) => view.usersById[id] ?? []);
  const status = statusLabel(conversation.status, messages);
  // No whitespace between the header's flex items: each would be a text node of its own.
  return html`<header part="header" class="header"
    >${channelIcon(conversation.channel, messages)}<div class="who"
      ><h2 part="contact" class="contact"
        ><bdi class="one-line" dir=${conversation.contact.name ? 'auto' : 'ltr'}
          >${contactName(conversation)}</bdi
        ></h2
      >${conversation.contact.name ? html`<span part="phone" class="phone" dir="ltr">${conversation.contact.phone}</span>` : nothing}</div
    ><div class="presence" aria-live="polite"
      >${
        typing.length
          ? html`<span part="typing" class="typing">${messages.typingNow(shownNames(typing))}</span>`
          : viewing.length
            ? html`<span part="viewers" class="viewers"
                >${avatarStack(viewing)}<span>${messages.viewingNow(shownNames(viewing))}</span></span
              >`
            : nothing
      }</div
    >${
      assignees.length
        ? html`<span part="assignees" class="assignees"
            >${avatarStack(assignees)}<span class="visually-hidden"
              >${messages.assignedTo(names(assignees))}</span
            ></span
          >`
        : nothing
    }<div class="status-control"
      >${
        view.canChangeStatus
          ? html`<button
                part="status-button"
                class="status ${conversation.status}"
                type="button"
                aria-haspopup="menu"
                aria-expanded=${menu.open ? 'true' : 'false'}
                aria-controls="status-menu"
                aria-label=${messages.changeStatus(status)}
                @click=${menu.onButtonClick}
                @keydown=${menu.onButtonKeydown}
              >
                ${status}
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                  <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
              </button>
              ${statusMenu(conversation, messages.changeStatus(status), menu, messages, view.onMove)}`
          : html`<span part="status" class="status ${conversation.status}">${status}</span>`
      }</div
    ></header
  >`;
}
