import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

export interface RateLimitOptions {
  /** Requests per second a user may keep up (the refill rate). */
  perSecond: number;
  /** Requests a user may make at once after being idle (the bucket's size). */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per user, in this process's memory: behind a load balancer each process counts
 * on its own, so the effective limit is per process (good enough to stop one runaway client
 * from starving everyone else; a shared limit would belong in the balancer or in Redis).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token; 0 when allowed, else the seconds until one is back. */
  take(key: string): number {
    const { perSecond, burst } = this.options;
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
  }

  /** A full bucket is the same as none: drop them so the map stays the size of the busy users. */
  private forgetFull(now: number): void {
    const { perSecond, burst } = this.options;
    for (const [key, b] of this.buckets)
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
  }
}

/** After bearerAuth: one token per API request of the signed-in user, else 429 with Retry-After. */
export function rateLimit(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer || c.req.method === 'OPTIONS') return next();
    const wait = limiter.take(viewer.id);
    if (wait === 0) return next();
    return problemResponse(
      429,
      'rate-limited',
      `Too many requests from your account in a short time. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
      {},
      { 'retry-after': String(wait) },
    );
  };
}
