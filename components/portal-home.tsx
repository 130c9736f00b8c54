'use client';

import { Suspense } from 'react';
import { makeStyles, Spinner } from '@fluentui/react-components';
import { InteractionStatus } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { SignInLanding } from './sign-in-landing';
import { AppHeader } from './app-header';
import { DeletedAccountsView } from './deleted-accounts-view';

const useStyles = makeStyles({
  center: { display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '100vh' },
});

/** Signed out: the landing page. Signed in: header and the deleted-accounts view. */
export function PortalHome() {
  const styles = useStyles();
  const { inProgress, accounts } = useMsal();
  if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect) {
    return (
      <div className={styles.center}>
        <Spinner label="Loading…" />
      </div>
    );
  }
  if (accounts.length === 0) return <SignInLanding />;
  return (
    <>
      <AppHeader />
      <Suspense fallback={<Spinner label="Loading…" />}>
        <DeletedAccountsView />
      </Suspense>
    </>
  );
}
