'use client';

import { useCallback, useState } from 'react';
import { purgeDeletedResources, readDeletedResourceStates, recoverDeletedResources, recreateResourceGroups } from '@/app/actions';
import { mergeSummaries, requestFailed, runBatchRenewingToken, runBulkInBatches, summarizeBulk, type BulkSummary, type RowProgress } from '@/lib/bulk/run-bulk';
import { checkUnknownOutcomes, isUnknownOutcome, settleLostAnswers, settleLostResults } from '@/lib/bulk/lost-answers';
import { runRecoveryPlan, summarizePlanRun } from '@/lib/bulk/run-plan';
import { outcomeDetail } from '@/lib/deleted-resources/outcomes';
import { describePlan, plural, rowNoun, type PlanStep, type RecoveryPlan } from '@/lib/deleted-resources/recovery-plan';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { useArmCall } from '../use-arm-call';

export type BulkKind = 'recover' | 'purge';

export const VERBS: Record<BulkKind, { running: string; past: string }> = {
  recover: { running: 'Recovering', past: 'recovered' },
  purge: { running: 'Purging', past: 'purged' },
};

export interface BulkOutcome {
  kind: BulkKind;
  summary: BulkSummary;
  text: string;
  /** Rows whose action ended otherwise than asked, each with what ARM showed. */
  notes: string[];
  /** The rows as they were when they failed: a refresh may no longer list them. */
  failedRows: DeletedResource[];
  /** A recovery plan's run: Retry failed resumes it after the steps already done. */
  planRun?: { plan: RecoveryPlan; doneKeys: Set<string> };
}

/** One line per row whose action ended otherwise than asked ("contoso-x: not purged: it was recovered meanwhile …"). */
function outcomeNotes(summary: BulkSummary, rows: readonly DeletedResource[]): string[] {
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return [...(summary.outcomes ?? [])].flatMap(([id, outcome]) => {
    const detail = outcomeDetail(outcome);
    return detail ? [`${names.get(id) ?? id}: ${detail}`] : [];
  });
}

const refsOf = (rows: readonly DeletedResource[]) => rows.map((row) => row.ref);

/**
 * Bulk recover and purge, and recovery plans: every row's progress, the run's outcome, and Retry failed. Each
 * row is sent with its own type's ref, so a mixed-type selection is one run; rows whose answer was lost are
 * checked in ARM before anything is reported for them. `onFinish` hears every run's end once.
 */
