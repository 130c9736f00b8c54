/**
 * Whether the resources a deleted account depends on still exist, decided from what ARM answered. A check
 * that could not be made is 'unknown', never a guess: the status then says it could not check.
 */
export type Known<T> = T | 'unknown';

/**
 * A Key Vault's URI names the vault but not its subscription, so the vault lists of every subscription the
 * caller can read are searched (the account's own first). Found anywhere: it exists. Missing from lists
 * that were all read: it is not found. Missing, but some list could not be read: unknown.
 */
export function keyVaultExists(name: string, vaultLists: readonly Known<ReadonlySet<string>>[]): boolean | 'unknown' {
  const wanted = name.toLowerCase();
  if (vaultLists.some((list) => list !== 'unknown' && list.has(wanted))) return true;
  if (vaultLists.length === 0 || vaultLists.some((list) => list === 'unknown')) return 'unknown';
  return false;
}

/**
 * A GET on a resource by its id: 200 means it exists; ARM's 404 codes for a missing resource (or its missing
 * resource group) mean it is gone. Anything else (403, throttling, outages) says nothing about existence.
 */
export function existenceFromRead(status: number, code?: string): boolean | 'unknown' {
  if (status >= 200 && status < 300) return true;
  if (status === 404 && code !== undefined && /^(ResourceNotFound|ResourceGroupNotFound|NotFound)$/i.test(code)) return false;
  return 'unknown';
}
