'use client';

import { Suspense, useEffect } from 'react';
import dynamic from 'next/dynamic';
import { makeStyles, Spinner } from '@fluentui/react-components';
import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { AppHeader } from './app-header';
import { DeletedResourcesView } from './deleted-resources/view';

// Only signed-out visitors see it (the server renders the start-up spinner), so its code (the card, the
// certificate check) stays out of the signed-in view's first load.
const SignInLanding = dynamic(() => import('./sign-in-landing').then((module) => module.SignInLanding), {
  ssr: false,
  loading: () => <StartingUp />,
});

const useStyles = makeStyles({
  center: { display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '100vh' },
});

function StartingUp() {
  const styles = useStyles();
  return (
    <div className={styles.center}>
      <Spinner label="Loading…" />
    </div>
  );
}

/**
 * The identity provider returns from sign-out with `?state=...` (Entra does the same); MSAL has nothing to
 * do with it, so it is dropped to keep the URL clean and shareable. Sign-in responses carry `code` or
 * `error` as well and are MSAL's to handle.
 */
function dropSignOutState() {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('state') || url.searchParams.has('code') || url.searchParams.has('error')) return;
  url.searchParams.delete('state');
  window.history.replaceState(window.history.state, '', url);
}

/** Signed out: the landing page. Signed in: header and the deleted-resources view. */
export function PortalHome() {
  const { inProgress, accounts } = useMsal();
  useEffect(() => {
    if (inProgress === InteractionStatus.None) dropSignOutState();
  }, [inProgress]);
  if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect) {
    return <StartingUp />;
  }
  if (accounts.length === 0) return <SignInLanding />;
  return (
    <>
      <AppHeader />
      <Suspense fallback={<Spinner label="Loading…" />}>
        <DeletedResourcesView />
      </Suspense>
    </>
  );
}
