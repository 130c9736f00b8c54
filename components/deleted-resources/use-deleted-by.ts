'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { readDeleteEvents } from '@/app/actions';
import type { ActionResult } from '@/lib/action-result';
import {
  activityLogWindow,
  deletedByOf,
  indexDeleteEvents,
  providersOf,
  unreadableLogReason,
  type DeletedBy,
  type DeleteEventIndex,
} from '@/lib/deleted-resources/deleted-by';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { actionErrorOf, unwrap } from '../action-failure';
import { afterNextPaint } from '../after-paint';
import { useActiveAccount, useArmCall } from '../use-arm-call';

/** Subscriptions per server action: reads asked for together are sent together (Next.js runs one client's actions one at a time). */
const SUBSCRIPTIONS_PER_READ = 25;
const LOADING: DeletedBy = { state: 'loading' };
const NO_EVENTS: DeleteEventIndex = new Map();

interface SubscriptionQuery {
  subscriptionId: string;
  from: string;
  to: string;
  providers: string[];
}

/** One subscription's answer: its events by id, or why they could not be read. */
type Answer = ActionResult<DeleteEventIndex>;

/** Each subscription's query, its window from all its loaded rows (rounded to the hour, so refreshes hit the cache). */
function queriesBySubscription(rows: readonly DeletedResource[], now: number): Map<string, SubscriptionQuery> {
  const grouped = new Map<string, DeletedResource[]>();
  for (const row of rows) {
    const group = grouped.get(row.subscriptionId);
    if (group) group.push(row);
    else grouped.set(row.subscriptionId, [row]);
  }
  const queries = new Map<string, SubscriptionQuery>();
  for (const [subscriptionId, subscriptionRows] of grouped) {
    const window = activityLogWindow(subscriptionRows, now);
    if (window) queries.set(subscriptionId, { subscriptionId, ...window, providers: providersOf(subscriptionRows) });
  }
  return queries;
}

type Call = ReturnType<typeof useArmCall>;

/**
 * Collects the subscriptions asked for within one tick and reads them in one server action per
 * SUBSCRIPTIONS_PER_READ, each caller getting its own subscription's answer.
 */
function batchedReader(call: Call) {
  let pending: { query: SubscriptionQuery; resolve: (answer: Answer) => void; reject: (error: unknown) => void }[] = [];
  const flush = async (batch: typeof pending) => {
    try {
      const results = unwrap(await call(readDeleteEvents, { subscriptions: batch.map((item) => item.query) })).results;
      batch.forEach((item, i) => {
        const answer = results[i];
        if (!answer) item.reject(new Error('The server answered fewer subscriptions than it was asked.'));
        else item.resolve(answer.ok ? { ok: true, data: indexDeleteEvents(answer.data) } : answer);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };
  return (query: SubscriptionQuery) =>
    new Promise<Answer>((resolve, reject) => {
      if (pending.length === 0) {
        setTimeout(() => {
          const all = pending;
          pending = [];
          for (let start = 0; start < all.length; start += SUBSCRIPTIONS_PER_READ) void flush(all.slice(start, start + SUBSCRIPTIONS_PER_READ));
        }, 0);
      }
      pending.push({ query, resolve, reject });
    });
}

const answerOf = (result: UseQueryResult<Answer> | undefined): Answer | undefined =>
  result?.isError ? { ok: false, error: actionErrorOf(result.error) } : result?.data;

function deletedByFrom(answer: Answer | undefined, asked: boolean, row: DeletedResource, now: number): DeletedBy {
  // A subscription with no row the log still covers is not asked about: deletedByOf says why.
  if (!answer) return asked ? LOADING : deletedByOf(row, NO_EVENTS, now);
  if (!answer.ok) return { state: 'unknown', reason: unreadableLogReason(answer.error) };
  return deletedByOf(row, answer.data, now);
}

/**
 * The Deleted by column: each subscription's delete events from the activity log, read for `onScreen` (the
 * subscriptions of the rows the table shows, sorted) once they are painted (first paint never waits, and 200 subscriptions cost what the visible
 * ones do), batched into one server action and cached per subscription. `deletedBy` says who deleted a row,
 * "loading", or "unknown" with the reason; `forRows` reads every subscription of the given rows first (the export).
 */
export function useDeletedBy(
  loaded: readonly DeletedResource[],
  onScreen: readonly string[],
  now: number,
): { deletedBy: (row: DeletedResource) => DeletedBy; forRows: (rows: readonly DeletedResource[]) => Promise<(row: DeletedResource) => DeletedBy> } {
  const call = useArmCall();
  const account = useActiveAccount();
  const queryClient = useQueryClient();
  const read = useRef(batchedReader(call));
  useEffect(() => {
    read.current = batchedReader(call);
  }, [call]);

  // Start once the rows have been on screen for a frame.
  const [painted, setPainted] = useState(false);
  useEffect(() => (onScreen.length === 0 || painted ? undefined : afterNextPaint(() => setPainted(true))), [onScreen.length, painted]);

  const hour = Math.floor(now / 3600_000) * 3600_000;
  // Grouping 20,000 rows is work the first paint need not wait for.
  const queries = useMemo(() => (painted ? queriesBySubscription(loaded, hour) : new Map<string, SubscriptionQuery>()), [painted, loaded, hour]);
  const options = useCallback(
    (query: SubscriptionQuery) => ({
      queryKey: ['deleted-by', account?.homeAccountId, query] as const,
      queryFn: () => read.current(query),
      staleTime: 5 * 60 * 1000,
      retry: false,
    }),
    [account?.homeAccountId],
  );
  const wanted = useMemo(() => {
    return onScreen.flatMap((id) => queries.get(id) ?? []);
  }, [onScreen, queries]);

  const combine = useCallback(
    (results: UseQueryResult<Answer>[]) => new Map(wanted.map((query, i) => [query.subscriptionId, answerOf(results[i])])),
    [wanted],
  );
  const answers = useQueries({ queries: wanted.map((query) => ({ ...options(query), enabled: account !== null })), combine });

  const deletedBy = useCallback(
    (row: DeletedResource) => (painted ? deletedByFrom(answers.get(row.subscriptionId), queries.has(row.subscriptionId), row, now) : LOADING),
    [answers, queries, now, painted],
  );

  const forRows = useCallback(
    async (rows: readonly DeletedResource[]) => {
      const all = queries.size > 0 ? queries : queriesBySubscription(loaded, hour);
      const needed = [...new Set(rows.map((row) => row.subscriptionId))].flatMap((id) => all.get(id) ?? []);
      const settled = await Promise.all(
        needed.map(async (query): Promise<[string, Answer]> => {
          try {
            return [query.subscriptionId, await queryClient.fetchQuery(options(query))];
          } catch (error) {
            return [query.subscriptionId, { ok: false, error: actionErrorOf(error) }];
          }
        }),
      );
      const answered = new Map(settled);
      return (row: DeletedResource) => deletedByFrom(answered.get(row.subscriptionId), all.has(row.subscriptionId), row, now);
    },
    [queries, loaded, hour, options, queryClient, now],
  );

  return { deletedBy, forRows };
}
