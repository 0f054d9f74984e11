import { html } from 'lit';
import { styleProps } from '../../directives/style-props.js';
import type { Conversation, ConversationStatus } from '../../api/types.js';
import type { MenuController } from '../../controllers/menu-controller.js';
import type { Catalogue } from '../../i18n/index.js';
import { statusMenu } from '../shared/status-menu.js';

export interface RowMenuView {
  messages: Catalogue;
  conversation: Conversation;
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
    ${statusMenu(conversation, messages.changeStatusOf(name), menu, messages, (to) => view.onMove(conversation, to))}
  </div>`;
}
