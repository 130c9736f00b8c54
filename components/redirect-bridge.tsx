'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';

/**
 * The page the sign-in authority returns to. It hands the response to the page that started the sign-in
 * (which then finishes it in MsalProvider) and shows plain text only if that fails.
 */
export function RedirectBridge() {
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    import('@azure/msal-browser/redirect-bridge')
      .then(({ broadcastResponseToMainFrame }) => broadcastResponseToMainFrame())
      .catch((error: unknown) => {
        setFailure(error instanceof Error ? error.message : 'The sign-in response could not be read.');
      });
  }, []);
  if (failure) {
    return (
      <main>
        <h1>Sign-in did not complete</h1>
        <p>{failure}</p>
        <p>
          <Link href="/">Back to the portal</Link>
        </p>
      </main>
    );
  }
  return <p>Signing in…</p>;
}
