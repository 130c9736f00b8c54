/**
 * How records look on the wire: the JSON shapes ARM and the resource providers return (see the contract and
 * the Azure CLI's recorded soft-delete session). Pure functions from records to ARM JSON.
 */
import type {
  AccountRecord,
  ApiManagementServiceRecord,
  DeletedApiManagementServiceRecord,
  ConfigurationStoreRecord,
  DeletedConfigurationStoreRecord,
  DeletedAccountRecord,
  DeletedStorageAccountRecord,
  DeletedVaultRecord,
  OperationRecord,
  ResourceGroupRecord,
  StorageAccountRecord,
  SubscriptionRecord,
  VaultRecord,
} from './store';
import { accountFeatures } from './account-features';
import { canonicalRegion, REGIONS } from './regions';
import { armTimestamp } from './world';

export const accountId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}`;

export const deletedAccountId = (sub: string, location: string, rg: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${rg}/deletedAccounts/${name}`;

export const resourceGroupId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;

export function toArmSubscription(subscription: SubscriptionRecord) {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    displayName: subscription.displayName,
    state: subscription.state,
    subscriptionPolicies: {
      locationPlacementId: subscription.locationPlacementId,
      quotaId: subscription.quotaId,
      spendingLimit: subscription.spendingLimit,
    },
  };
}

export function toArmResourceGroup(group: ResourceGroupRecord) {
  const body: Record<string, unknown> = {
    id: resourceGroupId(group.subscriptionId, group.name),
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
  };
  if (Object.keys(group.tags).length > 0) body.tags = group.tags;
  body.properties = { provisioningState: 'Succeeded' };
  return body;
}

function accountProperties(account: AccountRecord, provisioningState: string): Record<string, unknown> {
  return { ...account.properties, ...accountFeatures(account), provisioningState };
}

export function accountProvisioningState(account: AccountRecord, now: number): 'Creating' | 'Succeeded' {
  return now < account.readyAt ? 'Creating' : 'Succeeded';
}

/** A live or deleted account as ARM writes it, in ARM's property order; only the id, type and properties differ. */
function accountBody(account: AccountRecord, id: string, type: string, properties: Record<string, unknown>) {
  const body: Record<string, unknown> = {
    id,
    name: account.name,
    type,
    etag: account.etag,
    location: account.location,
    sku: account.sku,
    kind: account.kind,
  };
  if (Object.keys(account.tags).length > 0) body.tags = account.tags;
  // An account created without an identity has none in ARM's answers (recording); `{type: 'None'}` is shown when set.
  if (account.identity) body.identity = account.identity;
  body.properties = properties;
  body.systemData = account.systemData;
  return body;
}

export function toArmAccount(account: AccountRecord, now: number) {
  return accountBody(
    account,
    accountId(account.subscriptionId, account.resourceGroup, account.name),
    'Microsoft.CognitiveServices/accounts',
    accountProperties(account, accountProvisioningState(account, now)),
  );
}

export function toArmDeletedAccount(account: DeletedAccountRecord) {
  return accountBody(
    account,
    deletedAccountId(account.subscriptionId, account.location, account.resourceGroup, account.name),
    'Microsoft.CognitiveServices/deletedAccounts',
    {
      ...account.properties,
      ...accountFeatures(account),
      deletionDate: armTimestamp(account.deletedAt),
      scheduledPurgeDate: armTimestamp(account.purgeAt),
      provisioningState: 'Succeeded',
    },
  );
}

export function toArmVault(vault: VaultRecord) {
  const body: Record<string, unknown> = {
    id: `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}`,
    name: vault.name,
    type: 'Microsoft.KeyVault/vaults',
    location: vault.location,
    tags: vault.tags,
  };
  body.properties = { ...vault.properties, vaultUri: vaultUri(vault.name), provisioningState: 'Succeeded' };
  return body;
}

export const vaultUri = (name: string) => `https://${name.toLowerCase()}.vault.azure.net/`;

