import type { Conversation, ConversationSort } from '../api/types.js';
import { compareBySort } from './sort-keys.js';

/**
 * A list's loaded window: ids in display order, and for each member the version it was placed
 * with. A live change finds the old place and the new one by binary search over those versions'
 * keys, so placing costs O(log n) comparisons plus one array copy (the published ids never change
 * under a reader), not a scan parsing dates.
 */
export class SortedWindow {
  #ids: readonly string[] = [];
  readonly #placed = new Map<string, Conversation>();
  #compare: (a: Conversation, b: Conversation) => number;

  constructor(sort: ConversationSort) {
    this.#compare = compareBySort(sort);
  }

  get ids(): readonly string[] {
    return this.#ids;
  }

  has(id: string): boolean {
    return this.#placed.has(id);
  }

  /** Starts over with a first page, in the server's order, under a sort. */
  reset(sort: ConversationSort, page: readonly Conversation[] = []): readonly string[] {
    this.#compare = compareBySort(sort);
    this.#placed.clear();
    this.#ids = [];
    return this.append(page);
  }

  /** Adds a further page at the end; rows realtime already placed stay where they are. */
  append(page: readonly Conversation[]): readonly string[] {
    const added: string[] = [];
    for (const c of page) {
      if (this.#placed.has(c.id)) continue;
      this.#placed.set(c.id, c);
      added.push(c.id);
    }
    if (added.length) this.#ids = this.#ids.length ? [...this.#ids, ...added] : added;
    return this.#ids;
  }

  /**
   * Moves `c` to (or inserts it at) its sorted place. When it sorts after the last loaded row and
   * more pages exist, it leaves the window for a later page. Returns whether the order changed.
   */
  place(c: Conversation, hasMore: boolean): boolean {
    const ids = this.#ids;
    const before = this.#placed.get(c.id);
    const from = before ? this.#indexOf(before) : -1;
    const restLength = from >= 0 ? ids.length - 1 : ids.length;
    const at = (i: number): Conversation => this.#placed.get(ids[from >= 0 && i >= from ? i + 1 : i]!)!;
    // The first row of the rest that sorts after c.
    let low = 0;
    let high = restLength;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#compare(c, at(mid)) < 0) high = mid;
      else low = mid + 1;
    }
    const leaves = low === restLength && hasMore;
    if (leaves) {
      if (from < 0) return false;
      this.#placed.delete(c.id);
      this.#ids = without(ids, from);
      return true;
    }
    this.#placed.set(c.id, c);
    if (from === low) return false;
    const next = from >= 0 ? without(ids, from) : ids.slice();
    next.splice(low, 0, c.id);
    this.#ids = next;
    return true;
  }

  remove(id: string): boolean {
    const before = this.#placed.get(id);
    if (!before) return false;
    const from = this.#indexOf(before);
    this.#placed.delete(id);
    if (from >= 0) this.#ids = without(this.#ids, from);
    return true;
  }

  /** Where a member sits, by binary search on the version it was placed with. */
  #indexOf(placed: Conversation): number {
    const ids = this.#ids;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#compare(this.#placed.get(ids[mid]!)!, placed) < 0) low = mid + 1;
      else high = mid;
    }
    // A server whose order differs from ours (it should not) costs a scan, not a wrong row.
    return ids[low] === placed.id ? low : ids.indexOf(placed.id);
  }
}

/** A copy without one index: the ids a reader holds never change. */
function without(ids: readonly string[], index: number): string[] {
  const next = ids.slice();
  next.splice(index, 1);
  return next;
}
