import 'server-only';
import type { DeleteEvent } from '@/lib/deleted-resources/deleted-by';
import { RESOURCE_TYPES } from '@/lib/resource-types';
import type { ArmSession } from './session';

/** The operations that delete a row's resource, or the resource group that took it along (lower case). */
const DELETE_OPERATIONS = new Set([...RESOURCE_TYPES.map((type) => `${type.armType}/delete`), 'Microsoft.Resources/subscriptions/resourceGroups/delete'].map((op) => op.toLowerCase()));

/** The outcomes of a delete that happened: 'Accepted' ends an asynchronous delete's request (a resource group's). */
const HAPPENED = new Set(['succeeded', 'accepted']);

/**
 * Who the event names: a user's principal name as ARM gives it; for a service principal ARM's `caller` is its
 * object id, a GUID nobody recognises, so its application id (the token's `appid` claim) is named instead.
 */
function callerOf(caller: string, claims: Record<string, string> | undefined): string {
  const appId = claims?.appid;
  return caller.includes('@') || !appId ? caller : `application ${appId}`;
}

/**
 * The subscription's delete events in [from, to], one provider at a time: the activity log accepts one
 * `resourceProvider eq` clause per query (the only filters ARM allows are listed in
 * ../shared/arm-contract-types.md §5.1), and narrowing by provider keeps a busy subscription's other writes out.
 * No `$select`: its documented values leave out `caller`, the one field this is for. Throws as ARM refused
 * (403 without Microsoft.Insights/eventtypes/values/read on the subscription).
 */
export async function readDeleteEvents(session: ArmSession, subscriptionId: string, window: { from: string; to: string }, providers: readonly string[]): Promise<DeleteEvent[]> {
  const client = session.monitor(subscriptionId);
  const perProvider = await Promise.all(
    providers.map(async (provider) => {
      const events: DeleteEvent[] = [];
      const filter = `eventTimestamp ge '${window.from}' and eventTimestamp le '${window.to}' and resourceProvider eq '${provider}'`;
      for await (const event of client.activityLogs.list(filter)) {
        const operation = event.operationName?.value?.toLowerCase();
        if (!operation || !DELETE_OPERATIONS.has(operation)) continue;
        if (!HAPPENED.has(event.status?.value?.toLowerCase() ?? '')) continue;
        if (!event.caller || !event.resourceId || !event.eventTimestamp) continue;
        events.push({ resourceId: event.resourceId.toLowerCase(), caller: callerOf(event.caller, event.claims), at: event.eventTimestamp.toISOString() });
      }
      return events;
    }),
  );
  return perProvider.flat();
}
