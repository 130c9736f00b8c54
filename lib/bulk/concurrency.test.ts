import { describe, expect, it } from 'vitest';
import { BULK_CONCURRENCY, inBatches } from './concurrency';

describe('inBatches', () => {
  it('splits items in order into batches of the size asked for, the last one holding the rest', () => {
    expect(inBatches([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(inBatches([1, 2], 5)).toEqual([[1, 2]]);
    expect(inBatches([], 3)).toEqual([]);
  });

  it('uses BULK_CONCURRENCY when no size is given', () => {
    const items = Array.from({ length: BULK_CONCURRENCY + 1 }, (_, i) => i);
    expect(inBatches(items).map((batch) => batch.length)).toEqual([BULK_CONCURRENCY, 1]);
  });

  it('never loops on a size below one: it takes one item at a time', () => {
    expect(inBatches(['a', 'b'], 0)).toEqual([['a'], ['b']]);
    expect(inBatches(['a', 'b'], -3)).toEqual([['a'], ['b']]);
  });
});
