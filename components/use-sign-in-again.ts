'use client';

import { useCallback } from 'react';
import { useMsal } from '@azure/msal-react';
import { ARM_SCOPES } from '@/lib/auth/msal-config';

/**
 * Sign in (again) by redirect. MSAL returns to the page that started it, URL included, so filters and the
 * chosen subscription survive.
 */
export function useSignInAgain() {
  const { instance, accounts } = useMsal();
  return useCallback(() => {
    const account = instance.getActiveAccount() ?? accounts[0];
    void instance.loginRedirect({
      scopes: ARM_SCOPES,
      ...(account?.username ? { loginHint: account.username } : {}),
      redirectStartPage: window.location.href,
    });
  }, [instance, accounts]);
}
