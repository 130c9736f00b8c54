/**
 * The api-versions the emulator accepts, per provider namespace and resource type. Taken from the contract,
 * the official JS SDKs installed here (arm-cognitiveservices 2025-09-01, arm-resources 2025-04-01,
 * arm-subscriptions 2021-10-01, arm-authorization 2015-07-01/2020-10-01/2022-04-01), the Azure CLI 2.45
 * Python SDKs (cognitiveservices 2022-12-01, resources 2022-09-01, subscriptions 2019-11-01/2021-01-01) and
 * the providers' published version lists. Lists are newest first, as ARM prints them.
 */

const newestFirst = (versions: string[]): readonly string[] =>
  [...new Set(versions)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

/** Microsoft.CognitiveServices versions that know `deletedAccounts` and `restore` (2021-04-30 onwards). */
const cognitiveSoftDeleteVersions = [
  '2021-04-30',
  '2021-10-01',
  '2022-03-01',
  '2022-10-01',
  '2022-12-01',
  '2023-05-01',
  '2023-10-01-preview',
  '2024-04-01-preview',
  '2024-06-01-preview',
  '2024-10-01',
  '2025-04-01-preview',
  '2025-06-01',
  '2025-07-01-preview',
  '2025-09-01',
  '2025-10-01-preview',
  '2025-12-01',
  '2026-01-15-preview',
  '2026-03-01',
  '2026-05-01',
  '2026-05-15-preview',
  '2026-07-01',
  '2026-07-15-preview',
  '2026-09-01',
  '2026-09-15-preview',
];

export const COGNITIVE_ACCOUNT_VERSIONS = newestFirst(['2016-02-01-preview', '2017-04-18', ...cognitiveSoftDeleteVersions]);
export const COGNITIVE_DELETED_ACCOUNT_VERSIONS = newestFirst(cognitiveSoftDeleteVersions);
export const COGNITIVE_OPERATION_VERSIONS = COGNITIVE_ACCOUNT_VERSIONS;

export const RESOURCES_VERSIONS = newestFirst([
  '2014-04-01',
  '2014-04-01-preview',
  '2015-01-01',
  '2015-11-01',
  '2016-02-01',
  '2016-06-01',
  '2016-07-01',
  '2016-09-01',
  '2017-05-10',
  '2017-08-01',
  '2018-02-01',
  '2018-05-01',
  '2018-06-01',
  '2019-03-01',
  '2019-05-01',
  '2019-05-10',
  '2019-06-01',
  '2019-07-01',
  '2019-08-01',
  '2019-10-01',
  '2019-11-01',
  '2020-01-01',
  '2020-06-01',
  '2020-08-01',
  '2020-10-01',
  '2021-01-01',
  '2021-04-01',
  '2021-10-01',
  '2022-01-01',
  '2022-09-01',
  '2022-12-01',
  '2023-07-01',
  '2024-03-01',
  '2024-07-01',
  '2024-11-01',
  '2025-01-01',
  '2025-03-01',
  '2025-04-01',
]);

export const AUTHORIZATION_VERSIONS = newestFirst([
  '2014-07-01-preview',
  '2015-06-01',
  '2015-07-01',
  '2016-09-01',
  '2017-05-01',
  '2018-01-01-preview',
  '2018-05-01-preview',
  '2018-07-01',
  '2018-07-01-preview',
  '2018-09-01-preview',
  '2019-08-01-preview',
  '2020-03-01-preview',
  '2020-04-01-preview',
  '2020-10-01',
  '2020-10-01-preview',
  '2021-01-01-preview',
  '2021-03-01-preview',
  '2021-07-01-preview',
  '2021-12-01-preview',
  '2022-04-01',
  '2022-05-01-preview',
  '2022-08-01-preview',
]);

export const KEYVAULT_VERSIONS = newestFirst([
  '2015-06-01',
  '2016-10-01',
  '2018-02-14',
  '2019-09-01',
  '2020-04-01-preview',
  '2021-04-01-preview',
  '2021-06-01-preview',
  '2021-10-01',
  '2021-11-01-preview',
  '2022-02-01-preview',
  '2022-07-01',
  '2022-11-01',
  '2023-02-01',
  '2023-07-01',
  '2024-11-01',
  '2024-12-01-preview',
  '2025-05-01',
  // @azure/arm-keyvault 5 and Azure CLI 2.89 (contract §0.1).
  '2026-02-01',
]);

export const STORAGE_VERSIONS = newestFirst([
  '2015-06-15',
  '2016-01-01',
  '2016-12-01',
  '2017-06-01',
  '2017-10-01',
  '2018-02-01',
  '2018-03-01-preview',
  '2018-07-01',
  '2018-11-01',
  '2019-04-01',
  '2019-06-01',
  '2020-08-01-preview',
  '2021-01-01',
  '2021-02-01',
  '2021-04-01',
  '2021-06-01',
  '2021-08-01',
  '2021-09-01',
  '2022-05-01',
  '2022-09-01',
  '2023-01-01',
  '2023-04-01',
  '2023-05-01',
  '2024-01-01',
  '2025-01-01',
  '2025-06-01',
  // @azure/arm-storage 20.2 and 21 (contract §0.1).
  '2026-06-01',
  '2026-09-01',
]);

/** Microsoft.Storage versions that know `deletedAccounts` (introduced in 2021-06-01). */
export const STORAGE_DELETED_ACCOUNT_VERSIONS = STORAGE_VERSIONS.filter((v) => v >= '2021-06-01');

export const API_MANAGEMENT_VERSIONS = newestFirst([
  '2016-07-07',
  '2016-10-10',
  '2017-03-01',
  '2018-01-01',
  '2018-06-01-preview',
  '2019-01-01',
  '2019-12-01',
  '2019-12-01-preview',
  '2020-06-01-preview',
  '2020-12-01',
  '2021-01-01-preview',
  '2021-04-01-preview',
  // Azure CLI 2.45 (azure-mgmt-apimanagement 3.0.0) and 2.39 (contract §0.1).
  '2021-08-01',
  '2021-12-01-preview',
  '2022-04-01-preview',
  // @azure/arm-apimanagement 9 and Azure CLI 2.72 (contract §0.1).
  '2022-08-01',
  '2022-09-01-preview',
  '2023-03-01-preview',
  '2023-05-01-preview',
  '2023-09-01-preview',
  // @azure/arm-apimanagement 10 (contract §0.1).
  '2024-05-01',
  '2024-06-01-preview',
  '2024-10-01-preview',
  '2025-03-01-preview',
]);

/** Microsoft.ApiManagement versions that know soft delete and `deletedservices` (2020-06-01-preview onwards, docs). */
export const API_MANAGEMENT_SOFT_DELETE_VERSIONS = API_MANAGEMENT_VERSIONS.filter((v) => v >= '2020-06-01-preview');

/**
 * Microsoft.AppConfiguration versions that know soft delete (deletedConfigurationStores, createMode), from
 * 2021-10-01-preview: Azure CLI 2.45 sends 2022-05-01 (its azure-mgmt-appconfiguration profile),
 * @azure/arm-appconfiguration 4 2023-03-01, Azure CLI 2.75 2024-05-01 (contract §0.1).
 */
export const APPCONFIGURATION_VERSIONS = newestFirst([
  '2021-10-01-preview',
  '2022-03-01-preview',
  '2022-05-01',
  '2023-03-01',
  '2023-08-01-preview',
  '2023-09-01-preview',
  '2024-05-01',
  '2024-06-01',
  '2024-06-15-preview',
  '2025-02-01-preview',
]);

/** microsoft.insights/eventtypes (the activity log): the JS SDKs and the Azure CLI send 2015-04-01 (contract §0.1). */
export const INSIGHTS_EVENTTYPES_VERSIONS = newestFirst(['2015-04-01']);

/** Reads `api-version` with ARM's case-insensitive query parameter names (`Api-Version` in the docs). */
export function readQueryParam(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function isSupportedVersion(version: string, supported: readonly string[]): boolean {
  return supported.some((v) => v.toLowerCase() === version.toLowerCase());
}
