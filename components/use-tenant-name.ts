'use client';

import { useQuery } from '@tanstack/react-query';
import type { AccountInfo } from '@azure/msal-browser';
import { listTenants } from '@/app/actions';
import { unwrap } from './action-failure';
import { useArmCall } from './use-arm-call';

/**
 * The signed-in tenant's name as ARM lists it (`GET /tenants`); its id until the name is read, and when ARM
 * gives none or the read fails (a name is a courtesy: its failure is not shown).
 */
export function useTenantName(account: AccountInfo): string {
  const call = useArmCall();
  const tenants = useQuery({
    queryKey: ['tenants', account.homeAccountId],
    queryFn: async () => unwrap(await call(listTenants, {})),
    // A tenant is renamed rarely; the name is read once per sign-in.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const tenantId = account.tenantId.toLowerCase();
  return tenants.data?.find((tenant) => tenant.tenantId === tenantId)?.displayName ?? account.tenantId;
}
