/** ARM paths the tests check the portal's work against (the versions the emulator and real ARM accept). */
const COGNITIVE_API_VERSION = '2025-06-01';
const RESOURCES_API_VERSION = '2025-04-01';

export function accountPath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.CognitiveServices/accounts/${name}?api-version=${COGNITIVE_API_VERSION}`;
}

export function deletedAccountPath(subscriptionId: string, location: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${resourceGroup}/deletedAccounts/${name}?api-version=${COGNITIVE_API_VERSION}`;
}

export function checkDomainAvailabilityPath(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/checkDomainAvailability?api-version=${COGNITIVE_API_VERSION}`;
}

export function resourceGroupPath(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}?api-version=${RESOURCES_API_VERSION}`;
}

const KEY_VAULT_API_VERSION = '2026-02-01';
const STORAGE_API_VERSION = '2023-05-01';

export function vaultPath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${name}?api-version=${KEY_VAULT_API_VERSION}`;
}

export function deletedVaultPath(subscriptionId: string, location: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.KeyVault/locations/${location}/deletedVaults/${name}?api-version=${KEY_VAULT_API_VERSION}`;
}

export function storageAccountPath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${name}?api-version=${STORAGE_API_VERSION}`;
}

const APP_CONFIGURATION_API_VERSION = '2024-06-01';
const API_MANAGEMENT_API_VERSION = '2024-05-01';

export function configurationStorePath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.AppConfiguration/configurationStores/${name}?api-version=${APP_CONFIGURATION_API_VERSION}`;
}

export function deletedConfigurationStorePath(subscriptionId: string, location: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.AppConfiguration/locations/${location}/deletedConfigurationStores/${name}?api-version=${APP_CONFIGURATION_API_VERSION}`;
}

export function apiManagementServicePath(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${name}?api-version=${API_MANAGEMENT_API_VERSION}`;
}

export function deletedApiManagementServicePath(subscriptionId: string, location: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.ApiManagement/locations/${location}/deletedservices/${name}?api-version=${API_MANAGEMENT_API_VERSION}`;
}

export function deletedStorageAccountPath(subscriptionId: string, location: string, name: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Storage/locations/${location}/deletedAccounts/${name}?api-version=${STORAGE_API_VERSION}`;
}
