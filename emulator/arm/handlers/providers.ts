/**
 * Resource provider metadata (Microsoft.Resources Providers_Get / Providers_List). Generic clients
 * (`az resource`, Get-AzResource) read it to choose an api-version for a resource type.
 */
import {
  API_MANAGEMENT_SOFT_DELETE_VERSIONS,
  API_MANAGEMENT_VERSIONS,
  APPCONFIGURATION_VERSIONS,
  AUTHORIZATION_VERSIONS,
  COGNITIVE_ACCOUNT_VERSIONS,
  COGNITIVE_DELETED_ACCOUNT_VERSIONS,
  COGNITIVE_OPERATION_VERSIONS,
  KEYVAULT_VERSIONS,
  RESOURCES_VERSIONS,
  STORAGE_DELETED_ACCOUNT_VERSIONS,
  STORAGE_VERSIONS,
} from '../api-versions';
import { errors } from '../errors';
import { json } from '../pipeline';
import { REGION_DISPLAY_NAMES } from '../regions';
import type { Handler } from './common';

interface ResourceTypeInfo {
  resourceType: string;
  locations: readonly string[];
  apiVersions: readonly string[];
  capabilities?: string;
}

interface ProviderInfo {
  namespace: string;
  resourceTypes: ResourceTypeInfo[];
}

const global = (resourceType: string, apiVersions: readonly string[]): ResourceTypeInfo => ({ resourceType, locations: [], apiVersions });
const regional = (resourceType: string, apiVersions: readonly string[], capabilities?: string): ResourceTypeInfo => ({
  resourceType,
  locations: REGION_DISPLAY_NAMES,
  apiVersions,
  ...(capabilities ? { capabilities } : {}),
});

export const PROVIDERS: readonly ProviderInfo[] = [
  {
    namespace: 'Microsoft.CognitiveServices',
    resourceTypes: [
      regional('accounts', COGNITIVE_ACCOUNT_VERSIONS, 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SystemAssignedResourceIdentity, SupportsTags, SupportsLocation'),
      global('operations', COGNITIVE_ACCOUNT_VERSIONS),
      global('locations', COGNITIVE_ACCOUNT_VERSIONS),
      regional('locations/operationResults', COGNITIVE_OPERATION_VERSIONS),
      regional('locations/resourceGroups', COGNITIVE_DELETED_ACCOUNT_VERSIONS),
      regional('locations/resourceGroups/deletedAccounts', COGNITIVE_DELETED_ACCOUNT_VERSIONS),
      global('deletedAccounts', COGNITIVE_DELETED_ACCOUNT_VERSIONS),
      global('checkDomainAvailability', COGNITIVE_ACCOUNT_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.KeyVault',
    resourceTypes: [
      regional('vaults', KEYVAULT_VERSIONS, 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation'),
      global('operations', KEYVAULT_VERSIONS),
      global('locations', KEYVAULT_VERSIONS),
      global('deletedVaults', KEYVAULT_VERSIONS),
      regional('locations/deletedVaults', KEYVAULT_VERSIONS),
      regional('locations/operationResults', KEYVAULT_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.Storage',
    resourceTypes: [
      regional('storageAccounts', STORAGE_VERSIONS, 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation'),
      global('operations', STORAGE_VERSIONS),
      global('locations', STORAGE_VERSIONS),
      global('deletedAccounts', STORAGE_DELETED_ACCOUNT_VERSIONS),
      regional('locations/deletedAccounts', STORAGE_DELETED_ACCOUNT_VERSIONS),
      regional('locations/asyncoperations', STORAGE_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.AppConfiguration',
    resourceTypes: [
      regional('configurationStores', APPCONFIGURATION_VERSIONS, 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SystemAssignedResourceIdentity, SupportsTags, SupportsLocation'),
      global('operations', APPCONFIGURATION_VERSIONS),
      global('locations', APPCONFIGURATION_VERSIONS),
      global('deletedConfigurationStores', APPCONFIGURATION_VERSIONS),
      regional('locations/deletedConfigurationStores', APPCONFIGURATION_VERSIONS),
      regional('locations/operationsStatus', APPCONFIGURATION_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.ApiManagement',
    resourceTypes: [
      regional('service', API_MANAGEMENT_VERSIONS, 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SystemAssignedResourceIdentity, SupportsTags, SupportsLocation'),
      global('operations', API_MANAGEMENT_VERSIONS),
      global('locations', API_MANAGEMENT_VERSIONS),
      global('deletedservices', API_MANAGEMENT_SOFT_DELETE_VERSIONS),
      regional('locations/deletedservices', API_MANAGEMENT_SOFT_DELETE_VERSIONS),
      global('checkNameAvailability', API_MANAGEMENT_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.Authorization',
    resourceTypes: [
      global('roleAssignments', AUTHORIZATION_VERSIONS),
      global('roleDefinitions', AUTHORIZATION_VERSIONS),
      global('permissions', AUTHORIZATION_VERSIONS),
    ],
  },
  {
    namespace: 'Microsoft.Resources',
    resourceTypes: [
      global('tenants', RESOURCES_VERSIONS),
      global('subscriptions', RESOURCES_VERSIONS),
      global('subscriptions/resourceGroups', RESOURCES_VERSIONS),
      global('subscriptions/operationresults', RESOURCES_VERSIONS),
      global('subscriptions/locations', RESOURCES_VERSIONS),
      global('subscriptions/providers', RESOURCES_VERSIONS),
      global('resourceGroups', RESOURCES_VERSIONS),
      global('providers', RESOURCES_VERSIONS),
    ],
  },
];

export function providerInfo(namespace: string): ProviderInfo | undefined {
  return PROVIDERS.find((p) => p.namespace.toLowerCase() === namespace.toLowerCase());
}

function toArmProvider(provider: ProviderInfo, subscriptionId?: string) {
  return {
    id: subscriptionId ? `/subscriptions/${subscriptionId}/providers/${provider.namespace}` : `/providers/${provider.namespace}`,
    namespace: provider.namespace,
    ...(subscriptionId ? { registrationState: 'Registered', registrationPolicy: 'RegistrationRequired' } : {}),
    resourceTypes: provider.resourceTypes.map((t) => ({
      resourceType: t.resourceType,
      locations: [...t.locations],
      apiVersions: [...t.apiVersions],
      defaultApiVersion: t.apiVersions.find((v) => !v.endsWith('-preview')),
      ...(t.capabilities ? { capabilities: t.capabilities } : {}),
    })),
  };
}

export const listProviders: Handler<never, 'sub'> = ({ params }) => json(200, { value: PROVIDERS.map((p) => toArmProvider(p, params.sub)) });

export const getProvider: Handler<'namespace', 'sub'> = ({ params }) => {
  const provider = providerInfo(params.namespace);
  if (!provider) throw errors.invalidResourceNamespace(params.namespace);
  return json(200, toArmProvider(provider, params.sub));
};
