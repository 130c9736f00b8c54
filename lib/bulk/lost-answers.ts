import type { ActionError, ActionResult } from '@/lib/action-result';
import { outcomeOfLostAnswer, type DeletedResourceState } from '@/lib/deleted-resources/outcomes';
import { inBatches } from './concurrency';
import type { BulkSummary, RowProgress } from './run-bulk';

/**
 * A batch whose call failed as a whole (the portal server never answered the browser: the connection dropped,
 * the server restarted) may have acted: its rows are "outcome unknown" until ARM is read.
 */
export function isLostAnswer(error: ActionError): boolean {
  return error.code === 'RequestFailed';
}

/**
 * Reads ARM for every row whose answer was lost and reports what is true: a purge whose account is gone was
 * done, one still deleted was not (Retry sends it again), and likewise for a recover. Retry therefore never
 * repeats an action that already took effect. Rows ARM cannot be read for stay failed, saying so.
 */
export async function settleLostAnswers<T extends { id: string; resourceGroup: string }>(options: {
  kind: 'recover' | 'purge';
  items: readonly T[];
  summary: BulkSummary;
  readStates: (items: T[]) => Promise<ActionResult<DeletedResourceState>[]>;
  onProgress?: (id: string, progress: RowProgress) => void;
}): Promise<BulkSummary> {
  const { kind, items, summary, readStates, onProgress } = options;
  const lostIds = new Set(summary.failed.filter((failure) => isLostAnswer(failure.error)).map((failure) => failure.id));
  if (lostIds.size === 0) return summary;
  const lost = items.filter((item) => lostIds.has(item.id));
  for (const item of lost) onProgress?.(item.id, { state: 'checking' });

  const settled: BulkSummary = { done: [...summary.done], failed: summary.failed.filter((failure) => !lostIds.has(failure.id)), outcomes: new Map(summary.outcomes) };
  for (const batch of inBatches(lost)) {
    const states = await readStates(batch).catch(() => batch.map((): ActionResult<DeletedResourceState> => ({ ok: false, error: unreadable })));
    batch.forEach((item, i) => {
      const state = states[i] ?? { ok: false as const, error: unreadable };
      const result = state.ok ? outcomeOfLostAnswer(kind, state.data, item.resourceGroup) : { ok: false as const, error: { ...unreadable, message: `${unreadable.message} ${state.error.message}` } };
      if (result.ok) {
        settled.done.push(item.id);
        settled.outcomes?.set(item.id, result.data);
        onProgress?.(item.id, { state: 'done' });
      } else {
        settled.failed.push({ id: item.id, error: result.error });
        onProgress?.(item.id, { state: 'failed', error: result.error });
      }
    });
  }
  return settled;
}

const unreadable: ActionError = {
  kind: 'unavailable',
  code: 'OutcomeUnknown',
  message: 'Outcome unknown: the answer was lost and ARM could not be read to check it; Refresh shows what is true.',
};
