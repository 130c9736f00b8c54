/**
 * The persistence interface: what the handlers may ask of the world's state. The SQLite implementation
 * (sqlite-store.ts) sits behind it; handlers never see SQL. Times are epoch milliseconds on the emulator
 * clock; names keep the caller's casing and are compared case-insensitively.
 */

export interface SubscriptionRecord {
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenantId: string;
  quotaId: string;
  spendingLimit: 'On' | 'Off' | 'CurrentPeriodOff';
  locationPlacementId: string;
}

export interface RoleAssignmentRecord {
  id: string;
  principalId: string;
  principalType: 'User' | 'ServicePrincipal' | 'Group';
  roleDefinitionId: string;
  /** As assigned: `/subscriptions/{sub}` or `/subscriptions/{sub}/resourceGroups/{rg}`. */
  scope: string;
  createdAt: number;
}

export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  createdAt: number;
}

export interface Sku {
  name: string;
  tier?: string;
}

export interface SystemData {
  createdBy: string;
  createdByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  createdAt: string;
  lastModifiedBy: string;
  lastModifiedByType: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  lastModifiedAt: string;
}

/** A Cognitive Services account, live or soft-deleted. `properties` excludes the computed provisioningState. */
export interface AccountRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  /** Echoed exactly as given at creation ('SOUTHCENTRALUS', 'westus'). */
  location: string;
  kind: string;
  sku: Sku;
  tags: Record<string, string>;
  /** Absent when the account was created without one (ARM then sends no `identity`). */
  identity?: Record<string, unknown>;
  properties: Record<string, unknown>;
  systemData: SystemData;
  etag: string;
  customSubDomainName: string | null;
  createdAt: number;
  /** Provisioning ends (Creating -> Succeeded) at this emulator time. */
  readyAt: number;
}

/**
 * What becomes of a soft-deleted account once its scheduled purge date has passed: `vanish` (the documented
 * 48 hours: it is gone from every answer) or `linger` (what real ARM does: it stays listed, readable and
 * purgeable until someone purges it; the recording's list held one purged-by-date in 2021 in 2025).
 */
export type PastPurgeDate = 'vanish' | 'linger';
export const PAST_PURGE_DATE_SETTING = 'deletedAccountsPastPurgeDate';

export interface DeletedAccountRecord extends AccountRecord {
  deletedAt: number;
  /** deletedAt + 48 h exactly. */
  purgeAt: number;
}

export interface VaultRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: Record<string, unknown>;
  createdAt: number;
}

/**
 * A soft-deleted key vault: its whole record (restored as it was by a recover), kept until `purgeAt`
 * (deletedAt + properties.softDeleteRetentionInDays, 7-90 days, default 90). Names are global: at most one.
 */
export interface DeletedVaultRecord extends VaultRecord {
  deletedAt: number;
  purgeAt: number;
}

/** One page of a subscription's deleted vaults; `after` is the last name returned, lower-cased. */
export interface DeletedVaultPageQuery {
  subscriptionId: string;
  now: number;
  limit: number;
  after?: string;
}

export interface StorageAccountRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  kind: string;
  sku: Sku;
  tags: Record<string, string>;
  properties: Record<string, unknown>;
  /** ARM's `creationTime`; a restored account keeps it. */
  createdAt: number;
  /** A restore runs until this emulator time (provisioningState Creating); absent for accounts that never restored. */
  readyAt?: number;
}

/** A soft-deleted storage account: its whole record, kept 14 days (`purgeAt`) for a restore by PUT. */
export interface DeletedStorageAccountRecord extends StorageAccountRecord {
  deletedAt: number;
  /** deletedAt + 14 days exactly. */
  purgeAt: number;
}

/** One page of a subscription's deleted storage accounts; `after` is the last name returned, lower-cased. */
export interface DeletedStorageAccountPageQuery {
  subscriptionId: string;
  now: number;
  limit: number;
  after?: string;
}

/**
 * An App Configuration store, live or soft-deleted. `properties` holds what the caller set (sku-independent:
 * softDeleteRetentionInDays 1-7, enablePurgeProtection, disableLocalAuth, publicNetworkAccess, encryption);
 * endpoint, creationDate and provisioningState are computed. Names are global.
 */
