import { html, nothing } from 'lit';
import type { Conversation, ConversationStatus } from '../../api/types.js';
import type { MenuController } from '../../controllers/menu-controller.js';
import type { Catalogue } from '../../i18n/index.js';
import { legalStatusMoves } from '../../stores/status-moves.js';

/** What a status move is called in a menu: "Mark as Active", "Close conversation" or "Reopen". */
export function moveLabel(from: ConversationStatus, to: ConversationStatus, messages: Catalogue): string {
  if (to === 'closed') return messages.moveToClosed;
  return from === 'closed' ? messages.reopen : messages.moveToActive;
}

/**
 * The status menu of a conversation (`#status-menu`), offering only the legal moves: nothing ever
 * goes back to Unanswered. Shown while `menu` is open; its button lives with the caller.
 */
export function statusMenu(
  conversation: Conversation,
  label: string,
  menu: MenuController,
  messages: Catalogue,
  onMove: (to: ConversationStatus) => void,
) {
  if (!menu.open) return nothing;
  return html`<div role="menu" part="menu" id="status-menu" class="menu" aria-label=${label}>
    ${legalStatusMoves(conversation.status).map(
      (to) =>
        html`<div
          role="menuitem"
          part="menu-item"
          tabindex="-1"
          @click=${() => onMove(to)}
          @keydown=${menu.onMenuKeydown}
        >
          ${moveLabel(conversation.status, to, messages)}
        </div>`,
    )}
  </div>`;
}
