import { describe, expect, it } from 'vitest';
import { resourceActionInput, resourcesBatchInput } from './action-inputs';
import { MAX_BULK_BATCH } from './schemas';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const ACCOUNT = { type: 'cognitive-accounts', subscriptionId: SUB, resourceGroup: 'rg-ai', location: 'eastus', name: 'contoso-openai' };
const STORAGE = { type: 'storage-accounts', subscriptionId: SUB, resourceGroup: 'rg-data', location: 'eastus', name: 'stcontoso', creationTime: '2026-01-01T00:00:00Z' };

describe('resource action inputs', () => {
  it('accept a well-formed call, of one type or several', () => {
    expect(resourceActionInput.safeParse({ token: TOKEN, resource: ACCOUNT }).success).toBe(true);
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: [ACCOUNT, STORAGE] }).success).toBe(true);
  });

  it('normalize what ARM compares loosely: subscription case and region spelling', () => {
    const parsed = resourceActionInput.parse({ token: TOKEN, resource: { ...ACCOUNT, subscriptionId: SUB.toUpperCase(), location: 'East US' } });
    expect(parsed.resource).toEqual(ACCOUNT);
  });

  it('refuse unknown fields at every level', () => {
    expect(resourceActionInput.safeParse({ token: TOKEN, resource: ACCOUNT, endpoint: 'https://evil' }).success).toBe(false);
    expect(resourceActionInput.safeParse({ token: TOKEN, resource: { ...ACCOUNT, nextLink: 'https://evil' } }).success).toBe(false);
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: [ACCOUNT, { ...STORAGE, nextLink: 'https://evil' }] }).success).toBe(false);
  });

  it('refuse prototype-pollution keys', () => {
    const input = JSON.parse(`{"token":"${TOKEN}","resource":${JSON.stringify(ACCOUNT)},"__proto__":{"admin":true}}`);
    expect(resourceActionInput.safeParse(input).success).toBe(false);
    const nested = JSON.parse(`{"token":"${TOKEN}","resources":[${JSON.stringify(ACCOUNT).slice(0, -1)},"__proto__":{"admin":true}}]}`);
    expect(resourcesBatchInput.safeParse(nested).success).toBe(false);
  });

  it('refuse a missing or non-JWT token', () => {
    expect(resourceActionInput.safeParse({ resource: ACCOUNT }).success).toBe(false);
    expect(resourceActionInput.safeParse({ token: 'Bearer abc def', resource: ACCOUNT }).success).toBe(false);
    expect(resourceActionInput.safeParse({ token: 'x'.repeat(20_000), resource: ACCOUNT }).success).toBe(false);
  });

  it('refuse wrong types', () => {
    expect(resourceActionInput.safeParse(null).success).toBe(false);
    expect(resourceActionInput.safeParse('string').success).toBe(false);
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: ACCOUNT }).success).toBe(false);
  });

  it('refuse an empty or oversized batch', () => {
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: [] }).success).toBe(false);
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: Array.from({ length: MAX_BULK_BATCH }, () => ACCOUNT) }).success).toBe(true);
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: Array.from({ length: MAX_BULK_BATCH + 1 }, () => ACCOUNT) }).success).toBe(false);
  });

  it("refuse a batch when one resource breaks its own type's rules", () => {
    expect(resourcesBatchInput.safeParse({ token: TOKEN, resources: [ACCOUNT, { ...STORAGE, name: 'StContoso' }] }).success).toBe(false);
  });
});
