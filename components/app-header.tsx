'use client';

import { LISTED_TYPES_SENTENCE } from '@/lib/resource-types';
import { Body1, Button, Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { AccountInfo } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useActiveAccount } from './use-arm-call';
import { NARROW } from './narrow-layout';
import { ThemeMenuButton } from './theme-menu-button';
import { useTenantName } from './use-tenant-name';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Two rows: the title with Sign out, then who is signed in with the theme; nothing is pushed off the screen.
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 1fr) auto',
      gridTemplateAreas: '"title sign-out" "identity theme"',
      gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    },
  },
  title: { [NARROW]: { gridArea: 'title' } },
  // The list of types is in the empty page's text too; on a phone the rows need the room more.
  types: { [NARROW]: { display: 'none' } },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, [NARROW]: { display: 'contents' } },
  theme: { [NARROW]: { gridArea: 'theme' } },
  // Who is signed in, as text: an avatar's initials would add a widget (and its code) that says nothing more.
  identity: { display: 'flex', flexDirection: 'column', [NARROW]: { gridArea: 'identity', minWidth: 0, overflowWrap: 'anywhere' } },
  secondary: { color: tokens.colorNeutralForeground2 },
  // On a phone the tenant gets its own line rather than breaking inside its name.
  separator: { [NARROW]: { display: 'none' } },
  tenant: { [NARROW]: { display: 'block' } },
  signOut: { [NARROW]: { gridArea: 'sign-out' } },
});

export function AppHeader() {
  const account = useActiveAccount();
  return account ? <SignedInHeader account={account} /> : null;
}

function SignedInHeader({ account }: { account: AccountInfo }) {
  const styles = useStyles();
  const { instance } = useMsal();
  const tenantName = useTenantName(account);
  const signOut = () =>
    void instance.logoutRedirect({
      account,
      postLogoutRedirectUri: '/',
      // Without the hint the provider asks for a confirmation instead of returning straight to the portal.
      ...(account.idToken ? { idTokenHint: account.idToken } : {}),
    });
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Title3 as="h1">Deleted resources</Title3>
        <Caption1 as="p" block className={styles.types}>
          {LISTED_TYPES_SENTENCE}
        </Caption1>
      </div>
      <div className={styles.user}>
        <span className={styles.theme}>
          <ThemeMenuButton />
        </span>
        <div className={styles.identity}>
          <Body1>{account.name ?? account.username}</Body1>
          <Caption1 className={styles.secondary} title={`Tenant id ${account.tenantId}`}>
            {account.username}
            <span className={styles.separator}> · </span>
            <span className={styles.tenant}>tenant {tenantName}</span>
          </Caption1>
        </div>
        <Button className={styles.signOut} onClick={signOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
