/** The parts of a deleted account's ARM id. */
export interface DeletedAccountIdParts {
  subscriptionId: string;
  location: string;
  resourceGroup: string;
  name: string;
}

const DELETED_ACCOUNT_ID =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/locations\/([^/]+)\/resourceGroups\/([^/]+)\/deletedAccounts\/([^/]+)$/i;

export function parseDeletedAccountId(id: string): DeletedAccountIdParts | undefined {
  const match = DELETED_ACCOUNT_ID.exec(id);
  if (!match) return undefined;
  const [, subscriptionId, location, resourceGroup, name] = match;
  if (!subscriptionId || !location || !resourceGroup || !name) return undefined;
  return { subscriptionId, location, resourceGroup, name };
}

const KEY_VAULT_HOST = /^([a-z0-9-]{3,24})\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)$/i;

/** A Key Vault's URI is https://{name}.vault.azure.net/ (or a sovereign cloud's suffix). */
export function keyVaultNameFromUri(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    if (url.protocol !== 'https:') return undefined;
    return KEY_VAULT_HOST.exec(url.hostname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

const STORAGE_ACCOUNT_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w._()]{1,90}\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i;

export function isStorageAccountId(id: string): boolean {
  return STORAGE_ACCOUNT_ID.test(id);
}
