import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { readArmList } from '@/lib/arm/operations';
import { CHECK_CONCURRENCY, groupExists, groupPermissions, permitted, subscriptionPermissions } from '@/lib/arm/read-access';
import type { ArmSession } from '@/lib/arm/session';
import { readTimeout, softDeleteOperations } from '@/lib/arm/soft-delete';
import type { Known } from '@/lib/deleted-resources/dependencies';
import { ACTIONS } from '@/lib/deleted-resources/permissions';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import type { ResourceTypeOperations } from '../definition';
import { resolveKeyVaults, resolveStorageAccounts } from './resolve-dependencies';
import { readArmDeletedAccount, readDeletedAccountReferences, sharedAssessments, toDeletedAccount, type AccountChecks, type ArmDeletedAccount, type DeletedAccountReferences } from './to-deleted-account';

/** The RBAC actions for recover (at the resource group or above) and purge (at the subscription). */
export const ACCOUNT_ACTIONS = {
  recover: 'Microsoft.CognitiveServices/accounts/write',
  purge: 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete',
};

/**
 * Deleted accounts, page by page through the Cognitive Services client's own pipeline (auth, retries, host
 * guard) and api-version, but without its model deserializer: that took about 37 µs of CPU per account,
 * half of all the CPU listing cost the server, and made "All subscriptions" CPU-bound (`npm run bench` row 2).
 * The few fields the portal reads are type-checked by readArmDeletedAccount instead.
 */
async function listDeletedAccounts(session: ArmSession, subscriptionId: string): Promise<ArmDeletedAccount[]> {
  const client = session.cognitiveServices(subscriptionId);
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=${encodeURIComponent(client.apiVersion)}`;
  return readArmList(session, client, path, readArmDeletedAccount);
}

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
async function readDeletedAccounts(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedResource[]> {
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
  const subscriptionGrantsRecover = permitted(permissionsAtSubscription, ACCOUNT_ACTIONS.recover) === true;
  // Read once per action: the other types' rows in the same groups ask for the same permissions.
  const permissionsByGroup = await mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) =>
    existsByGroup.get(groupKey(group)) === true && !subscriptionGrantsRecover
      ? groupPermissions(session, subscriptionId, group)
      : Promise.resolve(permissionsAtSubscription),
  );
  // Each rule is decided once per resource group or subscription, not once per account.
  const canPurge = permitted(permissionsAtSubscription, ACCOUNT_ACTIONS.purge);
  const canCreateResourceGroup = permitted(permissionsAtSubscription, ACTIONS.createResourceGroup);
  const canRecoverByGroup = new Map(groups.map((group, i) => [groupKey(group), permitted(permissionsByGroup[i] ?? 'unknown', ACCOUNT_ACTIONS.recover)]));

  const accounts: DeletedResource[] = [];
  const assess = sharedAssessments();
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
    const reshaped = toDeletedAccount(account, checks, now, refs, assess);
    if (reshaped) accounts.push(reshaped);
  }
  return accounts;
}

export const cognitiveAccountOperations: ResourceTypeOperations = {
  list: readDeletedAccounts,
  ...softDeleteOperations({
    getDeleted: (session, ref) =>
      session.cognitiveServices(ref.subscriptionId).deletedAccounts.get(ref.location, ref.resourceGroup, ref.name, readTimeout()),
    getLive: (session, ref) => session.cognitiveServices(ref.subscriptionId).accounts.get(ref.resourceGroup, ref.name, readTimeout()),
    // Recover = PUT the account with restore:true in its original location. 201 creates it again; 200 answers
    // an account that was already live (recovered by someone else meanwhile).
    recover: (session, ref, options) =>
      session.cognitiveServices(ref.subscriptionId).accounts.beginCreateAndWait(ref.resourceGroup, ref.name, { location: ref.location, properties: { restore: true } }, options),
    alreadyLiveStatus: 200,
    // Purge = DELETE on the deletedAccounts path in the account's own region; 204 is ARM's "nothing to purge".
    purge: (session, ref, options) =>
      session.cognitiveServices(ref.subscriptionId).deletedAccounts.beginPurgeAndWait(ref.location, ref.resourceGroup, ref.name, options),
  }),
};
