'use client';

import { useMemo, useState, type FormEvent } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
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
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { findNameHolders, readNameQuery } from '@/lib/deleted-resources/name-lookup';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { typeDisplayName } from '@/lib/resource-types';
import { ArmErrorMessage } from '../arm-error-message';
import { actionErrorOf } from '../action-failure';
import { useDeletedResources } from './use-deleted-resources';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1 },
  holders: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxHeight: '320px', overflowY: 'auto' },
  holder: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground2 },
});

/** What the row's status says, and why Recover or Purge is off where the status does not say it already. */
function reasonsOf(row: DeletedResource): string[] {
  const { detail, recover, purge } = row.status;
  const reasons = detail ? [detail] : [];
  if (!recover.allowed && !detail?.includes(recover.reason)) reasons.push(`Recover: ${recover.reason}`);
  if (!purge.allowed && !detail?.includes(purge.reason)) reasons.push(`Purge: ${purge.reason}`);
  return reasons;
}

/**
 * "Why can't I use this name?": finds the soft-deleted resource that holds a name, custom subdomain or endpoint
 * in every subscription the person can read (the all-subscriptions list, shared with the table's cache), with
 * Recover and Purge at hand, or says plainly that nothing deleted holds it.
 */
export function NameLookupDialog(props: {
  /** What ?name= says: looked up as soon as the box opens. */
  name: string;
  onNameChange: (name: string) => void;
  subscriptionName: (id: string) => string;
  onRecover: (row: DeletedResource) => void;
  onPurge: (row: DeletedResource) => void;
  onClose: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const [typed, setTyped] = useState(props.name);
  const submitted = props.name.trim();
  const query = useMemo(() => (submitted ? readNameQuery(submitted) : null), [submitted]);
  const list = useDeletedResources('all', query?.ok === true);
  const holders = useMemo(() => (query?.ok && list.data ? findNameHolders(list.data.resources, query) : []), [query, list.data]);
  const unread = list.data ? [...new Set(list.data.failures.map((failure) => failure.subscriptionId))] : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onNameChange(typed.trim());
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Why can&apos;t I use this name?</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>
              A soft-deleted resource keeps its name, and an AI services account its custom subdomain, until it is recovered or purged. Find
              which one holds a name, in every subscription you can read.
            </Body1>
            <form className={styles.form} onSubmit={submit} role="search" aria-label="Find what holds a name">
              <Field
                className={styles.input}
                label="Resource name, custom subdomain or endpoint URL"
                hint="e.g. contoso-openai, https://contoso-openai.openai.azure.com/, https://kv-contoso.vault.azure.net/"
                validationMessage={query && !query.ok ? query.error : undefined}
              >
                <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" autoFocus />
              </Field>
              <Button appearance="primary" type="submit">
                Find
              </Button>
            </form>
            {!query?.ok ? null : list.isPending ? (
              <Spinner size="small" label="Reading deleted resources in all your subscriptions…" />
            ) : list.isError ? (
              <ArmErrorMessage error={actionErrorOf(list.error)} onRetry={() => void list.refetch()} />
            ) : holders.length === 0 ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>No deleted resource you can read holds &apos;{query.label}&apos;</MessageBarTitle>
                  The conflict is elsewhere: a live resource may use the name (in a subscription or tenant you can&apos;t see), or a
                  resource in a subscription you can&apos;t read holds it.
                  {unread.length > 0
                    ? ` ${unread.length} of your subscriptions could not be read just now (${unread.map(props.subscriptionName).join(', ')}): it may be held there.`
                    : ''}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <ul className={styles.holders} aria-label={`Deleted resources holding '${query.label}'`}>
                {holders.map(({ row, holds }) => (
                  <li key={row.id} className={styles.holder} aria-label={row.name}>
                    <Body1>
                      <strong>{row.name}</strong> · {typeDisplayName(row.type)} holds it as {holds}
                    </Body1>
                    <Caption1>
                      {props.subscriptionName(row.subscriptionId)} · {row.resourceGroup} · {row.locationDisplayName}
                    </Caption1>
                    <div className={styles.actions}>
                      <Badge appearance="tint" color={row.status.tone}>
                        {row.status.label}
                      </Badge>
                      <Button size="small" disabled={props.busy || !row.status.recover.allowed} onClick={() => props.onRecover(row)}>
                        Recover
                      </Button>
                      <Button size="small" disabled={props.busy || !row.status.purge.allowed} onClick={() => props.onPurge(row)}>
                        Purge
                      </Button>
                    </div>
                    {reasonsOf(row).map((reason) => (
                      <Caption1 key={reason} className={styles.reason}>
                        {reason}
                      </Caption1>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
