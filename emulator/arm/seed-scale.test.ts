import { afterEach, beforeEach, expect, it } from 'vitest';
import { SCALE_200, scaleSubscriptionId, seedScale } from './seed-scale';
import { SqliteArmStore } from './sqlite-store';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

let store: SqliteArmStore;
beforeEach(() => {
  store = new SqliteArmStore(':memory:');
});
afterEach(() => store.close());

it('gives every subscription its deleted accounts and three soft-deleted resources of every other type by default', () => {
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

it('seeds the ten-times world: 200 subscriptions, 20,000 deleted resources, 20 of each type in each, all still kept', () => {
  const started = performance.now();
  seedScale(store, NOW, SCALE_200);
  const seconds = (performance.now() - started) / 1000;
  const counts = store.counts();
  expect(counts.subscriptions).toBe(200);
  const perType = [counts.deletedAccounts, counts.deletedVaults, counts.deletedStorageAccounts, counts.deletedConfigurationStores, counts.deletedApiManagementServices];
  expect(perType).toEqual([4000, 4000, 4000, 4000, 4000]);
  // Every one of them inside its type's retention at the seeding time: the lists return them all.
  const query = { subscriptionId: scaleSubscriptionId(200), now: NOW, limit: 1000 };
  expect(store.listDeletedAccounts(query)).toHaveLength(20);
  expect(store.listDeletedVaults(query)).toHaveLength(20);
  expect(store.listDeletedStorageAccounts(query)).toHaveLength(20);
  expect(store.listDeletedConfigurationStores(query)).toHaveLength(20);
  expect(store.listDeletedApiManagementServices(query)).toHaveLength(20);
  // One transaction of prepared inserts: seconds, not minutes (2.7 s on the shared 2-core machine at load 15).
  expect(seconds).toBeLessThan(15);
});
