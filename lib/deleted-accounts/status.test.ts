import { describe, expect, it } from 'vitest';
import { assessDeletedAccount, deletedAccountStatus, type RestoreFacts, type StatusFacts } from './status';

const NOW = new Date('2026-11-23T12:00:00Z');

function facts(overrides: Partial<StatusFacts> = {}): StatusFacts {
  return {
    now: NOW,
    scheduledPurgeAt: new Date('2026-11-25T10:00:00Z'),
    subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
    resourceGroup: 'rg-ai',
    location: 'eastus',
    resourceGroupExists: true,
    storageAccounts: [],
    canRecover: true,
    canPurge: true,
    canCreateResourceGroup: true,
    ...overrides,
  };
}

const STORAGE_ID = '/subscriptions/4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d/resourceGroups/rg-keys/providers/Microsoft.Storage/storageAccounts/contosodata';

function restore(overrides: Partial<RestoreFacts> = {}): RestoreFacts {
  return {
    subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
    resourceGroup: 'rg-keys',
    location: 'eastus',
    until: new Date('2027-02-01T10:00:00Z'),
    resourceGroupExists: true,
    canRestore: true,
    canCreateResourceGroup: true,
    ...overrides,
  };
}

describe('deletedAccountStatus', () => {
  it('says Recoverable when nothing blocks a recover', () => {
    const status = deletedAccountStatus(facts());
    expect(status).toMatchObject({ label: 'Recoverable', recover: { allowed: true }, purge: { allowed: true } });
    expect(status.detail).toBeUndefined();
  });

  it('plans to recreate a resource group that is gone, in the original location, and keeps Recover enabled', () => {
    const { status, prerequisites } = assessDeletedAccount(facts({ resourceGroupExists: false }));
    expect(status.label).toBe('Resource group gone');
    expect(status.recover.allowed).toBe(true);
    expect(prerequisites).toEqual([
      { kind: 'resource-group', key: 'rg:4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d/rg-ai', subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d', resourceGroup: 'rg-ai', location: 'eastus' },
    ]);
    expect(status.fix).toEqual({
      kind: 'recreate-resource-group',
      subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
      resourceGroup: 'rg-ai',
      location: 'eastus',
    });
  });

  it('offers no recreate fix to someone who cannot create resource groups, and says so', () => {
    const { status, prerequisites } = assessDeletedAccount(facts({ resourceGroupExists: false, canCreateResourceGroup: false }));
    expect(status.fix).toBeUndefined();
    expect(status.recover.allowed).toBe(false);
    expect(status.detail).toMatch(/can't create resource groups/);
    expect(prerequisites).toEqual([]);
  });

  it('says a purged Key Vault makes the account unrecoverable with its key', () => {
    const status = deletedAccountStatus(facts({ keyVault: { name: 'contoso-keys', state: 'gone' } }));
    expect(status.label).toBe('Key Vault purged');
    expect(status.recover).toEqual({ allowed: false, reason: "Key Vault 'contoso-keys' was purged: this account cannot be recovered with its key." });
  });

  it('plans to recover a soft-deleted Key Vault first and says until when it is recoverable', () => {
    const { status, prerequisites } = assessDeletedAccount(facts({ keyVault: { name: 'kv-old', state: 'deleted', restore: restore({ purgeProtected: true }) } }));
    expect(status).toMatchObject({ label: 'Key Vault deleted', tone: 'warning', recover: { allowed: true } });
    expect(status.detail).toBe("Key Vault 'kv-old' is deleted (purge protection on): recoverable until 1 Feb 2027, 10:00 UTC; Recover brings it back first.");
    expect(prerequisites).toEqual([
      expect.objectContaining({ kind: 'key-vault', key: 'kv:kv-old', resourceGroup: 'rg-keys', location: 'eastus', purgeProtected: true, dependsOn: [] }),
    ]);
  });

  it("recreates a deleted vault's resource group before the vault, once for vault and storage in the same group", () => {
    const gone = restore({ resourceGroupExists: false, creationTime: '2026-01-01T00:00:00Z' });
    const { prerequisites } = assessDeletedAccount(
      facts({
        resourceGroupExists: false,
        resourceGroup: 'rg-keys',
        keyVault: { name: 'kv-old', state: 'deleted', restore: gone },
        storageAccounts: [{ id: STORAGE_ID, name: 'contosodata', state: 'deleted', restore: gone }],
      }),
    );
    const group = 'rg:4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d/rg-keys';
    expect(prerequisites.map((step) => step.key)).toEqual([group, 'kv:kv-old', 'st:4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d/contosodata']);
    expect(prerequisites[1]).toMatchObject({ dependsOn: [group] });
    expect(prerequisites[2]).toMatchObject({ dependsOn: [group], creationTime: '2026-01-01T00:00:00Z' });
  });

  it('blocks recover, naming the vault, when the person may not write where the deleted vault is recovered', () => {
    const { status, prerequisites } = assessDeletedAccount(facts({ keyVault: { name: 'kv-old', state: 'deleted', restore: restore({ canRestore: false }) } }));
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringMatching(/Key Vault 'kv-old' is deleted, and you can't recover it: that needs write access to resource group 'rg-keys'/) });
    expect(prerequisites).toEqual([]);
  });

  it('blocks recover when the person may not list deleted vaults and the vault is not live, saying why', () => {
    const status = deletedAccountStatus(facts({ keyVault: { name: 'kv-secure', state: 'unlisted' } }));
    expect(status.label).toBe('Key Vault not found');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining('Microsoft.KeyVault/deletedVaults/read') });
  });

  it('says a storage account past its 14 days blocks recover for good', () => {
    const status = deletedAccountStatus(facts({ storageAccounts: [{ id: STORAGE_ID, name: 'contosodata', state: 'gone' }] }));
    expect(status.label).toBe('Storage gone');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining("Storage account 'contosodata' it used is gone for good") });
  });

  it('plans to restore a soft-deleted storage account and says until when', () => {
    const { status, prerequisites } = assessDeletedAccount(
      facts({ storageAccounts: [{ id: STORAGE_ID, name: 'contosodata', state: 'deleted', restore: restore({ creationTime: '2026-01-01T00:00:00Z' }) }] }),
    );
    expect(status.label).toBe('Storage deleted');
    expect(status.detail).toContain('restorable until 1 Feb 2027, 10:00 UTC');
    expect(prerequisites).toEqual([expect.objectContaining({ kind: 'storage-account', name: 'contosodata', creationTime: '2026-01-01T00:00:00Z' })]);
  });

  it('refuses purge without the subscription-scope delete action, with the reason', () => {
    const status = deletedAccountStatus(facts({ canPurge: false }));
    expect(status.purge).toEqual({
      allowed: false,
      reason: "You can't purge: purge needs Contributor or Owner on the subscription.",
    });
    expect(status.recover.allowed).toBe(true);
  });

  it('labels a reader as read only', () => {
    const status = deletedAccountStatus(facts({ canPurge: false, canRecover: false }));
    expect(status.label).toBe('Read only');
    expect(status.recover.allowed).toBe(false);
  });

  it('labels someone who may purge but not recover as purge only', () => {
    expect(deletedAccountStatus(facts({ canRecover: false })).label).toBe('Purge only');
  });

  it('blocks recover once the scheduled purge time has passed', () => {
    const status = deletedAccountStatus(facts({ scheduledPurgeAt: new Date('2026-11-23T11:59:00Z') }));
    expect(status.label).toBe('Purge time passed');
    expect(status.recover.allowed).toBe(false);
  });

  it('a purged Key Vault blocks the recover even when the resource group could be recreated', () => {
    const { status, prerequisites } = assessDeletedAccount(facts({ resourceGroupExists: false, keyVault: { name: 'kv', state: 'gone' } }));
    expect(status.label).toBe('Key Vault purged');
    expect(status.recover.allowed).toBe(false);
    expect(prerequisites).toEqual([]);
  });

  it('says what it could not check instead of claiming a blocker', () => {
    const status = deletedAccountStatus(facts({ resourceGroupExists: 'unknown', keyVault: { name: 'kv', state: 'unknown' } }));
    expect(status.label).toBe('Recoverable');
    expect(status.detail).toMatch(/Could not check its resource group, Key Vault 'kv'/);
  });
});
