import { describe, expect, it } from 'vitest';
import { COLUMNS, firstRows, sortRows, visibleColumns, type ColumnContext } from './columns';
import type { DeletedResource } from './types';
import { deletedOpenAiAccount } from '@/test-support/deleted-resource';

const resource = deletedOpenAiAccount;

const context: ColumnContext = { subscriptionName: (id) => id };
const names = (sorted: DeletedResource[]) => sorted.map((row) => row.name);

describe('sortRows', () => {
  const rows = [
    resource('delta', { scheduledPurgeAt: '2026-11-24T00:00:00Z', resourceGroup: 'rg-10' }),
    resource('alpha', { scheduledPurgeAt: null, resourceGroup: 'RG-9' }),
    resource('charlie', { scheduledPurgeAt: '2026-11-24T00:00:00Z', resourceGroup: 'rg-2' }),
    resource('bravo', { scheduledPurgeAt: '2026-11-23T13:00:00Z', resourceGroup: 'rg-2' }),
  ];

  it('sorts by scheduled purge with unknown dates last', () => {
    const sorted = sortRows(
      [
        resource('late', { scheduledPurgeAt: '2026-11-25T00:00:00Z' }),
        resource('unknown', { scheduledPurgeAt: null }),
        resource('soon', { scheduledPurgeAt: '2026-11-23T13:00:00Z' }),
      ],
      'scheduledPurge',
      'ascending',
      context,
    );
    expect(names(sorted)).toEqual(['soon', 'late', 'unknown']);
  });

  it('sorts an unreadable time with the unknown ones, last', () => {
    const sorted = sortRows([resource('garbled', { deletedAt: 'not a time' }), resource('known', { deletedAt: '2026-11-23T10:00:00Z' })], 'deleted', 'ascending', context);
    expect(names(sorted)).toEqual(['known', 'garbled']);
  });

  it('orders by time with unknown last, equal times by name, and reverses the whole order when descending', () => {
    expect(names(sortRows(rows, 'scheduledPurge', 'ascending', context))).toEqual(['bravo', 'charlie', 'delta', 'alpha']);
    expect(names(sortRows(rows, 'scheduledPurge', 'descending', context))).toEqual(['alpha', 'delta', 'charlie', 'bravo']);
  });

  it('orders times by the time they name, whatever their ISO form', () => {
    const mixed = [
      resource('canonical', { deletedAt: '2026-11-24T00:00:00.000Z' }),
      resource('offset', { deletedAt: '2026-11-24T00:30:00+01:00' }),
      resource('short', { deletedAt: '2026-11-23T23:00:00Z' }),
      resource('later', { deletedAt: '2026-11-24T00:00:00.001Z' }),
    ];
    expect(names(sortRows(mixed, 'deleted', 'ascending', context))).toEqual(['short', 'offset', 'canonical', 'later']);
  });

  it('orders text without regard to case and with numbers by value', () => {
    expect(names(sortRows(rows, 'resourceGroup', 'ascending', context))).toEqual(['bravo', 'charlie', 'alpha', 'delta']);
  });

  it('leaves the list it was given as it was', () => {
    const before = names(rows);
    sortRows(rows, 'name', 'descending', context);
    expect(names(rows)).toEqual(before);
  });

  it("orders by the type's display name, not its id", () => {
    // By id: api-management-services < app-configuration-stores < cognitive-accounts < storage-accounts.
    // By display name: AI services account < API Management service < App Configuration store < Storage account.
    const mixed = [
      resource('one', { type: 'storage-accounts' }),
      resource('two', { type: 'app-configuration-stores' }),
      resource('three', { type: 'cognitive-accounts' }),
      resource('four', { type: 'api-management-services' }),
    ];
    expect(names(sortRows(mixed, 'type', 'ascending', context))).toEqual(['three', 'four', 'two', 'one']);
  });

  it('orders by subscription display name, through the context', () => {
    const bySubscription = [resource('x', { subscriptionId: 'sub-1' }), resource('y', { subscriptionId: 'sub-2' })];
    const named: ColumnContext = { subscriptionName: (id) => (id === 'sub-1' ? 'Zeta' : 'Alpha') };
    expect(names(sortRows(bySubscription, 'subscription', 'ascending', named))).toEqual(['y', 'x']);
  });
});

describe('firstRows', () => {
  // Many equal purge times and equal names (the same name in two subscriptions), as ARM lists them: unsorted.
  const rows = Array.from({ length: 300 }, (_, i) =>
    resource(`name-${(i * 7) % 40}`, {
      id: `/subscriptions/sub-${i % 3}/resourceGroups/rg/providers/x/y/name-${i}`,
      subscriptionId: `sub-${i % 3}`,
      scheduledPurgeAt: i % 11 === 0 ? null : `2026-11-2${(i * 13) % 5}T00:00:00Z`,
      resourceGroup: `rg-${(i * 17) % 23}`,
    }),
  );
  const ids = (sorted: DeletedResource[]) => sorted.map((row) => row.id);

  it.each(['scheduledPurge', 'name', 'resourceGroup'] as const)('gives the first rows of the full order by %s, either direction', (column) => {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = sortRows(rows, column, direction, context);
      for (const count of [1, 40, 299, 300, 500]) expect(ids(firstRows(rows, column, direction, context, count))).toEqual(ids(sorted.slice(0, count)));
    }
  });

  it('gives nothing for no rows or a count of zero', () => {
    expect(firstRows([], 'name', 'ascending', context, 10)).toEqual([]);
    expect(firstRows(rows, 'name', 'ascending', context, 0)).toEqual([]);
  });
});

describe('columns', () => {
  it('show the Subscription column only across subscriptions', () => {
    expect(visibleColumns(true).map((column) => column.id)).toEqual(COLUMNS.map((column) => column.id));
    expect(visibleColumns(false).map((column) => column.id)).not.toContain('subscription');
    expect(visibleColumns(false)).toHaveLength(COLUMNS.length - 1);
  });

  it("write a cell's text as the table and an export show it", () => {
    const row = resource('alpha', { type: 'key-vaults', subscriptionId: 'sub-1', scheduledPurgeAt: null });
    const text = Object.fromEntries(COLUMNS.map((column) => [column.id, column.text(row, { subscriptionName: () => 'Production' })]));
    expect(text).toMatchObject({ name: 'alpha', type: 'Key Vault', subscription: 'Production', scheduledPurge: '', deleted: '2026-11-23T10:00:00Z', status: 'Recoverable' });
  });
});
