import 'server-only';
import { mapWithConcurrency } from '@/lib/concurrency';
import { CHECK_CONCURRENCY, permitted, readRestoreFacts, subscriptionPermissions } from '@/lib/arm/read-access';
import type { ArmSession } from '@/lib/arm/session';
import { formatUtc } from '@/lib/deleted-resources/format-time';
import { regionDisplayName } from '@/lib/deleted-resources/regions';
import { assessDeletedResource } from '@/lib/deleted-resources/status';
import type { DeletedResource, ResourceRef } from '@/lib/deleted-resources/types';

/** One deleted resource of a type that depends on nothing else, as its type read it from ARM. */
export interface DeletedEntry {
  /** ARM id of the deleted resource. */
  id: string;
  ref: ResourceRef;
  deletedAt: Date | null;
  scheduledPurgeAt: Date | null;
  /** Why nobody can purge it (purge protection, or a type without purge), said on the row. */
  purgeRefused?: string;
}

/** The RBAC actions that allow a type's recover (at its resource group or above) and purge (at the subscription). */
export interface TypeActions {
  recover: string;
  purge?: string;
}

/** What a purge-protected row says of its purge (Key Vaults and App Configuration stores). */
export function purgeProtectedUntil(scheduledPurgeAt: Date | null): string {
  return `Purge protection is on: nobody can purge it; Azure removes it${scheduledPurgeAt ? ` on ${formatUtc(scheduledPurgeAt)}` : ' when its retention ends'}.`;
}

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Deleted resources that need only their resource group (Key Vaults, storage accounts, App Configuration
 * stores, API Management services), each with its status: whether its group exists, and what the caller may
 * do. Permissions and groups are read once per action, however many rows share them.
 */
export async function assessDeletedEntries(
  session: ArmSession,
  subscriptionId: string,
  now: Date,
  actions: TypeActions,
  entries: readonly DeletedEntry[],
): Promise<DeletedResource[]> {
  const atSubscription = await subscriptionPermissions(session, subscriptionId);
  const canPurge = actions.purge ? permitted(atSubscription, actions.purge) : false;
  return mapWithConcurrency(entries, CHECK_CONCURRENCY, async (entry): Promise<DeletedResource> => {
    const { ref } = entry;
    const where = { subscriptionId: ref.subscriptionId, resourceGroup: ref.resourceGroup, location: ref.location };
    const facts = await readRestoreFacts(session, where, actions.recover);
    const { status, prerequisites } = assessDeletedResource({
      now,
      scheduledPurgeAt: entry.scheduledPurgeAt,
      ...where,
      resourceGroupExists: facts.resourceGroupExists,
      dependencies: [],
      canRecover: facts.canRestore,
      canPurge,
      canCreateResourceGroup: facts.canCreateResourceGroup,
      ...(entry.purgeRefused ? { purgeRefused: entry.purgeRefused } : {}),
    });
    return {
      id: entry.id,
      type: ref.type,
      name: ref.name,
      kind: '',
      kindDisplayName: '',
      location: ref.location,
      locationDisplayName: regionDisplayName(ref.location),
      subscriptionId: ref.subscriptionId,
      resourceGroup: ref.resourceGroup,
      deletedAt: isoOrNull(entry.deletedAt),
      scheduledPurgeAt: isoOrNull(entry.scheduledPurgeAt),
      status,
      prerequisites,
      ref,
    };
  });
}

/** Milliseconds-safe Date from ARM's time (a Date from an SDK, or an ISO string); null when absent or unreadable. */
export function dateOrNull(value: Date | string | undefined | null): Date | null {
  if (value === undefined || value === null) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** `/subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}` → its parts; undefined for any other id. */
export function parseResourceId(id: string | undefined): { subscriptionId: string; resourceGroup: string; name: string } | undefined {
  const match = id ? /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id) : null;
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { subscriptionId: match[1].toLowerCase(), resourceGroup: match[2], name: match[3] };
}

/** The region segment of a deleted resource's id: `.../locations/{location}/deleted.../{name}`. */
export function locationOfDeletedId(id: string | undefined): string | undefined {
  return id ? /\/locations\/([^/]+)\//i.exec(id)?.[1] : undefined;
}
