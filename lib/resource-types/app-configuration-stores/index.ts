import type { ResourceTypeDefinition } from '../definition';

export const appConfigurationStores: ResourceTypeDefinition = {
  id: 'app-configuration-stores',
  armType: 'Microsoft.AppConfiguration/configurationStores',
  displayName: 'App Configuration store',
  retention: '1–7 days, set per store',
  purgeable: true,
  recoverPhase: 1,
  // https://<name>.azconfig.io
  endpoints: { hostSuffixes: ['azconfig.io'], label: 'name' },
};
