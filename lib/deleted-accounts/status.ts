import type { DeletedAccountStatus, RecreateResourceGroupFix } from './types';

/** What is known about an account's surroundings when the list is read. 'unknown' = the check itself failed. */
export interface StatusFacts {
  now: Date;
  scheduledPurgeAt: Date | null;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  resourceGroupExists: boolean | 'unknown';
  /** Set only when the account used a customer-managed key in a Key Vault. */
  keyVault?: { name: string; exists: boolean | 'unknown' };
  /** User-owned storage accounts the account used. */
  storageAccounts: { id: string; exists: boolean | 'unknown' }[];
  canRecover: boolean | 'unknown';
  canPurge: boolean | 'unknown';
  canCreateResourceGroup: boolean | 'unknown';
}

const PURGE_NEEDS = 'purge needs Contributor or Owner on the subscription';

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

/**
 * Why a recover or purge would fail, decided before the person acts. The first blocker found wins the
 * label; the purge capability is independent of the recover blockers.
 */
export function deletedAccountStatus(facts: StatusFacts): DeletedAccountStatus {
  const purge =
    facts.canPurge === false
      ? { allowed: false as const, reason: `You can't purge: ${PURGE_NEEDS}.` }
      : { allowed: true as const };

  if (facts.scheduledPurgeAt && facts.scheduledPurgeAt.getTime() <= facts.now.getTime()) {
    const reason = 'Its scheduled purge time has passed; Azure removes it for good.';
    return { label: 'Purge time passed', tone: 'danger', detail: reason, recover: { allowed: false, reason }, purge };
  }

  if (facts.resourceGroupExists === false) {
    const reason = `Resource group '${facts.resourceGroup}' no longer exists; recreate it before recovering.`;
    const fix: RecreateResourceGroupFix | undefined =
      facts.canCreateResourceGroup === false
        ? undefined
        : {
            kind: 'recreate-resource-group',
            subscriptionId: facts.subscriptionId,
            resourceGroup: facts.resourceGroup,
            location: facts.location,
          };
    const detail =
      fix === undefined
        ? `${reason} You can't create resource groups in this subscription; ask an Owner or Contributor.`
        : reason;
    return { label: 'Resource group gone', tone: 'warning', detail, recover: { allowed: false, reason }, purge, fix };
  }

  if (facts.keyVault?.exists === false) {
    const reason = `Key Vault '${facts.keyVault.name}' holding its customer-managed key was not found in any subscription you can read; recover or restore the vault first.`;
    return { label: 'Key Vault not found', tone: 'warning', detail: reason, recover: { allowed: false, reason }, purge };
  }

  const missingStorage = facts.storageAccounts.find((storage) => storage.exists === false);
  if (missingStorage) {
    const reason = `Storage account '${lastSegment(missingStorage.id)}' it used is gone; recover the storage account first.`;
    return { label: 'Storage gone', tone: 'warning', detail: reason, recover: { allowed: false, reason }, purge };
  }

  if (facts.canRecover === false) {
    const reason = `You can't recover: it needs write access to resource group '${facts.resourceGroup}' (Contributor or Owner).`;
    const label = purge.allowed ? 'Purge only' : 'Read only';
    return { label, tone: 'informative', detail: reason, recover: { allowed: false, reason }, purge };
  }

  const unchecked = [
    facts.resourceGroupExists === 'unknown' ? 'its resource group' : undefined,
    facts.keyVault?.exists === 'unknown' ? `Key Vault '${facts.keyVault.name}'` : undefined,
    facts.storageAccounts.some((storage) => storage.exists === 'unknown') ? 'its storage account' : undefined,
  ].filter((item): item is string => item !== undefined);
  if (unchecked.length > 0) {
    return {
      label: 'Recoverable',
      tone: 'success',
      detail: `Could not check ${unchecked.join(', ')}; recovery may still fail.`,
      recover: { allowed: true },
      purge,
    };
  }
  return { label: 'Recoverable', tone: 'success', recover: { allowed: true }, purge };
}
