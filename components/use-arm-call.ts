'use client';

import { useCallback } from 'react';
import { useMsal } from '@azure/msal-react';
import { InteractionRequiredAuthError, type AccountInfo } from '@azure/msal-browser';
import type { ActionResult } from '@/lib/action-result';
import { ARM_SCOPES } from '@/lib/auth/msal-config';

export function useActiveAccount(): AccountInfo | null {
  const { instance, accounts } = useMsal();
  return instance.getActiveAccount() ?? accounts[0] ?? null;
}

function signInRequired<T>(message: string): ActionResult<T> {
  return { ok: false, error: { kind: 'sign-in-required', code: 'InteractionRequired', message } };
}

/**
 * Calls a server action with a fresh ARM token. The token is fetched silently (MSAL renews it before it
 * expires); if ARM still rejects it (expired, revoked), the token is renewed once and the call repeated,
 * so a long bulk action keeps going. When only interaction can help, the result says "sign in again".
 * `forceRefresh` skips MSAL's cache (a batch whose items ARM refused for an expired token).
 */
export function useArmCall() {
  const { instance } = useMsal();
  const account = useActiveAccount();

  const acquire = useCallback(
    async (forceRefresh: boolean): Promise<string | undefined> => {
      if (!account) return undefined;
      try {
        const result = await instance.acquireTokenSilent({ scopes: ARM_SCOPES, account, forceRefresh });
        return result.accessToken;
      } catch (error) {
        // Interaction required, but also a silent renewal that could not finish (the hidden iframe timing out
        // when the provider's session is gone or third-party cookies are blocked): only a new sign-in helps.
        if (!(error instanceof InteractionRequiredAuthError)) {
          console.warn('Silent token renewal failed; asking for a new sign-in.', error);
        }
        return undefined;
      }
    },
    [instance, account],
  );

  return useCallback(
    async <A extends object, T>(
      action: (input: A & { token: string }) => Promise<ActionResult<T>>,
      args: A,
      options: { forceRefresh?: boolean } = {},
    ): Promise<ActionResult<T>> => {
      const token = await acquire(options.forceRefresh ?? false);
      if (!token) return signInRequired('Your sign-in has expired. Sign in again to continue.');
      const first = await action({ ...args, token });
      if (first.ok || first.error.kind !== 'sign-in-required') return first;
      const renewed = await acquire(true);
      if (!renewed) return signInRequired(first.error.message);
      return action({ ...args, token: renewed });
    },
    [acquire],
  );
}
