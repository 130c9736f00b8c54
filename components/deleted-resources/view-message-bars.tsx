'use client';

import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

import type { ListFailure } from '@/app/actions';
import { typeDisplayName } from '@/lib/resource-types';

const useStyles = makeStyles({ notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

/** The summary of the last bulk action, with Retry failed (and Sign in again when that is what failed). */
export function BulkOutcomeBar(props: {
  text: string;
  notes: string[];
  failedCount: number;
  needsSignIn: boolean;
  busy: boolean;
  onSignIn: () => void;
  onRetryFailed: () => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const failed = props.failedCount > 0;
  return (
    <MessageBar intent={failed ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.text}</MessageBarTitle>
        {failed ? 'The failed rows stay selected and show what ARM answered.' : null}
        {props.notes.length > 0 ? (
          <ul aria-label="Not as asked" className={styles.notes}>
            {props.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        {props.needsSignIn ? <Button onClick={props.onSignIn}>Sign in again</Button> : null}
        {failed ? (
          <Button appearance="primary" onClick={props.onRetryFailed} disabled={props.busy}>
            Retry failed
          </Button>
        ) : null}
        <Button appearance="transparent" onClick={props.onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Lists that could not be read, one bar per subscription naming each type that failed and ARM's answer; the
 * other types and subscriptions are still listed.
 */
export function ReadFailureBar(props: { failures: ListFailure[]; subscriptionName: (id: string) => string }) {
  const styles = useStyles();
  const bySubscription = new Map<string, ListFailure[]>();
  for (const failure of props.failures) bySubscription.set(failure.subscriptionId, [...(bySubscription.get(failure.subscriptionId) ?? []), failure]);
  return (
    <>
      {[...bySubscription].map(([subscriptionId, failures]) => (
        <MessageBar key={subscriptionId} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Could not read {props.subscriptionName(subscriptionId)}</MessageBarTitle>
            <ul className={styles.notes}>
              {failures.map(({ type, error }) => (
                <li key={type}>
                  {typeDisplayName(type)}s: {error.message} (Code: {error.code}
                  {error.correlationId ? ` · Correlation id: ${error.correlationId}` : ''})
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
