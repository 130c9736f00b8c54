'use client';

import type { ReactNode } from 'react';
import { Body1, Button, FluentProvider, Link, makeStyles, Subtitle1, tokens, webLightTheme } from '@fluentui/react-components';
import { FluentSsr } from './fluent-ssr';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
});

/**
 * What a person sees instead of the portal when a page does not exist or failed to render: what happened,
 * and the way back to the main view. `themed` is false outside the portal's layout (no FluentProvider there).
 */
export function FallbackPage(props: { title: string; children: ReactNode; action?: { label: string; onClick: () => void }; themed?: boolean }) {
  if (props.themed === false) {
    return (
      <FluentSsr>
        <FluentProvider theme={webLightTheme}>
          <FallbackPage {...props} themed />
        </FluentProvider>
      </FluentSsr>
    );
  }
  return <FallbackContent {...props} />;
}

function FallbackContent(props: { title: string; children: ReactNode; action?: { label: string; onClick: () => void } }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Subtitle1 as="h1">{props.title}</Subtitle1>
      <Body1>{props.children}</Body1>
      {props.action ? (
        <Button appearance="primary" onClick={props.action.onClick}>
          {props.action.label}
        </Button>
      ) : null}
      <Link href="/">Back to deleted resources</Link>
    </main>
  );
}