export const vaultId = (sub: string, rg: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;

/** The id segment is always the lower-case short region name, whatever spelling the vault was created with (recording). */
export const deletedVaultId = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${canonicalRegion(location) ?? location.toLowerCase()}/deletedVaults/${name}`;

/** Key Vault writes its soft-delete dates to the second: `2022-04-07T07:20:50Z` (recording). */
const secondsTimestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A deleted vault as recorded: no systemData, `purgeProtectionEnabled` only when true. */
export function toArmDeletedVault(vault: DeletedVaultRecord) {
  const properties: Record<string, unknown> = {
    vaultId: vaultId(vault.subscriptionId, vault.resourceGroup, vault.name),
    location: vault.location,
    tags: vault.tags,
    deletionDate: secondsTimestamp(vault.deletedAt),
    scheduledPurgeDate: secondsTimestamp(vault.purgeAt),
  };
  if (vault.properties.enablePurgeProtection === true) properties.purgeProtectionEnabled = true;
  return { id: deletedVaultId(vault.subscriptionId, vault.location, vault.name), name: vault.name, type: 'Microsoft.KeyVault/deletedVaults', properties };
}

/** A vault in the generic `GET /subscriptions/{s}/resources` listing (TrackedResource: no properties). */
export function toArmGenericVault(vault: VaultRecord) {
  return { id: vaultId(vault.subscriptionId, vault.resourceGroup, vault.name), name: vault.name, type: 'Microsoft.KeyVault/vaults', location: vault.location, tags: vault.tags };
}

export const storageAccountId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${name}`;

export const deletedStorageAccountId = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.Storage/locations/${location}/deletedAccounts/${name}`;

/** `Creating` while a restore runs (its `readyAt`), then `Succeeded`. */
export function toArmStorageAccount(account: StorageAccountRecord, now: number) {
  const n = account.name.toLowerCase();
  return {
    id: storageAccountId(account.subscriptionId, account.resourceGroup, account.name),
    name: account.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: account.location,
    tags: account.tags,
    sku: account.sku,
    kind: account.kind,
    properties: {
      ...account.properties,
      creationTime: armTimestamp(account.createdAt),
      primaryLocation: account.location,
      statusOfPrimary: 'available',
      primaryEndpoints: {
        blob: `https://${n}.blob.core.windows.net/`,
        queue: `https://${n}.queue.core.windows.net/`,
        table: `https://${n}.table.core.windows.net/`,
        file: `https://${n}.file.core.windows.net/`,
        dfs: `https://${n}.dfs.core.windows.net/`,
        web: `https://${n}.z13.web.core.windows.net/`,
      },
      provisioningState: account.readyAt !== undefined && now < account.readyAt ? 'Creating' : 'Succeeded',
    },
  };
}

/** The DeletedAccount shape of the spec examples (contract §2.2): no scheduled purge date, the portal adds 14 days. */
export function toArmDeletedStorageAccount(account: DeletedStorageAccountRecord) {
  const creationTime = armTimestamp(account.createdAt);
  return {
    id: deletedStorageAccountId(account.subscriptionId, account.location, account.name),
    name: account.name,
    type: 'Microsoft.Storage/deletedAccounts',
    properties: {
      storageAccountResourceId: storageAccountId(account.subscriptionId, account.resourceGroup, account.name),
      location: account.location,
      restoreReference: `${account.name}|${creationTime}`,
      creationTime,
      deletionTime: armTimestamp(account.deletedAt),
    },
  };
}

export const apiManagementServiceId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ApiManagement/service/${name}`;

/** The id segment is the lower-case short region name; the body's `location` the display name (recording). */
export const deletedApiManagementServiceId = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.ApiManagement/locations/${canonicalRegion(location) ?? location.toLowerCase()}/deletedservices/${name}`;

/** API Management writes locations as display names ('West US'), whatever spelling the service was created with (recording). */
export const regionDisplayName = (location: string) => REGIONS.find((r) => r.name === canonicalRegion(location))?.displayName ?? location;

/** A service as API Management writes it (recording `apim/test_apim_deleted_service.yaml`, spec examples). */
export function toArmApiManagementService(service: ApiManagementServiceRecord, states: { provisioningState: string; targetProvisioningState: string }) {
  const host = `${service.name}.azure-api.net`;
  const region = canonicalRegion(service.location) ?? service.location.toLowerCase();
  return {
    id: apiManagementServiceId(service.subscriptionId, service.resourceGroup, service.name),
    name: service.name,
    type: 'Microsoft.ApiManagement/service',
    tags: service.tags,
    location: regionDisplayName(service.location),
    properties: {
      notificationSenderEmail: 'apimgmt-noreply@mail.windowsazure.com',
      ...service.properties,
      provisioningState: states.provisioningState,
      targetProvisioningState: states.targetProvisioningState,
      createdAtUtc: armTimestamp(service.createdAt),
      gatewayUrl: `https://${host}`,
      gatewayRegionalUrl: `https://${service.name}-${region}-01.regional.azure-api.net`,
      developerPortalUrl: `https://${service.name}.developer.azure-api.net`,
      managementApiUrl: `https://${service.name}.management.azure-api.net`,
      hostnameConfigurations: [{ type: 'Proxy', hostName: host, negotiateClientCertificate: false, defaultSslBinding: true, certificateSource: 'BuiltIn' }],
      publicNetworkAccess: 'Enabled',
      virtualNetworkType: 'None',
      disableGateway: false,
      apiVersionConstraint: {},
      platformVersion: 'stv2',
    },
    sku: service.sku,
  };
}

