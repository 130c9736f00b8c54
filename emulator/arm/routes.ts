/**
 * Every path the emulator serves, in one table: the ARM paths (pattern, accepted api-versions, and per method
 * the RBAC check ARM makes before the resource provider sees the request, then the handler) and the admin API
 * under /_emulator/. Each handler receives params typed from its route's pattern: `route()` reads the names in
 * braces from the path literal, so a handler that reads a name its pattern lacks does not compile. ARM literal
 * segments match case-insensitively (`resourceGroups` = `resourcegroups`), as in ARM; admin paths exactly.
 */
import * as admin from './admin';
import type { AdminHandler } from './admin';
import * as adminWorld from './admin-world';
import {
  API_MANAGEMENT_SOFT_DELETE_VERSIONS,
  API_MANAGEMENT_VERSIONS,
  APPCONFIGURATION_VERSIONS,
  AUTHORIZATION_VERSIONS,
  COGNITIVE_ACCOUNT_VERSIONS,
  COGNITIVE_DELETED_ACCOUNT_VERSIONS,
  COGNITIVE_OPERATION_VERSIONS,
  INSIGHTS_EVENTTYPES_VERSIONS,
  KEYVAULT_VERSIONS,
  RESOURCES_VERSIONS,
  STORAGE_DELETED_ACCOUNT_VERSIONS,
  STORAGE_VERSIONS,
} from './api-versions';
import { ArmError, errors } from './errors';
import * as apiManagement from './handlers/api-management';
import * as appConfiguration from './handlers/app-configuration';
import * as authorization from './handlers/authorization';
import * as cognitive from './handlers/cognitive';
import type { Handler, Params } from './handlers/common';
import * as genericResources from './handlers/generic-resources';
import * as insights from './handlers/insights';
import * as keyVault from './handlers/key-vault';
import * as providers from './handlers/providers';
import * as resources from './handlers/resources';
import * as storage from './handlers/storage';
import { accountId } from './representations';

export type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';

/** The names in braces of a path pattern: `'subscriptions/{sub}/resourceGroups/{rg}'` → `'sub' | 'rg'`. */
export type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** An ARM operation of a route whose pattern declares `Names`. */
export interface Operation<Names extends string = string> {
  handler: Handler<Names>;
  /** The action and scope ARM authorizes; omitted when the handler decides (filtered lists, signed status URLs). */
  authorize?: (params: Params<Names>) => { action: string; scope: string };
}

export interface AdminOperation<Names extends string = string> {
  handler: AdminHandler<Names>;
}

type Operations<Op> = Partial<Record<Method, Op>>;

/** A route as the table keeps it: its handlers' param names are checked where the route is declared. */
export type RouteDef =
  | { api: 'arm'; pattern: readonly string[]; versions: readonly string[]; methods: Operations<Operation> }
  | { api: 'admin'; pattern: readonly string[]; methods: Operations<AdminOperation> };

export type Api = RouteDef['api'];

export interface RouteMatch<A extends Api = 'arm'> {
  def: Extract<RouteDef, { api: A }>;
  params: Params<string>;
}

const sub = (p: Params<'sub'>) => `/subscriptions/${p.sub}`;
const rg = (p: Params<'sub' | 'rg'>) => `/subscriptions/${p.sub}/resourceGroups/${p.rg}`;
const csAccount = (p: Params<'sub' | 'rg' | 'name'>) => accountId(p.sub, p.rg, p.name);
const kvVault = (p: Params<'sub' | 'rg' | 'name'>) => `${rg(p)}/providers/Microsoft.KeyVault/vaults/${p.name}`;
const kvDeletedVault = (p: Params<'sub' | 'location' | 'name'>) => `${sub(p)}/providers/Microsoft.KeyVault/locations/${p.location}/deletedVaults/${p.name}`;
const acStore = (p: Params<'sub' | 'rg' | 'name'>) => `${rg(p)}/providers/Microsoft.AppConfiguration/configurationStores/${p.name}`;
const acDeletedStore = (p: Params<'sub' | 'location' | 'name'>) =>
  `${sub(p)}/providers/Microsoft.AppConfiguration/locations/${p.location}/deletedConfigurationStores/${p.name}`;
