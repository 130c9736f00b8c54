import 'server-only';
import type { Known } from '@/lib/deleted-resources/dependencies';
import { ACTIONS, isActionPermitted, type PermissionSet } from '@/lib/deleted-resources/permissions';
import type { RestoreFacts } from '@/lib/deleted-resources/status';
import { listResourceGroupNames, listResourceGroupPermissions, listSubscriptionPermissions, listSubscriptions, resourceGroupExists } from './operations';
import type { ArmSession } from './session';
import { oncePerSession } from './session-memo';

/**
 * What the caller may do and what exists around a deleted resource: permissions at the subscription and at a
 * resource group, whether a group exists. Every read is made once per portal action (oncePerSession), however
 * many rows, and however many types, share it.
 */

/** How many ARM reads one list call keeps in flight for its checks. */
export const CHECK_CONCURRENCY = 16;

/** Runs a check; a failing check becomes 'unknown' (the status then says it could not check) rather than failing the list. */
export async function check<T>(run: () => Promise<T>): Promise<Known<T>> {
  try {
    return await run();
  } catch {
    return 'unknown';
  }
}

export function permitted(permissions: Known<PermissionSet[]>, action: string): Known<boolean> {
  return permissions === 'unknown' ? 'unknown' : isActionPermitted(permissions, action);
}

export function subscriptionPermissions(session: ArmSession, subscriptionId: string): Promise<Known<PermissionSet[]>> {
  return oncePerSession(session, `permissions:${subscriptionId}`, () => check(() => listSubscriptionPermissions(session, subscriptionId)));
}

export function groupPermissions(session: ArmSession, subscriptionId: string, resourceGroup: string): Promise<Known<PermissionSet[]>> {
  const key = `permissions:${subscriptionId}/${resourceGroup}`.toLowerCase();
  return oncePerSession(session, key, () => check(() => listResourceGroupPermissions(session, subscriptionId, resourceGroup)));
}

/** Names (lower case) of the subscription's resource groups, listed once per action. */
function resourceGroupNames(session: ArmSession, subscriptionId: string): Promise<Known<Set<string>>> {
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

/**
 * Starts the reads every type's status needs in a subscription (the caller's permissions there, its resource
 * groups) while the types' lists are still on their way, so the checks after a list wait for nothing.
 */
export function prefetchSubscriptionReads(session: ArmSession, subscriptionId: string): void {
  // The group list answers for groups only when the caller may read them all (see groupExists).
  void subscriptionPermissions(session, subscriptionId).then((permissions) =>
    permitted(permissions, ACTIONS.readResourceGroups) === true ? resourceGroupNames(session, subscriptionId) : undefined,
  );
}

export function readableSubscriptionIds(session: ArmSession): Promise<string[]> {
  return oncePerSession(session, 'subscriptions', async () => (await listSubscriptions(session)).map((sub) => sub.subscriptionId));
}

/**
 * What bringing back a deleted resource needs: its group, and the caller's right to write there (or to
 * create the group). A role at the subscription is inherited by every group: the group is asked only when
 * the subscription does not grant it.
 */
export async function readRestoreFacts(
  session: ArmSession,
  where: { subscriptionId: string; resourceGroup: string; location: string },
  writeAction: string,
): Promise<Omit<RestoreFacts, 'until'>> {
  const [exists, atSubscription] = await Promise.all([
    groupExists(session, where.subscriptionId, where.resourceGroup),
    subscriptionPermissions(session, where.subscriptionId),
  ]);
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
 * A subscription's list of deleted resources of one type, by key, or 'unlisted' when the caller may not read
 * it (some types answer an empty list rather than 403, which must not be read as "purged").
 */
export type DeletedList<T> = Known<Map<string, T> | 'unlisted'>;

/** The first list that has `key`; otherwise 'unknown' if any list could not be read, 'unlisted' if any may not be, else gone. */
export function findDeleted<T>(lists: DeletedList<T>[], key: string): { found: T } | 'gone' | 'unlisted' | 'unknown' {
  for (const list of lists) {
    if (list instanceof Map && list.has(key)) return { found: list.get(key) as T };
  }
  if (lists.some((list) => list === 'unknown')) return 'unknown';
  if (lists.some((list) => list === 'unlisted')) return 'unlisted';
  return 'gone';
}
