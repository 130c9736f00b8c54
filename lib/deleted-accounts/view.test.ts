import { describe, expect, it } from 'vitest';
import type { DeletedAccount } from './types';
import { compareAccounts, filterAccounts, formatCountdown, reconcileHidden, sortAccounts } from './view';

function account(name: string, overrides: Partial<DeletedAccount> = {}): DeletedAccount {
  return {
    id: `/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg/deletedAccounts/${name}`,
    name,
    kind: 'OpenAI',
    kindDisplayName: 'Azure OpenAI',
    location: 'eastus',
    locationDisplayName: 'East US',
    subscriptionId: 's',
    resourceGroup: 'rg',
    deletedAt: '2026-11-23T10:00:00Z',
    scheduledPurgeAt: '2026-11-25T10:00:00Z',
    mayHoldProvisionedDeployments: true,
    status: { label: 'Recoverable', tone: 'success', recover: { allowed: true }, purge: { allowed: true } },
    prerequisites: [],
    ...overrides,
  };
}

describe('filterAccounts', () => {
  const accounts = [
    account('alpha'),
    account('beta', { kind: 'FormRecognizer', location: 'SOUTHCENTRALUS', resourceGroup: 'rg-docs' }),
    account('gamma', { location: 'westus' }),
  ];
  const none = { subscription: 'all', kinds: [], regions: [], search: '' };

  it('filters by kind, region (any case) and text over name and resource group', () => {
    expect(filterAccounts(accounts, { ...none, kinds: ['formrecognizer'] }).map((a) => a.name)).toEqual(['beta']);
    expect(filterAccounts(accounts, { ...none, regions: ['southcentralus'] }).map((a) => a.name)).toEqual(['beta']);
    expect(filterAccounts(accounts, { ...none, search: 'DOCS' }).map((a) => a.name)).toEqual(['beta']);
    expect(filterAccounts(accounts, { ...none, search: 'gam' }).map((a) => a.name)).toEqual(['gamma']);
    expect(filterAccounts(accounts, none)).toHaveLength(3);
  });
});

describe('reconcileHidden', () => {
  const now = 1_000_000;

  it('keeps a succeeded account hidden while ARM still lists it', () => {
    const a = account('alpha');
    const result = reconcileHidden([a, account('beta')], new Map([[a.id.toLowerCase(), now + 1000]]), now);
    expect(result.visible.map((x) => x.name)).toEqual(['beta']);
    expect(result.hidden.size).toBe(1);
  });

  it('forgets the hidden entry once ARM no longer lists the account', () => {
    const result = reconcileHidden([account('beta')], new Map([[account('alpha').id.toLowerCase(), now + 1000]]), now);
    expect(result.hidden.size).toBe(0);
  });

  it('shows the account again when the window has passed and ARM still lists it', () => {
    const a = account('alpha');
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

  it('says due now once passed', () => {
    expect(formatCountdown('2026-11-23T11:00:00Z', now)).toMatchObject({ passed: true, warning: true });
  });

  it('sorts by scheduled purge with unknown dates last', () => {
    const compare = compareAccounts('scheduledPurge', (id) => id);
    const sorted = [
      account('late', { scheduledPurgeAt: '2026-11-25T00:00:00Z' }),
      account('unknown', { scheduledPurgeAt: null }),
      account('soon', { scheduledPurgeAt: '2026-11-23T13:00:00Z' }),
    ].sort(compare);
    expect(sorted.map((a) => a.name)).toEqual(['soon', 'late', 'unknown']);
  });
});

describe('sortAccounts', () => {
  const accounts = [
    account('delta', { scheduledPurgeAt: '2026-11-24T00:00:00Z', resourceGroup: 'rg-10' }),
    account('alpha', { scheduledPurgeAt: null, resourceGroup: 'RG-9' }),
    account('charlie', { scheduledPurgeAt: '2026-11-24T00:00:00Z', resourceGroup: 'rg-2' }),
    account('bravo', { scheduledPurgeAt: '2026-11-23T13:00:00Z', resourceGroup: 'rg-2' }),
  ];
  const names = (sorted: DeletedAccount[]) => sorted.map((a) => a.name);

  it('orders by time with unknown last, equal times by name, and reverses the whole order when descending', () => {
    expect(names(sortAccounts(accounts, 'scheduledPurge', 'ascending', (id) => id))).toEqual(['bravo', 'charlie', 'delta', 'alpha']);
    expect(names(sortAccounts(accounts, 'scheduledPurge', 'descending', (id) => id))).toEqual(['alpha', 'delta', 'charlie', 'bravo']);
  });

  it('orders text without regard to case and with numbers by value', () => {
    expect(names(sortAccounts(accounts, 'resourceGroup', 'ascending', (id) => id))).toEqual(['bravo', 'charlie', 'alpha', 'delta']);
  });

  it('leaves the list it was given as it was', () => {
    const before = names(accounts);
    sortAccounts(accounts, 'name', 'descending', (id) => id);
    expect(names(accounts)).toEqual(before);
  });
});