export interface ConfigurationStoreRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  sku: Sku;
  tags: Record<string, string>;
  properties: Record<string, unknown>;
  createdAt: number;
  /** A create or recover runs until this emulator time (provisioningState Creating). */
  readyAt: number;
}

/** A soft-deleted configuration store, kept until `purgeAt` (deletedAt + softDeleteRetentionInDays, 1-7, default 7). */
export interface DeletedConfigurationStoreRecord extends ConfigurationStoreRecord {
  deletedAt: number;
  purgeAt: number;
}

/** One page of a subscription's deleted configuration stores; `after` is the last name returned, lower-cased. */
export interface DeletedConfigurationStorePageQuery {
  subscriptionId: string;
  now: number;
  limit: number;
  after?: string;
}

/**
 * An API Management service, live or soft-deleted. `properties` are the service's own (publisherEmail,
 * publisherName, ...), without the computed provisioning states and URLs. Names are global.
 */
export interface ApiManagementServiceRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  sku: { name: string; capacity: number };
  tags: Record<string, string>;
  properties: Record<string, unknown>;
  createdAt: number;
  /** Activation (a create or a restore) runs until this emulator time. */
  readyAt: number;
}

/** A soft-deleted API Management service: its whole record, kept 48 h (`purgeAt`). At most one per name. */
export interface DeletedApiManagementServiceRecord extends ApiManagementServiceRecord {
  deletedAt: number;
  /** deletedAt + 48 h exactly. */
  purgeAt: number;
}

/** One page of a subscription's deleted API Management services; `after` is the last name returned, lower-cased. */
export interface DeletedApiManagementServicePageQuery {
  subscriptionId: string;
  now: number;
  limit: number;
  after?: string;
}

export type OperationKind =
  | 'accountCreate'
  | 'deletedAccountPurge'
  | 'resourceGroupDelete'
  | 'storageAccountRestore'
  | 'deletedVaultPurge'
  | 'apiManagementServiceActivate'
  | 'apiManagementServiceDelete'
  | 'deletedApiManagementServicePurge'
  | 'configurationStoreCreate'
  | 'deletedConfigurationStorePurge';

export interface OperationRecord {
  id: string;
  subscriptionId: string;
  location: string;
  kind: OperationKind;
  /** ARM id of the resource the operation acts on. */
  resourceId: string;
  initiatorObjectId: string;
  startedAt: number;
  completesAt: number;
  finalStatus: 'Succeeded' | 'Failed' | 'Canceled';
  error: { code: string; message: string } | null;
}

/**
 * One activity log event (ARM's EventData, as the activity log API returns it) with the fields its `$filter`
 * selects on. Events are kept 90 days (ARM's retention and query window).
 */
export interface ActivityEventRecord {
  subscriptionId: string;
  /** eventTimestamp on the emulator clock; an event stamped later than now (an operation still running) is not listed yet. */
  at: number;
  resourceGroupName: string;
  resourceId: string;
  /** resourceProviderName.value, e.g. `Microsoft.KeyVault`. */
  resourceProvider: string;
  correlationId: string;
  caller: string;
  /** status.value: Started, Accepted, Succeeded or Failed. */
  status: string;
  /** The EventData JSON. */
  event: Record<string, unknown>;
}

/** Position in the activity log listing (newest first): the last event returned. */
export interface ActivityLogCursor {
  at: number;
  seq: number;
}

/** The activity log's equality clauses (case-insensitive): each one given narrows the events listed. */
export interface ActivityLogClauses {
  resourceGroupName?: string;
  resourceId?: string;
  resourceProvider?: string;
  correlationId?: string;
  caller?: string;
  status?: string;
}

/** One page of a subscription's activity log: events stamped within [from, to] that match the clauses. */
export interface ActivityLogQuery extends ActivityLogClauses {
  subscriptionId: string;
  from: number;
  to: number;
  limit: number;
  after?: ActivityLogCursor;
}

/** A listed event: its EventData JSON as stored, and where the next page starts after it. */
export interface ActivityEventBody {
  cursor: ActivityLogCursor;
  body: string;
}

