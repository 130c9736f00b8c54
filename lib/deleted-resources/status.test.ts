import { describe, expect, it } from 'vitest';
import { keyVaultDependency, storageDependency, type StorageRestore, type VaultRestore } from '@/lib/resource-types/cognitive-accounts/dependencies';
import { assessDeletedResource, type Dependency, type RestoreFacts, type StatusFacts } from './status';

const NOW = new Date('2026-11-23T12:00:00Z');
const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';

function facts(overrides: Partial<StatusFacts> = {}): StatusFacts {
  return {
    now: NOW,
    scheduledPurgeAt: new Date('2026-11-25T10:00:00Z'),
    subscriptionId: SUB,
    resourceGroup: 'rg-ai',
    location: 'eastus',
    resourceGroupExists: true,
    dependencies: [],
    canRecover: true,
    canPurge: true,
    canCreateResourceGroup: true,
    ...overrides,
  };
}

const statusOf = (overrides: Partial<StatusFacts> = {}) => assessDeletedResource(facts(overrides)).status;

function restore(overrides: Partial<RestoreFacts> = {}): RestoreFacts {
  return {
    subscriptionId: SUB,
    resourceGroup: 'rg-keys',
    location: 'eastus',
    until: new Date('2027-02-01T10:00:00Z'),
    resourceGroupExists: true,
    canRestore: true,
    canCreateResourceGroup: true,
    ...overrides,
  };
}

const vaultRestore = (overrides: Partial<VaultRestore> = {}): VaultRestore => ({ ...restore(), purgeProtected: false, ...overrides });
const storageRestore = (overrides: Partial<StorageRestore> = {}): StorageRestore => ({ ...restore(), creationTime: '2026-01-01T00:00:00Z', ...overrides });

