'use client';

import { LISTED_TYPES_SENTENCE } from '@/lib/resource-types';
import { Body1, Button, Card, makeStyles, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useSignInAgain } from './use-sign-in-again';
import { CertificateCheck } from './certificate-check';
import { ThemeMenuButton } from './theme-menu-button';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: '100vh',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    gap: tokens.spacingVerticalL,
  },
  card: { maxWidth: '560px', width: '100%', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
  actions: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

export function SignInLanding() {
  const styles = useStyles();
  const signIn = useSignInAgain();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">Deleted resources</Title2>
        <Subtitle1 as="p">Recover or purge soft-deleted {LISTED_TYPES_SENTENCE}, in one place.</Subtitle1>
        <ul className={styles.list}>
          <li>
            <Body1>Every subscription you can see, in one table</Body1>
          </li>
          <li>
            <Body1>Why a recover would fail, before you try</Body1>
          </li>
          <li>
            <Body1>Bulk recover and purge with per-row progress</Body1>
          </li>
        </ul>
        <CertificateCheck />
        <div className={styles.actions}>
          <Button appearance="primary" size="large" onClick={signIn}>
            Sign in
          </Button>
          <ThemeMenuButton />
        </div>
      </Card>
    </main>
  );
}