export interface WorldEvent {
  seq: number;
  at: number;
  kind:
    | 'accountCreated'
    | 'accountUpdated'
    | 'accountSoftDeleted'
    | 'accountRecovered'
    | 'deletedAccountPurged'
    | 'resourceGroupDeleted'
    | 'storageAccountSoftDeleted'
    | 'storageAccountRestored'
    | 'vaultSoftDeleted'
    | 'vaultRecovered'
    | 'deletedVaultPurged'
    | 'apiManagementServiceSoftDeleted'
    | 'apiManagementServiceRestored'
    | 'deletedApiManagementServicePurged'
    | 'configurationStoreSoftDeleted'
    | 'configurationStoreRecovered'
    | 'deletedConfigurationStorePurged';
  resourceId: string;
  principalId: string;
}

/** Position in the deleted-accounts listing (keyset paging): last (resourceGroup, name) returned, lower-cased. */
export interface DeletedAccountCursor {
  rg: string;
  name: string;
}

/** One page of a subscription's deleted accounts: `groups` (lower case) limits it to those resource groups. */
export interface DeletedAccountPageQuery {
  subscriptionId: string;
  now: number;
  limit: number;
  after?: DeletedAccountCursor;
  groups?: readonly string[];
}

/** A deleted account as listing sends it: its ARM JSON, and where the next page starts after it. */
export interface DeletedAccountBody {
  cursor: DeletedAccountCursor;
  body: string;
}

export interface SubdomainOwner {
  state: 'live' | 'deleted';
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface WorldCounts {
  subscriptions: number;
  roleAssignments: number;
  resourceGroups: number;
  accounts: number;
  deletedAccounts: number;
  vaults: number;
  deletedVaults: number;
  storageAccounts: number;
  deletedStorageAccounts: number;
  apiManagementServices: number;
  deletedApiManagementServices: number;
  configurationStores: number;
  deletedConfigurationStores: number;
  operations: number;
}

export interface ArmStore {
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T;

  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  upsertSubscription(subscription: SubscriptionRecord): void;
  getSubscription(subscriptionId: string): SubscriptionRecord | undefined;
  listSubscriptions(): SubscriptionRecord[];

  addRoleAssignment(assignment: RoleAssignmentRecord): void;
  roleAssignmentsOf(principalId: string): RoleAssignmentRecord[];
  listRoleAssignments(): RoleAssignmentRecord[];

  putResourceGroup(group: ResourceGroupRecord): 'created' | 'updated';
  getResourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined;
  listResourceGroups(subscriptionId: string): ResourceGroupRecord[];
  /**
   * Deletes a group as ARM does: its Cognitive Services accounts are soft-deleted (kept for 48 h), its storage
   * accounts are soft-deleted (kept for 14 days), its key vaults are soft-deleted (kept for their
   * softDeleteRetentionInDays), its App Configuration stores are soft-deleted (Free ones deleted for good),
   * its API Management services are soft-deleted (kept for 48 h), and the role assignments made inside it are removed.
   */
  deleteResourceGroup(subscriptionId: string, name: string, now: number, retentionMs: number): AccountRecord[];

  getAccount(subscriptionId: string, resourceGroup: string, name: string): AccountRecord | undefined;
  listAccountsInGroup(subscriptionId: string, resourceGroup: string): AccountRecord[];
  /** `groups` limits the result to those resource groups (lower-cased); undefined means all. */
  listAccountsInSubscription(subscriptionId: string, groups?: readonly string[]): AccountRecord[];
  putAccount(account: AccountRecord): void;
  softDeleteAccount(subscriptionId: string, resourceGroup: string, name: string, now: number, retentionMs: number): DeletedAccountRecord | undefined;
  subdomainOwner(subdomain: string, now: number): SubdomainOwner | undefined;

