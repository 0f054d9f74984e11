// Pure rules a list applies client-side to realtime changes: the same filters and order the
// server applies to `GET /conversations`, so a live list looks as if it had just been reloaded.
import type { Conversation, ConversationSort, ConversationView, StatusFilter } from '../api/types.js';
import { compareBySort } from './sort-keys.js';

/** What a conversation list shows, with defaults applied (as a list's `$filters` holds them). */
export interface ResolvedConversationFilters {
  view: ConversationView;
  status: StatusFilter;
  teamId: string | null;
  /** Search words; while set, realtime updates keep members fresh but never add unknown ones. */
  q: string;
  unread: boolean;
  sort: ConversationSort;
  /** Only conversations with this contact (a contact's previous conversations). */
  contactId: string | null;
}

/**
 * Filters as callers pass them: unset fields take the defaults (everything, latest first).
 * A list's `sort` left unset follows the user's remembered sort instead (see `preferences`).
 */
export type ConversationFilters = {
  [K in keyof ResolvedConversationFilters]?: ResolvedConversationFilters[K] | undefined;
};

export function resolveFilters(filters: ConversationFilters = {}): ResolvedConversationFilters {
  return {
    view: filters.view ?? 'all',
    status: filters.status ?? 'all',
    teamId: filters.teamId || null,
    q: filters.q?.trim() ?? '',
    unread: filters.unread ?? false,
    sort: filters.sort ?? 'latest',
    contactId: filters.contactId || null,
  };
}

export function sameFilters(a: ResolvedConversationFilters, b: ResolvedConversationFilters): boolean {
  return (Object.keys(a) as (keyof ResolvedConversationFilters)[]).every((key) => a[key] === b[key]);
}

/** The query of `GET /conversations/counts` (no status, no sort) for these filters. */
export function countsQuery(spaceId: string, f: ResolvedConversationFilters) {
  return {
    spaceId,
    view: f.view,
    ...(f.teamId ? { teamId: f.teamId } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.unread ? { unread: true } : {}),
  };
}

/** The query of `GET /conversations` for these filters. */
export function listQuery(spaceId: string, f: ResolvedConversationFilters, cursor?: string) {
  return {
    ...countsQuery(spaceId, f),
    status: f.status,
    sort: f.sort,
    ...(f.contactId ? { contactId: f.contactId } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** Whether a conversation belongs in a list, by every filter except `q` (search is the server's). */
export function matchesFilters(
  c: Conversation,
  f: ResolvedConversationFilters,
  meId: string | undefined,
): boolean {
  if (f.view === 'mine' && !(meId && c.assigneeIds.includes(meId))) return false;
  if (f.view === 'closed_by_me' && !(c.status === 'closed' && meId && c.closedBy === meId)) return false;
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.teamId && !c.teamIds.includes(f.teamId)) return false;
  if (f.unread && c.unreadCount <= 0) return false;
  if (f.contactId && c.contact.id !== f.contactId) return false;
  return true;
}

export function compareConversations(sort: ConversationSort): (a: Conversation, b: Conversation) => number {
  return compareBySort(sort);
}

const sorts: readonly string[] = ['latest', 'newest', 'waiting'] satisfies ConversationSort[];

/** Whether a value (e.g. read back from storage) is a sort the API knows. */
export function isConversationSort(value: unknown): value is ConversationSort {
  return typeof value === 'string' && sorts.includes(value);
}
