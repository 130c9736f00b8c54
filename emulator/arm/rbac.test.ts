import { describe, expect, it } from 'vitest';
import { actionMatches, BUILT_IN_ROLES, effectivePermissions, isAllowed, roleGrants, scopeCovers } from './rbac';

const SUB = '/subscriptions/4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const RG = `${SUB}/resourceGroups/rg-ai-prod`;
const PURGE = 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete';
const DELETED_ID = `${SUB}/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg-ai-prod/deletedAccounts/acct`;

describe('action matching', () => {
  it('lets * match every action', () => {
    expect(actionMatches('*', PURGE)).toBe(true);
  });

  it('lets */read match reads in any namespace and nothing else', () => {
    expect(actionMatches('*/read', 'Microsoft.CognitiveServices/deletedAccounts/read')).toBe(true);
    expect(actionMatches('*/read', PURGE)).toBe(false);
  });

  it('lets a wildcard in the middle span several path segments', () => {
    expect(actionMatches('Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/roleAssignments/delete')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/policies/assignments/delete')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Delete', 'Microsoft.CognitiveServices/accounts/delete')).toBe(false);
  });

  it('compares actions case-insensitively', () => {
    expect(actionMatches('Microsoft.CognitiveServices/*', 'microsoft.cognitiveservices/ACCOUNTS/write')).toBe(true);
  });

  it('treats regex metacharacters in patterns literally', () => {
    expect(actionMatches('Microsoft.Cognitive.Services/*', 'MicrosoftXCognitive.Services/accounts/read')).toBe(false);
  });
});

describe('built-in roles', () => {
  it('Contributor may purge but may not write role assignments', () => {
    expect(roleGrants(BUILT_IN_ROLES.Contributor, PURGE)).toBe(true);
    expect(roleGrants(BUILT_IN_ROLES.Contributor, 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
  });

  it('Reader may read deleted accounts but not purge them', () => {
    expect(roleGrants(BUILT_IN_ROLES.Reader, 'Microsoft.CognitiveServices/deletedAccounts/read')).toBe(true);
    expect(roleGrants(BUILT_IN_ROLES.Reader, PURGE)).toBe(false);
  });

  it('Cognitive Services Contributor may purge and read resource groups but not delete them', () => {
    const role = BUILT_IN_ROLES['Cognitive Services Contributor'];
    expect(roleGrants(role, PURGE)).toBe(true);
    expect(roleGrants(role, 'Microsoft.Resources/subscriptions/resourceGroups/read')).toBe(true);
    expect(roleGrants(role, 'Microsoft.Resources/subscriptions/resourceGroups/delete')).toBe(false);
  });

  it('carry the real role definition ids', () => {
    expect(BUILT_IN_ROLES.Owner.id).toBe('8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
    expect(BUILT_IN_ROLES.Contributor.id).toBe('b24988ac-6180-42a0-ab88-20f7382dd24c');
    expect(BUILT_IN_ROLES.Reader.id).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(BUILT_IN_ROLES['Cognitive Services Contributor'].id).toBe('25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68');
  });
});

describe('scopes', () => {
  it('applies an assignment at its scope and below, case-insensitively', () => {
    expect(scopeCovers(SUB, RG)).toBe(true);
    expect(scopeCovers(SUB.toUpperCase(), `${RG}/providers/Microsoft.CognitiveServices/accounts/a`)).toBe(true);
    expect(scopeCovers(RG, SUB)).toBe(false);
  });

  it('does not confuse a resource group with another whose name starts the same', () => {
    expect(scopeCovers(`${SUB}/resourceGroups/rg`, `${SUB}/resourceGroups/rg-ai-prod`)).toBe(false);
  });

  it('grants purge to a subscription-scoped Contributor only, never to a resource-group-scoped Owner', () => {
    const atSubscription = [{ roleDefinitionId: BUILT_IN_ROLES.Contributor.id, scope: SUB }];
    const atGroup = [{ roleDefinitionId: BUILT_IN_ROLES.Owner.id, scope: RG }];
    expect(isAllowed(atSubscription, PURGE, DELETED_ID)).toBe(true);
    expect(isAllowed(atGroup, PURGE, DELETED_ID)).toBe(false);
  });

  it('reports one permission entry per applicable assignment', () => {
    const assignments = [
      { roleDefinitionId: BUILT_IN_ROLES.Reader.id, scope: SUB },
      { roleDefinitionId: BUILT_IN_ROLES.Contributor.id, scope: RG },
      { roleDefinitionId: BUILT_IN_ROLES.Owner.id, scope: `${SUB}/resourceGroups/other` },
    ];
    const permissions = effectivePermissions(assignments, RG);
    expect(permissions).toHaveLength(2);
    expect(permissions[0]).toEqual({ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] });
    expect(permissions[1]!.notActions).toContain('Microsoft.Authorization/*/Write');
  });
});
