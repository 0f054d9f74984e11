import type { BenchBackend } from './backends.js';

export interface ScenarioContext {
  backend: BenchBackend;
  runs: number;
  params: Record<string, string>;
  log(line: string): void;
}

/** One row of a scenario's table: a label and its figures (medians), printed in column order. */
export interface ResultRow {
  label: string;
  figures: Record<string, number | string>;
}

/** One benchmark scenario; each lives in its own file under bench/server/scenarios/. */
export interface Scenario {
  name: string;
  description: string;
  run(ctx: ScenarioContext): Promise<ResultRow[]>;
}
