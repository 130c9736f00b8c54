'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { Body1, Button, makeStyles, Skeleton, SkeletonItem, Subtitle2, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { buildRecoveryPlan, needsOrder, type RecoveryPlan } from '@/lib/deleted-resources/recovery-plan';
import { normalizeRegion, regionDisplayName } from '@/lib/deleted-resources/regions';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { DEFAULT_SORT, sortRows, visibleColumns, type Column, type ColumnContext, type SortState } from '@/lib/deleted-resources/columns';
import { toCsv } from '@/lib/deleted-resources/csv';
import { filterResources } from '@/lib/deleted-resources/view';
import { RESOURCE_TYPES } from '@/lib/resource-types';
import { actionErrorOf } from '../action-failure';
import { useValueAfterPaint } from '../after-paint';
import { loadFallbackPage } from '../load-fallback-page';
import { useNow } from '../use-now';
import { preloadToaster, useShowToast } from '../toasts';
import { useSignInAgain } from '../use-sign-in-again';
import type { LeftOutRow } from './recovery-plan-dialog';
import { FiltersBar } from './filters-bar';
import { DeletedResourcesTable } from './table';
import { planAction, ResourcesToolbar, type ActionPlan } from './toolbar';
import { useBulkAction, VERBS, type BulkOutcome } from './use-bulk-action';
import { useDeletedResources, useSubscriptions } from './use-deleted-resources';
import { useRecreateResourceGroup } from './use-recreate-resource-group';
import { useNameParam, useUrlFilters } from './use-url-filters';
import { useVisibleRows } from './use-visible-rows';
import { useDeletedBy } from './use-deleted-by';

// Opened rarely and only after a click: its code stays out of the first load.
const PurgeDialog = dynamic(() => import('./purge-dialog').then((module) => module.PurgeDialog), { ssr: false });
const RecoveryPlanDialog = dynamic(() => import('./recovery-plan-dialog').then((module) => module.RecoveryPlanDialog), { ssr: false });
const NameLookupDialog = dynamic(() => import('./name-lookup-dialog').then((module) => module.NameLookupDialog), { ssr: false });
const RecoveryStepsPanel = dynamic(() => import('./recovery-steps-panel').then((module) => module.RecoveryStepsPanel), { ssr: false });
// Message bars show only after an action or when something failed: their code loads when one is shown, or when
// an action that ends in one starts.
// One loader each for the component and its preload: an import() written inside dynamic() is compiled into a
// chunk of its own, which a separate preload would not fetch.
const loadArmErrorMessage = () => import('../arm-error-message');
const ArmErrorMessage = dynamic(() => loadArmErrorMessage().then((module) => module.ArmErrorMessage), { ssr: false });
const loadMessageBars = () => import('./view-message-bars');
const BulkOutcomeBar = dynamic(() => loadMessageBars().then((module) => module.BulkOutcomeBar), { ssr: false });
const ReadFailureBar = dynamic(() => loadMessageBars().then((module) => module.ReadFailureBar), { ssr: false });

/**
 * Fetches the code of what an action ends with (its toast, its summary bar, an error, the error page) before it
 * ends, so the page can still say what happened when the portal server is gone by then.
 */