/**
 * The `DeletedServiceContract` (contract §4.2): `location` at the top level as the display name, ARM timestamps.
 * A purge answers it with `scheduledPurgeDate` set to the purge time (recording): `purgedAt`.
 */
export function toArmDeletedApiManagementService(service: DeletedApiManagementServiceRecord, purgedAt?: number) {
  return {
    id: deletedApiManagementServiceId(service.subscriptionId, service.location, service.name),
    name: service.name,
    type: 'Microsoft.ApiManagement/deletedservices',
    location: regionDisplayName(service.location),
    properties: {
      serviceId: apiManagementServiceId(service.subscriptionId, service.resourceGroup, service.name),
      scheduledPurgeDate: armTimestamp(purgedAt ?? service.purgeAt),
      deletionDate: armTimestamp(service.deletedAt),
    },
  };
}

export function operationStatus(operation: OperationRecord, now: number): 'InProgress' | OperationRecord['finalStatus'] {
  return now < operation.completesAt ? 'InProgress' : operation.finalStatus;
}

export const operationPath = (operation: Pick<OperationRecord, 'subscriptionId' | 'location' | 'id'>) =>
  `/subscriptions/${operation.subscriptionId}/providers/Microsoft.CognitiveServices/locations/${operation.location}/operationResults/${operation.id}`;

/**
 * A running account create reports `Creating`, as ARM did in the recording (`InProgress` is only ARM's generic
 * word; the SDK's and the CLI's pollers treat any non-terminal status as running). A running purge was not
 * recorded (it had ended at the first poll) and keeps `InProgress`.
 */
function runningStatus(operation: OperationRecord): string {
  return operation.kind === 'accountCreate' ? 'Creating' : 'InProgress';
}

export function toArmOperationStatus(operation: OperationRecord, now: number) {
  const status = operationStatus(operation, now);
  const body: Record<string, unknown> = {
    id: operationPath(operation),
    name: operation.id,
    status: status === 'InProgress' ? runningStatus(operation) : status,
    startTime: armTimestamp(operation.startedAt),
  };
  if (status !== 'InProgress') body.endTime = armTimestamp(operation.completesAt);
  if (status === 'Failed' && operation.error) body.error = operation.error;
  return body;
}

export const configurationStoreId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AppConfiguration/configurationStores/${name}`;

/** Like deleted vaults, the id segment is the lower-case short region name, whatever spelling the store was created with. */
export const deletedConfigurationStoreId = (sub: string, location: string, name: string) =>
  `/subscriptions/${sub}/providers/Microsoft.AppConfiguration/locations/${canonicalRegion(location) ?? location.toLowerCase()}/deletedConfigurationStores/${name}`;

/**
 * A store as App Configuration writes it (recording `appconfig/test_azconfig_mgmt.yaml`): `Creating` until its
 * create or recover ends, then `Succeeded`; the endpoint is the data-plane host (nothing listens there).
 */
export function toArmConfigurationStore(store: ConfigurationStoreRecord, now: number) {
  return {
    type: 'Microsoft.AppConfiguration/configurationStores',
    location: store.location,
    properties: {
      provisioningState: now < store.readyAt ? 'Creating' : 'Succeeded',
      creationDate: armTimestamp(store.createdAt),
      endpoint: `https://${store.name.toLowerCase()}.azconfig.io`,
      encryption: { keyVaultProperties: null },
      privateEndpointConnections: null,
      publicNetworkAccess: null,
      disableLocalAuth: false,
      softDeleteRetentionInDays: 7,
      enablePurgeProtection: false,
      ...store.properties,
    },
    sku: store.sku,
    id: configurationStoreId(store.subscriptionId, store.resourceGroup, store.name),
    name: store.name,
    tags: store.tags,
  };
}

/** The `DeletedConfigurationStore` shape (contract §3.2): dates to the second, `purgeProtectionEnabled` always present. */
export function toArmDeletedConfigurationStore(store: DeletedConfigurationStoreRecord) {
  return {
    id: deletedConfigurationStoreId(store.subscriptionId, store.location, store.name),
    name: store.name,
    type: 'Microsoft.AppConfiguration/deletedConfigurationStores',
    properties: {
      configurationStoreId: configurationStoreId(store.subscriptionId, store.resourceGroup, store.name),
      location: store.location,
      deletionDate: secondsTimestamp(store.deletedAt),
      scheduledPurgeDate: secondsTimestamp(store.purgeAt),
      tags: store.tags,
      purgeProtectionEnabled: store.properties.enablePurgeProtection === true,
    },
  };
}
