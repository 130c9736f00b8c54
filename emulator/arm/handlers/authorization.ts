/** Microsoft.Authorization: permissions (what the caller may do at a scope), role assignments and role definitions. */
import { errors } from '../errors';
import { json } from '../pipeline';
import { BUILT_IN_ROLES, effectivePermissions, normalizeScope, roleById, roleDefinitionResource, scopeCovers } from '../rbac';
import type { RoleAssignmentRecord } from '../store';
import { armTimestamp } from '../world';
import { requireResourceGroup, type Handler, type Params, type Services } from './common';

/** The subscription, or the resource group when the route names one. */
function scopeOf(params: Params<'sub', 'rg'>, services: Services): string {
  if (params.rg === undefined) return `/subscriptions/${params.sub}`;
  const group = requireResourceGroup(services.store, params.sub, params.rg);
  return `/subscriptions/${params.sub}/resourceGroups/${group.name}`;
}

/** The caller's own effective permissions at the scope, one entry per role assignment that applies. */
export const listPermissions: Handler<'sub', 'rg'> = ({ params, services, access }) =>
  json(200, { value: effectivePermissions(access.all(), scopeOf(params, services)) });

function toArmRoleAssignment(assignment: RoleAssignmentRecord, subscriptionId: string) {
  return {
    id: `${assignment.scope}/providers/Microsoft.Authorization/roleAssignments/${assignment.id}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: assignment.id,
    properties: {
      roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${assignment.roleDefinitionId}`,
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      scope: assignment.scope,
      condition: null,
      conditionVersion: null,
      createdOn: armTimestamp(assignment.createdAt),
      updatedOn: armTimestamp(assignment.createdAt),
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  };
}

/**
 * Role assignments that apply at, above or below the scope; `$filter=atScope()` keeps those at or above,
 * `assignedTo('{id}')` / `principalId eq '{id}'` keep one principal's.
 */
export const listRoleAssignments: Handler<'sub', 'rg'> = ({ ctx, params, services, access }) => {
  const scope = scopeOf(params, services);
  access.require('Microsoft.Authorization/roleAssignments/read', scope);
  const filter = [...ctx.url.searchParams].find(([k]) => k.toLowerCase() === '$filter')?.[1] ?? '';
  const atScopeOnly = /atScope\(\)/i.test(filter);
  const principal = /(?:assignedTo\('|principalId eq ')([0-9a-f-]{36})'/i.exec(filter)?.[1]?.toLowerCase();
  const target = normalizeScope(scope);
  const value = services.store
    .listRoleAssignments()
    .filter((a) => scopeCovers(a.scope, target) || (!atScopeOnly && normalizeScope(a.scope).startsWith(`${target}/`)))
    .filter((a) => principal === undefined || a.principalId.toLowerCase() === principal)
    .map((a) => toArmRoleAssignment(a, params.sub));
  return json(200, { value });
};

export const listRoleDefinitions: Handler<'sub'> = ({ params }) =>
  json(200, { value: Object.values(BUILT_IN_ROLES).map((role) => roleDefinitionResource(role, params.sub)) });

export const getRoleDefinition: Handler<'sub' | 'roleId'> = ({ params }) => {
  const role = roleById(params.roleId);
  if (!role) {
    throw errors.resourceNotFound('Microsoft.Authorization/roleDefinitions', params.roleId, '');
  }
  return json(200, roleDefinitionResource(role, params.sub));
};
