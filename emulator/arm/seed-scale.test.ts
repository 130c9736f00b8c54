import { afterEach, beforeEach, expect, it } from 'vitest';
import { scaleSubscriptionId, seedScale } from './seed-scale';
import { SqliteArmStore } from './sqlite-store';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

let store: SqliteArmStore;
beforeEach(() => {
  store = new SqliteArmStore(':memory:');
});
afterEach(() => store.close());

it('gives every subscription its deleted accounts and three soft-deleted resources of every other type', () => {
  seedScale(store, NOW, { subscriptions: 2, deletedAccountsPerSubscription: 5 });
  for (const index of [1, 2]) {
    const query = { subscriptionId: scaleSubscriptionId(index), now: NOW, limit: 1000 };
    expect(store.listDeletedAccounts(query)).toHaveLength(5);
    expect(store.listDeletedVaults(query)).toHaveLength(3);
    expect(store.listDeletedStorageAccounts(query)).toHaveLength(3);
    expect(store.listDeletedConfigurationStores(query)).toHaveLength(3);
    expect(store.listDeletedApiManagementServices(query)).toHaveLength(3);
  }
});

it('names the soft-deleted key vaults after their subscription, one of them under purge protection', () => {
  seedScale(store, NOW, { subscriptions: 2, deletedAccountsPerSubscription: 0 });
  const vaults = store.listDeletedVaults({ subscriptionId: scaleSubscriptionId(2), now: NOW, limit: 1000 });
  expect(vaults.map((v) => v.name).sort()).toEqual(['kv-scale-002-0', 'kv-scale-002-1', 'kv-scale-002-2']);
  expect(vaults.filter((v) => v.properties.enablePurgeProtection === true).map((v) => v.name)).toEqual(['kv-scale-002-0']);
});
