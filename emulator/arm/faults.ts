/**
 * Fault injection and latency: the "honest adversary" side of the controllable world. Rules make a share of
 * matching requests fail the way ARM and networks fail (429 with Retry-After, 500, 502, 503, 504, 409
 * RequestConflict, 401 ExpiredAuthenticationToken with ARM's challenge, or a dropped connection), either before the request takes effect or after it did (the
 * client never hears that its purge succeeded — the case that proves retries are idempotent).
 */
import { withChallenge } from './auth';
import { ArmError, errors } from './errors';
import type { ArmResponse } from './pipeline';

export type FaultKind = 401 | 429 | 409 | 500 | 502 | 503 | 504 | 'drop';

export interface FaultRuleSpec {
  status: FaultKind;
  /** Share of matching requests that fail, 0..1. */
  fraction: number;
  /** HTTP method to match (case-insensitive), or any. */
  method?: string;
  /** Regular expression tested against the request path (case-insensitive). */
  path?: string;
  /** Stop after this many injected faults. */
  count?: number;
  /** 'before': the request has no effect; 'after': it takes effect, then the answer is lost. */
  phase: 'before' | 'after';
  retryAfterSeconds: number;
  /** Seed for a reproducible sequence of hits and misses. */
  seed?: number;
  /**
   * ARM's error code to answer with instead of the status's usual one (409 defaults to RequestConflict), e.g.
   * a 409 `FlagMustBeSetForRestore` to show that a permanent conflict is not retried like a transient one.
   */
  code?: string;
}

export interface FaultRule extends FaultRuleSpec {
  id: string;
  injected: number;
}

/** mulberry32: a tiny deterministic PRNG so a seeded rule fails the same requests on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LatencySettings {
  ms: number;
  reads?: number;
  writes?: number;
  deletes?: number;
}

export type RequestKind = 'reads' | 'writes' | 'deletes';

export function requestKind(method: string): RequestKind {
  if (method === 'GET' || method === 'HEAD') return 'reads';
  if (method === 'DELETE') return 'deletes';
  return 'writes';
}

export class FaultInjector {
  private rules: { rule: FaultRule; regex?: RegExp; random: () => number }[] = [];
  private nextId = 1;
  latency: LatencySettings = { ms: 0 };

  add(spec: FaultRuleSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: String(this.nextId++), injected: 0 };
    this.rules.push({
      rule,
      regex: spec.path ? new RegExp(spec.path, 'i') : undefined,
      random: spec.seed === undefined ? Math.random : seededRandom(spec.seed),
    });
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that matches and fires for this request (counting it), if any. */
  pick(method: string, path: string): FaultRule | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.count !== undefined && rule.injected >= rule.count) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (entry.regex && !entry.regex.test(path)) continue;
      if (entry.random() >= rule.fraction) continue;
      rule.injected++;
      return { ...rule };
    }
    return undefined;
  }

  delayFor(method: string): number {
    const kind = requestKind(method);
    return this.latency[kind] ?? this.latency.ms;
  }
}

/** `authority` goes into a 401's WWW-Authenticate challenge, as in the emulator's own token checks. */
export function faultResponse(rule: FaultRule, path: string, correlationId: string, authority: string): ArmResponse {
  if (rule.status === 'drop') return { status: 0, drop: true };
  const error: ArmError = (() => {
    switch (rule.status) {
      case 401: {
        // A token that ran out a moment ago: what ARM answers when a long bulk action outlives its token.
        const now = new Date();
        return withChallenge(errors.expiredToken(new Date(now.getTime() - 1000), now), authority, 'The access token has expired.');
      }
      case 429:
        return errors.tooManyRequests(rule.retryAfterSeconds);
      case 409:
        return errors.requestConflict(path);
      case 500:
        return errors.internalServerError(correlationId);
      case 502:
        return new ArmError(502, 'BadGateway', 'The gateway did not receive a response from the resource provider in time. Please retry.');
      case 503:
        return errors.serviceUnavailable(rule.retryAfterSeconds);
      case 504:
        return new ArmError(504, 'GatewayTimeout', "The gateway did not receive a response from 'Microsoft.CognitiveServices' within the specified time period.");
    }
  })();
  const answer = rule.code && rule.code !== error.code ? new ArmError(error.status, rule.code, `Injected fault: ${rule.code}.`, error.headers) : error;
  return { status: answer.status, headers: answer.headers, body: answer.toBody() };
}
