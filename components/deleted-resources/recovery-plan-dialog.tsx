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
import { describePlan, plural, rowNoun, type RecoveryPlan } from '@/lib/deleted-resources/recovery-plan';
import { typeDisplayName } from '@/lib/resource-types';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  accounts: { maxHeight: '160px', overflowY: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * The recovery plan, shown before anything is sent: the steps that bring back what the selected rows need, in the
 * order they run, which accounts need each, and the selected rows the plan leaves out with the reason.
 */
export interface LeftOutRow {
  name: string;
  reason: string;
}

export function RecoveryPlanDialog(props: { plan: RecoveryPlan; leftOut: LeftOutRow[]; onConfirm: () => void; onCancel: () => void }) {
  const { plan } = props;
  const styles = useStyles();
  const prerequisites = plan.steps.filter((step) => !step.row);
  const rows = plan.steps.flatMap((step) => (step.row ? [step.row] : []));
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Recovery plan: {describePlan(plan)}</DialogTitle>
          <DialogContent className={styles.content}>
            <ol className={styles.steps} aria-label="Steps before the selected resources">
              {prerequisites.map((step) => (
                <li key={step.key}>
                  <strong>{step.title}</strong>
                  {step.fact ? ` (${step.fact})` : ''}
                  <br />
                  <Caption1 className={styles.note}>Needed by {step.neededBy.join(', ')}</Caption1>
                </li>
              ))}
              <li>
                <strong>Recover {rows.length === 1 ? rows[0]?.name : plural(rows.length, rowNoun(rows))}</strong>
              </li>
            </ol>
            {rows.length > 1 ? (
              <ul className={styles.accounts} aria-label="Resources to recover">
                {rows.map((row) => (
                  <li key={row.id}>
                    {row.name} · {typeDisplayName(row.type)} · {row.resourceGroup} · {row.locationDisplayName}
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
