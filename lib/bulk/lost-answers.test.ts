import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import type { DeletedAccountState } from '@/lib/deleted-accounts/outcomes';
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
const states = (byId: Record<string, DeletedAccountState>) => async (batch: { id: string }[]): Promise<ActionResult<DeletedAccountState>[]> =>
  batch.map((item) => ({ ok: true, data: byId[item.id] as DeletedAccountState }));

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
});