const amService = (p: Params<'sub' | 'rg' | 'name'>) => `${rg(p)}/providers/Microsoft.ApiManagement/service/${p.name}`;
const amDeletedService = (p: Params<'sub' | 'location' | 'name'>) => `${sub(p)}/providers/Microsoft.ApiManagement/locations/${p.location}/deletedservices/${p.name}`;
const stAccount = (p: Params<'sub' | 'rg' | 'name'>) => `${rg(p)}/providers/Microsoft.Storage/storageAccounts/${p.name}`;

const at =
  <Names extends string>(action: string, scope: (p: Params<Names>) => string) =>
  (p: Params<Names>) => ({ action, scope: scope(p) });

/*
 * The two builders check each handler against its own path literal. The table then keeps the operations with
 * their names widened to `string`, which is sound because the matcher fills exactly the names of the pattern.
 */
function route<Path extends string>(path: Path, versions: readonly string[], methods: Operations<Operation<ParamNames<Path>>>): RouteDef {
  return { api: 'arm', pattern: path.split('/').filter(Boolean), versions, methods: methods as Operations<Operation> };
}

/** An admin route, relative to /_emulator/: no api-version, no token, no RBAC; the admin gate instead. */
function adminRoute<Path extends string>(path: Path, methods: Operations<AdminOperation<ParamNames<Path>>>): RouteDef {
  return { api: 'admin', pattern: path.split('/').filter(Boolean), methods: methods as Operations<AdminOperation> };
}

const CS = 'subscriptions/{sub}/providers/Microsoft.CognitiveServices';
const CS_RG = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices';
const KV = 'subscriptions/{sub}/providers/Microsoft.KeyVault';
const KV_RG = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault';
const AC = 'subscriptions/{sub}/providers/Microsoft.AppConfiguration';
const AC_RG = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.AppConfiguration';
const AM = 'subscriptions/{sub}/providers/Microsoft.ApiManagement';
const AM_RG = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement';
const ST = 'subscriptions/{sub}/providers/Microsoft.Storage';
const ST_RG = 'subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage';

