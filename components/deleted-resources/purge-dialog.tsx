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
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { plural, rowNoun } from '@/lib/deleted-resources/recovery-plan';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { RESOURCE_TYPES, typeDisplayName } from '@/lib/resource-types';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groups: { maxHeight: '240px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** What the person must type: the resource's name for one, the number of resources for several. */
export function purgeConfirmationText(rows: readonly DeletedResource[]): string {
  return rows.length === 1 ? (rows[0]?.name ?? '') : String(rows.length);
}

/** The rows by type, in the registry's order: the confirmation says what each type loses. */
function groupByType(rows: readonly DeletedResource[]) {
  const order = new Map(RESOURCE_TYPES.map((type, i) => [type.id, i]));
  const groups = new Map<string, DeletedResource[]>();
  for (const row of rows) groups.set(row.type, [...(groups.get(row.type) ?? []), row]);
  return [...groups].sort(([a], [b]) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
}

export function PurgeDialog(props: { accounts: DeletedResource[]; onConfirm: () => void; onCancel: () => void }) {
  const { accounts } = props;
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const expected = purgeConfirmationText(accounts);
  const warned = accounts.filter((account) => account.purgeWarning);
  const single = accounts.length === 1;
  const what = plural(accounts.length, rowNoun(accounts));

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{single ? `Purge ${expected}?` : `Purge ${what}?`}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This cannot be undone</MessageBarTitle>
                Purging deletes {single ? 'it' : 'them'} for good. Keys, secrets, settings and data are lost and
                cannot be restored, and each name becomes free for anyone.
              </MessageBarBody>
            </MessageBar>
            <div className={styles.groups}>
              {groupByType(accounts).map(([type, rows]) => (
                <section key={type} aria-label={`${typeDisplayName(type)}s to purge`}>
                  <Subtitle2 as="h3">{plural(rows.length, typeDisplayName(type))}</Subtitle2>
                  <ul className={styles.list}>
                    {rows.map((row) => (
                      <li key={row.id}>
                        <strong>{row.name}</strong> {row.kindDisplayName ? `· ${row.kindDisplayName} ` : ''}· {row.resourceGroup} · {row.locationDisplayName}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            {warned.length > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Billed until purged</MessageBarTitle>
                  <ul className={styles.list}>
                    {warned.map((row) => (
                      <li key={row.id}>
                        {row.name}: {row.purgeWarning}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <Field label={single ? `Type the name, ${expected}, to confirm` : `Type the number of resources, ${expected}, to confirm`}>
              <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={typed.trim() !== expected} onClick={props.onConfirm}>
              {single ? `Purge ${typeDisplayName(accounts[0]?.type ?? '')}` : `Purge ${what}`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
