import type { ActionError, ActionResult } from '@/lib/action-result';

/** How many recover or purge calls run at once from one browser. */
export const BULK_CONCURRENCY = 8;

export type RowProgress = { state: 'queued' } | { state: 'running' } | { state: 'done' } | { state: 'failed'; error: ActionError };

export interface BulkSummary {
  done: string[];
  failed: { id: string; error: ActionError }[];
}

/**
 * Runs one action per item with at most `concurrency` in flight, in the given order, and reports each
 * item's progress. Every item ends exactly once as done or failed: a thrown error counts as a failure of
 * that item, never as a lost one.
 */
export async function runBulk<T extends { id: string }>(options: {
  items: readonly T[];
  concurrency?: number;
  run: (item: T) => Promise<ActionResult<unknown>>;
  onProgress?: (id: string, progress: RowProgress) => void;
}): Promise<BulkSummary> {
  const { items, run, onProgress } = options;
  const concurrency = Math.max(1, options.concurrency ?? BULK_CONCURRENCY);
  const summary: BulkSummary = { done: [], failed: [] };
  for (const item of items) onProgress?.(item.id, { state: 'queued' });

  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next++] as T;
      onProgress?.(item.id, { state: 'running' });
      let result: ActionResult<unknown>;
      try {
        result = await run(item);
      } catch (error) {
        result = {
          ok: false,
          error: {
            kind: 'unavailable',
            code: 'RequestFailed',
            message: error instanceof Error && error.message ? error.message : 'The request did not complete.',
          },
        };
      }
      if (result.ok) {
        summary.done.push(item.id);
        onProgress?.(item.id, { state: 'done' });
      } else {
        summary.failed.push({ id: item.id, error: result.error });
        onProgress?.(item.id, { state: 'failed', error: result.error });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return summary;
}

/** "7 recovered, 1 failed" */
export function summarizeBulk(pastTense: string, summary: BulkSummary): string {
  const parts = [`${summary.done.length} ${pastTense}`];
  if (summary.failed.length > 0) parts.push(`${summary.failed.length} failed`);
  return parts.join(', ');
}
