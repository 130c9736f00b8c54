import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import type { DeletedResourceState } from '@/lib/deleted-resources/outcomes';
import { BULK_CONCURRENCY } from './concurrency';
import { checkUnknownOutcomes, settleLostAnswers, settleLostResults } from './lost-answers';
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

describe('settleLostResults', () => {
  it("replaces only a batch's lost answers with what ARM shows, in place, and reads ARM for those alone", async () => {
    const steps = ['vault', 'storage', 'other', 'kept'].map((id) => ({ id, resourceGroup: 'rg-keys' }));
    const refused = { kind: 'arm' as const, code: 'Conflict', message: 'ARM said no' };
    const results: ActionResult<unknown>[] = [{ ok: true, data: { outcome: 'recovered' } }, { ok: false, error: lost }, { ok: false, error: lost }, { ok: false, error: refused }];
    const asked: string[] = [];
    const settled = await settleLostResults('recover', steps, results, async (batch) => {
      asked.push(...batch.map((step) => step.id));
      return batch.map((step) => ({ ok: true as const, data: (step.id === 'storage' ? 'live' : 'deleted') as DeletedResourceState }));
    });
    expect(asked).toEqual(['storage', 'other']);
    expect(settled[0]).toBe(results[0]);
    expect(settled[1]).toEqual({ ok: true, data: { outcome: 'confirmed-live' } });
    expect(settled[2]).toMatchObject({ ok: false, error: { code: 'NotDone' } });
    expect(settled[3]).toBe(results[3]);
  });

  it('leaves a batch without lost answers as it is, without reading ARM', async () => {
    const results: ActionResult<unknown>[] = [{ ok: true, data: null }];
    const settled = await settleLostResults('recover', [{ resourceGroup: 'rg' }], results, async () => {
      throw new Error('must not read');
    });
    expect(settled).toBe(results);
  });
});

describe('checkUnknownOutcomes', () => {
  it('reads ARM for rows whose outcome stayed unknown: reports those that took effect, and resends only those still deleted', async () => {
    const rows = ['gone', 'still', 'unreadable'].map((id) => ({ id, resourceGroup: 'rg' }));
    const { checked, resend } = await checkUnknownOutcomes({
      kind: 'purge',
      items: rows,
      readStates: async (batch) =>
        batch.map((row): ActionResult<DeletedResourceState> =>
          row.id === 'unreadable' ? { ok: false, error: { kind: 'unavailable', code: 'ServiceUnavailable', message: 'ARM is down' } } : { ok: true, data: row.id === 'gone' ? 'gone' : 'deleted' },
        ),
    });
    expect(checked.done).toEqual(['gone']);
    expect(checked.outcomes?.get('gone')).toEqual({ outcome: 'confirmed-gone' });
    expect(checked.failed.map((failure) => [failure.id, failure.error.code])).toEqual([['unreadable', 'OutcomeUnknown']]);
    expect(resend.map((row) => row.id)).toEqual(['still']);
  });

  it('reads nothing when no outcome is unknown', async () => {
    const { checked, resend } = await checkUnknownOutcomes({ kind: 'recover', items: [], readStates: async () => { throw new Error('must not read'); } });
    expect(checked.done).toEqual([]);
    expect(resend).toEqual([]);
  });
});
