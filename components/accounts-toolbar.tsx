'use client';

import { useId } from 'react';
import { Button, Caption1, makeStyles, Text, Toolbar, tokens } from '@fluentui/react-components';
import type { Capability, DeletedAccount } from '@/lib/deleted-accounts/types';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  // The toolbar lines up with the filters above it; its buttons stand apart.
  toolbar: { padding: 0, gap: tokens.spacingHorizontalS },
  reasons: { display: 'flex', flexDirection: 'column', color: tokens.colorNeutralForeground2 },
});

/** Whether a toolbar action can act on the selection, which rows it will act on, and why not otherwise. */
export interface ActionPlan {
  targets: DeletedAccount[];
  /** Why the button is disabled. */
  reason?: string;
  /** Rows of the selection the action leaves out, said out loud. */
  note?: string;
}

export function planAction(
  selection: DeletedAccount[],
  capability: (account: DeletedAccount) => Capability,
  verb: string,
  busy: boolean,
): ActionPlan {
  if (busy) return { targets: [], reason: 'An action is running; wait for it to finish.' };
  if (selection.length === 0) return { targets: [], reason: `Select one or more accounts to ${verb}.` };
  const targets = selection.filter((account) => capability(account).allowed);
  const blocked = selection.map(capability).find((item): item is { allowed: false; reason: string } => !item.allowed);
  if (targets.length === 0) return { targets, reason: blocked?.reason ?? `The selected accounts cannot be ${verb}ed.` };
  const left = selection.length - targets.length;
  return left > 0 ? { targets, note: `${left} selected can't be ${verb === 'purge' ? 'purged' : 'recovered'} and will be left out.` } : { targets };
}

export function AccountsToolbar(props: {
  selectionCount: number;
  recover: ActionPlan;
  purge: ActionPlan;
  onRecover: () => void;
  onPurge: () => void;
  onRefresh: () => void;
  refreshing: boolean;
  busy: boolean;
}) {
  const styles = useStyles();
  const recoverReasonId = useId();
  const purgeReasonId = useId();
  const { recover, purge } = props;
  const recoverText = recover.reason ?? recover.note;
  const purgeText = purge.reason ?? purge.note;
  return (
    <div className={styles.bar}>
      <Toolbar aria-label="Actions" className={styles.toolbar}>
        <Button
          appearance="primary"
          disabledFocusable={recover.targets.length === 0}
          aria-describedby={recoverText ? recoverReasonId : undefined}
          onClick={props.onRecover}
        >
          Recover
        </Button>
        <Button
          disabledFocusable={purge.targets.length === 0}
          aria-describedby={purgeText ? purgeReasonId : undefined}
          onClick={props.onPurge}
        >
          Purge
        </Button>
        <Button disabledFocusable={props.busy || props.refreshing} onClick={props.onRefresh}>
          Refresh
        </Button>
      </Toolbar>
      <Text weight="semibold" aria-live="polite">
        {props.selectionCount} selected
      </Text>
      <div className={styles.reasons}>
        {recoverText ? <Caption1 id={recoverReasonId}>Recover: {recoverText}</Caption1> : null}
        {purgeText ? <Caption1 id={purgeReasonId}>Purge: {purgeText}</Caption1> : null}
      </div>
    </div>
  );
}
