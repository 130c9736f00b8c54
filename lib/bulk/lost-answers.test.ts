import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import type { DeletedResourceState } from '@/lib/deleted-resources/outcomes';
import { BULK_CONCURRENCY } from './concurrency';
import { settleLostAnswers } from './lost-answers';
import type { BulkSummary } from './run-bulk';

const lost = { kind: 'unavailable' as const, code: 'RequestFailed', message: 'Failed to fetch' };
const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, resourceGroup: 'rg' }));
const summary = (): BulkSummary => ({
  done: ['a'],
  failed: [
    { id: 'b', error: lost },
    { id: 'c', error: lost },
    { id: 'd', error: { kind: 'arm', code: 'Conflict', message: 'ARM said no' } },
  ],
  outcomes: new Map([['a', { outcome: 'purged' }]]),
});
const states = (byId: Record<string, DeletedResourceState>) => async (batch: { id: string }[]): Promise<ActionResult<DeletedResourceState>[]> =>
  batch.map((item) => ({ ok: true, data: byId[item.id] as DeletedResourceState }));

describe('settleLostAnswers', () => {
  it('reads ARM only for rows whose answer was lost, and reports what it shows', async () => {
    const asked: string[] = [];
    const progress: [string, string][] = [];
    const settled = await settleLostAnswers({
      kind: 'purge',
      items,
      summary: summary(),
      readStates: async (batch) => {
        asked.push(...batch.map((item) => item.id));
        return states({ b: 'gone', c: 'deleted' })(batch);
      },
      onProgress: (id, rowProgress) => progress.push([id, rowProgress.state]),
    });
    expect(asked).toEqual(['b', 'c']);
    expect(progress).toEqual([['b', 'checking'], ['c', 'checking'], ['b', 'done'], ['c', 'failed']]);
    expect(settled.done).toEqual(['a', 'b']);
    expect(settled.outcomes?.get('b')).toEqual({ outcome: 'confirmed-gone' });
    expect(settled.failed.map((failure) => [failure.id, failure.error.code])).toEqual([['d', 'Conflict'], ['c', 'NotDone']]);
    expect(settled.failed[1]?.error.message).toMatch(/still holds it deleted: it was not purged/);
  });

  it('says a lost recover of an account now live is confirmed, and one now gone cannot be recovered', async () => {
    const settled = await settleLostAnswers({ kind: 'recover', items, summary: summary(), readStates: states({ b: 'live', c: 'gone' }) });
    expect(settled.outcomes?.get('b')).toEqual({ outcome: 'confirmed-live' });
    expect(settled.failed.find((failure) => failure.id === 'c')?.error.message).toMatch(/^Cannot be recovered: it was purged or expired meanwhile/);
  });

  it('keeps the rows failed, saying the outcome is unknown, when ARM cannot be read either', async () => {
    const settled = await settleLostAnswers({ kind: 'purge', items, summary: summary(), readStates: () => Promise.reject(new Error('offline')) });
    expect(settled.done).toEqual(['a']);
    expect(settled.failed.filter((failure) => failure.error.code === 'OutcomeUnknown').map((failure) => failure.id)).toEqual(['b', 'c']);
  });

  it('reads the lost rows BULK_CONCURRENCY at a time, in order, and settles every one of them', async () => {
    const many = Array.from({ length: BULK_CONCURRENCY * 2 + 1 }, (_, i) => ({ id: `r${i}`, resourceGroup: 'rg' }));
    const batches: string[][] = [];
    const settled = await settleLostAnswers({
      kind: 'purge',
      items: many,
      summary: { done: [], failed: many.map((item) => ({ id: item.id, error: lost })) },
      readStates: async (batch) => {
        batches.push(batch.map((item) => item.id));
        return batch.map(() => ({ ok: true, data: 'gone' }));
      },
    });
    expect(batches.map((batch) => batch.length)).toEqual([BULK_CONCURRENCY, BULK_CONCURRENCY, 1]);
    expect(batches.flat()).toEqual(many.map((item) => item.id));
    expect(settled.done).toEqual(many.map((item) => item.id));
    expect(settled.failed).toEqual([]);
  });
});
