'use client';

import { useCallback, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import {
  Body1,
  Button,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { purgeDeletedAccounts, readDeletedAccountStates, recoverDeletedAccounts, recreateResourceGroup, runRecoverySteps } from '@/app/actions';
import type { ActionError } from '@/lib/action-result';
import { BULK_CONCURRENCY, runBatchRenewingToken, runBulkInBatches, summarizeBulk, type BulkSummary, type RowProgress } from '@/lib/bulk/run-bulk';
import { settleLostAnswers } from '@/lib/bulk/lost-answers';
import { runRecoveryPlan, summarizePlanRun } from '@/lib/bulk/run-plan';
import { buildRecoveryPlan, stepRefOf, type PlanStep, type PrerequisiteStep, type RecoveryPlan } from '@/lib/deleted-accounts/recovery-plan';
import type { LeftOutRow } from './recovery-plan-dialog';
import { kindDisplayName } from '@/lib/deleted-accounts/kinds';
import { outcomeDetail } from '@/lib/deleted-accounts/outcomes';
import { normalizeRegion, regionDisplayName } from '@/lib/deleted-accounts/regions';
import type { DeletedAccount, RecreateResourceGroupFix } from '@/lib/deleted-accounts/types';
import { filterAccounts, HIDE_AFTER_SUCCESS_MS, reconcileHidden } from '@/lib/deleted-accounts/view';
import { actionErrorOf } from './action-failure';
import { AccountsToolbar, planAction } from './accounts-toolbar';
import { DeletedAccountsTable } from './deleted-accounts-table';
import { FiltersBar } from './filters-bar';
import { useArmCall } from './use-arm-call';
import { useDeletedAccounts, useSubscriptions } from './use-deleted-accounts';
import { useNow } from './use-now';
import { preloadToaster, useShowToast } from './toasts';
import { useSignInAgain } from './use-sign-in-again';
import { useUrlFilters } from './use-url-filters';

// Opened rarely and only after a click: its code stays out of the first load.
const PurgeDialog = dynamic(() => import('./purge-dialog').then((module) => module.PurgeDialog), { ssr: false });
const RecoveryPlanDialog = dynamic(() => import('./recovery-plan-dialog').then((module) => module.RecoveryPlanDialog), { ssr: false });
const RecoveryStepsPanel = dynamic(() => import('./recovery-steps-panel').then((module) => module.RecoveryStepsPanel), { ssr: false });
// Message bars show only after an action or when something failed: their code loads when one is shown, or when
// an action that ends in one starts.
const ArmErrorMessage = dynamic(() => import('./arm-error-message').then((module) => module.ArmErrorMessage), { ssr: false });
const loadMessageBars = () => import('./view-message-bars');
const BulkOutcomeBar = dynamic(() => loadMessageBars().then((module) => module.BulkOutcomeBar), { ssr: false });
const ReadFailureBar = dynamic(() => loadMessageBars().then((module) => module.ReadFailureBar), { ssr: false });

/** Fetches the code of what an action ends with (its toast, its summary bar, an error) before it ends. */
function preloadResults() {
  preloadToaster();
  void loadMessageBars();
  void import('./arm-error-message');
}

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const NO_ACCOUNTS: DeletedAccount[] = [];

type BulkKind = 'recover' | 'purge';

const VERBS: Record<BulkKind, { running: string; past: string }> = {
  recover: { running: 'Recovering', past: 'recovered' },
  purge: { running: 'Purging', past: 'purged' },
};

interface BulkOutcome {
  kind: BulkKind;
  summary: BulkSummary;
  text: string;
  /** Rows whose action ended otherwise than asked, each with what ARM showed. */
  notes: string[];
  /** A recovery plan's run: Retry failed resumes it after the steps already done. */
  planRun?: { plan: RecoveryPlan; doneKeys: Set<string> };
}

/** One line per row whose action ended otherwise than asked ("contoso-x: not purged: it was recovered meanwhile …"). */
function outcomeNotes(summary: BulkSummary, accounts: readonly DeletedAccount[]): string[] {
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  return [...(summary.outcomes ?? [])].flatMap(([id, outcome]) => {
    const detail = outcomeDetail(outcome);
    return detail ? [`${names.get(id) ?? id}: ${detail}`] : [];
  });
}

function refOf(account: DeletedAccount) {
  return {
    subscriptionId: account.subscriptionId,
    resourceGroup: account.resourceGroup,
    location: account.location,
    name: account.name,
  };
}

export function DeletedAccountsView() {
  const styles = useStyles();
  const [filters, setFilters] = useUrlFilters();
  const subscriptions = useSubscriptions();
  const list = useDeletedAccounts(filters.subscription);
  const queryClient = useQueryClient();
  const call = useArmCall();
  const signInAgain = useSignInAgain();
  const showToast = useShowToast();
  const now = useNow(30_000);

  const [hidden, setHidden] = useState<Map<string, number>>(() => new Map());
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [progress, setProgress] = useState<Map<string, RowProgress>>(() => new Map());
  const [running, setRunning] = useState<BulkKind | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  // Rows whose action failed stay in the table (with ARM's answer) until retried or dismissed, even when a
  // refresh no longer lists them (a purge that took effect but whose answer was lost).
  const [pinned, setPinned] = useState<DeletedAccount[]>([]);
  const [purgeTargets, setPurgeTargets] = useState<DeletedAccount[] | null>(null);
  const [planToConfirm, setPlanToConfirm] = useState<{ plan: RecoveryPlan; leftOut: LeftOutRow[] } | null>(null);
  // The steps before the accounts of the last recovery plan, and their progress (accounts show theirs in the table).
  const [planSteps, setPlanSteps] = useState<PrerequisiteStep[]>([]);
  const [stepProgress, setStepProgress] = useState<Map<string, RowProgress>>(() => new Map());
  const [announcement, setAnnouncement] = useState('');
  const [recreating, setRecreating] = useState<Set<string>>(() => new Set());
  const [recreateError, setRecreateError] = useState<ActionError | null>(null);

  const subscriptionNames = useMemo(
    () => new Map((subscriptions.data ?? []).map((sub) => [sub.subscriptionId, sub.displayName])),
    [subscriptions.data],
  );
  const subscriptionName = useCallback((id: string) => subscriptionNames.get(id.toLowerCase()) ?? id, [subscriptionNames]);

  const allAccounts = useMemo(() => {
    const accounts = list.data?.accounts ?? NO_ACCOUNTS;
    // The same array while nothing is hidden, so the clock's tick does not sort and filter the list again.
    const listed = hidden.size === 0 ? accounts : reconcileHidden(accounts, hidden, now).visible;
    const listedIds = new Set(listed.map((account) => account.id.toLowerCase()));
    const hiddenIds = new Set(hidden.keys());
    const missing = pinned.filter((account) => !listedIds.has(account.id.toLowerCase()) && !hiddenIds.has(account.id.toLowerCase()));
    return missing.length === 0 ? listed : [...listed, ...missing];
  }, [list.data, hidden, now, pinned]);
  const visible = useMemo(() => filterAccounts(allAccounts, filters), [allAccounts, filters]);
  const selection = useMemo(() => visible.filter((account) => selected.has(account.id)), [visible, selected]);

  const kindOptions = useMemo(
    () =>
      [...new Set(allAccounts.map((account) => account.kind))]
        .map((kind) => ({ value: kind, label: kindDisplayName(kind) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [allAccounts],
  );
  const regionOptions = useMemo(
    () =>
      [...new Set(allAccounts.map((account) => normalizeRegion(account.location)))]
        .map((region) => ({ value: region, label: regionDisplayName(region) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [allAccounts],
  );

  const busy = running !== null;
  const recoverPlan = planAction(selection, (account) => account.status.recover, 'recover', busy);
  const purgePlan = planAction(selection, (account) => account.status.purge, 'purge', busy);

  // "All subscriptions" reads the subscriptions the picker lists: refreshing it looks for new ones too.
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
    void queryClient.invalidateQueries({ queryKey: ['deleted-accounts'] });
  }, [queryClient]);

  /** What every bulk run ends with: succeeded rows leave the table, failed ones stay selected with the summary. */
  const finishRun = useCallback(
    (result: Omit<BulkOutcome, 'notes'>, accounts: DeletedAccount[]) => {
      const outcome: BulkOutcome = { ...result, notes: outcomeNotes(result.summary, accounts) };
      const { summary, text } = outcome;
      const doneIds = new Set(summary.done);
      // Succeeded rows leave the table (and stay hidden while ARM's list catches up); failed rows stay selected.
      setHidden((current) => {
        const next = new Map(current);
        for (const id of summary.done) next.set(id.toLowerCase(), Date.now() + HIDE_AFTER_SUCCESS_MS);
        return next;
      });
      setProgress((current) => new Map([...current].filter(([id]) => !doneIds.has(id))));
      setSelected(new Set(summary.failed.map((failure) => failure.id)));
      const failedIds = new Set(summary.failed.map((failure) => failure.id));
      setPinned(accounts.filter((account) => failedIds.has(account.id)));
      setOutcome(outcome);
      setAnnouncement(text);
      setRunning(null);
      // A plan's failed step blocks the accounts that need it, so a failure always shows in the accounts.
      const failed = summary.failed.length > 0;
      showToast({
        title: text,
        ...(failed ? { body: 'Failed rows stay selected; use Retry failed.' } : {}),
        intent: !failed ? 'success' : summary.done.length === 0 ? 'error' : 'warning',
      });
      refresh();
    },
    [showToast, refresh],
  );

  const runAction = useCallback(
    async (kind: BulkKind, accounts: DeletedAccount[]) => {
      if (accounts.length === 0) return;
      preloadResults();
      setRunning(kind);
      setOutcome(null);
      setAnnouncement(`${VERBS[kind].running} ${accounts.length} account${accounts.length === 1 ? '' : 's'}…`);
      const summary = await runBulkInBatches({
        items: accounts,
        batchSize: BULK_CONCURRENCY,
        // A token that expires while a batch runs fails only some of its items: those are sent again, renewed.
        runBatch: (batch) =>
          runBatchRenewingToken(batch, async (items, renewToken) => {
            const input = { accounts: items.map(refOf) };
            const options = { forceRefresh: renewToken };
            const result =
              kind === 'recover' ? await call(recoverDeletedAccounts, input, options) : await call(purgeDeletedAccounts, input, options);
            return result.ok ? result.data.results : items.map(() => result);
          }),
        onProgress: (id, rowProgress) => setProgress((current) => new Map(current).set(id, rowProgress)),
      });
      // Rows whose answer was lost are checked in ARM before anything is reported for them.
      const settled = await settleLostAnswers({
        kind,
        items: accounts,
        summary,
        readStates: async (items) => {
          const result = await call(readDeletedAccountStates, { accounts: items.map(refOf) });
          return result.ok ? result.data.results : items.map(() => result);
        },
        onProgress: (id, rowProgress) => setProgress((current) => new Map(current).set(id, rowProgress)),
      });
      finishRun({ kind, summary: settled, text: summarizeBulk(VERBS[kind].past, settled) }, accounts);
    },
    [call, finishRun],
  );

  /**
   * Runs a recovery plan: its steps before the accounts (groups, vaults, storage), then the accounts; a step
   * that fails leaves what depends on it unattempted. `alreadyDone` holds the steps an earlier run finished.
   */
  const runPlan = useCallback(
    async (plan: RecoveryPlan, alreadyDone: ReadonlySet<string> = new Set()) => {
      preloadResults();
      setRunning('recover');
      setOutcome(null);
      setPlanSteps(plan.steps.flatMap((step) => (step.kind === 'account' ? [] : [step])));
      if (alreadyDone.size === 0) setStepProgress(new Map());
      setAnnouncement(`Recovering: ${plan.prerequisiteCount} steps before ${plan.accountCount} accounts…`);
      const sendPhase = (steps: PlanStep[]) =>
        runBatchRenewingToken(steps, async (items, renewToken) => {
          const accounts = items.flatMap((step) => (step.kind === 'account' ? [refOf(step.account)] : []));
          const prerequisites = items.flatMap((step) => (step.kind === 'account' ? [] : [stepRefOf(step.prerequisite)]));
          const result =
            accounts.length > 0
              ? await call(recoverDeletedAccounts, { accounts }, { forceRefresh: renewToken })
              : await call(runRecoverySteps, { steps: prerequisites }, { forceRefresh: renewToken });
          return result.ok ? result.data.results : items.map(() => result);
        });
      const run = await runRecoveryPlan({
        plan,
        alreadyDone,
        runPhase: (_phase, steps) => sendPhase(steps),
        onProgress: (step, rowProgress) => {
          if (step.kind === 'account') setProgress((current) => new Map(current).set(step.account.id, rowProgress));
          else setStepProgress((current) => new Map(current).set(step.key, rowProgress));
        },
      });
      const { summary, doneKeys, text } = summarizePlanRun(plan, run, alreadyDone);
      const accounts = plan.steps.flatMap((step) => (step.kind === 'account' ? [step.account] : []));
      finishRun({ kind: 'recover', summary, text, planRun: { plan, doneKeys } }, accounts);
    },
    [call, finishRun],
  );

  const recover = (accounts: DeletedAccount[]) => {
    const plan = buildRecoveryPlan(accounts);
    if (plan.prerequisiteCount === 0) {
      void runAction('recover', accounts);
      return;
    }
    const leftOut = selection.flatMap(({ name, status }) => (status.recover.allowed ? [] : [{ name, reason: status.recover.reason }]));
    setPlanToConfirm({ plan, leftOut });
  };

  const retryFailed = () => {
    if (!outcome) return;
    if (outcome.planRun) {
      void runPlan(outcome.planRun.plan, outcome.planRun.doneKeys);
      return;
    }
    // The accounts as they were when they failed: a refresh may no longer list them.
    const failedIds = new Set(outcome.summary.failed.map((failure) => failure.id));
    void runAction(
      outcome.kind,
      pinned.filter((account) => failedIds.has(account.id)),
    );
  };

  const dismissOutcome = () => {
    const failedIds = new Set(pinned.map((account) => account.id));
    setOutcome(null);
    setPinned([]);
    setPlanSteps([]);
    setProgress((current) => new Map([...current].filter(([id]) => !failedIds.has(id))));
  };

  // Stable between renders so the table's memoised rows are not drawn again for it.
  const recreate = useCallback(
    async (fix: RecreateResourceGroupFix) => {
      const affected = allAccounts.filter(
        (account) =>
          account.subscriptionId === fix.subscriptionId && account.resourceGroup.toLowerCase() === fix.resourceGroup.toLowerCase(),
      );
      preloadResults();
      setRecreating((current) => new Set([...current, ...affected.map((account) => account.id)]));
      setRecreateError(null);
      const result = await call(recreateResourceGroup, {
        subscriptionId: fix.subscriptionId,
        resourceGroup: fix.resourceGroup,
        location: fix.location,
      });
      setRecreating((current) => new Set([...current].filter((id) => !affected.some((account) => account.id === id))));
      if (result.ok) {
        const text = `Resource group ${fix.resourceGroup} recreated in ${regionDisplayName(fix.location)}`;
        setAnnouncement(text);
        showToast({ title: text, intent: 'success' });
        refresh();
      } else {
        setRecreateError(result.error);
      }
    },
    [allAccounts, call, showToast, refresh],
  );
  const onRecreateResourceGroup = useCallback((fix: RecreateResourceGroupFix) => void recreate(fix), [recreate]);

  const failures = list.data?.failures ?? [];
  const failedOutcomeNeedsSignIn = outcome?.summary.failed.some((failure) => failure.error.kind === 'sign-in-required') ?? false;

  return (
    <main className={styles.main}>
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {/* One "sign in again" is enough when both reads need it. */}
      {subscriptions.isError && !(list.isError && actionErrorOf(list.error).kind === actionErrorOf(subscriptions.error).kind) ? (
        <ArmErrorMessage error={actionErrorOf(subscriptions.error)} onRetry={() => void subscriptions.refetch()} />
      ) : null}
      <FiltersBar
        filters={filters}
        onChange={setFilters}
        subscriptions={subscriptions.data ?? []}
        kindOptions={kindOptions}
        regionOptions={regionOptions}
      />
      <AccountsToolbar
        selectionCount={selection.length}
        recover={recoverPlan}
        purge={purgePlan}
        onRecover={() => recover(recoverPlan.targets)}
        onPurge={() => setPurgeTargets(purgePlan.targets)}
        onRefresh={refresh}
        refreshing={list.isFetching}
        busy={busy}
      />
      {outcome ? (
        <BulkOutcomeBar
          text={outcome.text}
          notes={outcome.notes}
          failedCount={outcome.summary.failed.length}
          needsSignIn={failedOutcomeNeedsSignIn}
          busy={busy}
          onSignIn={signInAgain}
          onRetryFailed={retryFailed}
          onDismiss={dismissOutcome}
        />
      ) : null}
      {planSteps.length > 0 && (busy || outcome?.planRun) ? <RecoveryStepsPanel steps={planSteps} progress={stepProgress} /> : null}
      {recreateError ? <ArmErrorMessage error={recreateError} /> : null}
      {failures.map((failure) => (
        <ReadFailureBar key={failure.subscriptionId} subscriptionName={subscriptionName(failure.subscriptionId)} error={failure.error} />
      ))}
      {list.isPending ? (
        <Skeleton aria-label="Reading deleted accounts" className={styles.skeleton}>
          {Array.from({ length: 6 }, (_, i) => (
            <SkeletonItem key={i} size={32} />
          ))}
        </Skeleton>
      ) : list.isError ? (
        <ArmErrorMessage error={actionErrorOf(list.error)} onRetry={refresh} />
      ) : allAccounts.length === 0 ? (
        <section className={styles.empty} aria-label="No deleted accounts">
          <Subtitle2 as="h2">No deleted accounts</Subtitle2>
          <Body1>
            {filters.subscription === 'all' ? 'None of your subscriptions has' : `${subscriptionName(filters.subscription)} has no`}{' '}
            deleted Azure AI services or Foundry accounts. Deleted accounts stay here for 48 hours before Azure purges them.
          </Body1>
          <Button onClick={refresh}>Refresh</Button>
        </section>
      ) : visible.length === 0 ? (
        <section className={styles.empty} aria-label="No matches">
          <Subtitle2 as="h2">No deleted accounts match the filters</Subtitle2>
          <Body1>{allAccounts.length} deleted accounts are hidden by the API type, region or search filters.</Body1>
          <Button onClick={() => setFilters({ kinds: [], regions: [], search: '' })}>Clear filters</Button>
        </section>
      ) : (
        <DeletedAccountsTable
          accounts={visible}
          showSubscription={filters.subscription === 'all'}
          subscriptionName={subscriptionName}
          selected={selected}
          onSelectionChange={setSelected}
          progress={progress}
          runningVerb={running ? VERBS[running].running : 'Working'}
          onRecreateResourceGroup={onRecreateResourceGroup}
          recreating={recreating}
          now={now}
        />
      )}
      {planToConfirm ? (
        <RecoveryPlanDialog
          plan={planToConfirm.plan}
          leftOut={planToConfirm.leftOut}
          onCancel={() => setPlanToConfirm(null)}
          onConfirm={() => {
            const { plan } = planToConfirm;
            setPlanToConfirm(null);
            void runPlan(plan);
          }}
        />
      ) : null}
      {purgeTargets ? (
        <PurgeDialog
          accounts={purgeTargets}
          onCancel={() => setPurgeTargets(null)}
          onConfirm={() => {
            const targets = purgeTargets;
            setPurgeTargets(null);
            void runAction('purge', targets);
          }}
        />
      ) : null}
    </main>
  );
}
