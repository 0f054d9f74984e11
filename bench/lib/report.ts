/** Turns per-run samples into medians, ratios and pass/fail, and prints the table. */
import type { Metric, Suite } from '../suites/suite.js';
import { median, ratio } from './stats.js';

export type Samples = Record<string, Record<string, number>[]>;

export interface MetricSummary {
  label: string;
  subject: number;
  baseline: number;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
}

export function summarize(suite: Suite, samples: Samples): Record<string, MetricSummary> {
  const med = (variant: string, key: string) => median((samples[variant] ?? []).map((s) => s[key] ?? NaN));
  const out: Record<string, MetricSummary> = {};
  for (const m of suite.metrics) {
    const subject = med(suite.subject, m.key);
    const baseline = med(suite.baseline, m.key);
    // 0 against 0 (say, long tasks) is "the same", not undefined.
    const r =
      subject === 0 && baseline === 0 ? 1 : subject < 0 || baseline < 0 ? NaN : ratio(subject, baseline);
    out[m.key] = {
      label: m.label,
      subject,
      baseline,
      ratio: Number.isFinite(r) ? r : null,
      target: m.target?.text ?? null,
      pass: m.target && Number.isFinite(subject) ? subject <= m.target.max : null,
    };
  }
  return out;
}

const fmt = (value: number, digits: number) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—';

export function table(suite: Suite, summary: Record<string, MetricSummary>, heading: string): string {
  const header = ['metric', suite.subject, suite.baseline, 'ratio', 'target', ''];
  const rows = suite.metrics.map((m: Metric) => {
    const s = summary[m.key]!;
    const mark = s.pass === null ? '' : s.pass ? 'pass' : 'FAIL';
    return [
      m.label,
      fmt(s.subject, m.digits),
      fmt(s.baseline, m.digits),
      s.ratio === null ? '—' : `${fmt(s.ratio, 2)}×`,
      s.target ?? '',
      mark,
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  return [heading, line(header), ...rows.map(line)].join('\n');
}
