/** Old → new for every metric two result files share: `npm run bench -- --compare old.json [new.json]`. */
import { readFile } from 'node:fs/promises';
import type { MetricSummary } from './report.js';

export interface ResultFile {
  suite: string;
  title: string;
  date: string;
  runs: number;
  params: Record<string, string>;
  summary: Record<string, MetricSummary>;
}

export async function readResult(path: string): Promise<ResultFile> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as ResultFile;
  if (!parsed.summary || !parsed.suite)
    throw new Error(`${path} is not a bench result (no suite or summary)`);
  return parsed;
}

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const ratioText = (ratio: number | null) => (ratio === null ? '—' : `${fmt(ratio, 2)}×`);

/** How much a figure moved: the factor new / old, and the difference. */
function change(before: number, after: number): string {
  if (!Number.isFinite(before) || !Number.isFinite(after)) return '';
  const diff = after - before;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const factor = before !== 0 ? ` (${fmt(after / before, 2)}×)` : '';
  return `${sign}${fmt(Math.abs(diff), Math.abs(diff) < 10 ? 2 : 0)}${factor}`;
}

/** The subject's medians and ratios to the baseline, old → new, for every metric of the old file. */
export function compareTable(before: ResultFile, after: ResultFile): string {
  const header = ['metric', 'old', 'new', 'change', 'ratio old → new', 'target'];
  const rows = Object.entries(before.summary).flatMap(([key, old]) => {
    const now = after.summary[key];
    if (!now) return [];
    const digits = Math.abs(old.subject) < 10 ? 3 : 1;
    const mark = now.pass === null ? '' : now.pass ? 'pass' : 'FAIL';
    return [
      [
        old.label,
        fmt(old.subject, digits),
        fmt(now.subject, digits),
        change(old.subject, now.subject),
        `${ratioText(old.ratio)} → ${ratioText(now.ratio)}`,
        `${now.target ?? ''} ${mark}`.trim(),
      ],
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  const heading =
    `${after.title}: ${before.date.slice(0, 16)} (${before.runs} runs) → ${after.date.slice(0, 16)} (${after.runs} runs); ` +
    'ratio = subject / baseline in the same run';
  return [heading, line(header), ...rows.map(line)].join('\n');
}
