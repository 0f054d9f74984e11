import type { Page } from 'playwright-core';

/** A pass/fail line beside a figure: the median of the subject variant must satisfy it. */
export interface Target {
  max: number;
  /** As printed, e.g. "≤ 100 ms". */
  text: string;
}

export interface Metric {
  key: string;
  label: string;
  digits: number;
  target?: Target;
  /** Informational rows are printed but carry no target. */
}

export interface SuiteOptions {
  runs: number;
  /** Free-form knobs from the command line (--count=10000 becomes { count: '10000' }). */
  params: Record<string, string>;
}

/**
 * One benchmark: a page bundle (built by run.ts) and a way to measure one variant on a fresh page.
 * The subject is compared with the baseline, both measured in the same run from the same data.
 */
export interface Suite {
  name: string;
  /** Page entry (TypeScript), bundled by esbuild and loaded from `/<name>.html`. */
  entry: string;
  subject: string;
  baseline: string;
  metrics: Metric[];
  /** What `--scales` compares across list sizes (default: the metrics with a target). */
  scaleMetrics?: string[];
  /** The table's title line, e.g. "conversation list, 10,000 rows". */
  title(options: SuiteOptions): string;
  /** Measures one variant once; `page` is fresh and already at the suite's page. */
  measure(page: Page, variant: string, options: SuiteOptions): Promise<Record<string, number>>;
}
