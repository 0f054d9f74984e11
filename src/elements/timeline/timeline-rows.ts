import type { TimelineEntry } from '../../stores/index.js';
import { entryKey } from '../../stores/index.js';

export type TimelineRow =
  { kind: 'date'; key: string; at: string } | { kind: 'entry'; key: string; entry: TimelineEntry };

const localDay = (iso: string) => new Date(iso).toDateString();

/** The rows a timeline shows: its entries with a date separator wherever the local day changes. */
export function timelineRows(entries: readonly TimelineEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let day = '';
  for (const entry of entries) {
    const entryDay = localDay(entry.createdAt);
    if (entryDay !== day) {
      day = entryDay;
      rows.push({ kind: 'date', key: `date-${entryDay}`, at: entry.createdAt });
    }
    rows.push({ kind: 'entry', key: entryKey(entry), entry });
  }
  return rows;
}