export const ROUTES: readonly RouteDef[] = [
  route('tenants', RESOURCES_VERSIONS, { GET: { handler: resources.listTenants } }),
  route('subscriptions', RESOURCES_VERSIONS, { GET: { handler: resources.listSubscriptions } }),
  route('subscriptions/{sub}', RESOURCES_VERSIONS, { GET: { handler: resources.getSubscription } }),
  route('subscriptions/{sub}/locations', RESOURCES_VERSIONS, {
    GET: { handler: resources.listLocations, authorize: at('Microsoft.Resources/subscriptions/locations/read', sub) },
  }),
  route('subscriptions/{sub}/operationresults/{operation}', RESOURCES_VERSIONS, { GET: { handler: resources.getSubscriptionOperationResult } }),
  route('subscriptions/{sub}/resourceGroups', RESOURCES_VERSIONS, { GET: { handler: resources.listResourceGroups } }),
  route('subscriptions/{sub}/resourceGroups/{rg}', RESOURCES_VERSIONS, {
    GET: { handler: resources.getResourceGroup, authorize: at(resources.RG_READ, rg) },
    HEAD: { handler: resources.headResourceGroup, authorize: at(resources.RG_READ, rg) },
    PUT: { handler: resources.putResourceGroup, authorize: at(resources.RG_WRITE, rg) },
    DELETE: { handler: resources.deleteResourceGroup, authorize: at(resources.RG_DELETE, rg) },
  }),
  route('providers', RESOURCES_VERSIONS, { GET: { handler: providers.listProviders } }),
  route('providers/{namespace}', RESOURCES_VERSIONS, { GET: { handler: providers.getProvider } }),
  route('subscriptions/{sub}/providers', RESOURCES_VERSIONS, {
    GET: { handler: providers.listProviders, authorize: at('Microsoft.Resources/subscriptions/providers/read', sub) },
  }),
  route('subscriptions/{sub}/providers/{namespace}', RESOURCES_VERSIONS, {
    GET: { handler: providers.getProvider, authorize: at('Microsoft.Resources/subscriptions/providers/read', sub) },
  }),
  route('subscriptions/{sub}/providers/{namespace}/register', RESOURCES_VERSIONS, {
    POST: { handler: providers.getProvider, authorize: (p) => ({ action: `${p.namespace}/register/action`, scope: sub(p) }) },
  }),

  route('subscriptions/{sub}/providers/Microsoft.Authorization/permissions', AUTHORIZATION_VERSIONS, { GET: { handler: authorization.listPermissions } }),
  route('subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Authorization/permissions', AUTHORIZATION_VERSIONS, {
    GET: { handler: authorization.listPermissions },
  }),
  route('subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments', AUTHORIZATION_VERSIONS, { GET: { handler: authorization.listRoleAssignments } }),
  route('subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Authorization/roleAssignments', AUTHORIZATION_VERSIONS, {
    GET: { handler: authorization.listRoleAssignments },
  }),
  route('subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions', AUTHORIZATION_VERSIONS, {
    GET: { handler: authorization.listRoleDefinitions, authorize: at('Microsoft.Authorization/roleDefinitions/read', sub) },
  }),
  route('subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{roleId}', AUTHORIZATION_VERSIONS, {
    GET: { handler: authorization.getRoleDefinition, authorize: at('Microsoft.Authorization/roleDefinitions/read', sub) },
  }),

  route('providers/Microsoft.CognitiveServices/operations', COGNITIVE_ACCOUNT_VERSIONS, { GET: { handler: cognitive.listOperations } }),
  route(`${CS}/accounts`, COGNITIVE_ACCOUNT_VERSIONS, { GET: { handler: cognitive.listAccountsInSubscription } }),
  route(`${CS_RG}/accounts`, COGNITIVE_ACCOUNT_VERSIONS, {
    GET: { handler: cognitive.listAccountsInGroup, authorize: at(cognitive.ACTIONS.accountRead, rg) },
  }),
  route(`${CS_RG}/accounts/{name}`, COGNITIVE_ACCOUNT_VERSIONS, {
    GET: { handler: cognitive.getAccount, authorize: at(cognitive.ACTIONS.accountRead, csAccount) },
    PUT: { handler: cognitive.putAccount, authorize: at(cognitive.ACTIONS.accountWrite, csAccount) },
    DELETE: { handler: cognitive.deleteAccount, authorize: at(cognitive.ACTIONS.accountDelete, csAccount) },
  }),
  route(`${CS}/deletedAccounts`, COGNITIVE_DELETED_ACCOUNT_VERSIONS, { GET: { handler: cognitive.listDeletedAccounts } }),
  route(`${CS}/locations/{location}/resourceGroups/{rg}/deletedAccounts/{name}`, COGNITIVE_DELETED_ACCOUNT_VERSIONS, {
    GET: { handler: cognitive.getDeletedAccount },
    // The deleted account lives under the subscription, not under its resource group: only roles assigned at
    // the subscription grant the purge (docs: a resource-group Contributor cannot purge).
    DELETE: {
      handler: cognitive.purgeDeletedAccount,
      authorize: (p) => ({
        action: cognitive.ACTIONS.deletedPurge,
        scope: `${sub(p)}/providers/Microsoft.CognitiveServices/locations/${p.location}/resourceGroups/${p.rg}/deletedAccounts/${p.name}`,
      }),
    },
  }),
  route(`${CS}/locations/{location}/operationResults/{operation}`, COGNITIVE_OPERATION_VERSIONS, { GET: { handler: cognitive.getOperationResult } }),
  route(`${CS}/checkDomainAvailability`, COGNITIVE_ACCOUNT_VERSIONS, {
    POST: { handler: cognitive.checkDomainAvailability, authorize: at(cognitive.ACTIONS.checkDomain, sub) },
  }),

  route(`${KV}/vaults`, KEYVAULT_VERSIONS, { GET: { handler: keyVault.listVaultsInSubscription } }),
  route(`${KV_RG}/vaults`, KEYVAULT_VERSIONS, {
    GET: { handler: keyVault.listVaultsInGroup, authorize: at(keyVault.VAULT_ACTIONS.read, rg) },
  }),
  // PUT with properties.createMode "recover" recovers a soft-deleted vault: vaults/write in its resource group (docs).
  route(`${KV_RG}/vaults/{name}`, KEYVAULT_VERSIONS, {
    GET: { handler: keyVault.getVault, authorize: at(keyVault.VAULT_ACTIONS.read, kvVault) },
    PUT: { handler: keyVault.putVault, authorize: at(keyVault.VAULT_ACTIONS.write, kvVault) },
    DELETE: { handler: keyVault.deleteVault, authorize: at(keyVault.VAULT_ACTIONS.delete, kvVault) },
  }),
  // Deleted vaults live under the subscription: only roles assigned there grant reading or purging one (contract
  // §1.5). The list decides in its handler: without deletedVaults/read it is empty, not refused.
  route(`${KV}/deletedVaults`, KEYVAULT_VERSIONS, { GET: { handler: keyVault.listDeletedVaults } }),
  route(`${KV}/locations/{location}/deletedVaults/{name}`, KEYVAULT_VERSIONS, {
    GET: { handler: keyVault.getDeletedVault, authorize: at(keyVault.VAULT_ACTIONS.deletedRead, kvDeletedVault) },
  }),
  route(`${KV}/locations/{location}/deletedVaults/{name}/purge`, KEYVAULT_VERSIONS, {
    POST: { handler: keyVault.purgeDeletedVault, authorize: at(keyVault.VAULT_ACTIONS.deletedPurge, kvDeletedVault) },
  }),
  route(`${KV}/locations/{location}/operationResults/{operation}`, KEYVAULT_VERSIONS, { GET: { handler: keyVault.getOperationResult } }),
  route(`${KV}/deletedManagedHSMs`, KEYVAULT_VERSIONS, { GET: { handler: keyVault.listDeletedManagedHsms } }),
  // The generic resources list (@azure/arm-keyvault's vaults.list, az keyvault): key vaults only.
  route('subscriptions/{sub}/resources', RESOURCES_VERSIONS, { GET: { handler: genericResources.listResources } }),
  route(`${ST}/storageAccounts`, STORAGE_VERSIONS, { GET: { handler: storage.listStorageInSubscription } }),
  route(`${ST_RG}/storageAccounts`, STORAGE_VERSIONS, {
    GET: { handler: storage.listStorageInGroup, authorize: at(storage.STORAGE_ACTIONS.accountRead, rg) },
  }),
  // PUT also restores a soft-deleted account (properties.deletedAccountCreationTime): the docs ask for the same
  // storageAccounts/write, which resource-group roles grant.
  route(`${ST_RG}/storageAccounts/{name}`, STORAGE_VERSIONS, {
    GET: { handler: storage.getStorageAccount, authorize: at(storage.STORAGE_ACTIONS.accountRead, stAccount) },
    PUT: { handler: storage.putStorageAccount, authorize: at(storage.STORAGE_ACTIONS.accountWrite, stAccount) },
    DELETE: { handler: storage.deleteStorageAccount, authorize: at(storage.STORAGE_ACTIONS.accountDelete, stAccount) },
  }),
  // Deleted accounts: Microsoft.Storage/deletedAccounts/read at the subscription for the list and for one
  // account (docs list no locations/deletedAccounts/read), so resource-group roles do not grant them.
  route(`${ST}/deletedAccounts`, STORAGE_DELETED_ACCOUNT_VERSIONS, {
    GET: { handler: storage.listDeletedStorageAccounts, authorize: at(storage.STORAGE_ACTIONS.deletedRead, sub) },
  }),
  route(`${ST}/locations/{location}/deletedAccounts/{name}`, STORAGE_DELETED_ACCOUNT_VERSIONS, {
    GET: { handler: storage.getDeletedStorageAccount, authorize: at(storage.STORAGE_ACTIONS.deletedRead, sub) },
  }),
  route(`${ST}/locations/{location}/asyncoperations/{operation}`, STORAGE_VERSIONS, { GET: { handler: storage.getAsyncOperation } }),

  route(`${AM}/service`, API_MANAGEMENT_VERSIONS, { GET: { handler: apiManagement.listServicesInSubscription } }),
  route(`${AM_RG}/service`, API_MANAGEMENT_VERSIONS, {
    GET: { handler: apiManagement.listServicesInGroup, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.read, rg) },
  }),
  // PUT with properties.restore = true restores a soft-deleted service: service/write in its resource group.
  route(`${AM_RG}/service/{name}`, API_MANAGEMENT_VERSIONS, {
    GET: { handler: apiManagement.getService, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.read, amService) },
    PUT: { handler: apiManagement.putService, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.write, amService) },
    DELETE: { handler: apiManagement.deleteService, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.delete, amService) },
  }),
  route(`${AM_RG}/service/{name}/operationresults/{operation}`, API_MANAGEMENT_VERSIONS, { GET: { handler: apiManagement.getServiceOperationResult } }),
  // Deleted services live under the subscription (contract §4.4): only roles assigned there grant listing, reading
  // or purging them.
  route(`${AM}/deletedservices`, API_MANAGEMENT_SOFT_DELETE_VERSIONS, {
    GET: { handler: apiManagement.listDeletedServices, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.deletedList, sub) },
  }),
  route(`${AM}/locations/{location}/deletedservices/{name}`, API_MANAGEMENT_SOFT_DELETE_VERSIONS, {
    GET: { handler: apiManagement.getDeletedService, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.deletedRead, amDeletedService) },
    DELETE: { handler: apiManagement.purgeDeletedService, authorize: at(apiManagement.API_MANAGEMENT_ACTIONS.deletedPurge, amDeletedService) },
  }),
  route(`${AM}/locations/{location}/deletedservices/{name}/operationresults/{operation}`, API_MANAGEMENT_SOFT_DELETE_VERSIONS, {
    GET: { handler: apiManagement.getPurgeOperationResult },
  }),

  route(`${AC}/configurationStores`, APPCONFIGURATION_VERSIONS, { GET: { handler: appConfiguration.listConfigurationStoresInSubscription } }),
  route(`${AC_RG}/configurationStores`, APPCONFIGURATION_VERSIONS, {
    GET: { handler: appConfiguration.listConfigurationStoresInGroup, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.read, rg) },
  }),
  // PUT with properties.createMode "Recover" recovers a soft-deleted store: configurationStores/write (contract §3.5).
  route(`${AC_RG}/configurationStores/{name}`, APPCONFIGURATION_VERSIONS, {
    GET: { handler: appConfiguration.getConfigurationStore, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.read, acStore) },
    PUT: { handler: appConfiguration.putConfigurationStore, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.write, acStore) },
    DELETE: { handler: appConfiguration.deleteConfigurationStore, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.delete, acStore) },
  }),
  // Deleted stores live under the subscription: only roles assigned there grant listing, reading or purging them
  // (contract §3.5; App Configuration Contributor does everything but purge).
  route(`${AC}/deletedConfigurationStores`, APPCONFIGURATION_VERSIONS, {
    GET: { handler: appConfiguration.listDeletedConfigurationStores, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.deletedRead, sub) },
  }),
  route(`${AC}/locations/{location}/deletedConfigurationStores/{name}`, APPCONFIGURATION_VERSIONS, {
    GET: { handler: appConfiguration.getDeletedConfigurationStore, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.deletedRead, acDeletedStore) },
  }),
  route(`${AC}/locations/{location}/deletedConfigurationStores/{name}/purge`, APPCONFIGURATION_VERSIONS, {
    POST: { handler: appConfiguration.purgeDeletedConfigurationStore, authorize: at(appConfiguration.CONFIGURATION_STORE_ACTIONS.deletedPurge, acDeletedStore) },
  }),
  route(`${AC}/locations/{location}/operationsStatus/{operation}`, APPCONFIGURATION_VERSIONS, { GET: { handler: appConfiguration.getOperationStatus } }),

  // The activity log: reading it is an action at the subscription (Reader has it through */read); roles held only on
  // resource groups do not grant it. Literal segments match case-insensitively (the CLI sends microsoft.insights).
  route('subscriptions/{sub}/providers/Microsoft.Insights/eventtypes/management/values', INSIGHTS_EVENTTYPES_VERSIONS, {
    GET: { handler: insights.listActivityLog, authorize: at(insights.ACTIVITY_LOG_READ, sub) },
  }),

  // The admin API (README "Admin API"), relative to /_emulator/.
  adminRoute('health', { GET: { handler: admin.getHealth } }),
  adminRoute('state', { GET: { handler: admin.getState } }),
  adminRoute('reset', { POST: { handler: admin.resetWorld } }),
  adminRoute('seed', { POST: { handler: admin.addSeed } }),
  adminRoute('clock', { GET: { handler: admin.getClock } }),
  adminRoute('clock/advance', { POST: { handler: admin.advanceClock } }),
  adminRoute('latency', { PUT: { handler: admin.setLatency } }),
  adminRoute('lro', { PUT: { handler: admin.setLroDuration } }),
  adminRoute('paging', { PUT: { handler: admin.setPaging } }),
  adminRoute('retention', { PUT: { handler: admin.setRetention } }),
  adminRoute('throttle', { PUT: { handler: admin.setThrottle } }),
  adminRoute('faults', { GET: { handler: admin.listFaults }, POST: { handler: admin.addFault }, DELETE: { handler: admin.clearFaults } }),
  adminRoute('faults/{id}', { DELETE: { handler: admin.removeFault } }),
  adminRoute('events', { GET: { handler: admin.listEvents } }),
  adminRoute('world/subscriptions', { POST: { handler: adminWorld.createSubscription } }),
  adminRoute('world/role-assignments', { POST: { handler: adminWorld.createRoleAssignment } }),
  adminRoute('world/resource-groups', { POST: { handler: adminWorld.createResourceGroup } }),
  adminRoute('world/accounts', { GET: { handler: adminWorld.listAccounts }, POST: { handler: adminWorld.createAccount } }),
  adminRoute('world/deleted-accounts', { GET: { handler: adminWorld.listDeletedAccounts }, POST: { handler: adminWorld.createDeletedAccount } }),
  adminRoute('world/vaults', { POST: { handler: adminWorld.createVault } }),
  adminRoute('world/deleted-vaults', { GET: { handler: adminWorld.listDeletedVaults }, POST: { handler: adminWorld.createDeletedVault } }),
  adminRoute('world/configuration-stores', { POST: { handler: adminWorld.createConfigurationStore } }),
  adminRoute('world/deleted-configuration-stores', {
    GET: { handler: adminWorld.listDeletedConfigurationStores },
    POST: { handler: adminWorld.createDeletedConfigurationStore },
  }),
  adminRoute('world/api-management-services', { GET: { handler: adminWorld.listApiManagementServices }, POST: { handler: adminWorld.createApiManagementService } }),
  adminRoute('world/deleted-api-management-services', {
    GET: { handler: adminWorld.listDeletedApiManagementServices },
    POST: { handler: adminWorld.createDeletedApiManagementService },
  }),
  adminRoute('world/storage-accounts', { POST: { handler: adminWorld.createStorageAccount } }),
  adminRoute('world/deleted-storage-accounts', { GET: { handler: adminWorld.listDeletedStorageAccounts }, POST: { handler: adminWorld.createDeletedStorageAccount } }),
];

