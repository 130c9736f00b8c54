/**
 * ARM's per-subscription request limits as token buckets (one each for reads, writes and deletes): every
 * request takes a token, tokens refill at a steady rate, an empty bucket answers 429 with Retry-After, and
 * the remaining count goes out in `x-ms-ratelimit-remaining-subscription-{reads|writes|deletes}`.
 */
import type { RequestKind } from './faults';

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}

export type ThrottleLimits = Record<RequestKind, BucketLimit>;

/** Generous defaults in the spirit of ARM's classic hourly limits (12000 reads, 1200 writes, 15000 deletes). */
export const DEFAULT_LIMITS: ThrottleLimits = {
  reads: { capacity: 12000, refillPerSecond: 12000 / 3600 },
  writes: { capacity: 1200, refillPerSecond: 1200 / 3600 },
  deletes: { capacity: 15000, refillPerSecond: 15000 / 3600 },
};

export interface ThrottleDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export class Throttle {
  private buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(public limits: ThrottleLimits = structuredClone(DEFAULT_LIMITS)) {}

  setLimits(limits: Partial<ThrottleLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.buckets.clear();
  }

  /** Takes one token from the bucket of `scope` (a subscription id or the tenant) for this kind of request. */
  take(scope: string, kind: RequestKind, nowMs: number): ThrottleDecision {
    const limit = this.limits[kind];
    const key = `${scope}|${kind}`;
    const bucket = this.buckets.get(key) ?? { tokens: limit.capacity, updatedAt: nowMs };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * limit.refillPerSecond);
    bucket.updatedAt = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = limit.refillPerSecond > 0 ? Math.ceil((1 - bucket.tokens) / limit.refillPerSecond) : 3600;
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, wait) };
    }
    bucket.tokens -= 1;
    return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
  }
}
