import { describe, expect, it } from 'vitest';
import type { DeletedResource } from './types';
import { filterResources, formatCountdown, reconcileHidden, type ResourceFilters } from './view';
import { deletedOpenAiAccount } from '@/test-support/deleted-resource';

const resource = deletedOpenAiAccount;

describe('filterResources', () => {
  const rows = [
    resource('alpha'),
    resource('beta', { kind: 'FormRecognizer', location: 'SOUTHCENTRALUS', resourceGroup: 'rg-docs' }),
    resource('gamma', { location: 'westus', subdomain: 'gamma-chat-endpoint' }),
    resource('kv-delta', { type: 'key-vaults', kind: '', kindDisplayName: '' }),
    resource('stepsilon', { type: 'storage-accounts', kind: '', kindDisplayName: '', location: 'westus' }),
  ];
  const none: ResourceFilters = { subscription: 'all', types: [], kinds: [], regions: [], search: '' };
  const names = (filtered: readonly DeletedResource[]) => filtered.map((row) => row.name);

  it('filters by kind, region (any case) and text over name, resource group and custom subdomain', () => {
    expect(names(filterResources(rows, { ...none, kinds: ['formrecognizer'] }))).toEqual(['beta']);
    expect(names(filterResources(rows, { ...none, regions: ['southcentralus'] }))).toEqual(['beta']);
    expect(names(filterResources(rows, { ...none, search: 'DOCS' }))).toEqual(['beta']);
    expect(names(filterResources(rows, { ...none, search: 'gam' }))).toEqual(['gamma']);
    expect(names(filterResources(rows, { ...none, search: 'CHAT-END' }))).toEqual(['gamma']);
    expect(filterResources(rows, none)).toHaveLength(5);
  });

  it('gives the same rows, not a copy, when nothing filters (the table keeps its order and memoised work)', () => {
    expect(filterResources(rows, none)).toBe(rows);
    expect(filterResources(rows, { ...none, search: '  ' })).toBe(rows);
  });

  it('filters by resource type, several at once, and combines the type with the other filters', () => {
    expect(names(filterResources(rows, { ...none, types: ['key-vaults'] }))).toEqual(['kv-delta']);
    expect(names(filterResources(rows, { ...none, types: ['key-vaults', 'storage-accounts'] }))).toEqual(['kv-delta', 'stepsilon']);
    expect(names(filterResources(rows, { ...none, types: ['storage-accounts', 'cognitive-accounts'], regions: ['westus'] }))).toEqual(['gamma', 'stepsilon']);
    expect(filterResources(rows, { ...none, types: ['no-such-type'] })).toEqual([]);
  });
});

describe('reconcileHidden', () => {
  const now = 1_000_000;

  it('keeps a succeeded row hidden while ARM still lists it', () => {
    const a = resource('alpha');
    const result = reconcileHidden([a, resource('beta')], new Map([[a.id.toLowerCase(), now + 1000]]), now);
    expect(result.visible.map((x) => x.name)).toEqual(['beta']);
    expect(result.hidden.size).toBe(1);
  });

  it('forgets the hidden entry once ARM no longer lists the row', () => {
    const result = reconcileHidden([resource('beta')], new Map([[resource('alpha').id.toLowerCase(), now + 1000]]), now);
    expect(result.hidden.size).toBe(0);
  });

  it('shows the row again when the window has passed and ARM still lists it', () => {
    const a = resource('alpha');
    const result = reconcileHidden([a], new Map([[a.id.toLowerCase(), now - 1]]), now);
    expect(result.visible).toEqual([a]);
  });
});

describe('scheduled purge countdown', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('warns under six hours', () => {
    expect(formatCountdown('2026-11-23T17:30:00Z', now)).toEqual({ text: 'in 5 h 30 min', warning: true, passed: false });
    expect(formatCountdown('2026-11-23T18:30:00Z', now).warning).toBe(false);
  });

  it('says how long ago the purge date passed (real ARM lists such entries for years)', () => {
    expect(formatCountdown('2026-11-23T11:00:00Z', now)).toMatchObject({ passed: true, warning: true });
    expect(formatCountdown('2026-11-20T10:00:00Z', now).text).toMatch(/^passed 3 d \d+ h ago$/);
  });
});
