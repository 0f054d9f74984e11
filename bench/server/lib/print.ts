import type { ResultRow } from './scenario.js';

const cell = (v: number | string | undefined): string =>
  v === undefined
    ? '—'
    : typeof v === 'string'
      ? v
      : Number.isFinite(v)
        ? v.toLocaleString('en', { maximumFractionDigits: v < 10 ? 2 : v < 100 ? 1 : 0 })
        : '—';

/** A plain aligned table: one line per row, one column per figure (in first-seen order). */
export function printTable(title: string, rows: readonly ResultRow[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.figures)))];
  const grid = [['', ...columns], ...rows.map((r) => [r.label, ...columns.map((c) => cell(r.figures[c]))])];
  const widths = grid[0]!.map((_, i) => Math.max(...grid.map((line) => line[i]!.length)));
  const lines = grid.map((line) =>
    line.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  '),
  );
  return [`\n${title}`, ...lines].join('\n');
}
