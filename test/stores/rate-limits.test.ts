import { expect } from '@open-wc/testing';
import { InboxApiError } from '../../src/api/index.js';
import { backoffDelay } from '../../src/api/events-stream.js';
import { retryAfterMs } from '../../src/api/retry-after.js';
import { retryWait } from '../../src/stores/outbox-retry.js';
import { createRateLimits } from '../../src/stores/rate-limits.js';
import { manualTimers } from './backend.js';

const NOW = Date.UTC(2025, 0, 1, 12);

function answered(status: number, retryAfter?: string): InboxApiError {
  const headers = new Headers({ 'Content-Type': 'application/problem+json' });
  if (retryAfter !== undefined) headers.set('Retry-After', retryAfter);
  const body = { type: 'about:blank', title: 'Too Many Requests', status, detail: 'Slow down.' };
  return InboxApiError.fromResponse(new Response(null, { status, headers }), body);
}

describe('Retry-After and backoff', () => {
  it('reads Retry-After as seconds or an HTTP date, only on 429 and 503', () => {
    expect(retryAfterMs(answered(429, '12'), NOW)).to.equal(12_000);
    expect(retryAfterMs(answered(503, new Date(NOW + 30_000).toUTCString()), NOW)).to.equal(30_000);
    expect(retryAfterMs(answered(429, new Date(NOW - 5_000).toUTCString()), NOW)).to.equal(0);
    expect(retryAfterMs(answered(429, 'soon'), NOW)).to.equal(null);
    expect(retryAfterMs(answered(500, '12'), NOW)).to.equal(null);
    expect(retryAfterMs(answered(429), NOW)).to.equal(null);
  });

  it("waits the server's time when it gives one, else full jitter under a doubling ceiling", () => {
    expect(retryWait(answered(429, '7'), 5, NOW)).to.deep.equal({ ms: 7000, told: true, rateLimited: true });
    const low = { baseMs: 1000, capMs: 30_000, random: () => 0 };
    const high = { ...low, random: () => 0.999_999 };
    expect(retryWait(answered(503), 2, NOW, low)).to.deep.equal({ ms: 0, told: false, rateLimited: false });
    // Full jitter: anywhere in [0, min(cap, base·2^attempt)).
    expect(backoffDelay(0, high)).to.be.within(999, 1000);
    expect(backoffDelay(3, high)).to.be.within(7999, 8000);
    expect(backoffDelay(20, high)).to.be.within(29_999, 30_000);
    expect(backoffDelay(3, { ...low, random: () => 0.5 })).to.equal(4000);
  });
});

describe('rate limits', () => {
  it('counts down each second, ends by itself and runs what retries', () => {
    const timers = manualTimers();
    const clock = { now: NOW };
    const limits = createRateLimits(timers, () => clock.now);
    const $list = limits.$limit('list');
    let ended = 0;
    limits.hold('list', NOW + 12_000, () => ended++);
    expect($list.get()).to.deep.equal({ until: NOW + 12_000, secondsLeft: 12 });
    clock.now += 1_000;
    timers.flush();
    expect($list.get()?.secondsLeft).to.equal(11);
    clock.now += 10_500;
    timers.flush();
    expect($list.get()?.secondsLeft).to.equal(1);
    expect(ended).to.equal(0);
    clock.now += 500;
    timers.flush();
    expect($list.get()).to.equal(null);
    expect(ended).to.equal(1);
    expect(timers.pending).to.equal(0); // No timer runs without a limit.
  });

  it('ends early without retrying when released, and keeps scopes apart', () => {
    const timers = manualTimers();
    const limits = createRateLimits(timers, () => NOW);
    let ended = 0;
    limits.hold('send:c1', NOW + 5_000, () => ended++);
    limits.hold('send:c2', NOW + 9_000);
    limits.release('send:c1');
    expect(limits.$limit('send:c1').get()).to.equal(null);
    expect(limits.$limit('send:c2').get()?.secondsLeft).to.equal(9);
    expect(ended).to.equal(0);
    limits.dispose();
  });
});
