import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { runBulk, runBulkInBatches, summarizeBulk, type RowProgress } from './run-bulk';

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `a${i}` }));
const okResult: ActionResult<unknown> = { ok: true, data: null };
const failed = (message: string): ActionResult<unknown> => ({ ok: false, error: { kind: 'arm', code: 'Conflict', message } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runBulk', () => {
  it('never has more than the concurrency limit in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    await runBulk({
      items: items(30),
      concurrency: 4,
      run: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight--;
        return okResult;
      },
    });
    expect(peak).toBe(4);
  });

  it('starts items in the order given', async () => {
    const started: string[] = [];
    await runBulk({
      items: items(10),
      concurrency: 3,
      run: async (item) => {
        started.push(item.id);
        await tick();
        return okResult;
      },
    });
    expect(started).toEqual(items(10).map((item) => item.id));
  });

  it('ends every item exactly once as done or failed, a thrown error included', async () => {
    const summary = await runBulk({
      items: items(6),
      concurrency: 2,
      run: async (item) => {
        if (item.id === 'a1') return failed('Resource group gone');
        if (item.id === 'a4') throw new Error('network down');
        return okResult;
      },
    });
    expect(summary.done.sort()).toEqual(['a0', 'a2', 'a3', 'a5']);
    expect(summary.failed.map((failure) => failure.id).sort()).toEqual(['a1', 'a4']);
    expect(summary.failed.find((failure) => failure.id === 'a1')?.error.message).toBe('Resource group gone');
    expect(summary.failed.find((failure) => failure.id === 'a4')?.error.message).toBe('network down');
  });

  it('reports queued, running, then done or failed for each row', async () => {
    const history = new Map<string, RowProgress['state'][]>();
    await runBulk({
      items: items(3),
      concurrency: 1,
      run: async (item) => (item.id === 'a2' ? failed('no') : okResult),
      onProgress: (id, progress) => history.set(id, [...(history.get(id) ?? []), progress.state]),
    });
    expect(history.get('a0')).toEqual(['queued', 'running', 'done']);
    expect(history.get('a2')).toEqual(['queued', 'running', 'failed']);
  });

  it('retrying only the failed items finishes the job', async () => {
    let attempts = 0;
    const flaky = async (item: { id: string }) => {
      attempts++;
      return item.id === 'a1' && attempts <= 3 ? failed('throttled') : okResult;
    };
    const first = await runBulk({ items: items(3), concurrency: 3, run: flaky });
    expect(first.failed.map((failure) => failure.id)).toEqual(['a1']);
    const retry = await runBulk({ items: items(3).filter((item) => item.id === 'a1'), run: flaky });
    expect(retry).toEqual({ done: ['a1'], failed: [] });
  });

  it('handles an empty list', async () => {
    expect(await runBulk({ items: [], run: async () => okResult })).toEqual({ done: [], failed: [] });
  });
});

describe('runBulkInBatches', () => {
  it('hands the items over in order, batchSize at a time, one batch after another', async () => {
    const batches: string[][] = [];
    let inFlight = 0;
    let peak = 0;
    await runBulkInBatches({
      items: items(7),
      batchSize: 3,
      runBatch: async (batch) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        batches.push(batch.map((item) => item.id));
        await tick();
        inFlight--;
        return batch.map(() => okResult);
      },
    });
    expect(batches).toEqual([['a0', 'a1', 'a2'], ['a3', 'a4', 'a5'], ['a6']]);
    expect(peak).toBe(1);
  });

  it('ends each item with its own result, and a whole batch as failed when the call throws', async () => {
    const summary = await runBulkInBatches({
      items: items(4),
      batchSize: 2,
      runBatch: async (batch) => {
        if (batch[0]?.id === 'a2') throw new Error('network down');
        return batch.map((item) => (item.id === 'a1' ? failed('Resource group gone') : okResult));
      },
    });
    expect(summary.done).toEqual(['a0']);
    expect(summary.failed.map((failure) => [failure.id, failure.error.message])).toEqual([
      ['a1', 'Resource group gone'],
      ['a2', 'network down'],
      ['a3', 'network down'],
    ]);
  });

  it('counts an item the batch did not answer for as failed, never as done', async () => {
    const summary = await runBulkInBatches({ items: items(3), batchSize: 3, runBatch: async () => [okResult] });
    expect(summary.done).toEqual(['a0']);
    expect(summary.failed.map((failure) => failure.id)).toEqual(['a1', 'a2']);
  });

  it('reports queued, then running for a batch, then done or failed for each row', async () => {
    const history = new Map<string, RowProgress['state'][]>();
    await runBulkInBatches({
      items: items(3),
      batchSize: 2,
      runBatch: async (batch) => batch.map((item) => (item.id === 'a1' ? failed('no') : okResult)),
      onProgress: (id, progress) => history.set(id, [...(history.get(id) ?? []), progress.state]),
    });
    expect(history.get('a1')).toEqual(['queued', 'running', 'failed']);
    expect(history.get('a2')).toEqual(['queued', 'running', 'done']);
  });
});

describe('summarizeBulk', () => {
  it('says how many succeeded and how many failed', () => {
    expect(summarizeBulk('recovered', { done: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], failed: [{ id: 'h', error: { kind: 'arm', code: 'x', message: 'y' } }] })).toBe(
      '7 recovered, 1 failed',
    );
    expect(summarizeBulk('purged', { done: ['a'], failed: [] })).toBe('1 purged');
  });
});
