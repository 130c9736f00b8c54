import type { ResourceTypeDefinition } from './definition';
import { apiManagementServices, appConfigurationStores, cognitiveAccounts, keyVaults, storageAccounts } from './definitions';

/**
 * Every type of deleted resource the portal lists, in the order the Resource type filter offers them. The
 * table, filters, status rules, bulk runner, purge confirmation and recovery plan work off this list and
 * name no type; a new type is a new folder here and one line below (and one each in ./refs.ts, ./server.ts
 * and ./icons.ts). Nothing here loads zod or icons, so the browser's first load stays small.
 */
export const RESOURCE_TYPES: readonly ResourceTypeDefinition[] = [cognitiveAccounts, keyVaults, storageAccounts, appConfigurationStores, apiManagementServices];

const BY_ID = new Map(RESOURCE_TYPES.map((type) => [type.id, type]));

/** A type by its registry id; undefined for any other string (a stale URL, a hand-edited ref). */
export function resourceTypeOf(id: string): ResourceTypeDefinition | undefined {
  return BY_ID.get(id);
}

/** "AI services accounts, Key Vaults, … and API Management services": what the portal lists, for its pages. */
export const LISTED_TYPES_SENTENCE = (() => {
  const names = RESOURCE_TYPES.map((type) => `${type.displayName}s`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
})();

/** The display name of a row's type, for any id (an unknown one is shown as it is). */
export const typeDisplayName = (id: string) => resourceTypeOf(id)?.displayName ?? id;
