import autocannon from 'autocannon';
import { percentile } from '../../lib/stats.js';

export interface LoadResult {
  p50: number;
  p95: number;
  /** Requests per second over the run. */
  rps: number;
  /** Answers other than 2xx (a failed measurement, not a slow one). */
  errors: number;
}

/**
 * `amount` requests to one URL from `connections` keep-alive connections (autocannon), with every
 * response time kept, so p95 is exact rather than autocannon's nearest bucket.
 */
export async function load(
  url: string,
  token: string,
  { amount = 200, connections = 4 }: { amount?: number; connections?: number } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, amount, connections, headers: { authorization: `Bearer ${token}` }, timeout: 30 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
      else errors++;
    });
  });
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    errors,
  };
}
