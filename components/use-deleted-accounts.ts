'use client';

import { useQuery } from '@tanstack/react-query';
import { listDeletedAccounts, listSubscriptions } from '@/app/actions';
import { actionErrorOf, unwrap } from './action-failure';
import { ACCOUNTS_RECEIVED_MARK } from './performance-marks';
import { useActiveAccount, useArmCall } from './use-arm-call';

/** Only a failure another attempt may fix is retried; a needed sign-in or a refusal is shown at once. */
function retryUnavailable(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && actionErrorOf(error).kind === 'unavailable';
}

export function useSubscriptions() {
  const call = useArmCall();
  const account = useActiveAccount();
  return useQuery({
    queryKey: ['subscriptions', account?.homeAccountId],
    queryFn: async () => unwrap(await call(listSubscriptions, {})),
    enabled: account !== null,
    staleTime: 5 * 60 * 1000,
    retry: retryUnavailable,
  });
}

export function deletedAccountsKey(homeAccountId: string | undefined, subscription: string) {
  return ['deleted-accounts', homeAccountId, subscription] as const;
}

export function useDeletedAccounts(subscription: string) {
  const call = useArmCall();
  const account = useActiveAccount();
  return useQuery({
    queryKey: deletedAccountsKey(account?.homeAccountId, subscription),
    queryFn: async () => {
      const listed = unwrap(await call(listDeletedAccounts, { subscription }));
      performance.mark(ACCOUNTS_RECEIVED_MARK);
      return listed;
    },
    enabled: account !== null,
    retry: false,
  });
}