function preloadResults() {
  preloadToaster();
  void loadMessageBars();
  void loadArmErrorMessage();
  void loadFallbackPage();
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

/** The current view as a CSV file the browser saves (deleted-resources-YYYY-MM-DD.csv); nothing leaves the page. */
function downloadCsv(rows: DeletedResource[], columns: Column[], context: ColumnContext) {
  const url = URL.createObjectURL(new Blob([toCsv(rows, columns, context)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `deleted-resources-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const NO_ROWS: DeletedResource[] = [];

const SELECTION_PENDING: ActionPlan = { targets: [], reason: 'Working out what the selection allows…' };

const TYPE_OPTIONS = RESOURCE_TYPES.map((type) => ({ value: type.id, label: type.displayName }));

/** "AI services accounts (48 hours), Key Vaults (7–90 days, set per vault), …": what the empty page promises. */
const RETENTION_SENTENCE = RESOURCE_TYPES.map((type) => `${type.displayName}s (${type.retention})`).join(', ');

/** The deleted-resources page: filters, toolbar, outcome bars and the table, each fed by a hook. */
export function DeletedResourcesView() {
  const styles = useStyles();
  const [filters, setFilters] = useUrlFilters();
  const [nameParam, setNameParam] = useNameParam();
  const subscriptions = useSubscriptions();
  const list = useDeletedResources(filters.subscription);
  const queryClient = useQueryClient();
  const signInAgain = useSignInAgain();
  const showToast = useShowToast();
  const now = useNow(30_000);
  const { rows: allRows, hide, pin } = useVisibleRows(list.data?.resources, now);

  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [purgeTargets, setPurgeTargets] = useState<DeletedResource[] | null>(null);
  const [planToConfirm, setPlanToConfirm] = useState<{ plan: RecoveryPlan; leftOut: LeftOutRow[] } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);

  const subscriptionNames = useMemo(() => new Map((subscriptions.data ?? []).map((sub) => [sub.subscriptionId, sub.displayName])), [subscriptions.data]);
  const subscriptionName = useCallback((id: string) => subscriptionNames.get(id.toLowerCase()) ?? id, [subscriptionNames]);

  // "All subscriptions" reads the subscriptions the picker lists: refreshing it looks for new ones too.
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
    void queryClient.invalidateQueries({ queryKey: ['deleted-resources'] });
  }, [queryClient]);

  /** What every bulk run ends with: succeeded rows leave the table, failed ones stay selected with the summary. */
  const onFinish = useCallback(
    (outcome: BulkOutcome) => {
      const { summary, text } = outcome;
      hide(summary.done);
      setSelected(new Set(summary.failed.map((failure) => failure.id)));
      pin(outcome.failedRows);
      setAnnouncement(text);
      const failed = summary.failed.length > 0;
      showToast({
        title: text,
        ...(failed ? { body: 'Failed rows stay selected; use Retry failed.' } : {}),
        intent: !failed ? 'success' : summary.done.length === 0 ? 'error' : 'warning',
      });
      refresh();
    },
    [hide, pin, showToast, refresh],
  );
  const onStart = useCallback((text: string) => {
    preloadResults();
    setAnnouncement(text);
  }, []);
  const bulk = useBulkAction({ onStart, onFinish });

  const onGroupCreated = useCallback(
    (text: string) => {
      setAnnouncement(text);
      showToast({ title: text, intent: 'success' });
      refresh();
    },
    [showToast, refresh],
  );
  const recreate = useRecreateResourceGroup(allRows, onGroupCreated);

  const visible = useMemo(() => filterResources(allRows, filters), [allRows, filters]);
  // Read for the subscriptions on screen; each one's window from all its loaded rows, so a search or a scroll
  // does not ask ARM again for what it has read.
  const [subscriptionsOnScreen, setSubscriptionsOnScreen] = useState<string[]>([]);
  const { deletedBy, forRows: deletedByForRows } = useDeletedBy(allRows, subscriptionsOnScreen, now);
  // What the toolbar works out for the selection (every selected row's capabilities and left-out reasons) follows
  // the checkboxes a moment later: select-all over 20,000 rows paints its checkboxes first, and that work runs
  // after, without blocking input.
  const deferredSelected = useDeferredValue(selected);
  const selection = useMemo(() => (deferredSelected.size === 0 ? NO_ROWS : visible.filter((row) => deferredSelected.has(row.id))), [visible, deferredSelected]);
  // The filters' options follow new rows once they are painted: a pass over 20,000 rows the first paint need not wait for.
  const optionRows = useValueAfterPaint(allRows, NO_ROWS);
  const kindOptions = useMemo(
    () =>
      [...new Map(optionRows.filter((row) => row.kind).map((row) => [row.kind, row.kindDisplayName]))]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [optionRows],
  );
  const regionOptions = useMemo(
    () =>
      [...new Set(optionRows.map((row) => normalizeRegion(row.location)))]
        .map((region) => ({ value: region, label: regionDisplayName(region) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [optionRows],
  );

  const busy = bulk.running !== null;
  // Until then the buttons wait, so nothing acts on the selection as it was a moment ago.
  const selectionPending = deferredSelected !== selected;
  const recoverPlan = useMemo(
    () => (selectionPending ? SELECTION_PENDING : planAction(selection, (row) => row.status.recover, 'recover', busy)),
    [selection, busy, selectionPending],
  );
  const purgePlan = useMemo(
    () => (selectionPending ? SELECTION_PENDING : planAction(selection, (row) => row.status.purge, 'purge', busy)),
    [selection, busy, selectionPending],
  );

  /**
   * A recover that needs something first (a group, a vault, storage) is shown as a plan before anything is sent,
   * with the rows of `chosen` it leaves out.
   */
  const recover = (rows: DeletedResource[], chosen: DeletedResource[] = rows) => {
    const plan = buildRecoveryPlan(rows);
    if (!needsOrder(plan)) return void bulk.run('recover', rows);
    if (plan.prerequisiteCount === 0) return void bulk.runPlan(plan);
    const leftOut = chosen.flatMap(({ name, status }) => (status.recover.allowed ? [] : [{ name, reason: status.recover.reason }]));
    setPlanToConfirm({ plan, leftOut });
  };

  const dismissOutcome = () => {
    bulk.dismiss();
    pin([]);
  };

  const failures = list.data?.failures ?? [];
  const failedOutcomeNeedsSignIn = bulk.outcome?.summary.failed.some((failure) => failure.error.kind === 'sign-in-required') ?? false;

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
        typeOptions={TYPE_OPTIONS}
        kindOptions={kindOptions}
        regionOptions={regionOptions}
      />
      <ResourcesToolbar
        selectionCount={selection.length}
        recover={recoverPlan}
        purge={purgePlan}
        onRecover={() => recover(recoverPlan.targets, selection)}
        onPurge={() => setPurgeTargets(purgePlan.targets)}
        onRefresh={refresh}
        onFindName={() => setNameParam('')}
        onExport={async () => {
          // Every exported row's Deleted by, not only those read for the screen.
          const context = { subscriptionName, deletedBy: await deletedByForRows(visible) };
          downloadCsv(sortRows(visible, sort.column, sort.direction, context), visibleColumns(filters.subscription === 'all'), context);
        }}
        exportCount={visible.length}
        refreshing={list.isFetching}
        busy={busy}
      />
      {bulk.outcome ? (
        <BulkOutcomeBar
          text={bulk.outcome.text}
          notes={bulk.outcome.notes}
          failedCount={bulk.outcome.summary.failed.length}
          needsSignIn={failedOutcomeNeedsSignIn}
          busy={busy}
          onSignIn={signInAgain}
          onRetryFailed={bulk.retryFailed}
          onDismiss={dismissOutcome}
        />
      ) : null}
      {bulk.planSteps.length > 0 && (busy || bulk.outcome?.planRun) ? <RecoveryStepsPanel steps={bulk.planSteps} progress={bulk.stepProgress} /> : null}
      {recreate.error ? <ArmErrorMessage error={recreate.error} /> : null}
      {failures.length > 0 ? <ReadFailureBar failures={failures} subscriptionName={subscriptionName} /> : null}
      {/* A refresh that fails keeps the rows it had (and their outcomes) under the error. */}
      {list.isError ? <ArmErrorMessage error={actionErrorOf(list.error)} onRetry={refresh} /> : null}
      {list.isPending ? (
        <Skeleton aria-label="Reading deleted resources" className={styles.skeleton}>
          {Array.from({ length: 6 }, (_, i) => (
            <SkeletonItem key={i} size={32} />
          ))}
        </Skeleton>
      ) : list.isError && !list.data ? null : allRows.length === 0 ? (
        <section className={styles.empty} aria-label="No deleted resources">
          <Subtitle2 as="h2">No deleted resources</Subtitle2>
          <Body1>
            {filters.subscription === 'all' ? 'None of your subscriptions has' : `${subscriptionName(filters.subscription)} has no`} soft-deleted
            resources. Azure keeps deleted {RETENTION_SENTENCE} recoverable.
          </Body1>
          <Button onClick={refresh}>Refresh</Button>
        </section>
      ) : visible.length === 0 ? (
        <section className={styles.empty} aria-label="No matches">
          <Subtitle2 as="h2">No deleted resources match the filters</Subtitle2>
          <Body1>{allRows.length} deleted resources are hidden by the resource type, kind, region or search filters.</Body1>
          <Button onClick={() => setFilters({ types: [], kinds: [], regions: [], search: '' })}>Clear filters</Button>
        </section>
      ) : (
        <DeletedResourcesTable
          rows={visible}
          sort={sort}
          onSortChange={setSort}
          showSubscription={filters.subscription === 'all'}
          subscriptionName={subscriptionName}
          deletedBy={deletedBy}
          onSubscriptionsOnScreen={setSubscriptionsOnScreen}
          selected={selected}
          onSelectionChange={setSelected}
          progress={bulk.progress}
          runningVerb={bulk.running ? VERBS[bulk.running].running : 'Working'}
          onRecreateResourceGroup={recreate.onRecreate}
          recreating={recreate.recreating}
          now={now}
        />
      )}
      {nameParam !== null ? (
        <NameLookupDialog
          name={nameParam}
          onNameChange={setNameParam}
          subscriptionName={subscriptionName}
          onRecover={(row) => {
            setNameParam(null);
            recover([row]);
          }}
          onPurge={(row) => {
            setNameParam(null);
            setPurgeTargets([row]);
          }}
          onClose={() => setNameParam(null)}
          busy={busy}
        />
      ) : null}
      {planToConfirm ? (
        <RecoveryPlanDialog
          plan={planToConfirm.plan}
          leftOut={planToConfirm.leftOut}
          onCancel={() => setPlanToConfirm(null)}
          onConfirm={() => {
            const { plan } = planToConfirm;
            setPlanToConfirm(null);
            void bulk.runPlan(plan);
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
            void bulk.run('purge', targets);
          }}
        />
      ) : null}
    </main>
  );
}
