import { describe, expect, it } from 'vitest';
import { buildRecoveryPlan, describePlan } from './recovery-plan';
import type { DeletedAccount, Prerequisite } from './types';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const group: Prerequisite = { kind: 'resource-group', key: `rg:${SUB}/rg-keys`, subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus' };
const vault: Prerequisite = {
  kind: 'key-vault',
  key: 'kv:kv-old',
  subscriptionId: SUB,
  resourceGroup: 'rg-keys',
  name: 'kv-old',
  location: 'eastus',
  recoverableUntil: null,
  purgeProtected: false,
  dependsOn: [group.key],
};
const storage: Prerequisite = {
  kind: 'storage-account',
  key: `st:${SUB}/stdata`,
  subscriptionId: SUB,
  resourceGroup: 'rg-keys',
  name: 'stdata',
  location: 'eastus',
  creationTime: '2026-01-01T00:00:00Z',
  restorableUntil: null,
  dependsOn: [group.key],
};

function account(name: string, prerequisites: Prerequisite[]): DeletedAccount {
  return {
    id: `/subscriptions/${SUB}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg/deletedAccounts/${name}`,
    name,
    kind: 'OpenAI',
    kindDisplayName: 'Azure OpenAI',
    location: 'eastus',
    locationDisplayName: 'East US',
    subscriptionId: SUB,
    resourceGroup: 'rg',
    deletedAt: null,
    scheduledPurgeAt: null,
    mayHoldProvisionedDeployments: false,
    status: { label: 'Key Vault deleted', tone: 'warning', recover: { allowed: true }, purge: { allowed: true } },
    prerequisites,
  };
}

describe('buildRecoveryPlan', () => {
  it('orders groups, then vaults, then storage, then accounts, and takes a shared step once', () => {
    const plan = buildRecoveryPlan([account('a', [storage, group, vault]), account('b', [vault, group]), account('c', [])]);
    expect(plan.steps.map((step) => step.key)).toEqual([
      group.key,
      vault.key,
      storage.key,
      expect.stringMatching(/deletedaccounts\/a$/),
      expect.stringMatching(/deletedaccounts\/b$/),
      expect.stringMatching(/deletedaccounts\/c$/),
    ]);
    expect(plan.steps[1]).toMatchObject({ title: 'Recover Key Vault kv-old', neededBy: ['a', 'b'], dependsOn: [group.key] });
    expect(plan.steps[0]?.title).toBe('Recreate resource group rg-keys (East US)');
    expect(plan.steps[3]?.dependsOn).toEqual([storage.key, group.key, vault.key]);
    expect(plan.steps[5]?.dependsOn).toEqual([]);
    expect(describePlan(plan)).toBe('3 steps before 3 accounts');
  });

  it('describes a plan without prerequisites by its accounts alone', () => {
    expect(describePlan(buildRecoveryPlan([account('a', [])]))).toBe('1 account');
    expect(describePlan(buildRecoveryPlan([account('a', [vault]), account('b', [vault])]))).toBe('1 step before 2 accounts');
  });
});
