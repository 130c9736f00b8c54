import type { ActionError } from '@/lib/action-result';
import { RESOURCE_TYPES, resourceTypeOf } from '@/lib/resource-types';
import type { DeletedResource } from './types';

/**
 * Who deleted a resource, from ARM's activity log: a delete of the resource itself, or of the resource group it
 * was in (which took it along). Azure keeps the log 90 days, and reading it needs
 * Microsoft.Insights/eventtypes/values/read on the subscription.
 */
export interface DeleteEvent {
  /** The target's ARM id in lower case: the resource, or its resource group. */
  resourceId: string;
  /** A user principal name, or "application <application id>" for a service principal. */
  caller: string;
  /** ISO time of the event. */
  at: string;
}

export type DeletedBy =
  | { state: 'known'; caller: string; at: string; resourceGroup?: string }
  | { state: 'unknown'; reason: string }
  | { state: 'loading' };

/** How far back the activity log goes (ARM refuses an older start with 400). */
export const ACTIVITY_LOG_DAYS = 90;
const DAY_MS = 24 * 3600_000;

/** The earliest start ARM accepts now, with an hour to spare for clocks that differ. */
export const activityLogStart = (now: number) => now - ACTIVITY_LOG_DAYS * DAY_MS + 3600_000;
/** A delete's event and ARM's deletion time of the row are not the same instant: an async delete ends later. */
const EVENT_SLACK_MS = 30 * 60_000;

const resourceGroupId = (row: DeletedResource) => `/subscriptions/${row.subscriptionId}/resourcegroups/${row.resourceGroup}`.toLowerCase();

/** The id the resource had while it was live, which its delete event names. */
export function liveResourceId(row: DeletedResource): string | undefined {
  const type = resourceTypeOf(row.type);
  return type && `${resourceGroupId(row)}/providers/${type.armType}/${row.name}`.toLowerCase();
}

const namespaceOf = (armType: string) => armType.split('/')[0] ?? armType;

/** Every resource provider whose events may name a row's delete: the listed types', and Microsoft.Resources for group deletes. */
export const ACTIVITY_LOG_PROVIDERS: readonly string[] = [...new Set([...RESOURCE_TYPES.map((type) => namespaceOf(type.armType)), 'Microsoft.Resources'])];

/** The providers to read for these rows: their types', and Microsoft.Resources for group deletes. */
export function providersOf(rows: readonly DeletedResource[]): string[] {
  const namespaces = new Set(rows.flatMap((row) => {
    const type = resourceTypeOf(row.type);
    return type ? [namespaceOf(type.armType)] : [];
  }));
  return [...namespaces, 'Microsoft.Resources'].sort();
}

/**
 * The time window to read for the rows: from the earliest deletion to the latest, with slack, never before the
 * 90 days the log keeps; null when no row was deleted within them (nothing to read). Rounded out to the hour,
 * so a refresh asks for the same window and the answer comes from the cache.
 */
export function activityLogWindow(rows: readonly DeletedResource[], now: number): { from: string; to: string } | null {
  const oldest = activityLogStart(now);
  const times = rows.flatMap((row) => (row.deletedAt ? [Date.parse(row.deletedAt)] : [])).filter((time) => time >= oldest);
  if (times.length === 0) return null;
  const hour = 3600_000;
  const from = Math.max(oldest, Math.floor((Math.min(...times) - EVENT_SLACK_MS) / hour) * hour);
  const to = Math.ceil((Math.max(...times) + EVENT_SLACK_MS) / hour) * hour;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** A subscription's delete events by the id they name, for looking rows up (built once per answer). */
export type DeleteEventIndex = ReadonlyMap<string, readonly DeleteEvent[]>;

export function indexDeleteEvents(events: readonly DeleteEvent[]): DeleteEventIndex {
  const index = new Map<string, DeleteEvent[]>();
  for (const event of events) index.set(event.resourceId, [...(index.get(event.resourceId) ?? []), event]);
  return index;
}

/**
 * Who deleted the row: the latest delete of the resource itself near its deletion time, else its resource
 * group's; "unknown" with the reason otherwise. Events further from the deletion belong to another life of the
 * same name.
 */
export function deletedByOf(row: DeletedResource, events: DeleteEventIndex, now: number): DeletedBy {
  if (row.deletedAt === null) return { state: 'unknown', reason: 'ARM does not say when it was deleted' };
  const deletedAt = Date.parse(row.deletedAt);
  if (deletedAt < activityLogStart(now)) {
    return { state: 'unknown', reason: `deleted more than ${ACTIVITY_LOG_DAYS} days ago; the activity log keeps ${ACTIVITY_LOG_DAYS} days` };
  }
  const latest = (id: string | undefined) => {
    let found: DeleteEvent | undefined;
    for (const event of (id && events.get(id)) || []) {
      const at = Date.parse(event.at);
      if (Math.abs(at - deletedAt) > EVENT_SLACK_MS) continue;
      if (!found || at > Date.parse(found.at)) found = event;
    }
    return found;
  };
  const own = latest(liveResourceId(row));
  if (own) return { state: 'known', caller: own.caller, at: own.at };
  const group = latest(resourceGroupId(row));
  if (group) return { state: 'known', caller: group.caller, at: group.at, resourceGroup: row.resourceGroup };
  return { state: 'unknown', reason: 'the activity log has no delete event for it' };
}

/** The export's text (and the cell's while unknown or loading): "admin@contoso.test at <ISO time>", "unknown: <why>". */
export function deletedByText(deletedBy: DeletedBy): string {
  if (deletedBy.state === 'loading') return 'reading the activity log';
  if (deletedBy.state === 'unknown') return `unknown: ${deletedBy.reason}`;
  return `${deletedBy.caller} at ${deletedBy.at}${deletedBy.resourceGroup ? ` (with resource group ${deletedBy.resourceGroup})` : ''}`;
}

/** Why a subscription's log could not be read, as the Deleted by column says it. */
export function unreadableLogReason(error: ActionError): string {
  if (error.status === 403 || error.code === 'AuthorizationFailed') {
    return "you can't read this subscription's activity log (it needs Microsoft.Insights/eventtypes/values/read, which Reader has)";
  }
  if (error.kind === 'sign-in-required') return 'sign in again to read the activity log';
  return `the activity log could not be read (${error.code})`;
}
