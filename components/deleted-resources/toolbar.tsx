'use client';

import { useId } from 'react';
import { Caption1, makeStyles, Text, Toolbar, ToolbarButton, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ArrowUndoRegular, DeleteRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import type { Capability, DeletedResource } from '@/lib/deleted-resources/types';
import { NARROW } from '../narrow-layout';

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
  // On a phone the four buttons do not fit one row: Refresh and Export show their icons only, their labels
  // stay their accessible names.
  iconOnlyWhenNarrow: { [NARROW]: { minWidth: 'auto', paddingLeft: tokens.spacingHorizontalSNudge, paddingRight: tokens.spacingHorizontalSNudge } },
  labelHiddenWhenNarrow: {
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  },
});

/** Whether a toolbar action can act on the selection, which rows it will act on, and why not otherwise. */
export interface ActionPlan {
  targets: DeletedResource[];
  /** Why the button is disabled. */
  reason?: string;
  /** Rows of the selection the action leaves out, said out loud. */
  note?: string;
}

/** How many left-out rows the toolbar names before it says "and N more". */
const NAMED_LEFT_OUT = 3;

export function planAction(
  selection: DeletedResource[],
  capability: (row: DeletedResource) => Capability,
  verb: 'recover' | 'purge',
  busy: boolean,
): ActionPlan {
  if (busy) return { targets: [], reason: 'An action is running; wait for it to finish.' };
  if (selection.length === 0) return { targets: [], reason: `Select one or more resources to ${verb}.` };
  const targets = selection.filter((row) => capability(row).allowed);
  const blocked = selection.flatMap((row) => {
    const item = capability(row);
    return item.allowed ? [] : [{ name: row.name, reason: item.reason }];
  });
  if (targets.length === 0) return { targets, reason: blocked[0]?.reason ?? `The selected resources cannot be ${verb === 'purge' ? 'purged' : 'recovered'}.` };
  if (blocked.length === 0) return { targets };
  // Which rows are left out and why, grouped by the reason's first clause, which names the rule ("Storage accounts
  // have no purge"); the rest (a date) differs per row, so one row's reason is said whole.
  const byRule = new Map<string, { names: string[]; reason: string }>();
  for (const { name, reason } of blocked) {
    const rule = reason.split(':')[0] ?? reason;
    const group = byRule.get(rule) ?? { names: [], reason };
    group.names.push(name);
    byRule.set(rule, group);
  }
  const reasons = [...byRule].map(([rule, { names, reason }]) => {
    const named = names.slice(0, NAMED_LEFT_OUT).join(', ') + (names.length > NAMED_LEFT_OUT ? ` and ${names.length - NAMED_LEFT_OUT} more` : '');
    return `${named}: ${names.length === 1 ? reason : `${rule}.`}`;
  });
  return { targets, note: `${blocked.length} selected can't be ${verb === 'purge' ? 'purged' : 'recovered'} and will be left out (${reasons.join(' ')})` };
}

export function ResourcesToolbar(props: {
  selectionCount: number;
  recover: ActionPlan;
  purge: ActionPlan;
  onRecover: () => void;
  onPurge: () => void;
  onRefresh: () => void;
  /** Opens "Why can't I use this name?". */
  onFindName: () => void;
  /** Saves the rows the filters show, in the table's order, as CSV. */
  onExport: () => void;
  exportCount: number;
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
        <ToolbarButton
          appearance="primary"
          icon={<ArrowUndoRegular />}
          disabledFocusable={recover.targets.length === 0}
          aria-describedby={recoverText ? recoverReasonId : undefined}
          onClick={props.onRecover}
        >
          Recover
        </ToolbarButton>
        <ToolbarButton
          icon={<DeleteRegular />}
          disabledFocusable={purge.targets.length === 0}
          aria-describedby={purgeText ? purgeReasonId : undefined}
          onClick={props.onPurge}
        >
          Purge
        </ToolbarButton>
        <ToolbarButton
          className={styles.iconOnlyWhenNarrow}
          icon={<ArrowClockwiseRegular />}
          disabledFocusable={props.busy || props.refreshing}
          onClick={props.onRefresh}
        >
          <span className={styles.labelHiddenWhenNarrow}>Refresh</span>
        </ToolbarButton>
        <ToolbarButton className={styles.iconOnlyWhenNarrow} icon={<ArrowDownloadRegular />} disabledFocusable={props.exportCount === 0} onClick={props.onExport}>
          <span className={styles.labelHiddenWhenNarrow}>Export CSV</span>
        </ToolbarButton>
        <ToolbarButton className={styles.iconOnlyWhenNarrow} icon={<QuestionCircleRegular />} onClick={props.onFindName}>
          <span className={styles.labelHiddenWhenNarrow}>Why can&apos;t I use a name?</span>
        </ToolbarButton>
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
