import { describe, expect, it } from 'vitest';
import { readArmDeletedAccount, readDeletedAccountReferences, sharedAssessments, toDeletedAccount, type AccountChecks, type ArmDeletedAccount } from './to-deleted-account';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const NOW = new Date('2026-11-23T12:00:00Z');

function raw(overrides: Partial<ArmDeletedAccount> = {}): ArmDeletedAccount {
  return {
    id: `/subscriptions/${SUB}/providers/Microsoft.CognitiveServices/locations/SOUTHCENTRALUS/resourceGroups/rg-ai/deletedAccounts/contoso-docs`,
    name: 'contoso-docs',
    kind: 'FormRecognizer',
    location: 'SOUTHCENTRALUS',
    properties: {
      deletionDate: '2026-11-23T10:00:00.4583939Z',
      scheduledPurgeDate: '2026-11-25T10:00:00.4583939Z',
    },
    ...overrides,
  };
}

const ALL_GOOD: AccountChecks = {
  resourceGroupExists: true,
  storageAccounts: [],
  canRecover: true,
  canPurge: true,
  canCreateResourceGroup: true,
};

describe('toDeletedAccount', () => {
  it('reshapes ARM fields into the portal account', () => {
    const account = toDeletedAccount(raw(), ALL_GOOD, NOW);
    expect(account).toMatchObject({
      name: 'contoso-docs',
      kind: 'FormRecognizer',
      kindDisplayName: 'Document intelligence',
      location: 'SOUTHCENTRALUS',
      locationDisplayName: 'South Central US',
      subscriptionId: SUB,
      resourceGroup: 'rg-ai',
      deletedAt: '2026-11-23T10:00:00.458Z',
      scheduledPurgeAt: '2026-11-25T10:00:00.458Z',
      status: { label: 'Recoverable' },
      prerequisites: [],
    });
    expect(account?.type).toBe('cognitive-accounts');
    expect(account?.purgeWarning).toBeUndefined();
  });

  it('names the account to the server by its type, subscription, group, region and name', () => {
    expect(toDeletedAccount(raw(), ALL_GOOD, NOW)?.ref).toEqual({
      type: 'cognitive-accounts',
      subscriptionId: SUB,
      resourceGroup: 'rg-ai',
      location: 'SOUTHCENTRALUS',
      name: 'contoso-docs',
    });
  });

  it('keeps the custom subdomain its endpoints hold (the name box and the search find it), and none when ARM has none', () => {
    const listed = readArmDeletedAccount({ ...raw(), properties: { ...raw().properties, customSubDomainName: 'contoso-docs-endpoint' } });
    expect(listed && toDeletedAccount(listed, ALL_GOOD, NOW)?.subdomain).toBe('contoso-docs-endpoint');
    expect(toDeletedAccount(raw(), ALL_GOOD, NOW)).not.toHaveProperty('subdomain');
    expect(readArmDeletedAccount({ ...raw(), properties: { customSubDomainName: 42 } })?.properties?.customSubDomainName).toBeUndefined();
  });

  it('shows an unknown kind as it is', () => {
    expect(toDeletedAccount(raw({ kind: 'Quantum.Brains' }), ALL_GOOD, NOW)?.kindDisplayName).toBe('Quantum.Brains');
  });

  it('warns, for the purge, that OpenAI and AIServices accounts may hold provisioned deployments', () => {
    expect(toDeletedAccount(raw({ kind: 'OpenAI' }), ALL_GOOD, NOW)?.purgeWarning).toBe(
      'Azure OpenAI accounts may hold provisioned deployments: they are billed until the account is purged; purging removes them with it.',
    );
    expect(toDeletedAccount(raw({ kind: 'AIServices' }), ALL_GOOD, NOW)?.purgeWarning).toMatch(/^Foundry \(Azure AI services\) accounts may hold provisioned deployments/);
    expect(toDeletedAccount(raw({ kind: 'aiservices' }), ALL_GOOD, NOW)?.purgeWarning).toMatch(/may hold provisioned deployments/);
  });

  it("assesses the account with its Key Vault and storage, in the account's words, and plans their recovery first", () => {
    const restore = {
      subscriptionId: SUB,
      resourceGroup: 'rg-keys',
      location: 'eastus',
      until: new Date('2027-02-01T10:00:00Z'),
      resourceGroupExists: true,
      canRestore: true,
      canCreateResourceGroup: true,
    };
    const checks: AccountChecks = {
      ...ALL_GOOD,
      keyVault: { name: 'kv-old', state: 'deleted', restore: { ...restore, purgeProtected: true } },
      storageAccounts: [
        { id: `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.Storage/storageAccounts/stdata`, name: 'stdata', state: 'deleted', restore: { ...restore, creationTime: '2026-01-01T00:00:00Z' } },
      ],
    };
    const account = toDeletedAccount(raw(), checks, NOW);
    expect(account?.status).toMatchObject({ label: 'Key Vault deleted', recover: { allowed: true } });
    expect(account?.status.detail).toBe(
      "Key Vault 'kv-old' is deleted (purge protection on): recoverable until 1 Feb 2027, 10:00 UTC; Recover brings it back first. " +
        "Storage account 'stdata' is deleted: restorable until 1 Feb 2027, 10:00 UTC; Recover restores it first.",
    );
    expect(account?.prerequisites).toEqual([
      expect.objectContaining({ kind: 'resource', title: 'Recover Key Vault kv-old', ref: { type: 'key-vaults', subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus', name: 'kv-old' } }),
      expect.objectContaining({
        kind: 'resource',
        title: 'Restore storage account stdata',
        ref: { type: 'storage-accounts', subscriptionId: SUB, resourceGroup: 'rg-keys', location: 'eastus', name: 'stdata', creationTime: '2026-01-01T00:00:00Z' },
      }),
    ]);
  });

  it('blocks the recover when its Key Vault was purged or its storage is gone', () => {
    expect(toDeletedAccount(raw(), { ...ALL_GOOD, keyVault: { name: 'kv-old', state: 'gone' } }, NOW)?.status).toMatchObject({
      label: 'Key Vault purged',
      recover: { allowed: false },
    });
    const storageGone: AccountChecks = { ...ALL_GOOD, storageAccounts: [{ id: 'x', name: 'stdata', state: 'gone' }] };
    expect(toDeletedAccount(raw(), storageGone, NOW)?.status).toMatchObject({ label: 'Storage gone', recover: { allowed: false } });
  });

  it('drops an entry whose id is not a deleted-account id', () => {
    expect(toDeletedAccount(raw({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/x/y` }), ALL_GOOD, NOW)).toBeUndefined();
    expect(toDeletedAccount(raw({ id: undefined }), ALL_GOOD, NOW)).toBeUndefined();
  });

  it('keeps missing dates as null instead of inventing them', () => {
    const account = toDeletedAccount(raw({ properties: {} }), ALL_GOOD, NOW);
    expect(account?.deletedAt).toBeNull();
    expect(account?.scheduledPurgeAt).toBeNull();
  });
});

describe('readDeletedAccountReferences', () => {
  it('reads the Key Vault name from a customer-managed key URI', () => {
    const refs = readDeletedAccountReferences(
      raw({
        properties: {
          encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyVaultUri: 'https://Contoso-Keys.vault.azure.net/' } },
        },
      }),
    );
    expect(refs?.keyVaultName).toBe('contoso-keys');
  });

  it('ignores a Key Vault URI that is not a vault host', () => {
    const refs = readDeletedAccountReferences(
      raw({
        properties: {
          encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyVaultUri: 'https://evil.example.com/' } },
        },
      }),
    );
    expect(refs?.keyVaultName).toBeUndefined();
  });

  it('keeps only well-formed storage account ids', () => {
    const good = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/contosodata`;
    const refs = readDeletedAccountReferences(
      raw({ properties: { userOwnedStorage: [{ resourceId: good }, { resourceId: 'https://evil/x' }, {}] } }),
    );
    expect(refs?.storageAccountIds).toEqual([good]);
  });
});

describe('sharedAssessments', () => {
  it('works a status out once for rows with the same facts, and apart for a row whose purge time has passed', () => {
    const calls: string[] = [];
    const assess = sharedAssessments();
    const counting: typeof assess = (facts, sameAs) => {
      calls.push(sameAs ?? 'own');
      return assess(facts, sameAs);
    };
    const now = new Date('2026-11-23T12:00:00Z');
    const checks: AccountChecks = { resourceGroupExists: true, storageAccounts: [], canRecover: true, canPurge: true, canCreateResourceGroup: true };
    const account = (name: string, scheduledPurgeDate: string) => ({
      id: `/subscriptions/4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai/deletedAccounts/${name}`,
      name,
      kind: 'OpenAI',
      location: 'eastus',
      properties: { scheduledPurgeDate },
    });
    const a = toDeletedAccount(account('a', '2026-11-24T00:00:00Z'), { ...checks }, now, undefined, counting);
    const b = toDeletedAccount(account('b', '2026-11-25T00:00:00Z'), { ...checks }, now, undefined, counting);
    const late = toDeletedAccount(account('late', '2026-11-23T00:00:00Z'), { ...checks }, now, undefined, counting);
    expect(a?.status).toBe(b?.status);
    expect(late?.status.label).toBe('Past purge date');
    expect(new Set(calls).size).toBe(2);
  });
});
