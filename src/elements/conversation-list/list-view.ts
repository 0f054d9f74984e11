// What the list element derives from its properties and its query: small pure rules, kept out of
// the element so it stays about wiring.
import type {
  ConversationCounts,
  ConversationSort,
  ConversationView,
  StatusFilter,
} from '../../api/types.js';
import type { Catalogue } from '../../i18n/index.js';
import type { ConversationFilters, ResolvedConversationFilters } from '../../stores/index.js';
import type { PinnedFilters } from './list-header.js';

/** The element's attributes that pin a filter. */
export interface PinningProps {
  view?: ConversationView | undefined;
  status?: StatusFilter | undefined;
  teamId?: string | undefined;
  unread?: boolean | undefined;
  sort?: ConversationSort | undefined;
}

export function pinnedFilters(props: PinningProps): ConversationFilters {
  const filters: ConversationFilters = {};
  if (props.view !== undefined) filters.view = props.view;
  if (props.status !== undefined) filters.status = props.status;
  if (props.teamId !== undefined) filters.teamId = props.teamId;
  if (props.unread !== undefined) filters.unread = props.unread;
  if (props.sort !== undefined) filters.sort = props.sort;
  return filters;
}

/** Which header controls the host pinned, and so hides. */
export function pinnedControls(props: PinningProps): PinnedFilters {
  return {
    view: props.view !== undefined,
    status: props.status !== undefined,
    team: props.teamId !== undefined,
    unread: props.unread !== undefined,
    sort: props.sort !== undefined,
  };
}

/** The total for aria-setsize: the tab's count when known, else what is loaded (-1 while more may come). */
export function setSize(
  filters: ResolvedConversationFilters | undefined,
  counts: ConversationCounts | null | undefined,
  loaded: number,
  hasMore: boolean,
): number {
  const count = filters ? counts?.[filters.status] : undefined;
  if (count !== undefined && count >= loaded) return count;
  return hasMore ? -1 : loaded;
}

/** What a screen reader hears when a load settles: how many conversations the filters found. */
export function loadAnnouncement(
  messages: Catalogue,
  filters: ResolvedConversationFilters | undefined,
  counts: ConversationCounts | null | undefined,
  loaded: number,
): string {
  const count = (filters && counts?.[filters.status]) ?? loaded;
  return count === 0 && filters?.q ? messages.noSearchResults(filters.q) : messages.conversationCount(count);
}
