/**
 * ARM's request limits as Microsoft documents them today: "Understand how Azure Resource Manager throttles
 * requests" (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling,
 * section "Regional throttling and token bucket algorithm", ms.date 2025-05-28). Since 2024 ARM throttles per
 * region with token buckets:
 *
 *   | scope        | operations | bucket size | refill per second |
 *   | subscription | reads      | 250         | 25                |
 *   | subscription | deletes    | 200         | 10                |
 *   | subscription | writes     | 200         | 10                |
 *   | tenant       | reads      | 250         | 25                |
 *   | tenant       | deletes    | 200         | 10                |
 *   | tenant       | writes     | 200         | 10                |
 *
 * "The subscription limits apply per subscription, per service principal, and per operation type. There are
 * also global subscription limits that are equivalent to 15 times the individual service principal limits for
 * each operation type. The global limits apply across all service principals." Subscription requests are the
 * ones whose path carries a subscription id; tenant requests are the rest (GET /subscriptions, /tenants,
 * /providers). The emulator is one region, so one set of buckets.
 *
 * Every request takes one token from each bucket it counts against (subscription: the caller's bucket and the
 * global one; tenant: the caller's tenant bucket). Real ARM reports what is left in
 * `x-ms-ratelimit-remaining-subscription-{reads|writes|deletes}` (e.g. 249 after one read) and
 * `x-ms-ratelimit-remaining-subscription-global-{reads|writes|deletes}` (3749; recorded in responses from
 * 2024 on), and `x-ms-ratelimit-remaining-tenant-{reads|writes}` on tenant requests (the page's header table).
 */
import type { RequestKind } from './faults';

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}

export type KindLimits = Record<RequestKind, BucketLimit>;

export interface ThrottleLimits {
  /** Per subscription and principal. */
  subscription: KindLimits;
  /** Per tenant and principal. */
  tenant: KindLimits;
  /** The global subscription buckets (every principal together) are this many times the per-principal ones. */
  globalMultiplier: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  subscription: {
    reads: { capacity: 250, refillPerSecond: 25 },
    writes: { capacity: 200, refillPerSecond: 10 },
    deletes: { capacity: 200, refillPerSecond: 10 },
  },
  tenant: {
    reads: { capacity: 250, refillPerSecond: 25 },
    writes: { capacity: 200, refillPerSecond: 10 },
    deletes: { capacity: 200, refillPerSecond: 10 },
  },
  globalMultiplier: 15,
};

/**
 * What the admin API accepts: a kind at the top level sets that kind in every scope (what the tests and
 * benchmarks that open or tighten the throttle mean); `subscription` / `tenant` set one scope only.
 */
export interface LimitsPatch extends Partial<KindLimits> {
  subscription?: Partial<KindLimits>;
  tenant?: Partial<KindLimits>;
  globalMultiplier?: number;
}

/** Which bucket ran dry, for the error ARM answers with. */
export type ThrottledScope = 'subscription' | 'global' | 'tenant';

export interface ThrottleDecision {
  allowed: boolean;
  /** The rate-limit headers of this answer, whether it is allowed or not. */
  headers: Record<string, string>;
  /** When refused: the bucket that was empty and how long until it holds a token again. */
  throttledBy?: ThrottledScope;
  retryAfterSeconds: number;
}

export interface ThrottledRequest {
  kind: RequestKind;
  /** The caller's object id (users) or the application's service principal object id. */
  principalId: string;
  tenantId: string;
  /** Set for subscription requests, absent for tenant requests. */
  subscriptionId?: string;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class Throttle {
  private buckets = new Map<string, Bucket>();

  constructor(public limits: ThrottleLimits = structuredClone(DEFAULT_LIMITS)) {}

  setLimits(patch: LimitsPatch): void {
    const { subscription, tenant, globalMultiplier, ...everyScope } = patch;
    this.limits = {
      subscription: { ...this.limits.subscription, ...everyScope, ...subscription },
      tenant: { ...this.limits.tenant, ...everyScope, ...tenant },
      globalMultiplier: globalMultiplier ?? this.limits.globalMultiplier,
    };
    this.buckets.clear();
  }

  /**
   * Takes one token from every bucket the request counts against, or none when one of them is empty (a refused
   * request is not processed, so it spends nothing).
   */
  take(request: ThrottledRequest, nowMs: number): ThrottleDecision {
    const { kind, principalId, tenantId, subscriptionId } = request;
    const buckets: { scope: ThrottledScope; key: string; limit: BucketLimit; header: string }[] = subscriptionId
      ? [
          { scope: 'subscription', key: `s|${subscriptionId}|${principalId}|${kind}`, limit: this.limits.subscription[kind], header: `x-ms-ratelimit-remaining-subscription-${kind}` },
          {
            scope: 'global',
            key: `g|${subscriptionId}|${kind}`,
            limit: scaled(this.limits.subscription[kind], this.limits.globalMultiplier),
            header: `x-ms-ratelimit-remaining-subscription-global-${kind}`,
          },
        ]
      : [{ scope: 'tenant', key: `t|${tenantId}|${principalId}|${kind}`, limit: this.limits.tenant[kind], header: `x-ms-ratelimit-remaining-tenant-${kind}` }];
    const filled = buckets.map((entry) => ({ ...entry, bucket: this.refilled(entry.key, entry.limit, nowMs) }));
    const empty = filled.find((entry) => entry.bucket.tokens < 1);
    if (empty) {
      const { limit, bucket } = empty;
      const wait = limit.refillPerSecond > 0 ? Math.ceil((1 - bucket.tokens) / limit.refillPerSecond) : 3600;
      return {
        allowed: false,
        headers: Object.fromEntries(filled.map((entry) => [entry.header, String(Math.max(0, Math.floor(entry.bucket.tokens)))])),
        throttledBy: empty.scope,
        retryAfterSeconds: Math.max(1, wait),
      };
    }
    for (const entry of filled) entry.bucket.tokens -= 1;
    return {
      allowed: true,
      headers: Object.fromEntries(filled.map((entry) => [entry.header, String(Math.floor(entry.bucket.tokens))])),
      retryAfterSeconds: 0,
    };
  }

  private refilled(key: string, limit: BucketLimit, nowMs: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: limit.capacity, updatedAt: nowMs };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * limit.refillPerSecond);
    bucket.updatedAt = nowMs;
    this.buckets.set(key, bucket);
    return bucket;
  }
}

const scaled = (limit: BucketLimit, factor: number): BucketLimit => ({ capacity: limit.capacity * factor, refillPerSecond: limit.refillPerSecond * factor });
