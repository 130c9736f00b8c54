import { describe, expect, it } from 'vitest';
import { deletedAccountStatus, type StatusFacts } from './status';

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

describe('deletedAccountStatus', () => {
  it('says Recoverable when nothing blocks a recover', () => {
    const status = deletedAccountStatus(facts());
    expect(status).toMatchObject({ label: 'Recoverable', recover: { allowed: true }, purge: { allowed: true } });
    expect(status.detail).toBeUndefined();
  });

  it('blocks recover when the resource group is gone and offers to recreate it in the original location', () => {
    const status = deletedAccountStatus(facts({ resourceGroupExists: false }));
    expect(status.label).toBe('Resource group gone');
    expect(status.recover.allowed).toBe(false);
    expect(status.fix).toEqual({
      kind: 'recreate-resource-group',
      subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
      resourceGroup: 'rg-ai',
      location: 'eastus',
    });
  });

  it('offers no recreate fix to someone who cannot create resource groups, and says so', () => {
    const status = deletedAccountStatus(facts({ resourceGroupExists: false, canCreateResourceGroup: false }));
    expect(status.fix).toBeUndefined();
    expect(status.detail).toMatch(/can't create resource groups/);
  });

  it('blocks recover when the Key Vault with the customer-managed key is gone', () => {
    const status = deletedAccountStatus(facts({ keyVault: { name: 'contoso-keys', exists: false } }));
    expect(status.label).toBe('Key Vault not found');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining('contoso-keys') });
  });

  it('blocks recover when a user-owned storage account is gone', () => {
    const status = deletedAccountStatus(
      facts({
        storageAccounts: [{ id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/contosodata', exists: false }],
      }),
    );
    expect(status.label).toBe('Storage gone');
    expect(status.recover).toEqual({ allowed: false, reason: expect.stringContaining('contosodata') });
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

  it('a missing resource group wins over a missing Key Vault', () => {
    const status = deletedAccountStatus(facts({ resourceGroupExists: false, keyVault: { name: 'kv', exists: false } }));
    expect(status.label).toBe('Resource group gone');
  });

  it('says what it could not check instead of claiming a blocker', () => {
    const status = deletedAccountStatus(facts({ resourceGroupExists: 'unknown', keyVault: { name: 'kv', exists: 'unknown' } }));
    expect(status.label).toBe('Recoverable');
    expect(status.detail).toMatch(/Could not check its resource group, Key Vault 'kv'/);
  });
});
