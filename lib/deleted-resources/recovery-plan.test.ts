import { describe, expect, it } from 'vitest';
import { cognitiveAccounts } from '@/lib/resource-types/cognitive-accounts';
import { keyVaultDependency, storageDependency } from '@/lib/resource-types/cognitive-accounts/dependencies';
import { keyVaults } from '@/lib/resource-types/key-vaults';
import { storageAccounts } from '@/lib/resource-types/storage-accounts';
import { resourceGroupKey, resourceKey } from './prerequisite-key';
import { buildRecoveryPlan, describePlan, needsOrder, rowNoun } from './recovery-plan';
import type { RestoreFacts } from './status';
import type { DeletedResource, Prerequisite } from './types';
import { deletedResource } from '@/test-support/deleted-resource';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const group: Prerequisite = { kind: 'resource-group', key: resourceGroupKey(SUB, 'rg-keys'), subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus' };
const restore: RestoreFacts = {
  subscriptionId: SUB,
  resourceGroup: 'rg-keys',
  location: 'eastus',
  until: null,
  resourceGroupExists: false,
  canRestore: true,
  canCreateResourceGroup: true,
};
// The steps an account's status makes for its deleted Key Vault and storage account (lib/resource-types/cognitive-accounts).
const vault = keyVaultDependency('kv-old', { state: 'deleted', restore: { ...restore, purgeProtected: false } }).deleted.step([group.key]);
const storage = storageDependency('stdata', { state: 'deleted', restore: { ...restore, creationTime: '2026-01-01T00:00:00Z' } }).deleted.step([group.key]);

function row(type: string, name: string, prerequisites: Prerequisite[], resourceGroup = 'rg'): DeletedResource {
  return deletedResource(type, name, { prerequisites, resourceGroup, subscriptionId: SUB });
}

const account = (name: string, prerequisites: Prerequisite[]) => row(cognitiveAccounts.id, name, prerequisites);
const accountKey = (name: string) => resourceKey({ type: cognitiveAccounts.id, subscriptionId: SUB, resourceGroup: 'rg', name });

describe('buildRecoveryPlan', () => {
  it('orders groups, then the vaults and storage the accounts need (one phase, as first named), then the accounts, and takes a shared step once', () => {
    const plan = buildRecoveryPlan([account('a', [storage, group, vault]), account('b', [vault, group]), account('c', [])]);
    expect(plan.steps.map((step) => step.key)).toEqual([group.key, storage.key, vault.key, accountKey('a'), accountKey('b'), accountKey('c')]);
    expect(plan.steps.map((step) => step.phase)).toEqual([0, 1, 1, 2, 2, 2]);
    expect(plan.steps[2]).toMatchObject({
      title: 'Recover Key Vault kv-old',
      neededBy: ['a', 'b'],
      dependsOn: [group.key],
      action: { kind: 'resource', ref: { type: keyVaults.id, name: 'kv-old', resourceGroup: 'rg-keys' } },
    });
    expect(plan.steps[2]?.row).toBeUndefined();
    expect(plan.steps[0]).toMatchObject({
      title: 'Recreate resource group rg-keys (East US)',
      neededBy: ['a', 'b'],
      action: { kind: 'resource-group', subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus' },
    });
    expect(plan.steps[1]?.action).toEqual({ kind: 'resource', ref: storage.ref });
    expect(plan.steps[3]?.dependsOn).toEqual([storage.key, group.key, vault.key]);
    expect(plan.steps[5]?.dependsOn).toEqual([]);
    expect(plan).toMatchObject({ prerequisiteCount: 3, rowCount: 3 });
    expect(describePlan(plan)).toBe('3 steps before 3 AI services accounts');
  });

  it('describes a plan without prerequisites by its rows alone', () => {
    expect(describePlan(buildRecoveryPlan([account('a', [])]))).toBe('1 AI services account');
    expect(describePlan(buildRecoveryPlan([account('a', [vault]), account('b', [vault])]))).toBe('1 step before 2 AI services accounts');
  });

  it('makes a selected deleted Key Vault that selected accounts need ONE step, with its row, ordered before the accounts', () => {
    const vaultRow = row(keyVaults.id, 'kv-old', [group], 'rg-keys');
    // The vault is selected after one account and before another: either way it is the same step.
    const plan = buildRecoveryPlan([account('a', [group, vault]), vaultRow, account('b', [group, vault])]);
    const vaultSteps = plan.steps.filter((step) => step.action.kind === 'resource' && step.action.ref.type === keyVaults.id);
    expect(vaultSteps).toHaveLength(1);
    const [step] = vaultSteps;
    expect(step).toMatchObject({ key: resourceKey(vault.ref), row: vaultRow, neededBy: ['a', 'b'], dependsOn: [group.key] });
    expect(plan.steps.map((entry) => entry.key)).toEqual([group.key, vault.key, accountKey('a'), accountKey('b')]);
    expect(plan).toMatchObject({ prerequisiteCount: 1, rowCount: 3 });
    expect(needsOrder(plan)).toBe(true);
    expect(describePlan(plan)).toBe('1 step before 3 resources');
  });

  it('keeps the selected vault step when the vault row comes first', () => {
    const vaultRow = row(keyVaults.id, 'kv-old', [], 'rg-keys');
    const plan = buildRecoveryPlan([vaultRow, account('a', [vault])]);
    expect(plan.steps).toHaveLength(2);
    expect(plan.steps[0]).toMatchObject({ key: vault.key, row: vaultRow, neededBy: ['a'] });
    expect(plan.steps[1]).toMatchObject({ key: accountKey('a'), dependsOn: [vault.key] });
  });
});

describe('needsOrder', () => {
  it('is false for independent rows of mixed types, which run all at once', () => {
    const plan = buildRecoveryPlan([account('a', []), row(keyVaults.id, 'kv-one', []), row(storageAccounts.id, 'stone', [])]);
    expect(needsOrder(plan)).toBe(false);
    expect(plan.prerequisiteCount).toBe(0);
  });

  it('is true as soon as one row needs a step first', () => {
    expect(needsOrder(buildRecoveryPlan([account('a', []), account('b', [vault])]))).toBe(true);
  });
});

describe('describePlan', () => {
  it("counts rows of one type by that type's name, and rows of mixed types as resources", () => {
    expect(describePlan(buildRecoveryPlan(['kv-a', 'kv-b', 'kv-c'].map((name) => row(keyVaults.id, name, []))))).toBe('3 Key Vaults');
    expect(describePlan(buildRecoveryPlan([row(keyVaults.id, 'kv-a', []), row(storageAccounts.id, 'sta', [])]))).toBe('2 resources');
  });

  it('names a type it does not know a resource', () => {
    expect(rowNoun([{ type: 'no-such-type' }])).toBe('resource');
    expect(rowNoun([{ type: storageAccounts.id }, { type: storageAccounts.id }])).toBe('Storage account');
  });
});
