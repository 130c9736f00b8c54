'use client';

import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { describePlan, type RecoveryPlan } from '@/lib/deleted-accounts/recovery-plan';
import { formatUtc } from '@/lib/deleted-accounts/format-time';
import type { Prerequisite } from '@/lib/deleted-accounts/types';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  accounts: { maxHeight: '160px', overflowY: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The fact that matters about a step: until when it can still be done, and purge protection. */
function stepFact(prerequisite: Prerequisite): string | undefined {
  if (prerequisite.kind === 'key-vault') {
    const until = prerequisite.recoverableUntil ? `recoverable until ${formatUtc(new Date(prerequisite.recoverableUntil))}` : undefined;
    return [until, prerequisite.purgeProtected ? 'purge protection on' : undefined].filter(Boolean).join('; ') || undefined;
  }
  if (prerequisite.kind === 'storage-account' && prerequisite.restorableUntil) {
    return `restorable until ${formatUtc(new Date(prerequisite.restorableUntil))}`;
  }
  return undefined;
}

/**
 * The recovery plan, shown before anything is sent: the steps that bring back what the accounts need, in the
 * order they run, which accounts need each, and the selected rows the plan leaves out with the reason.
 */
export interface LeftOutRow {
  name: string;
  reason: string;
}

export function RecoveryPlanDialog(props: { plan: RecoveryPlan; leftOut: LeftOutRow[]; onConfirm: () => void; onCancel: () => void }) {
  const { plan } = props;
  const styles = useStyles();
  const prerequisites = plan.steps.flatMap((step) => (step.kind === 'account' ? [] : [step]));
  const accounts = plan.steps.flatMap((step) => (step.kind === 'account' ? [step.account] : []));
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Recovery plan: {describePlan(plan)}</DialogTitle>
          <DialogContent className={styles.content}>
            <ol className={styles.steps} aria-label="Steps before the accounts">
              {prerequisites.map((step) => {
                const fact = stepFact(step.prerequisite);
                return (
                  <li key={step.key}>
                    <strong>{step.title}</strong>
                    {fact ? ` (${fact})` : ''}
                    <br />
                    <Caption1 className={styles.note}>Needed by {step.neededBy.join(', ')}</Caption1>
                  </li>
                );
              })}
              <li>
                <strong>Recover {accounts.length === 1 ? accounts[0]?.name : `${accounts.length} accounts`}</strong>
              </li>
            </ol>
            {accounts.length > 1 ? (
              <ul className={styles.accounts} aria-label="Accounts to recover">
                {accounts.map((account) => (
                  <li key={account.id}>
                    {account.name} · {account.resourceGroup} · {account.locationDisplayName}
                  </li>
                ))}
              </ul>
            ) : null}
            <Caption1 className={styles.note}>
              Each step runs once, with your own permissions. If a step fails, what depends on it is not attempted, and
              Retry failed resumes from that step.
            </Caption1>
            {props.leftOut.length > 0 ? (
              <div>
                <Caption1>Left out (cannot be recovered):</Caption1>
                <ul className={styles.accounts} aria-label="Left out">
                  {props.leftOut.map((row) => (
                    <li key={row.name}>
                      <Caption1>
                        <strong>{row.name}</strong>: {row.reason}
                      </Caption1>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={props.onConfirm}>
              Run plan
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