/** ARM compares literal segments case-insensitively; the admin API never did. */
function literalMatches(api: Api, part: string, segment: string): boolean {
  return api === 'admin' ? part === segment : part.toLowerCase() === segment.toLowerCase();
}

function matchPattern(def: RouteDef, segments: readonly string[]): Params<string> | undefined {
  if (def.pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < def.pattern.length; i++) {
    const part = def.pattern[i]!;
    const segment = segments[i]!;
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (!literalMatches(def.api, part, segment)) return undefined;
  }
  return params;
}

const isOf = <A extends Api>(api: A, def: RouteDef): def is Extract<RouteDef, { api: A }> => def.api === api;

/**
 * The route of that API whose pattern the path matches (admin paths relative to /_emulator/); literal routes win
 * over parameterised ones of the same length.
 */
export function matchRoute<A extends Api>(api: A, segments: readonly string[]): RouteMatch<A> | undefined {
  let best: { match: RouteMatch<A>; literals: number } | undefined;
  for (const def of ROUTES) {
    if (!isOf(api, def)) continue;
    const params = matchPattern(def, segments);
    if (!params) continue;
    const literals = def.pattern.filter((p) => !p.startsWith('{')).length;
    if (!best || literals > best.literals) best = { match: { def, params }, literals };
  }
  return best?.match;
}

