/**
 * Azure role-based access control as ARM evaluates it: built-in role definitions with their real ids and
 * action lists, wildcard action matching, and scope inheritance (an assignment at a scope grants its
 * actions at that scope and every scope below it).
 */

export interface RoleDefinition {
  id: string;
  roleName: string;
  description: string;
  actions: readonly string[];
  notActions: readonly string[];
  dataActions: readonly string[];
  notDataActions: readonly string[];
}

export const BUILT_IN_ROLES = {
  Owner: {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  Contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action',
    ],
    dataActions: [],
    notDataActions: [],
  },
  Reader: {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    actions: ['*/read'],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  'Cognitive Services Contributor': {
    id: '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68',
    roleName: 'Cognitive Services Contributor',
    description: 'Lets you create, read, update, delete and manage keys of Cognitive Services.',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.CognitiveServices/*',
      'Microsoft.Features/features/read',
      'Microsoft.Features/providers/features/read',
      'Microsoft.Features/providers/features/register/action',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Insights/diagnosticSettings/*',
      'Microsoft.Insights/logDefinitions/read',
      'Microsoft.Insights/metricdefinitions/read',
      'Microsoft.Insights/metrics/read',
      'Microsoft.ResourceHealth/availabilityStatuses/read',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/deployments/operations/read',
      'Microsoft.Resources/subscriptions/operationresults/read',
      'Microsoft.Resources/subscriptions/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
    ],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  'Key Vault Contributor': {
    id: 'f25e0fa2-a7c8-4377-a976-54943a77a395',
    roleName: 'Key Vault Contributor',
    description: 'Lets you manage key vaults, but not access to them.',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.KeyVault/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
    ],
    // Recovers deleted vaults (vaults/write) but cannot purge them (contract §1.5).
    notActions: ['Microsoft.KeyVault/locations/deletedVaults/purge/action', 'Microsoft.KeyVault/hsmPools/*', 'Microsoft.KeyVault/managedHsms/*'],
    dataActions: [],
    notDataActions: [],
  },
  'App Configuration Contributor': {
    id: 'fe86443c-f201-4fc4-9d2a-ac61149fbda0',
    roleName: 'App Configuration Contributor',
    description: 'Grants permission for all management operations, except purge, for App Configuration resources.',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.AppConfiguration/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Support/*',
    ],
    // Lists, reads and recovers deleted stores, but cannot purge them (contract §3.5).
    notActions: ['Microsoft.AppConfiguration/locations/deletedConfigurationStores/purge/action'],
    dataActions: [],
    notDataActions: [],
  },
} as const satisfies Record<string, RoleDefinition>;

export type BuiltInRoleName = keyof typeof BUILT_IN_ROLES;

export function roleById(id: string): RoleDefinition | undefined {
  const wanted = id.toLowerCase();
  return Object.values(BUILT_IN_ROLES).find((role) => role.id === wanted);
}

export function roleByName(name: string): RoleDefinition | undefined {
  const wanted = name.toLowerCase();
  return Object.values(BUILT_IN_ROLES).find((role) => role.roleName.toLowerCase() === wanted);
}

const patternCache = new Map<string, RegExp>();

/**
 * Azure's action matching: case-insensitive, `*` stands for any run of characters (slashes included),
 * so `*` matches everything, `*\/read` every read, `Microsoft.Authorization/*\/Delete` every delete there.
 */
export function actionMatches(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${source}$`, 'i');
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

/** A role grants an action when one of its actions matches and none of its notActions does. */
export function roleGrants(role: Pick<RoleDefinition, 'actions' | 'notActions'>, action: string): boolean {
  return role.actions.some((p) => actionMatches(p, action)) && !role.notActions.some((p) => actionMatches(p, action));
}

/** Lower-cased scope without a trailing slash, for prefix comparison. */
export function normalizeScope(scope: string): string {
  return scope.replace(/\/+$/, '').toLowerCase();
}

/** True when an assignment made at `assignmentScope` applies at `targetScope` (same scope or an ancestor). */
export function scopeCovers(assignmentScope: string, targetScope: string): boolean {
  const a = normalizeScope(assignmentScope);
  const t = normalizeScope(targetScope);
  return a === '/' || a === '' || t === a || t.startsWith(`${a}/`);
}

export interface Assignment {
  roleDefinitionId: string;
  scope: string;
}

/** The role of the first of the principal's assignments that grants `action` at `scope`, if any. */
export function grantingRole(assignments: readonly Assignment[], action: string, scope: string): RoleDefinition | undefined {
  for (const assignment of assignments) {
    if (!scopeCovers(assignment.scope, scope)) continue;
    const role = roleById(assignment.roleDefinitionId);
    if (role !== undefined && roleGrants(role, action)) return role;
  }
  return undefined;
}

/** Whether any of the principal's assignments grants `action` at `scope`. */
export function isAllowed(assignments: readonly Assignment[], action: string, scope: string): boolean {
  return grantingRole(assignments, action, scope) !== undefined;
}

export interface Permission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

/** What Microsoft.Authorization/permissions returns at a scope: one entry per role assignment that applies. */
export function effectivePermissions(assignments: readonly Assignment[], scope: string): Permission[] {
  const permissions: Permission[] = [];
  for (const assignment of assignments) {
    if (!scopeCovers(assignment.scope, scope)) continue;
    const role = roleById(assignment.roleDefinitionId);
    if (!role) continue;
    permissions.push({
      actions: [...role.actions],
      notActions: [...role.notActions],
      dataActions: [...role.dataActions],
      notDataActions: [...role.notDataActions],
    });
  }
  return permissions;
}

/** Role definition resource as ARM returns it under a subscription. */
export function roleDefinitionResource(role: RoleDefinition, subscriptionId: string) {
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.id,
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: [
        {
          actions: [...role.actions],
          notActions: [...role.notActions],
          dataActions: [...role.dataActions],
          notDataActions: [...role.notDataActions],
        },
      ],
    },
  };
}
