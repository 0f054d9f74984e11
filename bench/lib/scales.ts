/** One table across list sizes: does a figure at 100,000 stay near the one at 1,000? */
import type { Metric } from '../suites/suite.js';
import type { MetricSummary } from './report.js';

export interface ScaleResult {
  count: number;
  summary: Record<string, MetricSummary>;
}

const fmt = (value: number | null, digits: number) =>
  value === null || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Per size: the subject's median, the baseline's, their ratio, and the subject relative to the
 * smallest size (the growth a long list adds).
 */
export function scalesTable(
  results: readonly ScaleResult[],
  metrics: readonly Metric[],
  heading: string,
): string {
  const header = [
    'metric',
    'rows',
    'subject',
    'baseline',
    'ratio',
    `vs ${results[0]?.count.toLocaleString('en')}`,
  ];
  const rows = metrics.flatMap(({ key, digits }) =>
    results.map((result, i) => {
      const s = result.summary[key];
      const first = results[0]?.summary[key];
      const growth = s && first && first.subject > 0 ? s.subject / first.subject : null;
      return [
        i === 0 ? (s?.label ?? key) : '',
        result.count.toLocaleString('en'),
        fmt(s?.subject ?? null, digits),
        fmt(s?.baseline ?? null, digits),
        s?.ratio === null || s?.ratio === undefined ? '—' : `${fmt(s.ratio, 2)}×`,
        growth === null ? '—' : `${fmt(growth, 2)}×`,
      ];
    }),
  );
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  return [heading, line(header), ...rows.map(line)].join('\n');
}
