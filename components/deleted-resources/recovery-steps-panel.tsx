'use client';

import { Badge, Caption1, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import type { RowProgress } from '@/lib/bulk/run-bulk';
import type { PlanStep } from '@/lib/deleted-resources/recovery-plan';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  detail: { color: tokens.colorNeutralForeground2 },
});

function StepState({ progress }: { progress: RowProgress | undefined }) {
  switch (progress?.state) {
    case 'running':
      return <Spinner size="extra-tiny" label="Running…" labelPosition="after" />;
    case 'done':
      return <Badge appearance="filled" color="success">Done</Badge>;
    case 'failed':
      return <Badge appearance="filled" color="danger">Failed</Badge>;
    case 'blocked':
      return <Badge appearance="outline" color="warning">Blocked</Badge>;
    default:
      return <Badge appearance="outline" color="informative">Queued</Badge>;
  }
}

/** Progress of a recovery plan's steps that only other rows need (the selected rows show theirs in the table). */
export function RecoveryStepsPanel(props: { steps: PlanStep[]; progress: ReadonlyMap<string, RowProgress> }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label="Recovery plan steps">
      <Subtitle2 as="h2" className={styles.title}>
        Recovery plan
      </Subtitle2>
      <ul className={styles.list}>
        {props.steps.map((step) => {
          const progress = props.progress.get(step.key);
          return (
            <li key={step.key} className={styles.step} aria-label={step.title}>
              <StepState progress={progress} />
              <span>{step.title}</span>
              {progress?.state === 'failed' ? (
                <Caption1 className={styles.detail}>
                  {progress.error.code}: {progress.error.message}
                </Caption1>
              ) : null}
              {progress?.state === 'blocked' ? <Caption1 className={styles.detail}>Blocked by {progress.by}</Caption1> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
