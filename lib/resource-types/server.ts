import 'server-only';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import type { ResourceTypeOperations } from './definition';
import { apiManagementServiceOperations } from './api-management-services/server';
import { appConfigurationStoreOperations } from './app-configuration-stores/server';
import { cognitiveAccountOperations } from './cognitive-accounts/server';
import { keyVaultOperations } from './key-vaults/server';
import { storageAccountOperations } from './storage-accounts/server';
import { apiManagementServices, appConfigurationStores, cognitiveAccounts, keyVaults, storageAccounts } from './definitions';
import { RESOURCE_TYPES } from '.';

/** What the server does for each registered type, by registry id. */
const OPERATIONS: Record<string, ResourceTypeOperations> = {
  [cognitiveAccounts.id]: cognitiveAccountOperations,
  [keyVaults.id]: keyVaultOperations,
  [storageAccounts.id]: storageAccountOperations,
  [appConfigurationStores.id]: appConfigurationStoreOperations,
  [apiManagementServices.id]: apiManagementServiceOperations,
};

for (const type of RESOURCE_TYPES) {
  if (!OPERATIONS[type.id]) throw new Error(`Resource type ${type.id} has no server operations (lib/resource-types/server.ts).`);
}

/** The operations of a validated ref's type (the schema admits registered types only). */
export function operationsOf(ref: Pick<ResourceRef, 'type'>): ResourceTypeOperations {
  const operations = OPERATIONS[ref.type];
  if (!operations) throw new Error(`No operations for resource type ${ref.type}.`);
  return operations;
}

/** Every registered type's operations, in the registry's order. */
export const allOperations = () => RESOURCE_TYPES.map((type) => ({ type, operations: operationsOf({ type: type.id }) }));
