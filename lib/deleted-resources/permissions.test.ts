import { describe, expect, it } from 'vitest';
import { actionMatches, isActionPermitted } from './permissions';

/** An AI services account's recover and purge actions: real action strings with a wildcard-worthy shape. */
const ACTIONS = {
  recover: 'Microsoft.CognitiveServices/accounts/write',
  purge: 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete',
};

const OWNER = { actions: ['*'], notActions: [] };
const CONTRIBUTOR = {
  actions: ['*'],
  notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
};
const READER = { actions: ['*/read'], notActions: [] };
const COGNITIVE_CONTRIBUTOR = {
  actions: ['Microsoft.Authorization/*/read', 'Microsoft.CognitiveServices/*', 'Microsoft.Resources/subscriptions/resourceGroups/read'],
  notActions: [],
};

describe('actionMatches', () => {
  it('matches a star anywhere, across slashes', () => {
    expect(actionMatches('*', ACTIONS.purge)).toBe(true);
    expect(actionMatches('Microsoft.CognitiveServices/*', ACTIONS.purge)).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.CognitiveServices/deletedAccounts/read')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/roleAssignments/delete')).toBe(true);
  });

  it('ignores case like Azure does', () => {
    expect(actionMatches('microsoft.cognitiveservices/ACCOUNTS/write', ACTIONS.recover)).toBe(true);
  });

  it('does not match a different action or a prefix without a star', () => {
    expect(actionMatches('*/read', ACTIONS.purge)).toBe(false);
    expect(actionMatches('Microsoft.CognitiveServices/accounts', ACTIONS.recover)).toBe(false);
    expect(actionMatches('Microsoft.CognitiveServices/accounts/write', `${ACTIONS.recover}x`)).toBe(false);
  });

  it('treats regular-expression characters in a pattern literally', () => {
    expect(actionMatches('Microsoft.CognitiveServices/accounts/writ.', 'Microsoft.CognitiveServices/accounts/write')).toBe(false);
    expect(actionMatches('Microsoft(.*)', 'Microsoft.Foo')).toBe(false);
  });
});

describe('isActionPermitted', () => {
  it('lets Owner and Contributor purge and recover', () => {
    for (const role of [OWNER, CONTRIBUTOR]) {
      expect(isActionPermitted([role], ACTIONS.purge)).toBe(true);
      expect(isActionPermitted([role], ACTIONS.recover)).toBe(true);
    }
  });

  it('lets Reader do neither', () => {
    expect(isActionPermitted([READER], ACTIONS.purge)).toBe(false);
    expect(isActionPermitted([READER], ACTIONS.recover)).toBe(false);
  });

  it('applies notActions only to the entry that declares them', () => {
    const denyPurge = { actions: ['*'], notActions: ['Microsoft.CognitiveServices/locations/*/delete'] };
    expect(isActionPermitted([denyPurge], ACTIONS.purge)).toBe(false);
    expect(isActionPermitted([denyPurge, COGNITIVE_CONTRIBUTOR], ACTIONS.purge)).toBe(true);
  });

  it('refuses when there are no permissions at all', () => {
    expect(isActionPermitted([], ACTIONS.recover)).toBe(false);
  });
});
