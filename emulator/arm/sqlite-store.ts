import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  AccountRecord,
  ActivityEventBody,
  ActivityEventRecord,
  ActivityLogQuery,
  ApiManagementServiceRecord,
  ArmStore,
  ConfigurationStoreRecord,
  DeletedConfigurationStorePageQuery,
  DeletedConfigurationStoreRecord,
  DeletedAccountBody,
  DeletedAccountPageQuery,
  DeletedAccountRecord,
  DeletedApiManagementServicePageQuery,
  DeletedApiManagementServiceRecord,
  DeletedStorageAccountPageQuery,
  DeletedStorageAccountRecord,
  DeletedVaultPageQuery,
  DeletedVaultRecord,
  OperationRecord,
  ResourceGroupRecord,
  RoleAssignmentRecord,
  StorageAccountRecord,
  SubdomainOwner,
  SubscriptionRecord,
  VaultRecord,
  WorldCounts,
  WorldEvent,
} from './store';
import { PAST_PURGE_DATE_SETTING, type PastPurgeDate } from './store';
import { canonicalRegion } from './regions';
import { toArmDeletedAccount } from './representations';
import { API_MANAGEMENT_RETENTION_MS, STORAGE_RETENTION_MS } from './world';

/**
 * The world in SQLite: WAL journal, synchronous=FULL (a write ARM acknowledged survives kill -9 and power
 * loss), every mutation in a transaction, prepared statements and indexes for every query a request makes.
 */

/**
 * 2: deleted_accounts.body, each deleted account's ARM JSON, rendered when it is stored.
 * 3: deleted account bodies rendered again with what Cognitive Services adds (endpoints, capabilities, ...);
 *    activity_log (created by SCHEMA; older worlds start with an empty log, as their history was never recorded).
 */
