'use client';

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { ActionError } from '@/lib/action-result';
import { useSignInAgain } from './use-sign-in-again';

const TITLES: Record<ActionError['kind'], string> = {
  validation: 'The request was refused',
  arm: 'Azure Resource Manager refused the request',
  'sign-in-required': 'Sign in again to continue',
  unavailable: 'Azure Resource Manager is not answering',
  unexpected: 'Something went wrong',
};

/** An error as ARM (or the portal) reported it: code, message and the correlation id support asks for. */
export function ArmErrorMessage(props: { error: ActionError; onRetry?: () => void }) {
  const { error, onRetry } = props;
  const signInAgain = useSignInAgain();
  return (
    <MessageBar intent={error.kind === 'sign-in-required' ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[error.kind]}</MessageBarTitle>
        {error.message}
        <br />
        <Text size={200}>
          Code: {error.code}
          {error.correlationId ? ` · Correlation id: ${error.correlationId}` : ''}
        </Text>
        {error.issues && error.issues.length > 0 ? (
          <ul>
            {error.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path}: {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      <MessageBarActions>
        {error.kind === 'sign-in-required' ? (
          <Button appearance="primary" onClick={signInAgain}>
            Sign in again
          </Button>
        ) : null}
        {onRetry && error.kind !== 'sign-in-required' ? <Button onClick={onRetry}>Try again</Button> : null}
      </MessageBarActions>
    </MessageBar>
  );
}
