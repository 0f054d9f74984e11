import type { TimelineEntry } from '../../stores/index.js';
import { entryKey } from '../../stores/timeline-items.js';

export type TimelineRow =
  | { kind: 'beginning'; key: string }
  | { kind: 'date'; key: string; at: string }
  | { kind: 'entry'; key: string; entry: TimelineEntry };

// Building a Date per entry on every change of a 10,000-message thread costs milliseconds: cache it.
const days = new WeakMap<TimelineEntry, string>();
function localDay(entry: TimelineEntry): string {
  let day = days.get(entry);
  if (day === undefined) {
    day = new Date(entry.createdAt).toDateString();
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
  let day = '';
  for (const entry of entries) {
    const entryDay = localDay(entry);
    if (entryDay !== day) {
      day = entryDay;
      rows.push({ kind: 'date', key: `date-${entryDay}`, at: entry.createdAt });
    }
    rows.push({ kind: 'entry', key: entryKey(entry), entry });
  }
  return rows;
}