export function useBulkAction(options: { onStart: (text: string) => void; onFinish: (outcome: BulkOutcome) => void }) {
  const { onStart, onFinish } = options;
  const call = useArmCall();
  const [progress, setProgress] = useState<Map<string, RowProgress>>(() => new Map());
  const [running, setRunning] = useState<BulkKind | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  // The steps of the last recovery plan that only other rows need (groups, vaults, storage), and their progress.
  const [planSteps, setPlanSteps] = useState<PlanStep[]>([]);
  const [stepProgress, setStepProgress] = useState<Map<string, RowProgress>>(() => new Map());

  const setRowProgress = useCallback((id: string, rowProgress: RowProgress) => setProgress((current) => new Map(current).set(id, rowProgress)), []);

  const finish = useCallback(
    (result: Omit<BulkOutcome, 'notes' | 'failedRows'>, rows: readonly DeletedResource[]) => {
      const failedIds = new Set(result.summary.failed.map((failure) => failure.id));
      const done: BulkOutcome = { ...result, notes: outcomeNotes(result.summary, rows), failedRows: rows.filter((row) => failedIds.has(row.id)) };
      const doneIds = new Set(result.summary.done);
      setProgress((current) => new Map([...current].filter(([id]) => !doneIds.has(id))));
      setOutcome(done);
      setRunning(null);
      onFinish(done);
    },
    [onFinish],
  );

  const start = useCallback(
    (kind: BulkKind, text: string) => {
      setRunning(kind);
      setOutcome(null);
      onStart(text);
    },
    [onStart],
  );

  const readStates = useCallback(
    async (items: DeletedResource[]) => {
      const result = await call(readDeletedResourceStates, { resources: refsOf(items) });
      return result.ok ? result.data.results : items.map(() => result);
    },
    [call],
  );

  /** `unknown`: rows whose earlier outcome stayed unknown; ARM is read for them before any is sent again. */
  const run = useCallback(
    async (kind: BulkKind, rows: DeletedResource[], unknown: ReadonlySet<string> = new Set()) => {
      if (rows.length === 0) return;
      start(kind, `${VERBS[kind].running} ${plural(rows.length, rowNoun(rows))}…`);
      const { checked, resend } = await checkUnknownOutcomes({ kind, items: rows.filter((row) => unknown.has(row.id)), readStates, onProgress: setRowProgress });
      const summary = await runBulkInBatches({
        items: [...rows.filter((row) => !unknown.has(row.id)), ...resend],
        // A token that expires while a batch runs fails only some of its items: those are sent again, renewed.
        runBatch: (batch) =>
          runBatchRenewingToken(batch, async (items, renewToken) => {
            const input = { resources: refsOf(items) };
            const options = { forceRefresh: renewToken };
            const result = kind === 'recover' ? await call(recoverDeletedResources, input, options) : await call(purgeDeletedResources, input, options);
            return result.ok ? result.data.results : items.map(() => result);
          }),
        onProgress: setRowProgress,
      });
      const settled = mergeSummaries(checked, await settleLostAnswers({ kind, items: rows, summary, readStates, onProgress: setRowProgress }));
      finish({ kind, summary: settled, text: summarizeBulk(VERBS[kind].past, settled) }, rows);
    },
    [call, start, finish, setRowProgress, readStates],
  );

  /**
   * Runs a recovery plan: its resource groups, then each type's phase (what others need first); a step that
   * fails leaves what depends on it unattempted. `alreadyDone` holds the steps an earlier run finished.
   */
  const runPlan = useCallback(
    async (plan: RecoveryPlan, alreadyDone: ReadonlySet<string> = new Set()) => {
      start('recover', `Recovering: ${describePlan(plan)}…`);
      setPlanSteps(plan.steps.filter((step) => !step.row));
      if (alreadyDone.size === 0) setStepProgress(new Map());
      const planRun = await runRecoveryPlan({
        plan,
        alreadyDone,
        // A phase holds one kind of step: groups are recreated, resources (of any types) recovered. A recover
        // whose answer was lost is checked in ARM before the steps that need it run or are blocked.
        runPhase: async (steps) => {
          const results = await runBatchRenewingToken(steps, async (items, renewToken) => {
            const groups = items.flatMap((step) => (step.action.kind === 'resource-group' ? [step.action] : []));
            const resources = items.flatMap((step) => (step.action.kind === 'resource' ? [step.action.ref] : []));
            const result =
              groups.length > 0
                ? await call(recreateResourceGroups, { groups: groups.map(({ subscriptionId, resourceGroup, location }) => ({ subscriptionId, resourceGroup, location })) }, { forceRefresh: renewToken })
                : await call(recoverDeletedResources, { resources }, { forceRefresh: renewToken });
            return result.ok ? result.data.results : items.map(() => result);
          }).catch((error: unknown) => steps.map(() => requestFailed(error)));
          if (steps.some((step) => step.action.kind !== 'resource')) return results;
          const refs = steps.flatMap((step) => (step.action.kind === 'resource' ? [step.action.ref] : []));
          return settleLostResults('recover', refs, results, async (lost) => {
            const result = await call(readDeletedResourceStates, { resources: lost });
            return result.ok ? result.data.results : lost.map(() => result);
          });
        },
        onProgress: (step, stepState) => {
          if (step.row) setRowProgress(step.row.id, stepState);
          else setStepProgress((current) => new Map(current).set(step.key, stepState));
        },
      });
      const { summary, doneKeys, text } = summarizePlanRun(plan, planRun, alreadyDone);
      const rows = plan.steps.flatMap((step) => (step.row ? [step.row] : []));
      finish({ kind: 'recover', summary, text, planRun: { plan, doneKeys } }, rows);
    },
    [call, start, finish, setRowProgress],
  );

  const retryFailed = useCallback(() => {
    if (!outcome) return;
    if (outcome.planRun) void runPlan(outcome.planRun.plan, outcome.planRun.doneKeys);
    else {
      const unknown = new Set(outcome.summary.failed.filter((failure) => isUnknownOutcome(failure.error)).map((failure) => failure.id));
      void run(outcome.kind, outcome.failedRows, unknown);
    }
  }, [outcome, run, runPlan]);

  /** Forgets the last outcome; returns the ids of its failed rows (their progress is cleared too). */
  const dismiss = useCallback(() => {
    const failedIds = new Set(outcome?.failedRows.map((row) => row.id));
    setOutcome(null);
    setPlanSteps([]);
    setProgress((current) => new Map([...current].filter(([id]) => !failedIds.has(id))));
  }, [outcome]);

  return { progress, running, outcome, planSteps, stepProgress, run, runPlan, retryFailed, dismiss };
}
