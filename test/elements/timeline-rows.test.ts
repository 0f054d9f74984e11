import { expect } from '@open-wc/testing';
import { isEntry, timelineRows, type TimelineRow } from '../../src/elements/timeline/timeline-rows.js';
import { entryKey, type TimelineEntry } from '../../src/stores/index.js';
import { makeTimeline } from '../fixtures/timeline-fixtures.js';

const thread = makeTimeline('c1', 200);
const keys = (rows: TimelineRow[]) => rows.map((row) => (isEntry(row) ? entryKey(row) : row.key));
const twoDaysLater = (entry: TimelineEntry): TimelineEntry => ({
  ...entry,
  createdAt: new Date(Date.parse(entry.createdAt) + 2 * 86_400_000).toISOString(),
});

describe('timeline rows', () => {
  it('puts a date separator wherever the day changes, and the beginning when nothing is older', () => {
    const entries = [thread[0]!, thread[1]!, twoDaysLater(thread[2]!)];
    const kinds = (rows: TimelineRow[]) => rows.map((row) => row.kind);
    expect(kinds(timelineRows(entries, false).rows)).to.deep.equal([
      'beginning',
      'date',
      'event',
      'message',
      'date',
      'message',
    ]);
    expect(kinds(timelineRows(entries, true).rows)).to.deep.equal([
      'date',
      'event',
      'message',
      'date',
      'message',
    ]);
  });

  it('puts a separator exactly where the local date changes, however each instant is written', () => {
    const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
    // The same instant as a local time with its offset, without milliseconds.
    const withOffset = (iso: string) => {
      const d = new Date(iso);
      const offset = -d.getTimezoneOffset();
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
    };
    const separatorsBefore = (entries: TimelineEntry[]) =>
      timelineRows(entries, true)
        .rows.map((row, i, rows) => (row.kind === 'date' && rows[i + 1] ? keys([rows[i + 1]!])[0] : null))
        .filter((key) => key !== null);
    const localDate = (entry: TimelineEntry) => new Date(entry.createdAt).toDateString();
    const expected = thread
      .filter((entry, i) => i === 0 || localDate(entry) !== localDate(thread[i - 1]!))
      .map((entry) => entryKey(entry));
    expect(expected.length, 'the thread spans several days').to.be.greaterThan(3);
    const offsets = thread.map((entry) => ({ ...entry, createdAt: withOffset(entry.createdAt) }));
    const mixed = thread.map((entry, i) => (i % 2 ? offsets[i]! : entry));
    for (const entries of [thread, offsets, mixed]) expect(separatorsBefore(entries)).to.deep.equal(expected);
  });

  it('builds from the last rows what it builds from nothing, keeping the rows that did not change', () => {
    const base = thread.slice(50, 150);
    const changes: [string, TimelineEntry[]][] = [
      ['one appended', thread.slice(50, 151)],
      ['a new day appended', [...base, twoDaysLater(thread[150]!)]],
      ['the newest replaced', [...base.slice(0, -1), { ...base.at(-1)! }]],
      ['one in the middle replaced', base.map((entry, i) => (i === 40 ? { ...entry } : entry))],
      ['one removed', base.filter((_, i) => i !== 40)],
      ['older history prepended', thread.slice(0, 150)],
    ];
    const previous = timelineRows(base, true);
    for (const [change, entries] of changes) {
      const built = timelineRows(entries, true, previous).rows;
      expect(keys(built), change).to.deep.equal(keys(timelineRows(entries, true).rows));
      // The entries themselves, not stale copies.
      expect(built.filter(isEntry), change).to.have.ordered.members(entries);
    }
    // An append keeps every earlier row, separators included.
    const appended = timelineRows(thread.slice(50, 151), true, previous).rows;
    expect(appended.slice(0, previous.rows.length)).to.have.ordered.members(previous.rows);
  });

  it('adds or drops the beginning when whether older history is left changes', () => {
    const entries = thread.slice(0, 10);
    expect(timelineRows(entries, false, timelineRows(entries, true)).rows[0]!.kind).to.equal('beginning');
    expect(timelineRows(entries, true, timelineRows(entries, false)).rows[0]!.kind).to.equal('date');
  });
});
