import type { ResourceRef } from './types';

/**
 * The names under which a recovery plan knows its steps. A step needed by several rows has one key, so the
 * plan runs it once: a resource group by subscription and name, a deleted resource by its type, subscription,
 * group and name (so a deleted Key Vault that is both selected and needed by selected accounts is one step).
 */
export const resourceGroupKey = (subscriptionId: string, resourceGroup: string) => `rg:${subscriptionId}/${resourceGroup}`.toLowerCase();

export const resourceKey = (ref: Pick<ResourceRef, 'type' | 'subscriptionId' | 'resourceGroup' | 'name'>) =>
  `${ref.type}:${ref.subscriptionId}/${ref.resourceGroup}/${ref.name}`.toLowerCase();
