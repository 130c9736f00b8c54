import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { keyVaultExists, type Known } from '@/lib/deleted-accounts/dependencies';
import { ACTIONS, isActionPermitted, type PermissionSet } from '@/lib/deleted-accounts/permissions';
import {
  readDeletedAccountReferences,
  toDeletedAccount,
  type AccountChecks,
  type DeletedAccountReferences,
} from '@/lib/deleted-accounts/to-deleted-account';
import type { DeletedAccount } from '@/lib/deleted-accounts/types';
import type { ArmSession } from './session';
import {
  listDeletedAccounts,
  listKeyVaultNames,
  listResourceGroupNames,
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

/**
 * Whether each resource group exists. One list of the subscription's groups answers for all of them, but
 * only when the caller may read every group there: ARM leaves unreadable groups out of the list, and such a
 * group must read as 'unknown', not as gone. Otherwise (and for a single group) each group is asked on its
 * own. Row 2 of `npm run bench` (20 subscriptions, 10 groups each) went from 321 requests to 141.
 */
async function readGroupExistence(
  session: ArmSession,
  subscriptionId: string,
  groups: string[],
  subscriptionPermissionsRead: Promise<Known<PermissionSet[]>>,
): Promise<Known<boolean>[]> {
  const mayListAll = groups.length > 1 && permitted(await subscriptionPermissionsRead, ACTIONS.readResourceGroups) === true;
  if (mayListAll) {
    const names = await check(() => listResourceGroupNames(session, subscriptionId));
    if (names !== 'unknown') return groups.map((group) => names.has(group.toLowerCase()));
  }
  return mapWithConcurrency(groups, CHECK_CONCURRENCY, (group) => check(() => resourceGroupExists(session, subscriptionId, group)));
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
    readGroupExistence(session, subscriptionId, groups, subscriptionPermissionsRead),
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
  // Each rule is decided once per resource group or subscription, not once per account.
  const canPurge = permitted(subscriptionPermissions, ACTIONS.purge);
  const canCreateResourceGroup = permitted(subscriptionPermissions, ACTIONS.createResourceGroup);
  const canRecoverByGroup = new Map(groups.map((group, i) => [groupKey(group), permitted(groupPermissions[i] ?? 'unknown', ACTIONS.recover)]));

  const accounts: DeletedAccount[] = [];
  for (const { raw: account, refs } of entries) {
    const group = groupKey(refs.resourceGroup);
    const checks: AccountChecks = {
      resourceGroupExists: existsByGroup.get(group) ?? 'unknown',
      storageAccounts: refs.storageAccountIds.map((id) => ({ id, exists: existsByStorage.get(id.toLowerCase()) ?? 'unknown' })),
      canRecover: canRecoverByGroup.get(group) ?? 'unknown',
      canPurge,
      canCreateResourceGroup,
    };
    if (refs.keyVaultName) checks.keyVault = { name: refs.keyVaultName, exists: keyVaultExists(refs.keyVaultName, vaultLists) };
    const reshaped = toDeletedAccount(account, checks, now, refs);
    if (reshaped) accounts.push(reshaped);
  }
  return accounts;
}
