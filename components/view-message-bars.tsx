'use client';

import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });
import type { ActionError } from '@/lib/action-result';

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

/** A subscription whose deleted accounts could not be read; the others are still listed. */
export function ReadFailureBar(props: { subscriptionName: string; error: ActionError }) {
  const { error } = props;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Could not read {props.subscriptionName}</MessageBarTitle>
        {error.message} (Code: {error.code}
        {error.correlationId ? ` · Correlation id: ${error.correlationId}` : ''})
      </MessageBarBody>
    </MessageBar>
  );
}
