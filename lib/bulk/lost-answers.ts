import type { ActionError, ActionResult } from '@/lib/action-result';
import { NOT_DONE, outcomeOfLostAnswer, type DeletedResourceState, type ItemOutcome } from '@/lib/deleted-resources/outcomes';
import { inBatches } from './concurrency';
import { mergeSummaries, type BulkSummary, type RowProgress } from './run-bulk';

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
  const read = await readWhatIsTrue(kind, items.filter((item) => lostIds.has(item.id)), readStates, onProgress);
  return mergeSummaries({ ...summary, failed: summary.failed.filter((failure) => !lostIds.has(failure.id)) }, read);
}

/** Reads ARM for rows whose outcome is not known, showing them "checking", and reports each as what ARM shows. */
async function readWhatIsTrue<T extends { id: string; resourceGroup: string }>(
  kind: 'recover' | 'purge',
  rows: readonly T[],
  readStates: (items: T[]) => Promise<ActionResult<DeletedResourceState>[]>,
  onProgress?: (id: string, progress: RowProgress) => void,
): Promise<BulkSummary> {
  const read: BulkSummary = { done: [], failed: [], outcomes: new Map() };
  for (const row of rows) onProgress?.(row.id, { state: 'checking' });
  for (const batch of inBatches(rows)) {
    const results = await outcomesOfLostAnswers(kind, batch, readStates);
    batch.forEach((row, i) => {
      const result = results[i] ?? { ok: false as const, error: unreadable };
      if (result.ok) {
        read.done.push(row.id);
        read.outcomes?.set(row.id, result.data);
        onProgress?.(row.id, { state: 'done' });
      } else {
        read.failed.push({ id: row.id, error: result.error });
        onProgress?.(row.id, { state: 'failed', error: result.error });
      }
    });
  }
  return read;
}

/** A failure whose outcome stayed unknown: ARM could not be read when its answer was lost. */
export function isUnknownOutcome(error: ActionError): boolean {
  return error.code === unreadable.code;
}

/**
 * Before Retry sends rows again whose outcome stayed unknown (the portal server was down when their answers
 * were lost), ARM is read for them: those that took effect are reported as what ARM shows, those it cannot
 * read stay failed, and only those still soft-deleted are sent again.
 */
export async function checkUnknownOutcomes<T extends { id: string; resourceGroup: string }>(options: {
  kind: 'recover' | 'purge';
  items: readonly T[];
  readStates: (items: T[]) => Promise<ActionResult<DeletedResourceState>[]>;
  onProgress?: (id: string, progress: RowProgress) => void;
}): Promise<{ checked: BulkSummary; resend: T[] }> {
  const settled = await readWhatIsTrue(options.kind, options.items, options.readStates, options.onProgress);
  const notDone = new Set(settled.failed.filter((failure) => failure.error.code === NOT_DONE).map((failure) => failure.id));
  return {
    checked: { ...settled, failed: settled.failed.filter((failure) => !notDone.has(failure.id)) },
    resend: options.items.filter((item) => notDone.has(item.id)),
  };
}

/** What ARM shows now for items whose answer was lost, as the outcome each one's action had (or a failure). */
async function outcomesOfLostAnswers<T extends { resourceGroup: string }>(
  kind: 'recover' | 'purge',
  items: T[],
  readStates: (items: T[]) => Promise<ActionResult<DeletedResourceState>[]>,
): Promise<ActionResult<ItemOutcome>[]> {
  const states = await readStates(items).catch(() => items.map((): ActionResult<DeletedResourceState> => ({ ok: false, error: unreadable })));
  return items.map((item, i) => {
    const state = states[i] ?? { ok: false as const, error: unreadable };
    return state.ok ? outcomeOfLostAnswer(kind, state.data, item.resourceGroup) : { ok: false as const, error: { ...unreadable, message: `${unreadable.message} ${state.error.message}` } };
  });
}

/**
 * One batch's results, with each lost answer replaced by what ARM shows now: how a recovery plan's recover steps
 * learn whether the Key Vault or storage account came back before the steps that need it run (or are blocked).
 */
export async function settleLostResults<T extends { resourceGroup: string }>(
  kind: 'recover' | 'purge',
  items: readonly T[],
  results: ActionResult<unknown>[],
  readStates: (items: T[]) => Promise<ActionResult<DeletedResourceState>[]>,
): Promise<ActionResult<unknown>[]> {
  const lost = items.flatMap((item, i) => {
    const result = results[i];
    return result && !result.ok && isLostAnswer(result.error) ? [{ item, i }] : [];
  });
  if (lost.length === 0) return results;
  const settled = await outcomesOfLostAnswers(
    kind,
    lost.map(({ item }) => item),
    readStates,
  );
  const merged = [...results];
  lost.forEach(({ i }, j) => {
    merged[i] = settled[j] ?? merged[i]!;
  });
  return merged;
}

const unreadable: ActionError = {
  kind: 'unavailable',
  code: 'OutcomeUnknown',
  message: 'Outcome unknown: the answer was lost and ARM could not be read to check it; Refresh shows what is true.',
};
