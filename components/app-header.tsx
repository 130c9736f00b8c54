'use client';

import { Button, Caption1, makeStyles, Persona, Title3, tokens } from '@fluentui/react-components';
import { useMsal } from '@azure/msal-react';
import { useActiveAccount } from './use-arm-call';
import { ThemeMenu } from './theme-menu';

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
          Azure AI services and Foundry accounts
        </Caption1>
      </div>
      <div className={styles.user}>
        <ThemeMenu />
        <Persona
          name={account.name ?? account.username}
          secondaryText={`${account.username} · tenant ${account.tenantId}`}
          avatar={{ color: 'colorful' }}
        />
        <Button onClick={signOut}>Sign out</Button>
      </div>
    </header>
  );
}
