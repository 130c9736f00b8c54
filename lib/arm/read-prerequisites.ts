import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { keyVaultExists, type Known } from '@/lib/deleted-accounts/dependencies';
import { ACTIONS, isActionPermitted, type PermissionSet } from '@/lib/deleted-accounts/permissions';
import type { DependencyState, RestoreFacts } from '@/lib/deleted-accounts/status';
import {
  listDeletedStorageAccounts,
  listDeletedVaults,
  listKeyVaultNames,
  listResourceGroupNames,
  listResourceGroupPermissions,
  listSubscriptionPermissions,
  listSubscriptions,
  resourceGroupExists,
  STORAGE_RETENTION_MS,
  storageAccountExists,
  type DeletedStorageSummary,
  type DeletedVaultSummary,
} from './operations';
import type { ArmSession } from './session';
import { oncePerSession } from './session-memo';

/**
 * Where the resources a deleted account depends on stand (its customer-managed-key vault, its user-owned
 * storage), and when they are soft-deleted, what bringing them back needs: their resource group and the
 * caller's rights there. Every read is made once per portal action, however many accounts share it.
 */

/** How many ARM reads one list call keeps in flight for its checks (see lib/arm/read-deleted-accounts.ts). */
export const CHECK_CONCURRENCY = 16;

/** Runs a check; a failing check becomes 'unknown' (the status then says it could not check) rather than failing the list. */
export async function check<T>(run: () => Promise<T>): Promise<Known<T>> {
  try {
    return await run();
  } catch {
    return 'unknown';
  }
}

export function permitted(permissions: Known<PermissionSet[]>, action: string): boolean | 'unknown' {
  return permissions === 'unknown' ? 'unknown' : isActionPermitted(permissions, action);
}

export function subscriptionPermissions(session: ArmSession, subscriptionId: string): Promise<Known<PermissionSet[]>> {
  return oncePerSession(session, `permissions:${subscriptionId}`, () => check(() => listSubscriptionPermissions(session, subscriptionId)));
}

function groupPermissions(session: ArmSession, subscriptionId: string, resourceGroup: string): Promise<Known<PermissionSet[]>> {
  const key = `permissions:${subscriptionId}/${resourceGroup}`.toLowerCase();
  return oncePerSession(session, key, () => check(() => listResourceGroupPermissions(session, subscriptionId, resourceGroup)));
}

/** Names (lower case) of the subscription's resource groups, listed once per action. */
export function resourceGroupNames(session: ArmSession, subscriptionId: string): Promise<Known<Set<string>>> {
  return oncePerSession(session, `groups:${subscriptionId}`, () => check(() => listResourceGroupNames(session, subscriptionId)));
}

/**
 * Whether a resource group exists: from the subscription's one list when the caller may read every group
 * there (ARM leaves unreadable groups out of a list, so otherwise a missing name proves nothing), else asked
 * on its own.
 */
export async function groupExists(session: ArmSession, subscriptionId: string, resourceGroup: string): Promise<Known<boolean>> {
  if (permitted(await subscriptionPermissions(session, subscriptionId), ACTIONS.readResourceGroups) === true) {
    const names = await resourceGroupNames(session, subscriptionId);
    if (names !== 'unknown') return names.has(resourceGroup.toLowerCase());
  }
  const key = `group:${subscriptionId}/${resourceGroup}`.toLowerCase();
  return oncePerSession(session, key, () => check(() => resourceGroupExists(session, subscriptionId, resourceGroup)));
}

/** Key Vault names (lower case) per subscription the caller can read: the vault URI does not say which subscription holds it. */
function liveVaultDirectory(session: ArmSession): Promise<Known<Set<string>>[]> {
  return oncePerSession(session, 'vaults:all', async () => {
    const subscriptions = await check(() => readableSubscriptionIds(session));
    if (subscriptions === 'unknown') return ['unknown' as const];
    return mapWithConcurrency(subscriptions, CHECK_CONCURRENCY, (subscriptionId) => liveVaults(session, subscriptionId));
  });
}

function readableSubscriptionIds(session: ArmSession): Promise<string[]> {
  return oncePerSession(session, 'subscriptions', async () => (await listSubscriptions(session)).map((sub) => sub.subscriptionId));
}

function liveVaults(session: ArmSession, subscriptionId: string): Promise<Known<Set<string>>> {
  return oncePerSession(session, `vaults:${subscriptionId}`, () => check(() => listKeyVaultNames(session, subscriptionId)));
}

/**
 * A subscription's deleted vaults by name, or 'unlisted' when the caller may not read them: ARM then answers
 * an empty list rather than 403 (arm-contract-types §1.4), which must not be read as "purged".
 */
type DeletedList<T> = Known<Map<string, T> | 'unlisted'>;

function deletedVaults(session: ArmSession, subscriptionId: string): Promise<DeletedList<DeletedVaultSummary>> {
  return oncePerSession(session, `deleted-vaults:${subscriptionId}`, async () => {
    const allowed = permitted(await subscriptionPermissions(session, subscriptionId), 'Microsoft.KeyVault/deletedVaults/read');
    if (allowed === 'unknown') return 'unknown';
    if (!allowed) return 'unlisted';
    const vaults = await check(() => listDeletedVaults(session, subscriptionId));
    return vaults === 'unknown' ? 'unknown' : new Map(vaults.map((vault) => [vault.name.toLowerCase(), vault]));
  });
}

