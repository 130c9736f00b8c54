'use client';

import { LISTED_TYPES_SENTENCE } from '@/lib/resource-types';
import { Body1, Button, Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useMsal } from '@azure/msal-react';
import { useActiveAccount } from './use-arm-call';
import { ThemeMenuButton } from './theme-menu-button';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  // Who is signed in, as text: an avatar's initials would add a widget (and its code) that says nothing more.
  identity: { display: 'flex', flexDirection: 'column' },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export function AppHeader() {
  const styles = useStyles();
  const { instance } = useMsal();
  const account = useActiveAccount();
  if (!account) return null;
  const signOut = () =>
    void instance.logoutRedirect({
      account,
      postLogoutRedirectUri: '/',
      // Without the hint the provider asks for a confirmation instead of returning straight to the portal.
      ...(account.idToken ? { idTokenHint: account.idToken } : {}),
    });
  return (
    <header className={styles.header}>
      <div>
        <Title3 as="h1">Deleted resources</Title3>
        <Caption1 as="p" block>
          {LISTED_TYPES_SENTENCE}
        </Caption1>
      </div>
      <div className={styles.user}>
        <ThemeMenuButton />
        <div className={styles.identity}>
          <Body1>{account.name ?? account.username}</Body1>
          <Caption1 className={styles.secondary}>
            {account.username} · tenant {account.tenantId}
          </Caption1>
        </div>
        <Button onClick={signOut}>Sign out</Button>
      </div>
    </header>
  );
}
