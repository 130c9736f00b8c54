import type { ActionError, ActionResult } from '@/lib/action-result';
import { plural, type PlanStep, type RecoveryPlan } from '@/lib/deleted-resources/recovery-plan';
import type { ItemOutcome } from '@/lib/deleted-resources/outcomes';
import { runBulkInBatches, summarizeBulk, type BulkSummary, type RowProgress } from './run-bulk';

/** How each step of a plan ended: done, failed with ARM's answer, or not attempted because a step it needs did not succeed. */
export type StepOutcome = { state: 'done'; outcome?: ItemOutcome } | { state: 'failed'; error: ActionError } | { state: 'blocked'; by: string };

export interface PlanRun {
  outcomes: Map<string, StepOutcome>;
}

/**
 * Runs a recovery plan phase by phase (resource groups, then each type's phase), each phase's steps in
 * batches. A step runs only when every step it depends on is done (now, or in an earlier run: `alreadyDone`,
 * which is how Retry resumes from the failed step without repeating what succeeded); otherwise it is
 * blocked by the first step that failed, and never sent.
 */
export async function runRecoveryPlan(options: {
  plan: RecoveryPlan;
  alreadyDone?: ReadonlySet<string>;
  runPhase: (steps: PlanStep[]) => Promise<ActionResult<unknown>[]>;
  /** Progress by step (a step that recovers a selected row shows it on the row). */
  onProgress?: (step: PlanStep, progress: RowProgress) => void;
}): Promise<PlanRun> {
  const { plan, alreadyDone = new Set<string>(), runPhase, onProgress } = options;
  const outcomes = new Map<string, StepOutcome>();
  const titles = new Map(plan.steps.map((step) => [step.key, step.title]));
  for (const step of plan.steps) {
    if (!alreadyDone.has(step.key)) onProgress?.(step, { state: 'queued' });
  }

  /** The step that keeps this one from running: a failed dependency, or whatever blocked a blocked one. */
  const blocker = (step: PlanStep): string | undefined => {
    for (const key of step.dependsOn) {
      if (alreadyDone.has(key)) continue;
      const outcome = outcomes.get(key);
      if (outcome?.state === 'done') continue;
      if (outcome?.state === 'blocked') return outcome.by;
      return titles.get(key) ?? key;
    }
    return undefined;
  };

  const phases = [...new Set(plan.steps.map((step) => step.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    const runnable: PlanStep[] = [];
    for (const step of plan.steps) {
      if (step.phase !== phase || alreadyDone.has(step.key)) continue;
      const by = blocker(step);
      if (by === undefined) {
        runnable.push(step);
        continue;
      }
      outcomes.set(step.key, { state: 'blocked', by });
      onProgress?.(step, { state: 'blocked', by });
    }
    if (runnable.length === 0) continue;
    const byKey = new Map(runnable.map((step) => [step.key, step]));
    const summary = await runBulkInBatches({
      items: runnable.map((step) => ({ id: step.key, step })),
      runBatch: (batch) => runPhase(batch.map((item) => item.step)),
      onProgress: (key, progress) => {
        const step = byKey.get(key);
        if (step && progress.state !== 'queued') onProgress?.(step, progress);
      },
    });
    for (const key of summary.done) {
      const outcome = summary.outcomes?.get(key);
      outcomes.set(key, outcome ? { state: 'done', outcome } : { state: 'done' });
    }
    for (const failure of summary.failed) outcomes.set(failure.id, { state: 'failed', error: failure.error });
  }
  return { outcomes };
}

/**
 * A plan run as the view reports it: its selected rows as a bulk summary (a blocked row counts as failed,
 * with the step that blocked it as its error, so it stays selected for Retry failed), the steps done so far
 * (Retry resumes after them), and one line: "1 step done, 3 recovered" or "1 step failed, 0 recovered, 2 blocked".
 */
export function summarizePlanRun(plan: RecoveryPlan, run: PlanRun, alreadyDone: ReadonlySet<string> = new Set()) {
  const summary: BulkSummary = { done: [], failed: [], outcomes: new Map() };
  const blocked: BulkSummary['failed'] = [];
  const doneKeys = new Set(alreadyDone);
  let stepsDone = 0;
  let stepsFailed = 0;
  for (const step of plan.steps) {
    const outcome = run.outcomes.get(step.key);
    if (outcome?.state === 'done') doneKeys.add(step.key);
    if (!step.row) {
      if (outcome?.state === 'done') stepsDone++;
      if (outcome?.state === 'failed') stepsFailed++;
      continue;
    }
    const id = step.row.id;
    if (outcome?.state === 'done') {
      summary.done.push(id);
      if (outcome.outcome) summary.outcomes?.set(id, outcome.outcome);
    } else if (outcome?.state === 'failed') summary.failed.push({ id, error: outcome.error });
    else if (outcome?.state === 'blocked') {
      blocked.push({ id, error: { kind: 'arm', code: 'Blocked', message: `Not attempted: ${outcome.by} did not succeed.` } });
    }
  }
  const parts = [
    stepsDone > 0 ? `${plural(stepsDone, 'step')} done` : undefined,
    stepsFailed > 0 ? `${plural(stepsFailed, 'step')} failed` : undefined,
    summarizeBulk('recovered', summary),
    blocked.length > 0 ? `${blocked.length} blocked` : undefined,
  ];
  summary.failed.push(...blocked);
  return { summary, doneKeys, stepsFailed, text: parts.filter(Boolean).join(', ') };
}
