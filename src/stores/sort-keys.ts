// The orders of `GET /conversations` as numeric keys, so a list compares numbers, not date strings.
import type { Conversation, ConversationSort } from '../api/types.js';

// A conversation object is one version and never changes: its key is parsed once per sort, and
// forgotten with it.
const keys: Record<ConversationSort, WeakMap<Conversation, number>> = {
  latest: new WeakMap(),
  newest: new WeakMap(),
  waiting: new WeakMap(),
};

const time = (value: string): number => Date.parse(value);

/** Ascending numeric key: newest activity or creation first; longest waiting first, nobody waiting last. */
function parseKey(c: Conversation, sort: ConversationSort): number {
  if (sort === 'latest') return -time(c.lastActivityAt);
  if (sort === 'newest') return -time(c.createdAt);
  return c.waitingSince === null ? Infinity : time(c.waitingSince);
}

export function sortKey(c: Conversation, sort: ConversationSort): number {
  const memo = keys[sort];
  let key = memo.get(c);
  if (key === undefined) {
    key = parseKey(c, sort);
    memo.set(c, key);
  }
  return key;
}

/**
 * The order `GET /conversations` uses. Ties (Infinity - Infinity is NaN, hence `||`) break by id in
 * the direction of the sort, as keyset pagination on (key, id) does.
 */
export function compareBySort(sort: ConversationSort): (a: Conversation, b: Conversation) => number {
  const tie = sort === 'waiting' ? 1 : -1;
  return (a, b) => sortKey(a, sort) - sortKey(b, sort) || (a.id < b.id ? -tie : a.id > b.id ? tie : 0);
}
