'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { listDeletedResources, listSubscriptions, type DeletedResourcesList } from '@/app/actions';
import { MAX_LISTED_SUBSCRIPTIONS } from '@/lib/deleted-resources/limits';
import { actionErrorOf, unwrap } from '../action-failure';
import { ACCOUNTS_RECEIVED_MARK } from '../performance-marks';
import { useActiveAccount, useArmCall } from '../use-arm-call';

/** Only a failure another attempt may fix is retried; a needed sign-in or a refusal is shown at once. */
function retryUnavailable(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && actionErrorOf(error).kind === 'unavailable';
}

type ArmCall = ReturnType<typeof useArmCall>;

/** The subscriptions the signed-in user can read: the picker's list, and what "All subscriptions" reads. */
function subscriptionsQuery(call: ArmCall, homeAccountId: string | undefined) {
  return {
    queryKey: ['subscriptions', homeAccountId] as const,
    queryFn: async () => unwrap(await call(listSubscriptions, {})),
    staleTime: 5 * 60 * 1000,
    retry: retryUnavailable,
  };
}

export function useSubscriptions() {
  const call = useArmCall();
  const account = useActiveAccount();
  return useQuery({ ...subscriptionsQuery(call, account?.homeAccountId), enabled: account !== null });
}

export function deletedResourcesKey(homeAccountId: string | undefined, subscription: string) {
  return ['deleted-resources', homeAccountId, subscription] as const;
}

/**
 * "All subscriptions": the subscriptions the picker lists (from its cache while fresh, so ARM is not asked
 * for them again on every load and refresh), read side by side on the server, MAX_LISTED_SUBSCRIPTIONS a call.
 */
async function listAllSubscriptions(call: ArmCall, queryClient: QueryClient, homeAccountId: string | undefined): Promise<DeletedResourcesList> {
  const subscriptions = await queryClient.fetchQuery(subscriptionsQuery(call, homeAccountId));
  const ids = subscriptions.map((subscription) => subscription.subscriptionId);
  const lists: DeletedResourcesList[] = [];
  for (let start = 0; start < ids.length; start += MAX_LISTED_SUBSCRIPTIONS) {
    lists.push(unwrap(await call(listDeletedResources, { subscription: ids.slice(start, start + MAX_LISTED_SUBSCRIPTIONS) })));
  }
  return { resources: lists.flatMap((list) => list.resources), failures: lists.flatMap((list) => list.failures) };
}

/** `enabled` false waits (the name box reads all subscriptions only once a name is asked for). */
export function useDeletedResources(subscription: string, enabled = true) {
  const call = useArmCall();
  const account = useActiveAccount();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: deletedResourcesKey(account?.homeAccountId, subscription),
    queryFn: async () => {
      const listed =
        subscription === 'all'
          ? await listAllSubscriptions(call, queryClient, account?.homeAccountId)
          : unwrap(await call(listDeletedResources, { subscription }));
      performance.mark(ACCOUNTS_RECEIVED_MARK);
      return listed;
    },
    enabled: enabled && account !== null,
    retry: false,
  });
}
