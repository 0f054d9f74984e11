/** Small statistics for benchmark samples. NaN samples (failed measurements) are ignored. */

const finite = (values: readonly number[]): number[] =>
  values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);

/** The middle value (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = finite(values);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100): the smallest value with at least p% of samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = finite(values);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const p95 = (values: readonly number[]): number => percentile(values, 95);

/** a / b, or NaN when it means nothing (0/0, missing values). 0 / 0 is reported as 1 by callers if wanted. */
export function ratio(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return NaN;
  return a / b;
}
