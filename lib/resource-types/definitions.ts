/** Every type's definition by its module name, for the registry's maps (refs, icons, server operations). */
export { apiManagementServices } from './api-management-services';
export { appConfigurationStores } from './app-configuration-stores';
export { cognitiveAccounts } from './cognitive-accounts';
export { keyVaults } from './key-vaults';
export { storageAccounts } from './storage-accounts';
