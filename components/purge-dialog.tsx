'use client';

import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { DeletedAccount } from '@/lib/deleted-accounts/types';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    maxHeight: '200px',
    overflowY: 'auto',
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
  },
});

/** What the person must type: the account's name for one, the number of accounts for several. */
export function purgeConfirmationText(accounts: readonly DeletedAccount[]): string {
  return accounts.length === 1 ? (accounts[0]?.name ?? '') : String(accounts.length);
}

export function PurgeDialog(props: { accounts: DeletedAccount[]; onConfirm: () => void; onCancel: () => void }) {
  const { accounts } = props;
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const expected = purgeConfirmationText(accounts);
  const billed = accounts.filter((account) => account.mayHoldProvisionedDeployments);
  const single = accounts.length === 1;

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{single ? `Purge ${expected}?` : `Purge ${accounts.length} accounts?`}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This cannot be undone</MessageBarTitle>
                Purging deletes {single ? 'this account' : 'these accounts'} for good. Keys and data are lost and
                cannot be restored, and the name becomes free for anyone.
              </MessageBarBody>
            </MessageBar>
            <ul className={styles.list} aria-label="Accounts to purge">
              {accounts.map((account) => (
                <li key={account.id}>
                  <strong>{account.name}</strong> · {account.kindDisplayName} · {account.resourceGroup} ·{' '}
                  {account.locationDisplayName}
                </li>
              ))}
            </ul>
            {billed.length > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Provisioned deployments</MessageBarTitle>
                  {billed.map((account) => account.name).join(', ')} ({billed[0]?.kindDisplayName}
                  {billed.length > 1 ? ' and similar' : ''}) may hold provisioned deployments. They are billed until
                  the account is purged; purging removes them with the account.
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <Field label={single ? `Type the account name, ${expected}, to confirm` : `Type the number of accounts, ${expected}, to confirm`}>
              <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={typed.trim() !== expected} onClick={props.onConfirm}>
              {single ? 'Purge account' : `Purge ${accounts.length} accounts`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