/**
 * Resource types that exist in Azure under the namespaces the emulator serves, but that it does not
 * implement: requests for them get an explicit 501 rather than a misleading 404.
 */
const KNOWN_TYPES = new Map<string, readonly string[]>(Object.entries({
  'microsoft.cognitiveservices': [
    'accounts',
    'deletedaccounts',
    'locations',
    'checkdomainavailability',
    'checkskuavailability',
    'operations',
    'skus',
    'commitmentplans',
    'usages',
    'models',
    'attestations',
    'calculatemodelcapacity',
  ],
  'microsoft.keyvault': ['vaults', 'deletedvaults', 'managedhsms', 'deletedmanagedhsms', 'locations', 'operations', 'checknameavailability'],
  'microsoft.appconfiguration': ['configurationstores', 'deletedconfigurationstores', 'locations', 'operations', 'checknameavailability'],
  'microsoft.apimanagement': [
    'service',
    'deletedservices',
    'locations',
    'operations',
    'checknameavailability',
    'getdomainownershipidentifier',
    'reportfeedback',
    'checkfeedbackrequired',
    'checkservicenameavailability',
  ],
  'microsoft.storage': ['storageaccounts', 'deletedaccounts', 'locations', 'operations', 'checknameavailability', 'usages', 'skus'],
  'microsoft.authorization': [
    'roleassignments',
    'roledefinitions',
    'permissions',
    'locks',
    'policyassignments',
    'policydefinitions',
    'denyassignments',
    'roleeligibilityschedules',
    'operations',
    'elevateaccess',
  ],
  'microsoft.insights': ['eventtypes', 'diagnosticsettings', 'metrics', 'metricdefinitions', 'activitylogalerts', 'actiongroups', 'operations'],
  'microsoft.resources': ['deployments', 'tags', 'resources', 'links', 'operations', 'deploymentscripts', 'templatespecs', 'deploymentstacks'],
}));

