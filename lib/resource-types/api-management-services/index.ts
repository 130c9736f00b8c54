import type { ResourceTypeDefinition } from '../definition';

export const apiManagementServices: ResourceTypeDefinition = {
  id: 'api-management-services',
  armType: 'Microsoft.ApiManagement/service',
  displayName: 'API Management service',
  retention: '48 hours',
  purgeable: true,
  recoverPhase: 1,
  // <name>.azure-api.net, and its management, developer portal and scm hosts under the same name.
  endpoints: { hostSuffixes: ['azure-api.net'], label: 'name' },
};