  /** Removes deleted accounts whose scheduled purge date has passed; returns how many. */
  sweepExpired(now: number): number;
  getDeletedAccount(subscriptionId: string, location: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined;
  findDeletedAccount(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined;
  listDeletedAccounts(query: DeletedAccountPageQuery): DeletedAccountRecord[];
  /** The same list as listDeletedAccounts, as stored ARM JSON (nothing to parse or render per request). */
  listDeletedAccountBodies(query: DeletedAccountPageQuery): DeletedAccountBody[];
  putDeletedAccount(account: DeletedAccountRecord): void;
  purgeDeletedAccount(subscriptionId: string, location: string, resourceGroup: string, name: string, now: number): DeletedAccountRecord | undefined;
  /** Moves a deleted account back to the live accounts, unchanged except for `systemData` and `etag`. */
  restoreDeletedAccount(deleted: DeletedAccountRecord, restored: AccountRecord): void;

  putVault(vault: VaultRecord): 'created' | 'updated';
  getVault(subscriptionId: string, resourceGroup: string, name: string): VaultRecord | undefined;
  findVaultByName(name: string): VaultRecord | undefined;
  listVaults(subscriptionId: string, resourceGroup?: string): VaultRecord[];
  deleteVault(subscriptionId: string, resourceGroup: string, name: string): boolean;
  /** Moves a live vault to the deleted vaults, kept for its softDeleteRetentionInDays (default 90). */
  softDeleteVault(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedVaultRecord | undefined;
  putDeletedVault(vault: DeletedVaultRecord): void;
  /** The soft-deleted vault of that name in any subscription, within its retention (vault names are global). */
  findDeletedVaultByName(name: string, now: number): DeletedVaultRecord | undefined;
  getDeletedVault(subscriptionId: string, location: string, name: string, now: number): DeletedVaultRecord | undefined;
  listDeletedVaults(query: DeletedVaultPageQuery): DeletedVaultRecord[];
  /** Removes a deleted vault for good; returns it, or undefined when there is none. */
  purgeDeletedVault(subscriptionId: string, location: string, name: string, now: number): DeletedVaultRecord | undefined;
  /** Moves a deleted vault back to the live vaults as `recovered` (its old properties). */
  recoverDeletedVault(deleted: DeletedVaultRecord, recovered: VaultRecord): void;
  /** Removes deleted vaults whose scheduled purge date has passed, purge protection or not; returns how many. */
  sweepExpiredVaults(now: number): number;

  /** Creating an account whose name is soft-deleted forfeits that deleted account (Azure: recovery is lost). */
  putStorageAccount(account: StorageAccountRecord): 'created' | 'updated';
  getStorageAccount(subscriptionId: string, resourceGroup: string, name: string): StorageAccountRecord | undefined;
  findStorageAccountByName(name: string): StorageAccountRecord | undefined;
  listStorageAccounts(subscriptionId: string, resourceGroup?: string): StorageAccountRecord[];
  deleteStorageAccount(subscriptionId: string, resourceGroup: string, name: string): boolean;
  softDeleteStorageAccount(subscriptionId: string, resourceGroup: string, name: string, now: number, retentionMs: number): DeletedStorageAccountRecord | undefined;
  putDeletedStorageAccount(account: DeletedStorageAccountRecord): void;
  /** The soft-deleted account of that name in the subscription, within its retention. Names are global: at most one. */
  findDeletedStorageAccount(subscriptionId: string, name: string, now: number): DeletedStorageAccountRecord | undefined;
  getDeletedStorageAccount(subscriptionId: string, location: string, name: string, now: number): DeletedStorageAccountRecord | undefined;
  listDeletedStorageAccounts(query: DeletedStorageAccountPageQuery): DeletedStorageAccountRecord[];
  /** Moves a deleted storage account back to the live ones as `restored` (same kind, sku, properties, creationTime). */
  restoreDeletedStorageAccount(deleted: DeletedStorageAccountRecord, restored: StorageAccountRecord): void;
  /** Removes deleted storage accounts whose 14 days have passed; returns how many. */
  sweepExpiredStorageAccounts(now: number): number;

  putConfigurationStore(store: ConfigurationStoreRecord): 'created' | 'updated';
  getConfigurationStore(subscriptionId: string, resourceGroup: string, name: string): ConfigurationStoreRecord | undefined;
  findConfigurationStoreByName(name: string): ConfigurationStoreRecord | undefined;
  listConfigurationStores(subscriptionId: string, resourceGroup?: string): ConfigurationStoreRecord[];
  /**
   * Deletes a live store: a Free one for good, any other is moved to the deleted stores for its
   * softDeleteRetentionInDays (default 7). Returns the soft-deleted record, `'purged'` for a Free store, or
   * undefined when there is no such store.
   */
  softDeleteConfigurationStore(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedConfigurationStoreRecord | 'purged' | undefined;
  putDeletedConfigurationStore(store: DeletedConfigurationStoreRecord): void;
  /** The soft-deleted store of that name in any subscription, within its retention (names are global). */
  findDeletedConfigurationStoreByName(name: string, now: number): DeletedConfigurationStoreRecord | undefined;
  getDeletedConfigurationStore(subscriptionId: string, location: string, name: string, now: number): DeletedConfigurationStoreRecord | undefined;
  listDeletedConfigurationStores(query: DeletedConfigurationStorePageQuery): DeletedConfigurationStoreRecord[];
  /** Removes a deleted store for good; returns it, or undefined when there is none. */
  purgeDeletedConfigurationStore(subscriptionId: string, location: string, name: string, now: number): DeletedConfigurationStoreRecord | undefined;
  /** Moves a deleted store back to the live ones as `recovered` (its old properties). */
  recoverDeletedConfigurationStore(deleted: DeletedConfigurationStoreRecord, recovered: ConfigurationStoreRecord): void;
  /** Removes deleted stores whose scheduled purge date has passed, purge protection or not; returns how many. */
  sweepExpiredConfigurationStores(now: number): number;

  putApiManagementService(service: ApiManagementServiceRecord): 'created' | 'updated';
  getApiManagementService(subscriptionId: string, resourceGroup: string, name: string): ApiManagementServiceRecord | undefined;
  findApiManagementServiceByName(name: string): ApiManagementServiceRecord | undefined;
  listApiManagementServices(subscriptionId: string, resourceGroup?: string): ApiManagementServiceRecord[];
  /** Deletes a live service for good (a DELETE with an api-version older than 2020-06-01-preview). */
  deleteApiManagementService(subscriptionId: string, resourceGroup: string, name: string): boolean;
  /** Moves a live service to the deleted ones, kept 48 h. */
  softDeleteApiManagementService(subscriptionId: string, resourceGroup: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined;
  putDeletedApiManagementService(service: DeletedApiManagementServiceRecord): void;
  /** The soft-deleted service of that name in any subscription, within its 48 h (service names are global). */
  findDeletedApiManagementServiceByName(name: string, now: number): DeletedApiManagementServiceRecord | undefined;
  getDeletedApiManagementService(subscriptionId: string, location: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined;
  listDeletedApiManagementServices(query: DeletedApiManagementServicePageQuery): DeletedApiManagementServiceRecord[];
  /** Removes a deleted service for good; returns it, or undefined when there is none. */
  purgeDeletedApiManagementService(subscriptionId: string, location: string, name: string, now: number): DeletedApiManagementServiceRecord | undefined;
  /** Moves a deleted service back to the live ones as `restored` (its old properties). */
  restoreDeletedApiManagementService(deleted: DeletedApiManagementServiceRecord, restored: ApiManagementServiceRecord): void;
  /** Removes deleted services whose 48 h have passed; returns how many. */
  sweepExpiredApiManagementServices(now: number): number;

  putOperation(operation: OperationRecord): void;
  getOperation(id: string): OperationRecord | undefined;

  appendEvent(event: Omit<WorldEvent, 'seq'>): void;
  listEvents(afterSeq: number, limit: number): WorldEvent[];

  /** Stores activity log events in order, and forgets those stamped before `keepFrom` (ARM keeps 90 days). */
  appendActivityEvents(events: readonly ActivityEventRecord[], keepFrom: number): void;
  /** Newest first (eventTimestamp, then the order they were stored in, both descending). */
  listActivityEvents(query: ActivityLogQuery): ActivityEventBody[];

  counts(): WorldCounts;
  /** Empties the world (all tables), keeping nothing but the schema. */
  clear(): void;
  close(): void;
}
