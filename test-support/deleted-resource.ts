import type { DeletedResource } from '@/lib/deleted-resources/types';

/**
 * A deleted resource for unit tests: a recoverable, purgeable row of `type` named `name` in subscription `s`,
 * group `rg`, East US, with everything else as `overrides` says (its ref follows the type, name and place).
 */
export function deletedResource(type: string, name: string, overrides: Partial<DeletedResource> = {}): DeletedResource {
  const subscriptionId = overrides.subscriptionId ?? 's';
  const resourceGroup = overrides.resourceGroup ?? 'rg';
  return {
    id: `/subscriptions/${subscriptionId}/providers/x/locations/eastus/resourceGroups/${resourceGroup}/deleted/${name}`,
    type,
    name,
    kind: '',
    kindDisplayName: '',
    location: 'eastus',
    locationDisplayName: 'East US',
    subscriptionId,
    resourceGroup,
    deletedAt: null,
    scheduledPurgeAt: null,
    status: { label: 'Recoverable', tone: 'success', recover: { allowed: true }, purge: { allowed: true } },
    prerequisites: [],
    ref: { type, subscriptionId, resourceGroup, location: 'eastus', name },
    ...overrides,
  };
}

/** An Azure OpenAI account deleted on 23 Nov 2026, 10:00 UTC and purged two days later, unless `overrides` say otherwise. */
export function deletedOpenAiAccount(name: string, overrides: Partial<DeletedResource> = {}): DeletedResource {
  return deletedResource('cognitive-accounts', name, {
    kind: 'OpenAI',
    kindDisplayName: 'Azure OpenAI',
    deletedAt: '2026-11-23T10:00:00Z',
    scheduledPurgeAt: '2026-11-25T10:00:00Z',
    ...overrides,
  });
}
