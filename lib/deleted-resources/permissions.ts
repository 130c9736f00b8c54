/** One entry of ARM's permissions API: what the caller's role assignments at a scope allow. */
export interface PermissionSet {
  actions: string[];
  notActions: string[];
}

/** The actions every type's rules share; each type names its own (lib/resource-types/<type>/server.ts). */
export const ACTIONS = {
  createResourceGroup: 'Microsoft.Resources/subscriptions/resourceGroups/write',
  readResourceGroups: 'Microsoft.Resources/subscriptions/resourceGroups/read',
} as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Azure's matching: case-insensitive, and `*` stands for any run of characters (slashes included). */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/**
 * An action is allowed when some permission entry grants it and that same entry does not take it away
 * again through its notActions (each entry is one role; roles add up, notActions only narrow their own role).
 */
export function isActionPermitted(permissions: readonly PermissionSet[], action: string): boolean {
  return permissions.some(
    (entry) =>
      entry.actions.some((pattern) => actionMatches(pattern, action)) &&
      !entry.notActions.some((pattern) => actionMatches(pattern, action)),
  );
}
