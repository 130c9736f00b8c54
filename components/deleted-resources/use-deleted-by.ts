'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { readDeleteEvents } from '@/app/actions';
import type { ActionResult } from '@/lib/action-result';
import {
  activityLogWindow,
  deletedByOf,
  indexDeleteEvents,
  providersOf,
  unreadableLogReason,
  type DeletedBy,
  type DeleteEvent,
  type DeleteEventIndex,
} from '@/lib/deleted-resources/deleted-by';
import type { DeletedResource } from '@/lib/deleted-resources/types';
import { actionErrorOf, unwrap } from '../action-failure';
import { useActiveAccount, useArmCall } from '../use-arm-call';

/** Subscriptions per read: a refresh that changes one subscription's rows reads its chunk again, not all of them. */
const SUBSCRIPTIONS_PER_READ = 25;
const LOADING: DeletedBy = { state: 'loading' };
const NO_EVENTS: DeleteEventIndex = new Map();

interface SubscriptionQuery {
  subscriptionId: string;
  from: string;
  to: string;
  providers: string[];
}

/** Per subscription: its events by id, or why they could not be read. */
type Answers = ReadonlyMap<string, ActionResult<DeleteEventIndex>>;

/** The chunks of subscription queries for these rows, each window rounded to the hour so refreshes hit the cache. */
function chunkedQueries(rows: readonly DeletedResource[], now: number): SubscriptionQuery[][] {
  const grouped = new Map<string, DeletedResource[]>();
  for (const row of rows) {
    const group = grouped.get(row.subscriptionId);
    if (group) group.push(row);
    else grouped.set(row.subscriptionId, [row]);
  }
  const queries: SubscriptionQuery[] = [];
  for (const [subscriptionId, subscriptionRows] of [...grouped].sort(([a], [b]) => a.localeCompare(b))) {
    const window = activityLogWindow(subscriptionRows, now);
    if (window) queries.push({ subscriptionId, ...window, providers: providersOf(subscriptionRows) });
  }
  const chunks: SubscriptionQuery[][] = [];
  for (let start = 0; start < queries.length; start += SUBSCRIPTIONS_PER_READ) chunks.push(queries.slice(start, start + SUBSCRIPTIONS_PER_READ));
  return chunks;
}

/**
 * The Deleted by column: each subscription's delete events from the activity log, read after the rows are
 * painted (first paint never waits for them) and cached by subscription, window and providers. Returns who
 * deleted a row, "loading", or "unknown" with the reason.
 */
export function useDeletedBy(rows: readonly DeletedResource[], now: number): (row: DeletedResource) => DeletedBy {
  const call = useArmCall();
  const account = useActiveAccount();
  // Start once the rows have been on screen for a frame.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (rows.length === 0 || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows.length, painted]);

  const hour = Math.floor(now / 3600_000) * 3600_000;
  const chunks = useMemo(() => chunkedQueries(rows, hour), [rows, hour]);

  const combine = useCallback(
    (results: UseQueryResult<ActionResult<DeleteEvent[]>[]>[]): Answers => {
      const answers = new Map<string, ActionResult<DeleteEventIndex>>();
      chunks.forEach((chunk, index) => {
        const result = results[index];
        chunk.forEach((query, i) => {
          if (result?.isError) answers.set(query.subscriptionId, { ok: false, error: actionErrorOf(result.error) });
          const answer = result?.data?.[i];
          if (answer) answers.set(query.subscriptionId, answer.ok ? { ok: true, data: indexDeleteEvents(answer.data) } : answer);
        });
      });
      return answers;
    },
    [chunks],
  );
  const answers = useQueries({
    queries: chunks.map((chunk) => ({
      queryKey: ['deleted-by', account?.homeAccountId, chunk] as const,
      queryFn: async () => unwrap(await call(readDeleteEvents, { subscriptions: chunk })).results,
      enabled: painted && account !== null,
      staleTime: 5 * 60 * 1000,
      retry: false,
    })),
    combine,
  });
  const asked = useMemo(() => new Set(chunks.flat().map((query) => query.subscriptionId)), [chunks]);

  return useCallback(
    (row: DeletedResource) => {
      const answer = answers.get(row.subscriptionId);
      // A subscription not asked about has no row the log still covers: deletedByOf says why.
      if (!answer) return asked.has(row.subscriptionId) ? LOADING : deletedByOf(row, NO_EVENTS, now);
      if (!answer.ok) return { state: 'unknown', reason: unreadableLogReason(answer.error) };
      return deletedByOf(row, answer.data, now);
    },
    [answers, asked, now],
  );
}
