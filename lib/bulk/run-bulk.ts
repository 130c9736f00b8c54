import type { ActionError, ActionResult } from '@/lib/action-result';
import { isOutcome, OUTCOME_LABELS, type ItemOutcome } from '@/lib/deleted-resources/outcomes';
import { inBatches } from './concurrency';

export type RowProgress =
  | { state: 'queued' }
  | { state: 'running' }
  | { state: 'done' }
  | { state: 'failed'; error: ActionError }
  /** The request was sent but its answer was lost: ARM is being read to say what is true. */
  | { state: 'checking' }
  /** Not attempted: a step it needs (named by its title) failed or was blocked itself. */
  | { state: 'blocked'; by: string };

export interface BulkSummary {
  /** Items that ended without an error (whatever their outcome: they are no longer deleted). */
  done: string[];
  failed: { id: string; error: ActionError }[];
  /** What ARM showed each done item's action really did, where the server said (recover and purge do). */
  outcomes?: Map<string, ItemOutcome>;
}

/** Two summaries of one run's rows (each row in one of them) as one. */
export function mergeSummaries(a: BulkSummary, b: BulkSummary): BulkSummary {
  return { done: [...a.done, ...b.done], failed: [...a.failed, ...b.failed], outcomes: new Map([...(a.outcomes ?? []), ...(b.outcomes ?? [])]) };
}

/**
 * "7 recovered, 1 failed"; outcomes other than the action asked for are counted apart: "2 purged, 1 recovered
 * meanwhile, 1 already gone, 1 failed".
 */
export function summarizeBulk(pastTense: string, summary: BulkSummary): string {
  const others = new Map<string, number>();
  for (const id of summary.done) {
    const outcome = summary.outcomes?.get(id);
    const label = outcome ? OUTCOME_LABELS[outcome.outcome] : pastTense;
    if (label !== pastTense) others.set(label, (others.get(label) ?? 0) + 1);
  }
  const asked = summary.done.length - [...others.values()].reduce((sum, count) => sum + count, 0);
  const parts = [`${asked} ${pastTense}`, ...[...others].map(([label, count]) => `${count} ${label}`)];
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} failed`);
  return parts.join(', ');
}

/** An item whose call never answered (the connection dropped, the server died): its outcome is for ARM to say. */
export const requestFailed = (error: unknown): ActionResult<unknown> => ({
  ok: false,
  error: {
    kind: 'unavailable',
    code: 'RequestFailed',
    message: error instanceof Error && error.message ? error.message : 'The request did not complete.',
  },
});

/**
 * Runs a bulk action and reports each item's progress; every item ends exactly once as done or failed (a
 * thrown error fails the items it concerns, never loses them). Hands `batchSize` items at a time to one call
 * that runs them together (a server action runs them concurrently on the server). Next.js sends one client's server action calls one after another
 * (vercel/next.js#69265), so per-item calls from the browser never overlap; batches keep `batchSize`
 * operations in flight. `runBatch` answers one result per item, in order.
 */
export async function runBulkInBatches<T extends { id: string }>(options: {
  items: readonly T[];
  batchSize?: number;
  runBatch: (batch: T[]) => Promise<ActionResult<unknown>[]>;
  onProgress?: (id: string, progress: RowProgress) => void;
}): Promise<BulkSummary> {
  const { items, runBatch, onProgress } = options;
  const summary: BulkSummary = { done: [], failed: [], outcomes: new Map() };
  for (const item of items) onProgress?.(item.id, { state: 'queued' });
  for (const batch of inBatches(items, options.batchSize)) {
    for (const item of batch) onProgress?.(item.id, { state: 'running' });
    let results: ActionResult<unknown>[];
    try {
      results = await runBatch(batch);
    } catch (error) {
      results = batch.map(() => requestFailed(error));
    }
    batch.forEach((item, i) => {
      const result = results[i] ?? requestFailed(undefined);
      if (result.ok) {
        summary.done.push(item.id);
        if (isOutcome(result.data)) summary.outcomes?.set(item.id, result.data);
        onProgress?.(item.id, { state: 'done' });
      } else {
        summary.failed.push({ id: item.id, error: result.error });
        onProgress?.(item.id, { state: 'failed', error: result.error });
      }
    });
  }
  return summary;
}

/**
 * Sends one batch; the items that failed only because ARM refused the token (it expired while the batch ran,
 * e.g. during a long purge's polling) are sent once more with a renewed token, so a bulk action that outlives
 * its token loses no row. Retrying them is safe: a purge of a purged account and a recover of a recovered one
 * count as done. Results come back one per item, in order.
 */
export async function runBatchRenewingToken<T>(
  batch: readonly T[],
  send: (items: T[], renewToken: boolean) => Promise<ActionResult<unknown>[]>,
): Promise<ActionResult<unknown>[]> {
  const results = await send([...batch], false);
  const needsToken = (result: ActionResult<unknown> | undefined) => result !== undefined && !result.ok && result.error.kind === 'sign-in-required';
  const again = batch.flatMap((item, i) => (needsToken(results[i]) ? [{ item, i }] : []));
  if (again.length === 0) return results;
  // A resend that fails as a whole fails only the resent items: the others already have their answers.
  const retried = await send(
    again.map(({ item }) => item),
    true,
  ).catch((error: unknown) => again.map(() => requestFailed(error)));
  const merged = [...results];
  again.forEach(({ i }, j) => {
    merged[i] = retried[j] ?? requestFailed(undefined);
  });
  return merged;
}
