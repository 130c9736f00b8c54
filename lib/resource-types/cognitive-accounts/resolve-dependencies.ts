import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { check, CHECK_CONCURRENCY, findDeleted, readableSubscriptionIds, readRestoreFacts, type DeletedList } from '@/lib/arm/read-access';
import type { ArmSession } from '@/lib/arm/session';
import { oncePerSession } from '@/lib/arm/session-memo';
import { keyVaultExists, type Known } from '@/lib/deleted-resources/dependencies';
import type { DependencyState } from '@/lib/deleted-resources/status';
import { deletedVaultsOf, KEY_VAULT_ACTIONS, listKeyVaultNames, type DeletedVaultSummary } from '../key-vaults/server';
import { deletedStorageOf, restorableUntil, STORAGE_ACTIONS, storageAccountExists } from '../storage-accounts/server';
import type { StorageRestore, VaultRestore } from './dependencies';

/**
 * Where the resources a deleted account depends on stand (its customer-managed-key vault, its user-owned
 * storage), and when they are soft-deleted, what bringing them back needs: their resource group and the
 * caller's rights there. Every read is made once per portal action, however many accounts share it.
 */

/** Key Vault names (lower case) per subscription the caller can read: the vault URI does not say which subscription holds it. */
function liveVaultDirectory(session: ArmSession): Promise<Known<Set<string>>[]> {
  return oncePerSession(session, 'vaults:all', async () => {
    const subscriptions = await check(() => readableSubscriptionIds(session));
    if (subscriptions === 'unknown') return ['unknown' as const];
    return mapWithConcurrency(subscriptions, CHECK_CONCURRENCY, (subscriptionId) => liveVaults(session, subscriptionId));
  });
}

function liveVaults(session: ArmSession, subscriptionId: string): Promise<Known<Set<string>>> {
  return oncePerSession(session, `vaults:${subscriptionId}`, () => check(() => listKeyVaultNames(session, subscriptionId)));
}

/**
 * Where each Key Vault (by name) stands. Live: found among the vaults of the account's own subscription, or
 * of any other subscription the caller can read. Otherwise the deleted vaults are searched the same way.
 */
export async function resolveKeyVaults(session: ArmSession, subscriptionId: string, names: string[]): Promise<Map<string, DependencyState<VaultRestore>>> {
  const states = new Map<string, DependencyState<VaultRestore>>();
  if (names.length === 0) return states;
  const own = await liveVaults(session, subscriptionId);
  const liveLists = names.every((name) => keyVaultExists(name, [own]) === true) ? [own] : [own, ...(await liveVaultDirectory(session))];
  const missing = names.filter((name) => keyVaultExists(name, liveLists) === false);
  for (const name of names) {
    const live = keyVaultExists(name, liveLists);
    if (live !== false) states.set(name.toLowerCase(), { state: live === true ? 'live' : 'unknown' });
  }
  if (missing.length === 0) return states;

  const ownDeleted = await deletedVaultsOf(session, subscriptionId);
  let deletedLists: DeletedList<DeletedVaultSummary>[] = [ownDeleted];
  if (missing.some((name) => !(ownDeleted instanceof Map && ownDeleted.has(name.toLowerCase())))) {
    const others = await check(() => readableSubscriptionIds(session));
    deletedLists =
      others === 'unknown'
        ? [ownDeleted, 'unknown']
        : [ownDeleted, ...(await mapWithConcurrency(others.filter((id) => id !== subscriptionId), CHECK_CONCURRENCY, (id) => deletedVaultsOf(session, id)))];
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
      const facts = await readRestoreFacts(session, { subscriptionId: owner, resourceGroup, location }, KEY_VAULT_ACTIONS.recover);
      states.set(name.toLowerCase(), {
        state: 'deleted',
        restore: { ...facts, until: vault.scheduledPurgeAt, purgeProtected: vault.purgeProtected },
      });
    }),
  );
  return states;
}

/** Where each user-owned storage account (by ARM id, lower case) stands: live, soft-deleted (restorable for 14 days), or gone. */
export async function resolveStorageAccounts(session: ArmSession, subscriptionId: string, ids: string[]): Promise<Map<string, DependencyState<StorageRestore>>> {
  const existence = await mapWithConcurrency(ids, CHECK_CONCURRENCY, (id) => check(() => storageAccountExists(session, subscriptionId, id)));
  const states = new Map<string, DependencyState<StorageRestore>>();
  await Promise.all(
    ids.map(async (id, i) => {
      const exists = existence[i] ?? 'unknown';
      if (exists !== false) {
        states.set(id.toLowerCase(), { state: exists === true ? 'live' : 'unknown' });
        return;
      }
      const result = findDeleted([await deletedStorageOf(session, (id.split('/')[2] ?? subscriptionId).toLowerCase())], id.toLowerCase());
      if (typeof result === 'string') {
        states.set(id.toLowerCase(), { state: result });
        return;
      }
      const account = result.found;
      const { subscriptionId: owner, resourceGroup, location } = account;
      const facts = await readRestoreFacts(session, { subscriptionId: owner, resourceGroup, location }, STORAGE_ACTIONS.recover);
      states.set(id.toLowerCase(), {
        state: 'deleted',
        restore: {
          ...facts,
          creationTime: account.creationTime,
          until: restorableUntil(account),
        },
      });
    }),
  );
  return states;
}
