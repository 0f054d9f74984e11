import type { TimelineEntry } from '../../stores/index.js';
import { entryKey } from '../../stores/timeline-items.js';

/** What a timeline shows besides its entries: "the beginning" and the day between messages. */
export type SeparatorRow = { kind: 'beginning'; key: string } | { kind: 'date'; key: string; at: string };

/** A row of the log: an entry as the store has it (no wrapper per entry), or a separator. */
export type TimelineRow = TimelineEntry | SeparatorRow;

export const isEntry = (row: TimelineRow): row is TimelineEntry =>
  row.kind !== 'date' && row.kind !== 'beginning';

/** The row's key for the virtualizer and the DOM (`data-key`). */
export const rowKey = (row: TimelineRow): string => (isEntry(row) ? entryKey(row) : row.key);

const YEAR_10000 = Date.UTC(10000, 0, 1);

/** Written as `toISOString` writes it (`2026-11-30T09:15:00.000Z`): such strings sort as their instants. */
const isIsoUtc = (timestamp: string) =>
  timestamp.length === 24 && timestamp[23] === 'Z' && timestamp[10] === 'T' && timestamp[19] === '.';

/**
 * The local day of each instant, building a Date only when an instant falls outside the day it last
 * found (bounds from local midnights, so a daylight-saving change is still one day). An instant
 * written in UTC is compared with the bounds as a string: parsing each one was most of the cost of
 * opening a long thread (15 ms at 100,000 messages).
 */
class LocalDays {
  #start = Infinity;
  #end = -Infinity;
  #startIso = '';
  #endIso = '';
  #day = NaN;

  /** The local day as a number: equal for instants on the same day, NaN for an invalid one. */
  of(timestamp: string): number {
    if (isIsoUtc(timestamp) && timestamp >= this.#startIso && timestamp < this.#endIso) return this.#day;
    const at = Date.parse(timestamp);
    if (at >= this.#start && at < this.#end) return this.#day;
    const date = new Date(at);
    const [year, month, day] = [date.getFullYear(), date.getMonth(), date.getDate()];
    this.#start = new Date(year, month, day).getTime();
    this.#end = new Date(year, month, day + 1).getTime();
    // Past the year 9999 (or for an invalid instant) the bounds stay empty: every instant is parsed.
    [this.#startIso, this.#endIso] =
      this.#end < YEAR_10000
        ? [new Date(this.#start).toISOString(), new Date(this.#end).toISOString()]
        : ['', ''];
    this.#day = (year * 12 + month) * 31 + day;
    return this.#day;
  }
}

/** Rows as built, with what they were built from: the next build keeps what did not change. */
export interface BuiltRows {
  entries: readonly TimelineEntry[];
  hasOlder: boolean;
  rows: TimelineRow[];
}

/** How many leading entries `before` and `entries` share (the same objects, in the same places). */
function sharedPrefix(before: readonly TimelineEntry[], entries: readonly TimelineEntry[]): number {
  const max = Math.min(before.length, entries.length);
  let same = 0;
  while (same < max && before[same] === entries[same]) same++;
  return same;
}

/**
 * The rows a timeline shows: "the beginning" when no older history is left, then its entries with a
 * date separator wherever the local day changes. Every row is virtualized (the log holds nothing else).
 * Given the last build, it keeps the rows of the entries that did not change and builds the rest: a
 * live message builds only its own rows (the others cost a pointer comparison and a copy).
 */
export function timelineRows(
  entries: readonly TimelineEntry[],
  hasOlder: boolean,
  before?: BuiltRows,
): BuiltRows {
  const days = new LocalDays();
  const same = before && before.hasOlder === hasOlder ? sharedPrefix(before.entries, entries) : 0;
  let rows: TimelineRow[];
  let day = NaN;
  if (before && same > 0) {
    const last = before.entries[same - 1]!;
    rows = before.rows.slice(0, before.rows.lastIndexOf(last) + 1);
    day = days.of(last.createdAt);
  } else rows = hasOlder || entries.length === 0 ? [] : [{ kind: 'beginning', key: 'beginning' }];
  for (let i = same; i < entries.length; i++) {
    const entry = entries[i]!;
    const entryDay = days.of(entry.createdAt);
    if (entryDay !== day) {
      day = entryDay;
      rows.push({ kind: 'date', key: `date-${entryDay}`, at: entry.createdAt });
    }
    rows.push(entry);
  }
  return { entries, hasOlder, rows };
}
