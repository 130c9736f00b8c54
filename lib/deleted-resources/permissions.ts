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

/**
 * Each wildcard pattern's expression, made once: listing asks for every resource group's rules over and over
 * (row 9 of `npm run bench` spent 2 % of its CPU building the same expressions). Patterns come from role
 * definitions, a few dozen distinct ones; the cap only keeps a flood of custom roles from growing it forever.
 */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 1000;

function patternExpression(pattern: string): RegExp {
  let expression = patterns.get(pattern);
  if (!expression) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    expression = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i');
    patterns.set(pattern, expression);
  }
  return expression;
}

/** Azure's matching: case-insensitive, and `*` stands for any run of characters (slashes included). */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern.toLowerCase() === action.toLowerCase();
  return patternExpression(pattern).test(action);
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
