import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteArmStore } from './sqlite-store';
import { RETENTION_MS, armTimestamp } from './world';
import { buildAccount, buildDeletedAccount } from './world-builder';
import { toArmDeletedAccount } from './representations';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const NOW = Date.UTC(2026, 0, 10, 12, 0, 0, 123);

let store: SqliteArmStore;
beforeEach(() => {
  store = new SqliteArmStore(':memory:');
});
afterEach(() => store.close());

function deleted(name: string, rg: string, deletedAt: number, location = 'eastus') {
  return buildDeletedAccount({ subscriptionId: SUB, resourceGroup: rg, name, location, kind: 'OpenAI' }, deletedAt, NOW);
}

describe('retention', () => {
  it('schedules the purge exactly 48 hours after deletion', () => {
    const account = toArmDeletedAccount(deleted('a', 'rg', NOW));
    expect(account.properties).toMatchObject({
      deletionDate: '2026-01-10T12:00:00.1230000Z',
      scheduledPurgeDate: '2026-01-12T12:00:00.1230000Z',
    });
  });

  it('keeps a deleted account until its scheduled purge date and not a millisecond longer', () => {
    store.putDeletedAccount(deleted('a', 'rg', NOW));
    expect(store.findDeletedAccount(SUB, 'rg', 'a', NOW + RETENTION_MS - 1)).toBeDefined();
    expect(store.findDeletedAccount(SUB, 'rg', 'a', NOW + RETENTION_MS)).toBeUndefined();
  });

  it('sweeps expired accounts out of the store and frees their subdomain', () => {
    store.putDeletedAccount(deleted('old', 'rg', NOW - RETENTION_MS - 1));
    store.putDeletedAccount(deleted('new', 'rg', NOW));
    expect(store.subdomainOwner('old', NOW)).toBeUndefined();
    expect(store.sweepExpired(NOW)).toBe(1);
    expect(store.counts().deletedAccounts).toBe(1);
    expect(store.subdomainOwner('new', NOW)).toMatchObject({ state: 'deleted', name: 'new' });
  });

  it('soft-deletes an account with its properties and frees nothing', () => {
    store.putAccount(buildAccount({ subscriptionId: SUB, resourceGroup: 'RG', name: 'Acct', location: 'SOUTHCENTRALUS', kind: 'FormRecognizer' }, NOW));
    const result = store.softDeleteAccount(SUB, 'rg', 'acct', NOW, RETENTION_MS);
    expect(result).toMatchObject({ name: 'Acct', location: 'SOUTHCENTRALUS', kind: 'FormRecognizer', purgeAt: NOW + RETENTION_MS });
    expect(store.getAccount(SUB, 'rg', 'acct')).toBeUndefined();
    expect(store.subdomainOwner('ACCT', NOW)).toMatchObject({ state: 'deleted' });
  });
});

describe('deleted account lookups', () => {
  it('finds a deleted account by region whatever the spelling of the location', () => {
    store.putDeletedAccount(deleted('a', 'rg', NOW, 'SOUTHCENTRALUS'));
    expect(store.getDeletedAccount(SUB, 'southcentralus', 'RG', 'A', NOW)).toBeDefined();
    expect(store.getDeletedAccount(SUB, 'South Central US', 'rg', 'a', NOW)).toBeDefined();
  });

  it('finds nothing when asked in the wrong region', () => {
    store.putDeletedAccount(deleted('a', 'rg', NOW, 'westus'));
    expect(store.getDeletedAccount(SUB, 'eastus', 'rg', 'a', NOW)).toBeUndefined();
    expect(store.purgeDeletedAccount(SUB, 'eastus', 'rg', 'a', NOW)).toBeUndefined();
    expect(store.counts().deletedAccounts).toBe(1);
  });
});

