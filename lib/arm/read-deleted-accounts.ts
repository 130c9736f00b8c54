import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import type { Known } from '@/lib/deleted-accounts/dependencies';
import { ACTIONS } from '@/lib/deleted-accounts/permissions';
import {
  readDeletedAccountReferences,
  toDeletedAccount,
  type AccountChecks,
  type DeletedAccountReferences,
} from '@/lib/deleted-accounts/to-deleted-account';
import type { DeletedAccount } from '@/lib/deleted-accounts/types';
import type { ArmSession } from './session';
import { listDeletedAccounts, listResourceGroupPermissions } from './operations';
import { check, CHECK_CONCURRENCY, groupExists, permitted, resolveKeyVaults, resolveStorageAccounts, subscriptionPermissions } from './read-prerequisites';

/**
 * Whether each of the account's resource groups exists: one list of the subscription's groups answers for
 * all of them when the caller may read every group (see groupExists), which took row 2 of `npm run bench`
 * (20 subscriptions, 10 groups each) from 321 requests to 141.
 */
function readGroupExistence(session: ArmSession, subscriptionId: string, groups: string[]): Promise<Known<boolean>[]> {
  return mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) => groupExists(session, subscriptionId, group));
}

/**
 * A subscription's deleted accounts with their status: for each, whether its resource group, Key Vault and
 * storage still exist and what the caller's permissions allow, using as few ARM reads as possible.
 */
export async function readDeletedAccounts(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedAccount[]> {
  // The caller's permissions do not depend on the list: read them while its pages arrive.
  const subscriptionPermissionsRead = subscriptionPermissions(session, subscriptionId);
  const raw = await listDeletedAccounts(session, subscriptionId);
  const entries = raw
    .map((account) => ({ raw: account, refs: readDeletedAccountReferences(account) }))
    .filter((entry): entry is { raw: typeof entry.raw; refs: DeletedAccountReferences } => entry.refs !== undefined);
  if (entries.length === 0) return [];

  const groupKey = (name: string) => name.toLowerCase();
  const groups = [...new Map(entries.map(({ refs }) => [groupKey(refs.resourceGroup), refs.resourceGroup])).values()];
  const storageIds = [...new Set(entries.flatMap(({ refs }) => refs.storageAccountIds.map((id) => id.toLowerCase())))];
  const vaultNames = [...new Set(entries.flatMap(({ refs }) => (refs.keyVaultName ? [refs.keyVaultName] : [])))];

  const [permissionsAtSubscription, groupExistence, vaultStates, storageStates] = await Promise.all([
    subscriptionPermissionsRead,
    readGroupExistence(session, subscriptionId, groups),
    resolveKeyVaults(session, subscriptionId, vaultNames),
    resolveStorageAccounts(session, subscriptionId, storageIds),
  ]);
  const existsByGroup = new Map(groups.map((group, i) => [groupKey(group), groupExistence[i] ?? 'unknown']));

  // Recover needs write at the resource group; an existing group may grant more than the subscription does.
  // A role at the subscription is inherited by every group, so when it already grants recover there is nothing to add.
  const subscriptionGrantsRecover = permitted(permissionsAtSubscription, ACTIONS.recover) === true;
  const groupPermissions = await mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) =>
    existsByGroup.get(groupKey(group)) === true && !subscriptionGrantsRecover
      ? check(() => listResourceGroupPermissions(session, subscriptionId, group))
      : Promise.resolve(permissionsAtSubscription),
  );
  // Each rule is decided once per resource group or subscription, not once per account.
  const canPurge = permitted(permissionsAtSubscription, ACTIONS.purge);
  const canCreateResourceGroup = permitted(permissionsAtSubscription, ACTIONS.createResourceGroup);
  const canRecoverByGroup = new Map(groups.map((group, i) => [groupKey(group), permitted(groupPermissions[i] ?? 'unknown', ACTIONS.recover)]));

  const accounts: DeletedAccount[] = [];
  for (const { raw: account, refs } of entries) {
    const group = groupKey(refs.resourceGroup);
    const checks: AccountChecks = {
      resourceGroupExists: existsByGroup.get(group) ?? 'unknown',
      storageAccounts: refs.storageAccountIds.map((id) => ({
        id,
        name: id.split('/').pop() ?? id,
        ...(storageStates.get(id.toLowerCase()) ?? { state: 'unknown' as const }),
      })),
      canRecover: canRecoverByGroup.get(group) ?? 'unknown',
      canPurge,
      canCreateResourceGroup,
    };
    if (refs.keyVaultName) {
      checks.keyVault = { name: refs.keyVaultName, ...(vaultStates.get(refs.keyVaultName.toLowerCase()) ?? { state: 'unknown' as const }) };
    }
    const reshaped = toDeletedAccount(account, checks, now, refs);
    if (reshaped) accounts.push(reshaped);
  }
  return accounts;
}
