import { describe, expect, it } from 'vitest';
import {
  listDeletedResourcesInput,
  locationSchema,
  MAX_BULK_BATCH,
  recreateResourceGroupInput,
  resourceGroupNameSchema,
  resourceGroupsBatchInput,
  subscriptionIdSchema,
} from './schemas';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const GROUP = { subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus' };

describe('subscription ids', () => {
  it('accepts a GUID in any case and lower-cases it', () => {
    expect(subscriptionIdSchema.parse(SUB.toUpperCase())).toBe(SUB);
  });

  it.each(['', 'not-a-guid', `${SUB}/../x`, `${SUB}%2f`, ` ${SUB}`, '4a5b6c7d8e9f4a0b9c1d2e3f4a5b6c7d'])('refuses %j', (value) => {
    expect(subscriptionIdSchema.safeParse(value).success).toBe(false);
  });
});

describe('resource group names', () => {
  it.each(['rg', 'rg-ai_1.(x)', 'a'.repeat(90), 'ressourcengruppe-ä'])('accepts %j', (value) => {
    expect(resourceGroupNameSchema.safeParse(value).success).toBe(true);
  });

  it.each(['', 'a'.repeat(91), 'ends.', 'a/b', '..', '../x', 'a%2fb', 'a?b=c', 'a b', 'a#b'])('refuses %j', (value) => {
    expect(resourceGroupNameSchema.safeParse(value).success).toBe(false);
  });
});

describe('locations', () => {
  it('accepts known regions in any case or spacing and normalizes them', () => {
    expect(locationSchema.parse('SOUTHCENTRALUS')).toBe('southcentralus');
    expect(locationSchema.parse('South Central US')).toBe('southcentralus');
  });

  it.each(['mars', 'eastus/../x', 'eastus?x=1', '', 'еastus' /* Cyrillic е */])('refuses %j', (value) => {
    expect(locationSchema.safeParse(value).success).toBe(false);
  });
});

describe('action inputs', () => {
  it('accept a well-formed call', () => {
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: SUB }).success).toBe(true);
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: [SUB, SUB.toUpperCase()] }).success).toBe(true);
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: 'all' }).success).toBe(false);
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: [] }).success).toBe(false);
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: Array.from({ length: 501 }, () => SUB) }).success).toBe(false);
    expect(recreateResourceGroupInput.safeParse({ token: TOKEN, subscriptionId: SUB, resourceGroup: 'rg', location: 'westus' }).success).toBe(
      true,
    );
    expect(resourceGroupsBatchInput.safeParse({ token: TOKEN, groups: [GROUP] }).success).toBe(true);
  });

  it('refuse unknown fields at every level', () => {
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: SUB, nextLink: 'https://evil' }).success).toBe(false);
    expect(recreateResourceGroupInput.safeParse({ token: TOKEN, ...GROUP, endpoint: 'https://evil' }).success).toBe(false);
    expect(resourceGroupsBatchInput.safeParse({ token: TOKEN, groups: [{ ...GROUP, tags: { owner: 'x' } }] }).success).toBe(false);
  });

  it('refuse an empty or oversized batch of resource groups', () => {
    expect(resourceGroupsBatchInput.safeParse({ token: TOKEN, groups: [] }).success).toBe(false);
    expect(resourceGroupsBatchInput.safeParse({ token: TOKEN, groups: Array.from({ length: MAX_BULK_BATCH + 1 }, () => GROUP) }).success).toBe(false);
  });

  it('refuse a missing or non-JWT token', () => {
    expect(recreateResourceGroupInput.safeParse(GROUP).success).toBe(false);
    expect(listDeletedResourcesInput.safeParse({ token: 'Bearer abc def', subscription: SUB }).success).toBe(false);
    expect(listDeletedResourcesInput.safeParse({ token: 'x'.repeat(20_000), subscription: SUB }).success).toBe(false);
  });

  it('refuse wrong types', () => {
    expect(listDeletedResourcesInput.safeParse({ token: TOKEN, subscription: 42 }).success).toBe(false);
    expect(recreateResourceGroupInput.safeParse(null).success).toBe(false);
    expect(recreateResourceGroupInput.safeParse('string').success).toBe(false);
  });
});
