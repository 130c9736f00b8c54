import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { BULK_CONCURRENCY } from './concurrency';
import { runBatchRenewingToken, runBulkInBatches, summarizeBulk, type RowProgress } from './run-bulk';

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `a${i}` }));
const okResult: ActionResult<unknown> = { ok: true, data: null };
const failed = (message: string): ActionResult<unknown> => ({ ok: false, error: { kind: 'arm', code: 'Conflict', message } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

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

  it('hands BULK_CONCURRENCY items to each call when no batch size is given', async () => {
    const sizes: number[] = [];
    await runBulkInBatches({
      items: items(BULK_CONCURRENCY * 2 + 3),
      runBatch: async (batch) => {
        sizes.push(batch.length);
        return batch.map(() => okResult);
      },
    });
    expect(sizes).toEqual([BULK_CONCURRENCY, BULK_CONCURRENCY, 3]);
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
