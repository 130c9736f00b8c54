import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { runBatchRenewingToken, runBulk, runBulkInBatches, summarizeBulk, type RowProgress } from './run-bulk';

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

describe('runBatchRenewingToken', () => {
  const expired: ActionResult<unknown> = {
    ok: false,
    error: { kind: 'sign-in-required', code: 'ExpiredAuthenticationToken', message: "The access token expiry UTC time '11/23/2026 9:00:00 PM' is earlier than current UTC time." },
  };
  const signInAgain: ActionResult<unknown> = {
    ok: false,
    error: { kind: 'sign-in-required', code: 'InteractionRequired', message: 'Your sign-in has expired. Sign in again to continue.' },
  };
  const unavailable: ActionResult<unknown> = { ok: false, error: { kind: 'unavailable', code: 'ServiceUnavailable', message: 'Try later' } };

  /** A fake server action: answers from `firstAnswers` on the first send, from `renewed` when asked to renew. */
  function recordingSend(firstAnswers: Record<string, ActionResult<unknown>>, renewed: (id: string) => ActionResult<unknown>) {
    const sends: { ids: string[]; renewToken: boolean }[] = [];
    const send = async (batch: { id: string }[], renewToken: boolean) => {
      sends.push({ ids: batch.map((item) => item.id), renewToken });
      return batch.map((item) => (renewToken ? renewed(item.id) : (firstAnswers[item.id] ?? okResult)));
    };
    return { sends, send };
  }

  it('sends the items ARM refused for an expired token once more, with a renewed token, and only those', async () => {
    const { sends, send } = recordingSend({ a1: expired, a2: failed('Resource group gone'), a3: signInAgain, a4: unavailable }, () => okResult);
    const results = await runBatchRenewingToken(items(5), send);
    expect(sends).toEqual([
      { ids: ['a0', 'a1', 'a2', 'a3', 'a4'], renewToken: false },
      { ids: ['a1', 'a3'], renewToken: true },
    ]);
    expect(results).toEqual([okResult, okResult, failed('Resource group gone'), okResult, unavailable]);
  });

  it('sends once when no item was refused for its token, failures of other kinds included', async () => {
    const { sends, send } = recordingSend({ a0: failed('Conflict'), a2: unavailable }, () => okResult);
    const results = await runBatchRenewingToken(items(3), send);
    expect(sends).toHaveLength(1);
    expect(results).toEqual([failed('Conflict'), okResult, unavailable]);
  });

  it('reports the renewed items failed with the sign-in reason when renewal fails, and does not send them a third time', async () => {
    const { sends, send } = recordingSend({ a0: expired, a2: expired }, () => signInAgain);
    const results = await runBatchRenewingToken(items(3), send);
    expect(sends.map((s) => s.renewToken)).toEqual([false, true]);
    expect(results).toEqual([signInAgain, okResult, signInAgain]);
  });

  it('counts an item the renewed send did not answer for as failed, never as done', async () => {
    const results = await runBatchRenewingToken(items(2), async (batch, renewToken) => (renewToken ? [] : batch.map(() => expired)));
    expect(results.map((result) => result.ok)).toEqual([false, false]);
    expect(results.every((result) => !result.ok && result.error.kind === 'unavailable')).toBe(true);
  });

  it('keeps the first answers of the other items when the renewed send itself fails', async () => {
    const results = await runBatchRenewingToken(items(3), async (batch, renewToken) => {
      if (renewToken) throw new Error('network down');
      return batch.map((item) => (item.id === 'a1' ? expired : okResult));
    });
    expect(results[0]).toEqual(okResult);
    expect(results[2]).toEqual(okResult);
    expect(results[1]).toMatchObject({ ok: false, error: { kind: 'unavailable', message: 'network down' } });
  });

  it('inside a bulk run, ends every item exactly once, renewed ones included', async () => {
    const { send } = recordingSend({ a1: expired, a4: expired, a5: failed('Resource group gone'), a6: expired }, (id) => (id === 'a6' ? signInAgain : okResult));
    const endings = new Map<string, RowProgress['state'][]>();
    const summary = await runBulkInBatches({
      items: items(8),
      batchSize: 3,
      runBatch: (batch) => runBatchRenewingToken(batch, send),
      onProgress: (id, progress) => {
        if (progress.state === 'done' || progress.state === 'failed') endings.set(id, [...(endings.get(id) ?? []), progress.state]);
      },
    });
    expect(summary.done).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a7']);
    expect(summary.failed.map((failure) => [failure.id, failure.error.message])).toEqual([
      ['a5', 'Resource group gone'],
      ['a6', 'Your sign-in has expired. Sign in again to continue.'],
    ]);
    expect([...endings.values()].every((states) => states.length === 1)).toBe(true);
    expect(endings.size).toBe(8);
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
