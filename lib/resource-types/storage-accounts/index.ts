import type { ResourceTypeDefinition } from '../definition';

/** How long Azure keeps a deleted storage account (docs: storage-account-recover; ARM has no field for it). */
export const STORAGE_RETENTION_MS = 14 * 24 * 3600_000;

export const storageAccounts: ResourceTypeDefinition = {
  id: 'storage-accounts',
  armType: 'Microsoft.Storage/storageAccounts',
  displayName: 'Storage account',
  retention: '14 days',
  // ARM has no purge for a deleted storage account: it expires.
  purgeable: false,
  // Accounts that keep their data in it need it first.
  recoverPhase: 1,
  // https://<name>.blob.core.windows.net/ and the other services' endpoints.
  endpoints: { hostSuffixes: ['blob.core.windows.net', 'dfs.core.windows.net', 'file.core.windows.net', 'queue.core.windows.net', 'table.core.windows.net', 'web.core.windows.net'], label: 'name' },
};
