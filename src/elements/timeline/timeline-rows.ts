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

// Building a Date per entry on every change of a 10,000-message thread costs milliseconds: keep the
// local day of each entry, as a number (a string per entry would weigh more than the rows).
const days = new WeakMap<TimelineEntry, number>();
function localDay(entry: TimelineEntry): number {
  let day = days.get(entry);
  if (day === undefined) {
    const date = new Date(entry.createdAt);
    day = (date.getFullYear() * 12 + date.getMonth()) * 31 + date.getDate();
    days.set(entry, day);
  }
  return day;
}

/**
 * The rows a timeline shows: "the beginning" when no older history is left, then its entries with a
 * date separator wherever the local day changes. Every row is virtualized (the log holds nothing else).
 */
export function timelineRows(entries: readonly TimelineEntry[], hasOlder: boolean): TimelineRow[] {
  const rows: TimelineRow[] =
    hasOlder || entries.length === 0 ? [] : [{ kind: 'beginning', key: 'beginning' }];
  let day = -1;
  for (const entry of entries) {
    const entryDay = localDay(entry);
    if (entryDay !== day) {
      day = entryDay;
      rows.push({ kind: 'date', key: `date-${entryDay}`, at: entry.createdAt });
    }
    rows.push(entry);
  }
  return rows;
}