describe('paging', () => {
  beforeEach(() => {
    store.transaction(() => {
      for (let i = 0; i < 25; i++) store.putDeletedAccount(deleted(`acct-${String(i).padStart(2, '0')}`, `rg-${i % 3}`, NOW - i * 60_000));
    });
  });

  it('walks every deleted account exactly once in pages', () => {
    const seen: string[] = [];
    let after: { rg: string; name: string } | undefined;
    for (;;) {
      const page = store.listDeletedAccounts({ subscriptionId: SUB, now: NOW, limit: 10, after });
      seen.push(...page.map((a) => a.name));
      const last = page[page.length - 1];
      if (page.length < 10 || !last) break;
      after = { rg: last.resourceGroup.toLowerCase(), name: last.name.toLowerCase() };
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('limits a listing to the given resource groups', () => {
    const page = store.listDeletedAccounts({ subscriptionId: SUB, now: NOW, limit: 100, groups: ['RG-1'] });
    expect(page.length).toBe(8);
    expect(page.every((a) => a.resourceGroup === 'rg-1')).toBe(true);
  });

  it('lists the stored ARM JSON of the same accounts, in the same order, with the cursor of each', () => {
    const records = store.listDeletedAccounts({ subscriptionId: SUB, now: NOW, limit: 100, groups: ['rg-1'] });
    const bodies = store.listDeletedAccountBodies({ subscriptionId: SUB, now: NOW, limit: 100, groups: ['rg-1'] });
    expect(bodies.map((row) => JSON.parse(row.body) as unknown)).toEqual(records.map(toArmDeletedAccount));
    expect(bodies[0]?.cursor).toEqual({ rg: 'rg-1', name: records[0]?.name.toLowerCase() });
  });

  it('leaves out accounts whose retention ended', () => {
    expect(store.listDeletedAccounts({ subscriptionId: SUB, now: NOW + RETENTION_MS - 10 * 60_000 + 1, limit: 100 })).toHaveLength(10);
  });
});

describe('resource group deletion', () => {
  it('soft-deletes its accounts, vaults and storage, and deletes the role assignments made in it', () => {
    store.putResourceGroup({ subscriptionId: SUB, name: 'rg', location: 'eastus', tags: {}, createdAt: NOW });
    store.putAccount(buildAccount({ subscriptionId: SUB, resourceGroup: 'rg', name: 'a', location: 'eastus', kind: 'OpenAI' }, NOW));
    store.putVault({ subscriptionId: SUB, resourceGroup: 'rg', name: 'kv1', location: 'eastus', tags: {}, properties: {}, createdAt: NOW });
    store.putStorageAccount({ subscriptionId: SUB, resourceGroup: 'rg', name: 'st1', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, tags: {}, properties: {}, createdAt: NOW });
    store.addRoleAssignment({ id: 'x', principalId: 'p', principalType: 'User', roleDefinitionId: 'r', scope: `/subscriptions/${SUB}/resourceGroups/rg`, createdAt: NOW });
    store.addRoleAssignment({ id: 'y', principalId: 'p', principalType: 'User', roleDefinitionId: 'r', scope: `/subscriptions/${SUB}/resourceGroups/rg2`, createdAt: NOW });
    store.deleteResourceGroup(SUB, 'RG', NOW, RETENTION_MS);
    expect(store.getResourceGroup(SUB, 'rg')).toBeUndefined();
    expect(store.findDeletedAccount(SUB, 'rg', 'a', NOW)).toMatchObject({ deletedAt: NOW });
    expect(store.findVaultByName('kv1')).toBeUndefined();
    expect(store.findDeletedVaultByName('kv1', NOW)).toMatchObject({ deletedAt: NOW, purgeAt: NOW + 90 * 24 * 3600_000 });
    expect(store.findStorageAccountByName('st1')).toBeUndefined();
    expect(store.listRoleAssignments().map((a) => a.id)).toEqual(['y']);
  });
});

describe('timestamps', () => {
  it('renders times with seven fractional digits like ARM', () => {
    expect(armTimestamp(Date.UTC(2025, 9, 28, 14, 50, 2, 458))).toBe('2025-10-28T14:50:02.4580000Z');
  });
});

describe('state written by an older emulator', () => {
  it('keeps its deleted accounts and renders their ARM JSON when it opens a schema-1 database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arm-store-'));
    const file = path.join(dir, 'world.db');
    try {
      const account = deleted('legacy', 'rg', NOW);
      const old = new Database(file);
      // The schema-1 table: no body column.
      old.exec(
        'CREATE TABLE deleted_accounts (sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, location_lc TEXT NOT NULL, ' +
          'subdomain_lc TEXT, purge_at INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (sub_id, rg_lc, name_lc))',
      );
      old.prepare('INSERT INTO deleted_accounts VALUES (?, ?, ?, ?, ?, ?, ?)').run(SUB, 'rg', 'legacy', 'eastus', null, account.purgeAt, JSON.stringify(account));
      old.pragma('user_version = 1');
      old.close();

      const reopened = new SqliteArmStore(file);
      try {
        const [row] = reopened.listDeletedAccountBodies({ subscriptionId: SUB, now: NOW, limit: 10 });
        expect(JSON.parse(row?.body ?? 'null')).toEqual(toArmDeletedAccount(account));
      } finally {
        reopened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('activity log', () => {
  const event = (at: number, resourceId: string, caller = 'admin@contoso.test') => ({
    subscriptionId: SUB,
    at,
    resourceGroupName: 'RG-AI',
    resourceId,
    resourceProvider: 'Microsoft.KeyVault',
    correlationId: 'C1',
    caller,
    status: 'Succeeded',
    event: { resourceId, at },
  });
  const query = { subscriptionId: SUB, from: NOW - 1000, to: NOW + 1000, limit: 100 };

  it('lists newest first, then by the order stored, and pages with the cursor of the last event', () => {
    store.appendActivityEvents([event(NOW - 10, 'a'), event(NOW, 'b'), event(NOW, 'c'), event(NOW - 5, 'd')], 0);
    const ids = (after?: { at: number; seq: number }, limit = 100) =>
      store.listActivityEvents({ ...query, limit, after }).map((row) => (JSON.parse(row.body) as { resourceId: string }).resourceId);
    expect(ids()).toEqual(['c', 'b', 'd', 'a']);
    const [, second] = store.listActivityEvents({ ...query, limit: 2 });
    expect(ids(second!.cursor)).toEqual(['d', 'a']);
  });

  it('matches each clause case-insensitively and the window inclusively', () => {
    store.appendActivityEvents([event(NOW - 1000, 'X', 'Lead@Contoso.Test'), event(NOW + 1001, 'X')], 0);
    expect(store.listActivityEvents({ ...query, resourceId: 'x', caller: 'lead@contoso.test', resourceGroupName: 'rg-ai', correlationId: 'c1', status: 'succeeded', resourceProvider: 'microsoft.keyvault' })).toHaveLength(1);
    expect(store.listActivityEvents({ ...query, caller: 'admin@contoso.test' })).toHaveLength(0);
  });

  it('forgets events stamped before the retention start whenever events are stored', () => {
    store.appendActivityEvents([event(NOW - 500, 'old')], 0);
    store.appendActivityEvents([event(NOW, 'new')], NOW - 100);
    expect(store.listActivityEvents(query).map((row) => row.cursor.at)).toEqual([NOW]);
  });

  it('keeps events across a reopen of the database file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activity-'));
    const file = path.join(dir, 'world.db');
    const first = new SqliteArmStore(file);
    first.appendActivityEvents([event(NOW, 'kept')], 0);
    first.close();
    const reopened = new SqliteArmStore(file);
    expect(reopened.listActivityEvents(query)).toHaveLength(1);
    reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
