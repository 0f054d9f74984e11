import { html, nothing } from 'lit';
import { styleProps } from '../../directives/style-props.js';
import type { Conversation, ConversationStatus } from '../../api/types.js';
import type { MenuController } from '../../controllers/menu-controller.js';
import type { Catalogue } from '../../i18n/index.js';

export function moveLabel(from: ConversationStatus, to: ConversationStatus, messages: Catalogue): string {
  if (to === 'closed') return messages.moveToClosed;
  return from === 'closed' ? messages.reopen : messages.moveToActive;
}

export interface RowMenuView {
  messages: Catalogue;
  conversation: Conversation;
  moves: ConversationStatus[];
  /** Vertical offset of the row inside the body. */
  top: number;
  menu: MenuController;
  onMove(conversation: Conversation, status: ConversationStatus): void;
}

/**
 * The three-dot menu button of the row under the pointer or keyboard focus. It sits beside the
 * listbox rather than inside an option, so the listbox holds only options (no nested controls).
 */
export function rowMenu(view: RowMenuView) {
  const { messages, conversation, menu } = view;
  const name = conversation.contact.name || conversation.contact.phone;
  return html`<div class="row-actions" ${styleProps({ 'inset-block-start': `${view.top}px` })}>
    <button
      part="row-menu-button"
      class="row-menu-button"
      type="button"
      aria-haspopup="menu"
      aria-expanded=${menu.open ? 'true' : 'false'}
      aria-controls="status-menu"
      aria-label=${messages.changeStatusOf(name)}
      @click=${menu.onButtonClick}
      @keydown=${menu.onButtonKeydown}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <circle cx="12" cy="5" r="2" fill="currentColor" />
        <circle cx="12" cy="12" r="2" fill="currentColor" />
        <circle cx="12" cy="19" r="2" fill="currentColor" />
      </svg>
    </button>
    ${
      menu.open
        ? html`<div
            role="menu"
            part="menu"
            id="status-menu"
            class="menu"
            aria-label=${messages.changeStatusOf(name)}
          >
            ${view.moves.map(
              (status) =>
                html`<div
                  role="menuitem"
                  part="menu-item"
                  tabindex="-1"
                  @click=${() => view.onMove(conversation, status)}
                  @keydown=${menu.onMenuKeydown}
                >
                  ${moveLabel(conversation.status, status, messages)}
                </div>`,
            )}
          </div>`
        : nothing
    }
  </div>`;
}
