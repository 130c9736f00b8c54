import { describe, expect, it } from 'vitest';
import { readDeletedAccountReferences, toDeletedAccount, type AccountChecks, type ArmDeletedAccount } from './to-deleted-account';

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
      mayHoldProvisionedDeployments: false,
      status: { label: 'Recoverable' },
    });
  });

  it('shows an unknown kind as it is', () => {
    expect(toDeletedAccount(raw({ kind: 'Quantum.Brains' }), ALL_GOOD, NOW)?.kindDisplayName).toBe('Quantum.Brains');
  });

  it('marks OpenAI and AIServices as possibly holding provisioned deployments', () => {
    expect(toDeletedAccount(raw({ kind: 'OpenAI' }), ALL_GOOD, NOW)?.mayHoldProvisionedDeployments).toBe(true);
    expect(toDeletedAccount(raw({ kind: 'AIServices' }), ALL_GOOD, NOW)?.mayHoldProvisionedDeployments).toBe(true);
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