/** Deleted storage accounts by their original id (lower case); 'unlisted' when ARM refuses the list (403). */
function deletedStorage(session: ArmSession, subscriptionId: string): Promise<DeletedList<DeletedStorageSummary>> {
  return oncePerSession(session, `deleted-storage:${subscriptionId}`, async () => {
    try {
      const accounts = await listDeletedStorageAccounts(session, subscriptionId);
      return new Map(accounts.map((account) => [account.id.toLowerCase(), account]));
    } catch (error) {
      return (error as { statusCode?: number }).statusCode === 403 ? 'unlisted' : 'unknown';
    }
  });
}

/** The first list that has `key`; otherwise 'unknown' if any list could not be read, 'unlisted' if any may not be, else gone. */
function findDeleted<T>(lists: DeletedList<T>[], key: string): { found: T } | 'gone' | 'unlisted' | 'unknown' {
  for (const list of lists) {
    if (list instanceof Map && list.has(key)) return { found: list.get(key) as T };
  }
  if (lists.some((list) => list === 'unknown')) return 'unknown';
  if (lists.some((list) => list === 'unlisted')) return 'unlisted';
  return 'gone';
}

/** What bringing back a deleted resource needs: its group, and the caller's right to write there (or to create the group). */
async function restoreFacts(
  session: ArmSession,
  where: { subscriptionId: string; resourceGroup: string; location: string },
  writeAction: string,
): Promise<Omit<RestoreFacts, 'until'>> {
  const [exists, atSubscription] = await Promise.all([
    groupExists(session, where.subscriptionId, where.resourceGroup),
    subscriptionPermissions(session, where.subscriptionId),
  ]);
  // A role at the subscription is inherited by every group: ask the group only when the subscription does not grant it.
  const canWriteAtSubscription = permitted(atSubscription, writeAction);
  const canRestore =
    exists === true && canWriteAtSubscription !== true
      ? permitted(await groupPermissions(session, where.subscriptionId, where.resourceGroup), writeAction)
      : canWriteAtSubscription;
  return {
    ...where,
    resourceGroupExists: exists,
    canRestore,
    canCreateResourceGroup: permitted(atSubscription, ACTIONS.createResourceGroup),
  };
}

/**
 * Where each Key Vault (by name) stands. Live: found among the vaults of the account's own subscription, or
 * of any other subscription the caller can read. Otherwise the deleted vaults are searched the same way.
 */
export async function resolveKeyVaults(session: ArmSession, subscriptionId: string, names: string[]): Promise<Map<string, DependencyState>> {
  const states = new Map<string, DependencyState>();
  if (names.length === 0) return states;
  const own = await liveVaults(session, subscriptionId);
  const liveLists = names.every((name) => keyVaultExists(name, [own]) === true) ? [own] : [own, ...(await liveVaultDirectory(session))];
  const missing = names.filter((name) => keyVaultExists(name, liveLists) === false);
  for (const name of names) {
    const live = keyVaultExists(name, liveLists);
    if (live !== false) states.set(name.toLowerCase(), { state: live === true ? 'live' : 'unknown' });
  }
  if (missing.length === 0) return states;

  const ownDeleted = await deletedVaults(session, subscriptionId);
  let deletedLists: DeletedList<DeletedVaultSummary>[] = [ownDeleted];
  if (missing.some((name) => !(ownDeleted instanceof Map && ownDeleted.has(name.toLowerCase())))) {
    const others = await check(() => readableSubscriptionIds(session));
    deletedLists =
      others === 'unknown'
        ? [ownDeleted, 'unknown']
        : [ownDeleted, ...(await mapWithConcurrency(others.filter((id) => id !== subscriptionId), CHECK_CONCURRENCY, (id) => deletedVaults(session, id)))];
  }
  await Promise.all(
    missing.map(async (name) => {
      const result = findDeleted(deletedLists, name.toLowerCase());
      if (typeof result === 'string') {
        states.set(name.toLowerCase(), { state: result });
        return;
      }
      const vault = result.found;
      const { subscriptionId: owner, resourceGroup, location } = vault;
      const facts = await restoreFacts(session, { subscriptionId: owner, resourceGroup, location }, 'Microsoft.KeyVault/vaults/write');
      states.set(name.toLowerCase(), {
        state: 'deleted',
        restore: { ...facts, until: vault.scheduledPurgeAt, purgeProtected: vault.purgeProtected },
      });
    }),
  );
  return states;
}

/** Where each user-owned storage account (by ARM id, lower case) stands: live, soft-deleted (restorable for 14 days), or gone. */
export async function resolveStorageAccounts(session: ArmSession, subscriptionId: string, ids: string[]): Promise<Map<string, DependencyState>> {
  const existence = await mapWithConcurrency(ids, CHECK_CONCURRENCY, (id) => check(() => storageAccountExists(session, subscriptionId, id)));
  const states = new Map<string, DependencyState>();
  await Promise.all(
    ids.map(async (id, i) => {
      const exists = existence[i] ?? 'unknown';
      if (exists !== false) {
        states.set(id.toLowerCase(), { state: exists === true ? 'live' : 'unknown' });
        return;
      }
      const result = findDeleted([await deletedStorage(session, (id.split('/')[2] ?? subscriptionId).toLowerCase())], id.toLowerCase());
      if (typeof result === 'string') {
        states.set(id.toLowerCase(), { state: result });
        return;
      }
      const account = result.found;
      const { subscriptionId: owner, resourceGroup, location } = account;
      const facts = await restoreFacts(session, { subscriptionId: owner, resourceGroup, location }, 'Microsoft.Storage/storageAccounts/write');
      states.set(id.toLowerCase(), {
        state: 'deleted',
        restore: {
          ...facts,
          creationTime: account.creationTime,
          until: account.deletionTime ? new Date(account.deletionTime.getTime() + STORAGE_RETENTION_MS) : null,
        },
      });
    }),
  );
  return states;
}