const SCHEMA_VERSION = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subscriptions (
  sub_id TEXT PRIMARY KEY, doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS role_assignments (
  id TEXT PRIMARY KEY, principal_id TEXT NOT NULL, scope_lc TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS role_assignments_principal ON role_assignments (principal_id);
CREATE INDEX IF NOT EXISTS role_assignments_scope ON role_assignments (scope_lc);
CREATE TABLE IF NOT EXISTS resource_groups (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (sub_id, rg_lc)
);
CREATE TABLE IF NOT EXISTS accounts (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, subdomain_lc TEXT, doc TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE INDEX IF NOT EXISTS accounts_subdomain ON accounts (subdomain_lc) WHERE subdomain_lc IS NOT NULL;
CREATE TABLE IF NOT EXISTS deleted_accounts (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, location_lc TEXT NOT NULL,
  subdomain_lc TEXT, purge_at INTEGER NOT NULL, doc TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE INDEX IF NOT EXISTS deleted_accounts_purge ON deleted_accounts (purge_at);
CREATE INDEX IF NOT EXISTS deleted_accounts_subdomain ON deleted_accounts (subdomain_lc) WHERE subdomain_lc IS NOT NULL;
CREATE TABLE IF NOT EXISTS vaults (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE UNIQUE INDEX IF NOT EXISTS vaults_name ON vaults (name_lc);
-- Vault names are global: one soft-deleted vault per name, whichever subscription held it.
CREATE TABLE IF NOT EXISTS deleted_vaults (
  name_lc TEXT PRIMARY KEY, sub_id TEXT NOT NULL, location_lc TEXT NOT NULL, purge_at INTEGER NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deleted_vaults_sub ON deleted_vaults (sub_id, name_lc);
CREATE INDEX IF NOT EXISTS deleted_vaults_purge ON deleted_vaults (purge_at);
CREATE TABLE IF NOT EXISTS storage_accounts (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE UNIQUE INDEX IF NOT EXISTS storage_accounts_name ON storage_accounts (name_lc);
-- Storage account names are global and a new account with a deleted one's name forfeits it: one row per name.
CREATE TABLE IF NOT EXISTS deleted_storage_accounts (
  name_lc TEXT PRIMARY KEY, sub_id TEXT NOT NULL, location_lc TEXT NOT NULL, purge_at INTEGER NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deleted_storage_accounts_sub ON deleted_storage_accounts (sub_id, name_lc);
CREATE TABLE IF NOT EXISTS configuration_stores (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE UNIQUE INDEX IF NOT EXISTS configuration_stores_name ON configuration_stores (name_lc);
-- App Configuration store names are global: one soft-deleted store per name, whichever subscription held it.
CREATE TABLE IF NOT EXISTS deleted_configuration_stores (
  name_lc TEXT PRIMARY KEY, sub_id TEXT NOT NULL, location_lc TEXT NOT NULL, purge_at INTEGER NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deleted_configuration_stores_sub ON deleted_configuration_stores (sub_id, name_lc);
CREATE INDEX IF NOT EXISTS deleted_configuration_stores_purge ON deleted_configuration_stores (purge_at);
CREATE TABLE IF NOT EXISTS api_management_services (
  sub_id TEXT NOT NULL, rg_lc TEXT NOT NULL, name_lc TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (sub_id, rg_lc, name_lc)
);
CREATE UNIQUE INDEX IF NOT EXISTS api_management_services_name ON api_management_services (name_lc);
-- API Management service names are global: one soft-deleted service per name, whichever subscription held it.
CREATE TABLE IF NOT EXISTS deleted_api_management_services (
  name_lc TEXT PRIMARY KEY, sub_id TEXT NOT NULL, location_lc TEXT NOT NULL, purge_at INTEGER NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deleted_api_management_services_sub ON deleted_api_management_services (sub_id, name_lc);
CREATE INDEX IF NOT EXISTS deleted_api_management_services_purge ON deleted_api_management_services (purge_at);
CREATE TABLE IF NOT EXISTS operations (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL,
  resource_id TEXT NOT NULL, principal_id TEXT NOT NULL
);
-- ARM's activity log: columns the $filter selects on (lower case), the EventData JSON in body.
CREATE TABLE IF NOT EXISTS activity_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, sub_id TEXT NOT NULL, at INTEGER NOT NULL, rg_lc TEXT NOT NULL,
  resource_lc TEXT NOT NULL, provider_lc TEXT NOT NULL, correlation_lc TEXT NOT NULL, caller_lc TEXT NOT NULL,
  status_lc TEXT NOT NULL, body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activity_log_sub_at ON activity_log (sub_id, at, seq);
CREATE INDEX IF NOT EXISTS activity_log_at ON activity_log (at);
`;

const TABLES = [
  'settings',
  'subscriptions',
  'role_assignments',
  'resource_groups',
  'accounts',
  'deleted_accounts',
  'vaults',
  'deleted_vaults',
  'storage_accounts',
  'deleted_storage_accounts',
  'configuration_stores',
  'deleted_configuration_stores',
  'api_management_services',
  'deleted_api_management_services',
  'operations',
  'events',
  'activity_log',
] as const;

interface DocRow {
  doc: string;
}

interface BodyRow {
  rg_lc: string;
  name_lc: string;
  body: string;
}

/** The four ways of reading a page of deleted accounts (first page or after a cursor, all groups or some), for given columns. */
function listDeletedStatements<Row>(db: Database.Database, columns: string) {
  const select = `SELECT ${columns} FROM deleted_accounts WHERE sub_id = ? AND purge_at > ?`;
  const inGroups = 'AND rg_lc IN (SELECT value FROM json_each(?))';
  const order = 'ORDER BY rg_lc, name_lc LIMIT ?';
  return {
    first: db.prepare<[string, number, number], Row>(`${select} ${order}`),
    after: db.prepare<[string, number, string, string, number], Row>(`${select} AND (rg_lc, name_lc) > (?, ?) ${order}`),
    firstInGroups: db.prepare<[string, number, string, number], Row>(`${select} ${inGroups} ${order}`),
    afterInGroups: db.prepare<[string, number, string, string, string, number], Row>(`${select} AND (rg_lc, name_lc) > (?, ?) ${inGroups} ${order}`),
  };
}

function listDeletedPage<Row>(
  statements: ReturnType<typeof listDeletedStatements<Row>>,
  { subscriptionId, now, limit, after, groups }: DeletedAccountPageQuery,
): Row[] {
  const sub = lc(subscriptionId);
  if (groups === undefined) {
    return after ? statements.after.all(sub, now, after.rg, after.name, limit) : statements.first.all(sub, now, limit);
  }
  const groupsJson = JSON.stringify(groups.map(lc));
  return after
    ? statements.afterInGroups.all(sub, now, after.rg, after.name, groupsJson, limit)
    : statements.firstInGroups.all(sub, now, groupsJson, limit);
}

/** The ARM JSON of a deleted account, stored with it so that listing sends it without rendering each time. */
const deletedAccountBody = (account: DeletedAccountRecord) => JSON.stringify(toArmDeletedAccount(account));

const lc = (value: string) => value.toLowerCase();

type ActivityListParams = [
  {
    sub: string;
    from: number;
    to: number;
    rg: string | null;
    resource: string | null;
    provider: string | null;
    correlation: string | null;
    caller: string | null;
    status: string | null;
    afterAt: number | null;
    afterSeq: number | null;
    limit: number;
  },
];
const DAY_MS = 24 * 3600_000;
/** A vault's soft-delete retention: properties.softDeleteRetentionInDays (7-90), 90 when unset. */
const vaultRetentionDays = (vault: VaultRecord) => {
  const days = vault.properties.softDeleteRetentionInDays;
  return typeof days === 'number' && days >= 7 && days <= 90 ? days : 90;
};
/** A configuration store's soft-delete retention: properties.softDeleteRetentionInDays (1-7), 7 when unset. */
const configurationStoreRetentionDays = (store: ConfigurationStoreRecord) => {
  const days = store.properties.softDeleteRetentionInDays;
  return typeof days === 'number' && days >= 1 && days <= 7 ? days : 7;
};
/** Locations compare as regions: 'South Central US', 'SOUTHCENTRALUS' and 'southcentralus' are one. */
const region = (value: string) => canonicalRegion(value) ?? value.toLowerCase();
const parse = <T>(row: DocRow | undefined): T | undefined => (row ? (JSON.parse(row.doc) as T) : undefined);
const parseAll = <T>(rows: DocRow[]): T[] => rows.map((row) => JSON.parse(row.doc) as T);

export class SqliteArmStore implements ArmStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteArmStore['prepare']>;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.statements = this.prepare();
  }

  /** Brings a state directory written by an older emulator up to SCHEMA_VERSION, keeping its world. */
  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === 0 || version >= SCHEMA_VERSION) return;
    this.db.transaction(() => {
      if (version === 1) this.db.exec("ALTER TABLE deleted_accounts ADD COLUMN body TEXT NOT NULL DEFAULT ''");
      // Version 3 renders accounts with what Cognitive Services adds (endpoints, capabilities, ...): render the stored bodies again.
      const update = this.db.prepare('UPDATE deleted_accounts SET body = ? WHERE rowid = ?');
      const rows = this.db.prepare<[], { rowid: number; doc: string }>('SELECT rowid, doc FROM deleted_accounts').all();
      for (const row of rows) update.run(deletedAccountBody(JSON.parse(row.doc) as DeletedAccountRecord), row.rowid);
    })();
  }

  private prepare() {
    const db = this.db;
    return {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),

      upsertSubscription: db.prepare('INSERT INTO subscriptions (sub_id, doc) VALUES (?, ?) ON CONFLICT (sub_id) DO UPDATE SET doc = excluded.doc'),
      getSubscription: db.prepare<[string], DocRow>('SELECT doc FROM subscriptions WHERE sub_id = ?'),
      listSubscriptions: db.prepare<[], DocRow>('SELECT doc FROM subscriptions ORDER BY sub_id'),

      addAssignment: db.prepare('INSERT OR REPLACE INTO role_assignments (id, principal_id, scope_lc, doc) VALUES (?, ?, ?, ?)'),
      assignmentsOf: db.prepare<[string], DocRow>('SELECT doc FROM role_assignments WHERE principal_id = ?'),
      listAssignments: db.prepare<[], DocRow>('SELECT doc FROM role_assignments ORDER BY id'),
      deleteAssignmentsAt: db.prepare('DELETE FROM role_assignments WHERE scope_lc = ? OR scope_lc LIKE ? ESCAPE \'\\\''),

      getGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM resource_groups WHERE sub_id = ? AND rg_lc = ?'),
      putGroup: db.prepare('INSERT INTO resource_groups (sub_id, rg_lc, doc) VALUES (?, ?, ?) ON CONFLICT (sub_id, rg_lc) DO UPDATE SET doc = excluded.doc'),
      listGroups: db.prepare<[string], DocRow>('SELECT doc FROM resource_groups WHERE sub_id = ? ORDER BY rg_lc'),
      deleteGroup: db.prepare('DELETE FROM resource_groups WHERE sub_id = ? AND rg_lc = ?'),

      getAccount: db.prepare<[string, string, string], DocRow>('SELECT doc FROM accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      listAccountsInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM accounts WHERE sub_id = ? AND rg_lc = ? ORDER BY name_lc'),
      listAccountsInSub: db.prepare<[string], DocRow>('SELECT doc FROM accounts WHERE sub_id = ? ORDER BY rg_lc, name_lc'),
      listAccountsInSubGroups: db.prepare<[string, string], DocRow>(
        'SELECT doc FROM accounts WHERE sub_id = ? AND rg_lc IN (SELECT value FROM json_each(?)) ORDER BY rg_lc, name_lc',
      ),
      putAccount: db.prepare(
        'INSERT INTO accounts (sub_id, rg_lc, name_lc, subdomain_lc, doc) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (sub_id, rg_lc, name_lc) DO UPDATE SET subdomain_lc = excluded.subdomain_lc, doc = excluded.doc',
      ),
      deleteAccount: db.prepare('DELETE FROM accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      accountsInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM accounts WHERE sub_id = ? AND rg_lc = ?'),
      liveSubdomain: db.prepare<[string], DocRow>('SELECT doc FROM accounts WHERE subdomain_lc = ? LIMIT 1'),
      deletedSubdomain: db.prepare<[string, number], DocRow>('SELECT doc FROM deleted_accounts WHERE subdomain_lc = ? AND purge_at > ? LIMIT 1'),

      sweep: db.prepare('DELETE FROM deleted_accounts WHERE purge_at <= ?'),
      getDeleted: db.prepare<[string, string, string, string, number], DocRow>(
        'SELECT doc FROM deleted_accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ? AND location_lc = ? AND purge_at > ?',
      ),
      findDeleted: db.prepare<[string, string, string, number], DocRow>(
        'SELECT doc FROM deleted_accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ? AND purge_at > ?',
      ),
      listDeletedDocs: listDeletedStatements<DocRow>(db, 'doc'),
      listDeletedBodies: listDeletedStatements<BodyRow>(db, 'rg_lc, name_lc, body'),
      putDeleted: db.prepare(
        'INSERT OR REPLACE INTO deleted_accounts (sub_id, rg_lc, name_lc, location_lc, subdomain_lc, purge_at, doc, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteDeleted: db.prepare('DELETE FROM deleted_accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),

      putVault: db.prepare(
        'INSERT INTO vaults (sub_id, rg_lc, name_lc, doc) VALUES (?, ?, ?, ?) ON CONFLICT (sub_id, rg_lc, name_lc) DO UPDATE SET doc = excluded.doc',
      ),
      getVault: db.prepare<[string, string, string], DocRow>('SELECT doc FROM vaults WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      vaultByName: db.prepare<[string], DocRow>('SELECT doc FROM vaults WHERE name_lc = ?'),
      listVaultsInSub: db.prepare<[string], DocRow>('SELECT doc FROM vaults WHERE sub_id = ? ORDER BY rg_lc, name_lc'),
      listVaultsInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM vaults WHERE sub_id = ? AND rg_lc = ? ORDER BY name_lc'),
      deleteVault: db.prepare('DELETE FROM vaults WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      vaultsInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM vaults WHERE sub_id = ? AND rg_lc = ?'),
      putDeletedVault: db.prepare('INSERT OR REPLACE INTO deleted_vaults (name_lc, sub_id, location_lc, purge_at, doc) VALUES (?, ?, ?, ?, ?)'),
      findDeletedVault: db.prepare<[string, number], DocRow>('SELECT doc FROM deleted_vaults WHERE name_lc = ? AND purge_at > ?'),
      listDeletedVaultsFirst: db.prepare<[string, number, number], DocRow>(
        'SELECT doc FROM deleted_vaults WHERE sub_id = ? AND purge_at > ? ORDER BY name_lc LIMIT ?',
      ),
      listDeletedVaultsAfter: db.prepare<[string, number, string, number], DocRow>(
        'SELECT doc FROM deleted_vaults WHERE sub_id = ? AND purge_at > ? AND name_lc > ? ORDER BY name_lc LIMIT ?',
      ),
      deleteDeletedVault: db.prepare('DELETE FROM deleted_vaults WHERE name_lc = ?'),
      sweepDeletedVaults: db.prepare('DELETE FROM deleted_vaults WHERE purge_at <= ?'),

      putStorage: db.prepare(
        'INSERT INTO storage_accounts (sub_id, rg_lc, name_lc, doc) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (sub_id, rg_lc, name_lc) DO UPDATE SET doc = excluded.doc',
      ),
      getStorage: db.prepare<[string, string, string], DocRow>('SELECT doc FROM storage_accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      storageByName: db.prepare<[string], DocRow>('SELECT doc FROM storage_accounts WHERE name_lc = ?'),
      listStorageInSub: db.prepare<[string], DocRow>('SELECT doc FROM storage_accounts WHERE sub_id = ? ORDER BY rg_lc, name_lc'),
      listStorageInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM storage_accounts WHERE sub_id = ? AND rg_lc = ? ORDER BY name_lc'),
      deleteStorage: db.prepare('DELETE FROM storage_accounts WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      storageInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM storage_accounts WHERE sub_id = ? AND rg_lc = ?'),
      putDeletedStorage: db.prepare('INSERT OR REPLACE INTO deleted_storage_accounts (name_lc, sub_id, location_lc, purge_at, doc) VALUES (?, ?, ?, ?, ?)'),
      findDeletedStorage: db.prepare<[string, string, number], DocRow>(
        'SELECT doc FROM deleted_storage_accounts WHERE sub_id = ? AND name_lc = ? AND purge_at > ?',
      ),
      listDeletedStorageFirst: db.prepare<[string, number, number], DocRow>(
        'SELECT doc FROM deleted_storage_accounts WHERE sub_id = ? AND purge_at > ? ORDER BY name_lc LIMIT ?',
      ),
      listDeletedStorageAfter: db.prepare<[string, number, string, number], DocRow>(
        'SELECT doc FROM deleted_storage_accounts WHERE sub_id = ? AND purge_at > ? AND name_lc > ? ORDER BY name_lc LIMIT ?',
      ),
      forfeitDeletedStorage: db.prepare('DELETE FROM deleted_storage_accounts WHERE name_lc = ?'),
      sweepDeletedStorage: db.prepare('DELETE FROM deleted_storage_accounts WHERE purge_at <= ?'),

      putConfigurationStore: db.prepare(
        'INSERT INTO configuration_stores (sub_id, rg_lc, name_lc, doc) VALUES (?, ?, ?, ?) ON CONFLICT (sub_id, rg_lc, name_lc) DO UPDATE SET doc = excluded.doc',
      ),
      getConfigurationStore: db.prepare<[string, string, string], DocRow>('SELECT doc FROM configuration_stores WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      configurationStoreByName: db.prepare<[string], DocRow>('SELECT doc FROM configuration_stores WHERE name_lc = ?'),
      listConfigurationStoresInSub: db.prepare<[string], DocRow>('SELECT doc FROM configuration_stores WHERE sub_id = ? ORDER BY rg_lc, name_lc'),
      listConfigurationStoresInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM configuration_stores WHERE sub_id = ? AND rg_lc = ? ORDER BY name_lc'),
      deleteConfigurationStore: db.prepare('DELETE FROM configuration_stores WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      putDeletedConfigurationStore: db.prepare(
        'INSERT OR REPLACE INTO deleted_configuration_stores (name_lc, sub_id, location_lc, purge_at, doc) VALUES (?, ?, ?, ?, ?)',
      ),
      findDeletedConfigurationStore: db.prepare<[string, number], DocRow>('SELECT doc FROM deleted_configuration_stores WHERE name_lc = ? AND purge_at > ?'),
      listDeletedConfigurationStoresFirst: db.prepare<[string, number, number], DocRow>(
        'SELECT doc FROM deleted_configuration_stores WHERE sub_id = ? AND purge_at > ? ORDER BY name_lc LIMIT ?',
      ),
      listDeletedConfigurationStoresAfter: db.prepare<[string, number, string, number], DocRow>(
        'SELECT doc FROM deleted_configuration_stores WHERE sub_id = ? AND purge_at > ? AND name_lc > ? ORDER BY name_lc LIMIT ?',
      ),
      deleteDeletedConfigurationStore: db.prepare('DELETE FROM deleted_configuration_stores WHERE name_lc = ?'),
      sweepDeletedConfigurationStores: db.prepare('DELETE FROM deleted_configuration_stores WHERE purge_at <= ?'),

      putApim: db.prepare(
        'INSERT INTO api_management_services (sub_id, rg_lc, name_lc, doc) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (sub_id, rg_lc, name_lc) DO UPDATE SET doc = excluded.doc',
      ),
      getApim: db.prepare<[string, string, string], DocRow>('SELECT doc FROM api_management_services WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      apimByName: db.prepare<[string], DocRow>('SELECT doc FROM api_management_services WHERE name_lc = ?'),
      listApimInSub: db.prepare<[string], DocRow>('SELECT doc FROM api_management_services WHERE sub_id = ? ORDER BY rg_lc, name_lc'),
      listApimInGroup: db.prepare<[string, string], DocRow>('SELECT doc FROM api_management_services WHERE sub_id = ? AND rg_lc = ? ORDER BY name_lc'),
      deleteApim: db.prepare('DELETE FROM api_management_services WHERE sub_id = ? AND rg_lc = ? AND name_lc = ?'),
      putDeletedApim: db.prepare(
        'INSERT OR REPLACE INTO deleted_api_management_services (name_lc, sub_id, location_lc, purge_at, doc) VALUES (?, ?, ?, ?, ?)',
      ),
      findDeletedApim: db.prepare<[string, number], DocRow>('SELECT doc FROM deleted_api_management_services WHERE name_lc = ? AND purge_at > ?'),
      listDeletedApimFirst: db.prepare<[string, number, number], DocRow>(
        'SELECT doc FROM deleted_api_management_services WHERE sub_id = ? AND purge_at > ? ORDER BY name_lc LIMIT ?',
      ),
      listDeletedApimAfter: db.prepare<[string, number, string, number], DocRow>(
        'SELECT doc FROM deleted_api_management_services WHERE sub_id = ? AND purge_at > ? AND name_lc > ? ORDER BY name_lc LIMIT ?',
      ),
      deleteDeletedApim: db.prepare('DELETE FROM deleted_api_management_services WHERE name_lc = ?'),
      sweepDeletedApim: db.prepare('DELETE FROM deleted_api_management_services WHERE purge_at <= ?'),

      putOperation: db.prepare('INSERT OR REPLACE INTO operations (id, doc) VALUES (?, ?)'),
      getOperation: db.prepare<[string], DocRow>('SELECT doc FROM operations WHERE id = ?'),

      appendEvent: db.prepare('INSERT INTO events (at, kind, resource_id, principal_id) VALUES (?, ?, ?, ?)'),
      listEvents: db.prepare<[number, number], { seq: number; at: number; kind: WorldEvent['kind']; resource_id: string; principal_id: string }>(
        'SELECT seq, at, kind, resource_id, principal_id FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
      ),

      appendActivity: db.prepare(
        'INSERT INTO activity_log (sub_id, at, rg_lc, resource_lc, provider_lc, correlation_lc, caller_lc, status_lc, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      forgetActivity: db.prepare('DELETE FROM activity_log WHERE at < ?'),
      // Each optional clause is `(? IS NULL OR column = ?)`: one statement for every combination the $filter allows.
      listActivity: db.prepare<ActivityListParams, { seq: number; at: number; body: string }>(
        `SELECT seq, at, body FROM activity_log WHERE sub_id = @sub AND at >= @from AND at <= @to
           AND (@rg IS NULL OR rg_lc = @rg) AND (@resource IS NULL OR resource_lc = @resource)
           AND (@provider IS NULL OR provider_lc = @provider) AND (@correlation IS NULL OR correlation_lc = @correlation)
           AND (@caller IS NULL OR caller_lc = @caller) AND (@status IS NULL OR status_lc = @status)
           AND (@afterAt IS NULL OR at < @afterAt OR (at = @afterAt AND seq < @afterSeq))
         ORDER BY at DESC, seq DESC LIMIT @limit`,
      ),
    };
  }

  transaction<T>(work: () => T): T {
    // Nested calls join the outer transaction (better-sqlite3 turns them into savepoints).
    return this.db.transaction(work)();
  }

  getSetting(key: string): string | undefined {
    return this.statements.getSetting.get(key)?.value;
  }

  setSetting(key: string, value: string): void {
    this.statements.setSetting.run(key, value);
  }

  upsertSubscription(subscription: SubscriptionRecord): void {
    this.statements.upsertSubscription.run(lc(subscription.subscriptionId), JSON.stringify(subscription));
  }

  getSubscription(subscriptionId: string): SubscriptionRecord | undefined {
    return parse(this.statements.getSubscription.get(lc(subscriptionId)));
  }

  listSubscriptions(): SubscriptionRecord[] {
    return parseAll(this.statements.listSubscriptions.all());
  }

  addRoleAssignment(assignment: RoleAssignmentRecord): void {
    this.statements.addAssignment.run(
      assignment.id,
      assignment.principalId.toLowerCase(),
      lc(assignment.scope.replace(/\/+$/, '')),
      JSON.stringify(assignment),
    );
  }

  roleAssignmentsOf(principalId: string): RoleAssignmentRecord[] {
    return parseAll(this.statements.assignmentsOf.all(principalId.toLowerCase()));
  }

  listRoleAssignments(): RoleAssignmentRecord[] {
    return parseAll(this.statements.listAssignments.all());
  }

  putResourceGroup(group: ResourceGroupRecord): 'created' | 'updated' {
    return this.transaction(() => {
      const existing = this.getResourceGroup(group.subscriptionId, group.name);
      this.statements.putGroup.run(lc(group.subscriptionId), lc(group.name), JSON.stringify(group));
      return existing ? 'updated' : 'created';
    });
  }

  getResourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return parse(this.statements.getGroup.get(lc(subscriptionId), lc(name)));
  }

  listResourceGroups(subscriptionId: string): ResourceGroupRecord[] {
    return parseAll(this.statements.listGroups.all(lc(subscriptionId)));
  }

  deleteResourceGroup(subscriptionId: string, name: string, now: number, retentionMs: number): AccountRecord[] {
    const sub = lc(subscriptionId);
    const rg = lc(name);
    return this.transaction(() => {
      const accounts = parseAll<AccountRecord>(this.statements.accountsInGroup.all(sub, rg));
      for (const account of accounts) this.softDeleteAccount(subscriptionId, account.resourceGroup, account.name, now, retentionMs);
      for (const vault of parseAll<VaultRecord>(this.statements.vaultsInGroup.all(sub, rg))) {
        this.softDeleteVault(subscriptionId, vault.resourceGroup, vault.name, now);
      }
      for (const storage of parseAll<StorageAccountRecord>(this.statements.storageInGroup.all(sub, rg))) {
        this.softDeleteStorageAccount(subscriptionId, storage.resourceGroup, storage.name, now, STORAGE_RETENTION_MS);
      }
      for (const store of this.listConfigurationStores(subscriptionId, name)) {
        this.softDeleteConfigurationStore(subscriptionId, store.resourceGroup, store.name, now);
      }
      for (const service of parseAll<ApiManagementServiceRecord>(this.statements.listApimInGroup.all(sub, rg))) {
        this.softDeleteApiManagementService(subscriptionId, service.resourceGroup, service.name, now);
      }
      const scope = `/subscriptions/${sub}/resourcegroups/${rg}`;
      this.statements.deleteAssignmentsAt.run(scope, `${scope.replace(/[\\%_]/g, '\\$&')}/%`);
      this.statements.deleteGroup.run(sub, rg);
      return accounts;
    });
  }

  getAccount(subscriptionId: string, resourceGroup: string, name: string): AccountRecord | undefined {
    return parse(this.statements.getAccount.get(lc(subscriptionId), lc(resourceGroup), lc(name)));
  }

  listAccountsInGroup(subscriptionId: string, resourceGroup: string): AccountRecord[] {
    return parseAll(this.statements.listAccountsInGroup.all(lc(subscriptionId), lc(resourceGroup)));
  }

  listAccountsInSubscription(subscriptionId: string, groups?: readonly string[]): AccountRecord[] {
    if (groups === undefined) return parseAll(this.statements.listAccountsInSub.all(lc(subscriptionId)));
    return parseAll(this.statements.listAccountsInSubGroups.all(lc(subscriptionId), JSON.stringify(groups.map(lc))));
  }

  putAccount(account: AccountRecord): void {
    this.statements.putAccount.run(
      lc(account.subscriptionId),
      lc(account.resourceGroup),
      lc(account.name),
      account.customSubDomainName ? lc(account.customSubDomainName) : null,
      JSON.stringify(account),
    );
  }

  softDeleteAccount(subscriptionId: string, resourceGroup: string, name: string, now: number, retentionMs: number): DeletedAccountRecord | undefined {
    return this.transaction(() => {
      const account = this.getAccount(subscriptionId, resourceGroup, name);
      if (!account) return undefined;
      const deleted: DeletedAccountRecord = { ...account, deletedAt: now, purgeAt: now + retentionMs };
      this.statements.deleteAccount.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      this.putDeletedAccount(deleted);
      return deleted;
    });
  }

  /**
   * The time a deleted account must be kept past to be seen: `now`, or — when entries past their purge date
   * linger (PAST_PURGE_DATE_SETTING) — the beginning of time, so that only a purge removes them.
   */
  private keptPast(now: number): number {
    return this.getSetting(PAST_PURGE_DATE_SETTING) === ('linger' satisfies PastPurgeDate) ? Number.MIN_SAFE_INTEGER : now;
  }

  subdomainOwner(subdomain: string, now: number): SubdomainOwner | undefined {
    const live = parse<AccountRecord>(this.statements.liveSubdomain.get(lc(subdomain)));
    if (live) return { state: 'live', subscriptionId: live.subscriptionId, resourceGroup: live.resourceGroup, name: live.name };
    const deleted = parse<DeletedAccountRecord>(this.statements.deletedSubdomain.get(lc(subdomain), this.keptPast(now)));
    if (deleted) return { state: 'deleted', subscriptionId: deleted.subscriptionId, resourceGroup: deleted.resourceGroup, name: deleted.name };
    return undefined;
  }

  sweepExpired(now: number): number {
    return this.statements.sweep.run(this.keptPast(now)).changes;
  }

  getDeletedAccount(subscriptionId: string, location: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined {
    return parse(this.statements.getDeleted.get(lc(subscriptionId), lc(resourceGroup), lc(name), region(location), this.keptPast(now)));
  }

  findDeletedAccount(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined {
    return parse(this.statements.findDeleted.get(lc(subscriptionId), lc(resourceGroup), lc(name), this.keptPast(now)));
  }

  listDeletedAccounts(query: DeletedAccountPageQuery): DeletedAccountRecord[] {
    return parseAll(listDeletedPage(this.statements.listDeletedDocs, { ...query, now: this.keptPast(query.now) }));
  }

  listDeletedAccountBodies(query: DeletedAccountPageQuery): DeletedAccountBody[] {
    return listDeletedPage(this.statements.listDeletedBodies, { ...query, now: this.keptPast(query.now) }).map((row) => ({
      cursor: { rg: row.rg_lc, name: row.name_lc },
      body: row.body,
    }));
  }

  putDeletedAccount(account: DeletedAccountRecord): void {
    this.statements.putDeleted.run(
      lc(account.subscriptionId),
      lc(account.resourceGroup),
      lc(account.name),
      region(account.location),
      account.customSubDomainName ? lc(account.customSubDomainName) : null,
      account.purgeAt,
      JSON.stringify(account),
      deletedAccountBody(account),
    );
  }

  purgeDeletedAccount(subscriptionId: string, location: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined {
    return this.transaction(() => {
      const deleted = this.getDeletedAccount(subscriptionId, location, resourceGroup, name, now);
      if (!deleted) return undefined;
      this.statements.deleteDeleted.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      return deleted;
    });
  }

  restoreDeletedAccount(deleted: DeletedAccountRecord, restored: AccountRecord): void {
    this.transaction(() => {
      this.statements.deleteDeleted.run(lc(deleted.subscriptionId), lc(deleted.resourceGroup), lc(deleted.name));
      this.putAccount(restored);
    });
  }

  putVault(vault: VaultRecord): 'created' | 'updated' {
    return this.transaction(() => {
      const existing = this.getVault(vault.subscriptionId, vault.resourceGroup, vault.name);
      this.statements.putVault.run(lc(vault.subscriptionId), lc(vault.resourceGroup), lc(vault.name), JSON.stringify(vault));
      return existing ? 'updated' : 'created';
    });
  }

  getVault(subscriptionId: string, resourceGroup: string, name: string): VaultRecord | undefined {
    return parse(this.statements.getVault.get(lc(subscriptionId), lc(resourceGroup), lc(name)));
  }

  findVaultByName(name: string): VaultRecord | undefined {
    return parse(this.statements.vaultByName.get(lc(name)));
  }

  listVaults(subscriptionId: string, resourceGroup?: string): VaultRecord[] {
    return resourceGroup === undefined
      ? parseAll(this.statements.listVaultsInSub.all(lc(subscriptionId)))
      : parseAll(this.statements.listVaultsInGroup.all(lc(subscriptionId), lc(resourceGroup)));
  }

  deleteVault(subscriptionId: string, resourceGroup: string, name: string): boolean {
    return this.statements.deleteVault.run(lc(subscriptionId), lc(resourceGroup), lc(name)).changes > 0;
  }

  softDeleteVault(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedVaultRecord | undefined {
    return this.transaction(() => {
      const vault = this.getVault(subscriptionId, resourceGroup, name);
      if (!vault) return undefined;
      const deleted: DeletedVaultRecord = { ...vault, deletedAt: now, purgeAt: now + vaultRetentionDays(vault) * DAY_MS };
      this.statements.deleteVault.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      this.putDeletedVault(deleted);
      return deleted;
    });
  }

  putDeletedVault(vault: DeletedVaultRecord): void {
    this.statements.putDeletedVault.run(lc(vault.name), lc(vault.subscriptionId), region(vault.location), vault.purgeAt, JSON.stringify(vault));
  }

  findDeletedVaultByName(name: string, now: number): DeletedVaultRecord | undefined {
    return parse(this.statements.findDeletedVault.get(lc(name), now));
  }

  getDeletedVault(subscriptionId: string, location: string, name: string, now: number): DeletedVaultRecord | undefined {
    const deleted = this.findDeletedVaultByName(name, now);
    return deleted && lc(deleted.subscriptionId) === lc(subscriptionId) && region(deleted.location) === region(location) ? deleted : undefined;
  }

  listDeletedVaults({ subscriptionId, now, limit, after }: DeletedVaultPageQuery): DeletedVaultRecord[] {
    const rows =
      after === undefined
        ? this.statements.listDeletedVaultsFirst.all(lc(subscriptionId), now, limit)
        : this.statements.listDeletedVaultsAfter.all(lc(subscriptionId), now, lc(after), limit);
    return parseAll(rows);
  }

  purgeDeletedVault(subscriptionId: string, location: string, name: string, now: number): DeletedVaultRecord | undefined {
    return this.transaction(() => {
      const deleted = this.getDeletedVault(subscriptionId, location, name, now);
      if (deleted) this.statements.deleteDeletedVault.run(lc(name));
      return deleted;
    });
  }

  recoverDeletedVault(deleted: DeletedVaultRecord, recovered: VaultRecord): void {
    this.transaction(() => {
      this.statements.deleteDeletedVault.run(lc(deleted.name));
      this.putVault(recovered);
    });
  }

  sweepExpiredVaults(now: number): number {
    return this.statements.sweepDeletedVaults.run(now).changes;
  }

  putStorageAccount(account: StorageAccountRecord): 'created' | 'updated' {
    return this.transaction(() => {
      const existing = this.getStorageAccount(account.subscriptionId, account.resourceGroup, account.name);
      if (!existing) this.statements.forfeitDeletedStorage.run(lc(account.name));
      this.statements.putStorage.run(lc(account.subscriptionId), lc(account.resourceGroup), lc(account.name), JSON.stringify(account));
      return existing ? 'updated' : 'created';
    });
  }

  getStorageAccount(subscriptionId: string, resourceGroup: string, name: string): StorageAccountRecord | undefined {
    return parse(this.statements.getStorage.get(lc(subscriptionId), lc(resourceGroup), lc(name)));
  }

  findStorageAccountByName(name: string): StorageAccountRecord | undefined {
    return parse(this.statements.storageByName.get(lc(name)));
  }

  listStorageAccounts(subscriptionId: string, resourceGroup?: string): StorageAccountRecord[] {
    return resourceGroup === undefined
      ? parseAll(this.statements.listStorageInSub.all(lc(subscriptionId)))
      : parseAll(this.statements.listStorageInGroup.all(lc(subscriptionId), lc(resourceGroup)));
  }

  deleteStorageAccount(subscriptionId: string, resourceGroup: string, name: string): boolean {
    return this.statements.deleteStorage.run(lc(subscriptionId), lc(resourceGroup), lc(name)).changes > 0;
  }

  softDeleteStorageAccount(subscriptionId: string, resourceGroup: string, name: string, now: number, retentionMs: number): DeletedStorageAccountRecord | undefined {
    return this.transaction(() => {
      const account = this.getStorageAccount(subscriptionId, resourceGroup, name);
      if (!account) return undefined;
      const deleted: DeletedStorageAccountRecord = { ...account, deletedAt: now, purgeAt: now + retentionMs };
      this.statements.deleteStorage.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      this.putDeletedStorageAccount(deleted);
      return deleted;
    });
  }

  putDeletedStorageAccount(account: DeletedStorageAccountRecord): void {
    this.statements.putDeletedStorage.run(lc(account.name), lc(account.subscriptionId), region(account.location), account.purgeAt, JSON.stringify(account));
  }

  findDeletedStorageAccount(subscriptionId: string, name: string, now: number): DeletedStorageAccountRecord | undefined {
    return parse(this.statements.findDeletedStorage.get(lc(subscriptionId), lc(name), now));
  }

  getDeletedStorageAccount(subscriptionId: string, location: string, name: string, now: number): DeletedStorageAccountRecord | undefined {
    const deleted = this.findDeletedStorageAccount(subscriptionId, name, now);
    return deleted && region(deleted.location) === region(location) ? deleted : undefined;
  }

  listDeletedStorageAccounts({ subscriptionId, now, limit, after }: DeletedStorageAccountPageQuery): DeletedStorageAccountRecord[] {
    const rows =
      after === undefined
        ? this.statements.listDeletedStorageFirst.all(lc(subscriptionId), now, limit)
        : this.statements.listDeletedStorageAfter.all(lc(subscriptionId), now, lc(after), limit);
    return parseAll(rows);
  }

  restoreDeletedStorageAccount(deleted: DeletedStorageAccountRecord, restored: StorageAccountRecord): void {
    this.transaction(() => {
      this.statements.forfeitDeletedStorage.run(lc(deleted.name));
      this.statements.putStorage.run(lc(restored.subscriptionId), lc(restored.resourceGroup), lc(restored.name), JSON.stringify(restored));
    });
  }

  sweepExpiredStorageAccounts(now: number): number {
    return this.statements.sweepDeletedStorage.run(now).changes;
  }

  putConfigurationStore(store: ConfigurationStoreRecord): 'created' | 'updated' {
    return this.transaction(() => {
      const existing = this.getConfigurationStore(store.subscriptionId, store.resourceGroup, store.name);
      this.statements.putConfigurationStore.run(lc(store.subscriptionId), lc(store.resourceGroup), lc(store.name), JSON.stringify(store));
      return existing ? 'updated' : 'created';
    });
  }

  getConfigurationStore(subscriptionId: string, resourceGroup: string, name: string): ConfigurationStoreRecord | undefined {
    return parse(this.statements.getConfigurationStore.get(lc(subscriptionId), lc(resourceGroup), lc(name)));
  }

  findConfigurationStoreByName(name: string): ConfigurationStoreRecord | undefined {
    return parse(this.statements.configurationStoreByName.get(lc(name)));
  }

  listConfigurationStores(subscriptionId: string, resourceGroup?: string): ConfigurationStoreRecord[] {
    return resourceGroup === undefined
      ? parseAll(this.statements.listConfigurationStoresInSub.all(lc(subscriptionId)))
      : parseAll(this.statements.listConfigurationStoresInGroup.all(lc(subscriptionId), lc(resourceGroup)));
  }

  softDeleteConfigurationStore(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedConfigurationStoreRecord | 'purged' | undefined {
    return this.transaction(() => {
      const store = this.getConfigurationStore(subscriptionId, resourceGroup, name);
      if (!store) return undefined;
      this.statements.deleteConfigurationStore.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      // Soft delete is not available on the Free tier (docs): a Free store is gone at once.
      if (store.sku.name.toLowerCase() === 'free') return 'purged';
      const deleted: DeletedConfigurationStoreRecord = { ...store, deletedAt: now, purgeAt: now + configurationStoreRetentionDays(store) * DAY_MS };
      this.putDeletedConfigurationStore(deleted);
      return deleted;
    });
  }

  putDeletedConfigurationStore(store: DeletedConfigurationStoreRecord): void {
    this.statements.putDeletedConfigurationStore.run(lc(store.name), lc(store.subscriptionId), region(store.location), store.purgeAt, JSON.stringify(store));
  }

  findDeletedConfigurationStoreByName(name: string, now: number): DeletedConfigurationStoreRecord | undefined {
    return parse(this.statements.findDeletedConfigurationStore.get(lc(name), now));
  }

  getDeletedConfigurationStore(subscriptionId: string, location: string, name: string, now: number): DeletedConfigurationStoreRecord | undefined {
    const deleted = this.findDeletedConfigurationStoreByName(name, now);
    return deleted && lc(deleted.subscriptionId) === lc(subscriptionId) && region(deleted.location) === region(location) ? deleted : undefined;
  }

  listDeletedConfigurationStores({ subscriptionId, now, limit, after }: DeletedConfigurationStorePageQuery): DeletedConfigurationStoreRecord[] {
    const rows =
      after === undefined
        ? this.statements.listDeletedConfigurationStoresFirst.all(lc(subscriptionId), now, limit)
        : this.statements.listDeletedConfigurationStoresAfter.all(lc(subscriptionId), now, lc(after), limit);
    return parseAll(rows);
  }

  purgeDeletedConfigurationStore(subscriptionId: string, location: string, name: string, now: number): DeletedConfigurationStoreRecord | undefined {
    return this.transaction(() => {
      const deleted = this.getDeletedConfigurationStore(subscriptionId, location, name, now);
      if (deleted) this.statements.deleteDeletedConfigurationStore.run(lc(name));
      return deleted;
    });
  }

  recoverDeletedConfigurationStore(deleted: DeletedConfigurationStoreRecord, recovered: ConfigurationStoreRecord): void {
    this.transaction(() => {
      this.statements.deleteDeletedConfigurationStore.run(lc(deleted.name));
      this.putConfigurationStore(recovered);
    });
  }

  sweepExpiredConfigurationStores(now: number): number {
    return this.statements.sweepDeletedConfigurationStores.run(now).changes;
  }

  putApiManagementService(service: ApiManagementServiceRecord): 'created' | 'updated' {
    return this.transaction(() => {
      const existing = this.getApiManagementService(service.subscriptionId, service.resourceGroup, service.name);
      this.statements.putApim.run(lc(service.subscriptionId), lc(service.resourceGroup), lc(service.name), JSON.stringify(service));
      return existing ? 'updated' : 'created';
    });
  }

  getApiManagementService(subscriptionId: string, resourceGroup: string, name: string): ApiManagementServiceRecord | undefined {
    return parse(this.statements.getApim.get(lc(subscriptionId), lc(resourceGroup), lc(name)));
  }

  findApiManagementServiceByName(name: string): ApiManagementServiceRecord | undefined {
    return parse(this.statements.apimByName.get(lc(name)));
  }

  listApiManagementServices(subscriptionId: string, resourceGroup?: string): ApiManagementServiceRecord[] {
    return resourceGroup === undefined
      ? parseAll(this.statements.listApimInSub.all(lc(subscriptionId)))
      : parseAll(this.statements.listApimInGroup.all(lc(subscriptionId), lc(resourceGroup)));
  }

  deleteApiManagementService(subscriptionId: string, resourceGroup: string, name: string): boolean {
    return this.statements.deleteApim.run(lc(subscriptionId), lc(resourceGroup), lc(name)).changes > 0;
  }

  softDeleteApiManagementService(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined {
    return this.transaction(() => {
      const service = this.getApiManagementService(subscriptionId, resourceGroup, name);
      if (!service) return undefined;
      const deleted: DeletedApiManagementServiceRecord = { ...service, deletedAt: now, purgeAt: now + API_MANAGEMENT_RETENTION_MS };
      this.statements.deleteApim.run(lc(subscriptionId), lc(resourceGroup), lc(name));
      this.putDeletedApiManagementService(deleted);
      return deleted;
    });
  }

  putDeletedApiManagementService(service: DeletedApiManagementServiceRecord): void {
    this.statements.putDeletedApim.run(lc(service.name), lc(service.subscriptionId), region(service.location), service.purgeAt, JSON.stringify(service));
  }

  findDeletedApiManagementServiceByName(name: string, now: number): DeletedApiManagementServiceRecord | undefined {
    return parse(this.statements.findDeletedApim.get(lc(name), now));
  }

  getDeletedApiManagementService(subscriptionId: string, location: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined {
    const deleted = this.findDeletedApiManagementServiceByName(name, now);
    return deleted && lc(deleted.subscriptionId) === lc(subscriptionId) && region(deleted.location) === region(location) ? deleted : undefined;
  }

  listDeletedApiManagementServices({ subscriptionId, now, limit, after }: DeletedApiManagementServicePageQuery): DeletedApiManagementServiceRecord[] {
    const rows =
      after === undefined
        ? this.statements.listDeletedApimFirst.all(lc(subscriptionId), now, limit)
        : this.statements.listDeletedApimAfter.all(lc(subscriptionId), now, lc(after), limit);
    return parseAll(rows);
  }

  purgeDeletedApiManagementService(subscriptionId: string, location: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined {
    return this.transaction(() => {
      const deleted = this.getDeletedApiManagementService(subscriptionId, location, name, now);
      if (deleted) this.statements.deleteDeletedApim.run(lc(name));
      return deleted;
    });
  }

  restoreDeletedApiManagementService(deleted: DeletedApiManagementServiceRecord, restored: ApiManagementServiceRecord): void {
    this.transaction(() => {
      this.statements.deleteDeletedApim.run(lc(deleted.name));
      this.putApiManagementService(restored);
    });
  }

  sweepExpiredApiManagementServices(now: number): number {
    return this.statements.sweepDeletedApim.run(now).changes;
  }

  putOperation(operation: OperationRecord): void {
    this.statements.putOperation.run(operation.id, JSON.stringify(operation));
  }

  getOperation(id: string): OperationRecord | undefined {
    return parse(this.statements.getOperation.get(id.toLowerCase()));
  }

  appendEvent(event: Omit<WorldEvent, 'seq'>): void {
    this.statements.appendEvent.run(event.at, event.kind, event.resourceId, event.principalId);
  }

  listEvents(afterSeq: number, limit: number): WorldEvent[] {
    return this.statements.listEvents.all(afterSeq, limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      kind: row.kind,
      resourceId: row.resource_id,
      principalId: row.principal_id,
    }));
  }

  appendActivityEvents(events: readonly ActivityEventRecord[], keepFrom: number): void {
    this.transaction(() => {
      this.statements.forgetActivity.run(keepFrom);
      for (const e of events) {
        this.statements.appendActivity.run(
          lc(e.subscriptionId), e.at, lc(e.resourceGroupName), lc(e.resourceId), lc(e.resourceProvider),
          lc(e.correlationId), lc(e.caller), lc(e.status), JSON.stringify(e.event),
        );
      }
    });
  }

  listActivityEvents(query: ActivityLogQuery): ActivityEventBody[] {
    const optional = (value: string | undefined) => (value === undefined ? null : lc(value));
    const rows = this.statements.listActivity.all({
      sub: lc(query.subscriptionId),
      from: query.from,
      to: query.to,
      rg: optional(query.resourceGroupName),
      resource: optional(query.resourceId),
      provider: optional(query.resourceProvider),
      correlation: optional(query.correlationId),
      caller: optional(query.caller),
      status: optional(query.status),
      afterAt: query.after?.at ?? null,
      afterSeq: query.after?.seq ?? null,
      limit: query.limit,
    });
    return rows.map((row) => ({ cursor: { at: row.at, seq: row.seq }, body: row.body }));
  }

  counts(): WorldCounts {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      subscriptions: count('subscriptions'),
      roleAssignments: count('role_assignments'),
      resourceGroups: count('resource_groups'),
      accounts: count('accounts'),
      deletedAccounts: count('deleted_accounts'),
      vaults: count('vaults'),
      deletedVaults: count('deleted_vaults'),
      storageAccounts: count('storage_accounts'),
      deletedStorageAccounts: count('deleted_storage_accounts'),
      apiManagementServices: count('api_management_services'),
      deletedApiManagementServices: count('deleted_api_management_services'),
      configurationStores: count('configuration_stores'),
      deletedConfigurationStores: count('deleted_configuration_stores'),
      operations: count('operations'),
    };
  }

  clear(): void {
    this.transaction(() => {
      for (const table of TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
    });
  }

  close(): void {
    this.db.close();
  }
}
