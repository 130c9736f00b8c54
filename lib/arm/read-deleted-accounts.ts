import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { keyVaultExists, type Known } from '@/lib/deleted-accounts/dependencies';
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
  listSubscriptions,
  resourceGroupExists,
  storageAccountExists,
} from './operations';

/**
 * How many ARM reads one list call keeps in flight for its checks: 16 covers the resource groups of a typical
 * subscription in one round trip (`npm run bench`, 2,000 accounts in 10 groups), well inside ARM's read bucket
 * (250 per subscription, refilled at 25/s).
 */
const CHECK_CONCURRENCY = 16;

/** Runs a check; a failing check becomes 'unknown' (the status then says it could not check) rather than failing the list. */
async function check<T>(run: () => Promise<T>): Promise<Known<T>> {
  try {
    return await run();
  } catch {
    return 'unknown';
  }
}

/**
 * The Key Vault names of every subscription the caller can read, read at most once per portal action (the
 * "All subscriptions" view reads many subscriptions with one session).
 */
const vaultDirectories = new WeakMap<ArmSession, Promise<Known<Set<string>>[]>>();

function readVaultDirectory(session: ArmSession): Promise<Known<Set<string>>[]> {
  let directory = vaultDirectories.get(session);
  if (!directory) {
    directory = (async () => {
      const subscriptions = await check(() => listSubscriptions(session));
      if (subscriptions === 'unknown') return ['unknown' as const];
      return mapWithConcurrency(subscriptions, CHECK_CONCURRENCY, ({ subscriptionId }) =>
        check(() => listKeyVaultNames(session, subscriptionId)),
      );
    })();
    vaultDirectories.set(session, directory);
  }
  return directory;
}

/** Vault lists to search: the account's own subscription first, every other one only if a vault is missing there. */
async function readVaultLists(session: ArmSession, subscriptionId: string, names: string[]): Promise<Known<Set<string>>[]> {
  if (names.length === 0) return [];
  const own = await check(() => listKeyVaultNames(session, subscriptionId));
  if (names.every((name) => keyVaultExists(name, [own]) === true)) return [own];
  return [own, ...(await readVaultDirectory(session))];
}

function permitted(permissions: Known<PermissionSet[]>, action: string): boolean | 'unknown' {
  return permissions === 'unknown' ? 'unknown' : isActionPermitted(permissions, action);
}

/**
 * A subscription's deleted accounts with their status: for each, whether its resource group, Key Vault and
 * storage still exist and what the caller's permissions allow, using as few ARM reads as possible.
 */
export async function readDeletedAccounts(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedAccount[]> {
  // The caller's permissions do not depend on the list: read them while its pages arrive.
  const subscriptionPermissionsRead = check(() => listSubscriptionPermissions(session, subscriptionId));
  const raw = await listDeletedAccounts(session, subscriptionId);
  const entries = raw
    .map((account) => ({ raw: account, refs: readDeletedAccountReferences(account) }))
    .filter((entry): entry is { raw: typeof entry.raw; refs: DeletedAccountReferences } => entry.refs !== undefined);
  if (entries.length === 0) return [];

  const groupKey = (name: string) => name.toLowerCase();
  const groups = [...new Map(entries.map(({ refs }) => [groupKey(refs.resourceGroup), refs.resourceGroup])).values()];
  const storageIds = [...new Set(entries.flatMap(({ refs }) => refs.storageAccountIds.map((id) => id.toLowerCase())))];
  const vaultNames = [...new Set(entries.flatMap(({ refs }) => (refs.keyVaultName ? [refs.keyVaultName] : [])))];

  const [subscriptionPermissions, groupExistence, vaultLists, storageExistence] = await Promise.all([
    subscriptionPermissionsRead,
    mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) => check(() => resourceGroupExists(session, subscriptionId, group))),
    readVaultLists(session, subscriptionId, vaultNames),
    mapWithConcurrency(storageIds, CHECK_CONCURRENCY, (id) => check(() => storageAccountExists(session, subscriptionId, id))),
  ]);
  const existsByGroup = new Map(groups.map((group, i) => [groupKey(group), groupExistence[i] ?? 'unknown']));
  const existsByStorage = new Map(storageIds.map((id, i) => [id, storageExistence[i] ?? 'unknown']));

  // Recover needs write at the resource group; an existing group may grant more than the subscription does.
  // A role at the subscription is inherited by every group, so when it already grants recover there is nothing to add.
  const subscriptionGrantsRecover = permitted(subscriptionPermissions, ACTIONS.recover) === true;
  const groupPermissions = await mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) =>
    existsByGroup.get(groupKey(group)) === true && !subscriptionGrantsRecover
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
                keyVault: { name: refs.keyVaultName, exists: keyVaultExists(refs.keyVaultName, vaultLists) },
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
