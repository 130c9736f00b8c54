import { expect, it } from 'vitest';
import { Throttle } from './throttle';

const SUB = '00000000-0000-4000-8000-000000000001';
const read = (principalId = 'ada') => ({ kind: 'reads' as const, principalId, tenantId: 'contoso', subscriptionId: SUB });

it('refills at its rate per second up to the bucket size, as the documented example describes', () => {
  const throttle = new Throttle();
  for (let i = 0; i < 250; i++) expect(throttle.take(read(), 0).allowed).toBe(true);
  const empty = throttle.take(read(), 0);
  expect(empty).toMatchObject({ allowed: false, throttledBy: 'subscription', retryAfterSeconds: 1 });
  // 25 tokens a second: one second later 25 more reads pass, the 26th does not.
  for (let i = 0; i < 25; i++) expect(throttle.take(read(), 1000).allowed).toBe(true);
  expect(throttle.take(read(), 1000).allowed).toBe(false);
  // Never more than the bucket holds, however long it rests.
  expect(throttle.take(read(), 3_600_000).headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('249');
});

it('spends nothing on a refused request', () => {
  const throttle = new Throttle();
  throttle.setLimits({ reads: { capacity: 1, refillPerSecond: 1 } });
  expect(throttle.take(read(), 0).allowed).toBe(true);
  for (let i = 0; i < 5; i++) expect(throttle.take(read(), 0).allowed).toBe(false);
  expect(throttle.take(read(), 1000).allowed).toBe(true);
});

it('sets a kind in every scope when given at the top level, one scope when given under it', () => {
  const throttle = new Throttle();
  throttle.setLimits({ writes: { capacity: 5, refillPerSecond: 1 }, tenant: { reads: { capacity: 7, refillPerSecond: 2 } } });
  expect(throttle.limits.subscription.writes).toEqual({ capacity: 5, refillPerSecond: 1 });
  expect(throttle.limits.tenant.writes).toEqual({ capacity: 5, refillPerSecond: 1 });
  expect(throttle.limits.tenant.reads).toEqual({ capacity: 7, refillPerSecond: 2 });
  expect(throttle.limits.subscription.reads).toEqual({ capacity: 250, refillPerSecond: 25 });
});
