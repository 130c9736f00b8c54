import type { ResourceTypeDefinition } from '../definition';

export const keyVaults: ResourceTypeDefinition = {
  id: 'key-vaults',
  armType: 'Microsoft.KeyVault/vaults',
  displayName: 'Key Vault',
  retention: '7–90 days, set per vault',
  purgeable: true,
  // Accounts that keep their key in a vault need it first.
  recoverPhase: 1,
  // The vault URI: https://<name>.vault.azure.net/
  endpoints: { hostSuffixes: ['vault.azure.net'], label: 'name' },
};
