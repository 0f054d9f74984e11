// The status machine the server enforces, so menus offer only moves that can succeed.
import type { ConversationStatus } from '../api/types.js';

// Nothing ever goes back to Unanswered: only a new conversation starts there.
const MOVES: Record<ConversationStatus, readonly ConversationStatus[]> = {
  unanswered: ['active', 'closed'],
  active: ['closed'],
  closed: ['active'],
};

/** The statuses a conversation may move to from `current` (reopen is `closed` → `active`). */
export function legalStatusMoves(current: ConversationStatus): ConversationStatus[] {
  return [...MOVES[current]];
}
