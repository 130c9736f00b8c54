import type { ResourceTypeDefinition } from '../definition';

export const apiManagementServices: ResourceTypeDefinition = {
  id: 'api-management-services',
  armType: 'Microsoft.ApiManagement/service',
  displayName: 'API Management service',
  retention: '48 hours',
  purgeable: true,
  recoverPhase: 1,
};
