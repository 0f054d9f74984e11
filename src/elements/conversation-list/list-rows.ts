import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import type { Conversation, PresenceEntry, User } from '../../api/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { ConversationIndex, ConversationListState } from '../../stores/index.js';
import { pinnedFlow } from '../shared/flow-layout.js';
import { conversationRow } from './conversation-row.js';

/**
 * Rows rendered 400 px past the view, not the virtualizer's 1,000: about 7 rows each side instead
 * of 17. On 10,000 conversations the first render took 49 ms instead of 63 (the browser's first
 * layout of the rows is most of it) and the list's DOM 812 nodes instead of 1,184. The next page is
 * still asked for 20 rows before the last one renders.
 *
 * Rows are placed at 58 px until measured, their height in the default theme. At the virtualizer's
 * 100 px the first pass rendered too few rows and a second added the rest before the first paint:
 * one more render of rows and one more layout.
 */
const LAYOUT = pinnedFlow({ overhang: 400, rowSize: 58 });

export interface RowsView {
  i18n: LocaleController;
  /** The ids in display order: the virtualizer renders only the visible ones. */
  ids: readonly string[];
  byId: ConversationIndex | undefined;
  matches: ConversationListState['matches'];
  now: number;
  query: string;
  usersById: Record<string, User>;
  presence: Record<string, PresenceEntry[]>;
  meId: string | undefined;
  activeId: string | null | undefined;
  focusedId: string | undefined;
  setSize: number;
}

/**
 * The virtualized options. Each visible row looks its conversation up when it renders, so one
 * conversation's update costs the rows on screen, whatever the length of the list.
 */
export function listRows(view: RowsView): DirectiveResult {
  return virtualize({
    items: view.ids as string[],
    scroller: true,
    layout: LAYOUT,
    // The virtualizer may ask for an index just past the end while rows leave the list.
    keyFunction: (id: string | undefined) => id,
    renderItem: (id: string | undefined, index: number) => {
      const conversation: Conversation | undefined = id === undefined ? undefined : view.byId?.get(id);
      if (!conversation) return html``;
      return conversationRow(conversation, view.matches[conversation.id], {
        i18n: view.i18n,
        now: view.now,
        query: view.query,
        usersById: view.usersById,
        meId: view.meId,
        viewers: (view.presence[conversation.id] ?? []).flatMap(
          (entry) => view.usersById[entry.userId] ?? [],
        ),
        selected: conversation.id === view.activeId,
        focusable: conversation.id === view.focusedId,
        position: index + 1,
        setSize: view.setSize,
      });
    },
  });
}
