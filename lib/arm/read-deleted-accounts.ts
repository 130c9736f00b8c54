import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { ACTIONS, isActionPermitted, type PermissionSet } from '@/lib/deleted-accounts/permissions';
import {
  readDeletedAccountReferences,
  toDeletedAccount,
  type DeletedAccountReferences,
} from '@/lib/deleted-accounts/to-deleted-account';
import type { DeletedAccount } from '@/lib/deleted-accounts/types';
import type { ArmSession } from './session';
import {
  listDeletedAccounts,
  listKeyVaultNames,
  listResourceGroupPermissions,
  listSubscriptionPermissions,
  resourceGroupExists,
  storageAccountExists,
} from './operations';

/** How many ARM reads one list call keeps in flight for its checks. */
const CHECK_CONCURRENCY = 8;

type Known<T> = T | 'unknown';

/** Runs a check; a failing check becomes 'unknown' (the status then says it could not check) rather than failing the list. */
async function check<T>(run: () => Promise<T>): Promise<Known<T>> {
  try {
    return await run();
  } catch {
    return 'unknown';
  }
}

function permitted(permissions: Known<PermissionSet[]>, action: string): boolean | 'unknown' {
  return permissions === 'unknown' ? 'unknown' : isActionPermitted(permissions, action);
}

/**
 * A subscription's deleted accounts with their status: for each, whether its resource group, Key Vault and
 * storage still exist and what the caller's permissions allow, using as few ARM reads as possible.
 */
export async function readDeletedAccounts(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedAccount[]> {
  const raw = await listDeletedAccounts(session, subscriptionId);
  const entries = raw
    .map((account) => ({ raw: account, refs: readDeletedAccountReferences(account) }))
    .filter((entry): entry is { raw: typeof entry.raw; refs: DeletedAccountReferences } => entry.refs !== undefined);
  if (entries.length === 0) return [];

  const groupKey = (name: string) => name.toLowerCase();
  const groups = [...new Map(entries.map(({ refs }) => [groupKey(refs.resourceGroup), refs.resourceGroup])).values()];
  const storageIds = [...new Set(entries.flatMap(({ refs }) => refs.storageAccountIds.map((id) => id.toLowerCase())))];
  const needsVaults = entries.some(({ refs }) => refs.keyVaultName !== undefined);

  const [subscriptionPermissions, groupExistence, vaultNames, storageExistence] = await Promise.all([
    check(() => listSubscriptionPermissions(session, subscriptionId)),
    mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) => check(() => resourceGroupExists(session, subscriptionId, group))),
    needsVaults ? check(() => listKeyVaultNames(session, subscriptionId)) : Promise.resolve(new Set<string>()),
    mapWithConcurrency(storageIds, CHECK_CONCURRENCY, (id) => check(() => storageAccountExists(session, subscriptionId, id))),
  ]);
  const existsByGroup = new Map(groups.map((group, i) => [groupKey(group), groupExistence[i] ?? 'unknown']));
  const existsByStorage = new Map(storageIds.map((id, i) => [id, storageExistence[i] ?? 'unknown']));

  // Recover needs write at the resource group; an existing group may grant more than the subscription does.
  const groupPermissions = await mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) =>
    existsByGroup.get(groupKey(group)) === true
      ? check(() => listResourceGroupPermissions(session, subscriptionId, group))
      : Promise.resolve(subscriptionPermissions),
  );
  const permissionsByGroup = new Map(groups.map((group, i) => [groupKey(group), groupPermissions[i] ?? 'unknown']));

  return entries
    .map(({ raw: account, refs }) =>
      toDeletedAccount(
        account,
        {
          resourceGroupExists: existsByGroup.get(groupKey(refs.resourceGroup)) ?? 'unknown',
          ...(refs.keyVaultName
            ? {
                keyVault: {
                  name: refs.keyVaultName,
                  exists: vaultNames === 'unknown' ? ('unknown' as const) : vaultNames.has(refs.keyVaultName),
                },
              }
            : {}),
          storageAccounts: refs.storageAccountIds.map((id) => ({ id, exists: existsByStorage.get(id.toLowerCase()) ?? 'unknown' })),
          canRecover: permitted(permissionsByGroup.get(groupKey(refs.resourceGroup)) ?? 'unknown', ACTIONS.recover),
          canPurge: permitted(subscriptionPermissions, ACTIONS.purge),
          canCreateResourceGroup: permitted(subscriptionPermissions, ACTIONS.createResourceGroup),
        },
        now,
      ),
    )
    .filter((account): account is DeletedAccount => account !== undefined);
}