describe('assessDeletedResource', () => {
  it('says Recoverable when nothing blocks a recover', () => {
    const status = statusOf();
    expect(status).toMatchObject({ label: 'Recoverable', recover: { allowed: true }, purge: { allowed: true } });
    expect(status.detail).toBeUndefined();
  });

  it('plans to recreate a resource group that is gone, in the original location, and keeps Recover enabled', () => {
    const { status, prerequisites } = assessDeletedResource(facts({ resourceGroupExists: false }));
    expect(status.label).toBe('Resource group gone');
    expect(status.recover.allowed).toBe(true);
    expect(prerequisites).toEqual([{ kind: 'resource-group', key: `rg:${SUB}/rg-ai`, subscriptionId: SUB, resourceGroup: 'rg-ai', location: 'eastus' }]);
    expect(status.fix).toEqual({
      kind: 'recreate-resource-group',
      subscriptionId: SUB,
      resourceGroup: 'rg-ai',
      location: 'eastus',
    });
  });

  it('offers no recreate fix to someone who cannot create resource groups, and says so', () => {
    const { status, prerequisites } = assessDeletedResource(facts({ resourceGroupExists: false, canCreateResourceGroup: false }));
    expect(status.fix).toBeUndefined();
    expect(status.recover.allowed).toBe(false);
    expect(status.detail).toMatch(/can't create resource groups/);
    expect(prerequisites).toEqual([]);
  });

  it('says a purged Key Vault makes the account unrecoverable with its key', () => {
    const status = statusOf({ dependencies: [keyVaultDependency('contoso-keys', { state: 'gone' })] });
    expect(status.label).toBe('Key Vault purged');
    expect(status.tone).toBe('danger');
    expect(status.recover).toEqual({ allowed: false, reason: "Key Vault 'contoso-keys' was purged: this account cannot be recovered with its key." });
  });

  it('plans to recover a soft-deleted Key Vault first and says until when it is recoverable', () => {
    const { status, prerequisites } = assessDeletedResource(
      facts({ dependencies: [keyVaultDependency('kv-old', { state: 'deleted', restore: vaultRestore({ purgeProtected: true }) })] }),
    );
    expect(status).toMatchObject({ label: 'Key Vault deleted', tone: 'warning', recover: { allowed: true } });
    expect(status.detail).toBe("Key Vault 'kv-old' is deleted (purge protection on): recoverable until 1 Feb 2027, 10:00 UTC; Recover brings it back first.");
    expect(prerequisites).toEqual([
      {
        kind: 'resource',
        key: `key-vaults:${SUB}/rg-keys/kv-old`,
        title: 'Recover Key Vault kv-old',
        fact: 'recoverable until 1 Feb 2027, 10:00 UTC; purge protection on',
        ref: { type: 'key-vaults', subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus', name: 'kv-old' },
        dependsOn: [],
      },
    ]);
  });

  it("recreates a deleted vault's resource group before the vault, once for vault and storage in the same group", () => {
    const { prerequisites } = assessDeletedResource(
      facts({
        resourceGroupExists: false,
        resourceGroup: 'rg-keys',
        dependencies: [
          keyVaultDependency('kv-old', { state: 'deleted', restore: vaultRestore({ resourceGroupExists: false }) }),
          storageDependency('contosodata', { state: 'deleted', restore: storageRestore({ resourceGroupExists: false }) }),
        ],
      }),
    );
    const group = `rg:${SUB}/rg-keys`;
    expect(prerequisites.map((step) => step.key)).toEqual([group, `key-vaults:${SUB}/rg-keys/kv-old`, `storage-accounts:${SUB}/rg-keys/contosodata`]);
    expect(prerequisites[1]).toMatchObject({ dependsOn: [group] });
    expect(prerequisites[2]).toMatchObject({ dependsOn: [group], ref: { creationTime: '2026-01-01T00:00:00Z' } });
  });

  it('blocks recover, naming the vault, when the person may not write where the deleted vault is recovered', () => {
    const { status, prerequisites } = assessDeletedResource(
      facts({ dependencies: [keyVaultDependency('kv-old', { state: 'deleted', restore: vaultRestore({ canRestore: false }) })] }),
    );
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringMatching(/Key Vault 'kv-old' is deleted, and you can't recover it: that needs write access to resource group 'rg-keys'/) });
    expect(prerequisites).toEqual([]);
  });

  it("blocks recover when a deleted dependency's resource group is gone and cannot be created, saying which verb", () => {
    const { status, prerequisites } = assessDeletedResource(
      facts({ dependencies: [storageDependency('contosodata', { state: 'deleted', restore: storageRestore({ resourceGroupExists: false, canCreateResourceGroup: false }) })] }),
    );
    expect(status.label).toBe('Storage deleted');
    expect(status.recover).toEqual({
      allowed: false,
      reason: "Storage account 'contosodata' is deleted and its resource group 'rg-keys' is gone too; you can't create resource groups there, so you can't restore it.",
    });
    expect(prerequisites).toEqual([]);
  });

  it('blocks recover when the person may not list deleted vaults and the vault is not live, saying why', () => {
    const status = statusOf({ dependencies: [keyVaultDependency('kv-secure', { state: 'unlisted' })] });
    expect(status.label).toBe('Key Vault not found');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining('Microsoft.KeyVault/deletedVaults/read') });
  });

  it('says a storage account past its 14 days blocks recover for good', () => {
    const status = statusOf({ dependencies: [storageDependency('contosodata', { state: 'gone' })] });
    expect(status.label).toBe('Storage gone');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining("Storage account 'contosodata' it used is gone for good") });
  });

  it('plans to restore a soft-deleted storage account and says until when', () => {
    const { status, prerequisites } = assessDeletedResource(facts({ dependencies: [storageDependency('contosodata', { state: 'deleted', restore: storageRestore() })] }));
    expect(status.label).toBe('Storage deleted');
    expect(status.detail).toContain('restorable until 1 Feb 2027, 10:00 UTC');
    expect(prerequisites).toEqual([
      expect.objectContaining({
        kind: 'resource',
        title: 'Restore storage account contosodata',
        ref: expect.objectContaining({ type: 'storage-accounts', name: 'contosodata', creationTime: '2026-01-01T00:00:00Z' }),
      }),
    ]);
  });

  it('refuses purge without the subscription-scope delete action, with the reason', () => {
    const status = statusOf({ canPurge: false });
    expect(status.purge).toEqual({
      allowed: false,
      reason: "You can't purge: purge needs Contributor or Owner on the subscription.",
    });
    expect(status.recover.allowed).toBe(true);
  });

  it('labels a reader as read only', () => {
    const status = statusOf({ canPurge: false, canRecover: false });
    expect(status.label).toBe('Read only');
    expect(status.recover.allowed).toBe(false);
  });

  it('labels someone who may purge but not recover as purge only', () => {
    expect(statusOf({ canRecover: false }).label).toBe('Purge only');
  });

  it('says the truth once the scheduled purge date has passed: not recoverable, not yet removed, purge frees the name', () => {
    const status = statusOf({ scheduledPurgeAt: new Date('2026-11-23T11:59:00Z') });
    expect(status.label).toBe('Past purge date');
    expect(status.tone).toBe('warning');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringMatching(/^Its scheduled purge date \(23 Nov 2026, 11:59 UTC\) has passed, so it can no longer be recovered; Azure has not removed it yet, and it still holds its name\.$/) });
    expect(status.purge).toEqual({ allowed: true });
    expect(status.detail).toMatch(/still holds its name\. Purging it frees the name now\.$/);
    expect(status.detail).not.toMatch(/for good/);
  });

  it('past its purge date, a person who may not purge is told why instead of being promised the name', () => {
    const status = statusOf({ scheduledPurgeAt: new Date('2026-11-23T11:59:00Z'), canPurge: false });
    expect(status.purge.allowed).toBe(false);
    expect(status.detail).not.toMatch(/frees the name/);
  });

  it('a purged Key Vault blocks the recover even when the resource group could be recreated', () => {
    const { status, prerequisites } = assessDeletedResource(facts({ resourceGroupExists: false, dependencies: [keyVaultDependency('kv', { state: 'gone' })] }));
    expect(status.label).toBe('Key Vault purged');
    expect(status.recover.allowed).toBe(false);
    expect(prerequisites).toEqual([]);
  });

  it('says what it could not check instead of claiming a blocker', () => {
    const status = statusOf({ resourceGroupExists: 'unknown', dependencies: [keyVaultDependency('kv', { state: 'unknown' })] });
    expect(status.label).toBe('Recoverable');
    expect(status.detail).toMatch(/Could not check its resource group, Key Vault 'kv'/);
  });

  it('needs nothing for a dependency that is live', () => {
    const { status, prerequisites } = assessDeletedResource(facts({ dependencies: [keyVaultDependency('kv', { state: 'live' }), storageDependency('st', { state: 'live' })] }));
    expect(status).toEqual({ label: 'Recoverable', tone: 'success', recover: { allowed: true }, purge: { allowed: true } });
    expect(prerequisites).toEqual([]);
  });

  it("uses each dependency's own words, whatever its type", () => {
    const widget = (state: Dependency['state']): Dependency => ({
      noun: "Widget 'w1'",
      state,
      gone: { label: 'Widget gone', reason: 'The widget is gone.' },
      unlisted: { label: 'Widget hidden', reason: 'The widget cannot be listed.' },
      deleted: {
        label: 'Widget deleted',
        verb: 'rebuild',
        sentence: 'The widget comes back first.',
        step: (dependsOn) => ({ kind: 'resource', key: 'widget:w1', title: 'Rebuild widget w1', ref: { type: 'widgets', subscriptionId: SUB, resourceGroup: 'rg-w', location: 'eastus', name: 'w1' }, dependsOn }),
      },
    });
    expect(statusOf({ dependencies: [widget({ state: 'gone' })] })).toMatchObject({ label: 'Widget gone', tone: 'danger', recover: { allowed: false, reason: 'The widget is gone.' } });
    expect(statusOf({ dependencies: [widget({ state: 'unlisted' })] })).toMatchObject({ label: 'Widget hidden', tone: 'warning' });
    const deleted = assessDeletedResource(facts({ dependencies: [widget({ state: 'deleted', restore: restore({ canRestore: false }) })] }));
    expect(deleted.status.recover).toEqual({ allowed: false, reason: expect.stringContaining("Widget 'w1' is deleted, and you can't rebuild it") });
    const planned = assessDeletedResource(facts({ dependencies: [widget({ state: 'deleted', restore: restore() })] }));
    expect(planned.status).toMatchObject({ label: 'Widget deleted', detail: 'The widget comes back first.', recover: { allowed: true } });
    expect(planned.prerequisites.map((step) => step.key)).toEqual(['widget:w1']);
  });

  describe('purgeRefused', () => {
    const reason = 'Storage accounts have no purge: it expires on 7 Dec 2026, 10:00 UTC.';

    it('disables purge with its reason, whatever the person may do, and says it in the detail of a Recoverable row', () => {
      const status = statusOf({ purgeRefused: reason });
      expect(status).toMatchObject({ label: 'Recoverable', tone: 'success', recover: { allowed: true } });
      expect(status.purge).toEqual({ allowed: false, reason });
      expect(status.detail).toBe(reason);
    });

    it('takes precedence over the missing purge right, and stays apart from the recover blockers', () => {
      const status = statusOf({ purgeRefused: reason, canPurge: false, canRecover: false });
      expect(status.purge).toEqual({ allowed: false, reason });
      expect(status.label).toBe('Read only');
      expect(status.detail).toMatch(/You can't recover: .*\. Storage accounts have no purge/);
    });

    it('is said after the steps of a plan and after what could not be checked', () => {
      const planned = statusOf({ purgeRefused: reason, resourceGroupExists: false });
      expect(planned.detail).toBe(`Resource group 'rg-ai' no longer exists: it is recreated in its region first. ${reason}`);
      const unchecked = statusOf({ purgeRefused: reason, resourceGroupExists: 'unknown' });
      expect(unchecked.detail).toBe(`Could not check its resource group; recovery may still fail. ${reason}`);
    });

    it('is said even once the purge time has passed', () => {
      expect(statusOf({ purgeRefused: reason, scheduledPurgeAt: new Date('2026-11-23T11:00:00Z') }).purge).toEqual({ allowed: false, reason });
    });
  });
});