const RESOURCE_GROUP_CHILDREN = ['resources', 'deployments', 'exporttemplate', 'validatemoveresources', 'moveresources'];
const SUBSCRIPTION_CHILDREN = ['resources', 'tagnames', 'features', 'resourcegroups', 'locations', 'providers'];

/**
 * What ARM says about a path no route serves: an unknown namespace or resource type, a known type the
 * emulator does not implement (501), or no such URI.
 */
export function unmatchedPathError(method: string, segments: readonly string[], apiVersion: string | undefined): ArmError {
  const path = `/${segments.join('/')}`;
  const lower = segments.map((s) => s.toLowerCase());
  const providersAt = lower.indexOf('providers');
  if (providersAt >= 0 && lower[providersAt + 1] !== undefined) {
    const namespace = segments[providersAt + 1]!;
    // A Map, not an object: a namespace named '__proto__' must be just another unknown namespace.
    const known = KNOWN_TYPES.get(namespace.toLowerCase());
    if (!known) return errors.invalidResourceNamespace(namespace);
    const type = lower[providersAt + 2];
    if (type === undefined || known.includes(type)) return errors.notImplemented(method, path);
    return errors.invalidResourceType(segments[providersAt + 2]!, namespace, apiVersion ?? '');
  }
  if (lower[0] === 'subscriptions' && lower.length >= 3) {
    if (lower[2] === 'resourcegroups' && lower.length >= 5) {
      return RESOURCE_GROUP_CHILDREN.includes(lower[4]!) ? errors.notImplemented(method, path) : errors.noRoute(method, path);
    }
    return SUBSCRIPTION_CHILDREN.includes(lower[2]!) ? errors.notImplemented(method, path) : errors.noRoute(method, path);
  }
  return errors.noRoute(method, path);
}
