import type { Principal } from './auth';
import { errors } from './errors';
import { grantingRole, isAllowed, normalizeScope, roleById, roleGrants, type Assignment } from './rbac';
import type { ArmStore } from './store';

/**
 * RBAC decisions for one caller, as ARM makes them before a request reaches the resource provider.
 */
export class Access {
  private assignments: Assignment[] | undefined;

  constructor(
    private readonly store: ArmStore,
    readonly principal: Principal,
  ) {}

  all(): Assignment[] {
    this.assignments ??= this.store.roleAssignmentsOf(this.principal.objectId);
    return this.assignments;
  }

  allows(action: string, scope: string): boolean {
    return isAllowed(this.all(), action, scope);
  }

  /** The name of the role that grants `action` at `scope` (the activity log's `authorization.role`). */
  roleGranting(action: string, scope: string): string | undefined {
    return grantingRole(this.all(), action, scope)?.roleName;
  }

  /** Throws ARM's AuthorizationFailed unless an assignment at or above `scope` grants `action`. */
  require(action: string, scope: string): void {
    if (!this.allows(action, scope)) {
      throw errors.authorizationFailed(this.principal.displayName, this.principal.objectId, action, scope);
    }
  }

  /** Whether the caller holds any role at the subscription or anywhere inside it. */
  hasAnyRoleIn(subscriptionId: string): boolean {
    const sub = normalizeScope(`/subscriptions/${subscriptionId}`);
    return this.all().some((a) => {
      const scope = normalizeScope(a.scope);
      return scope === '/' || scope === sub || scope.startsWith(`${sub}/`);
    });
  }

  /**
   * For subscription-wide collection reads, ARM answers with what the caller may see: everything when the
   * action is granted at the subscription, else only the resource groups where it is granted. Returns
   * undefined for "all", else the lower-cased group names; throws AuthorizationFailed when there are none.
   */
  groupsAllowing(subscriptionId: string, action: string, scopeForError: string): string[] | undefined {
    if (this.allows(action, `/subscriptions/${subscriptionId}`)) return undefined;
    const prefix = `${normalizeScope(`/subscriptions/${subscriptionId}/resourceGroups`)}/`;
    const groups = new Set<string>();
    for (const assignment of this.all()) {
      const scope = normalizeScope(assignment.scope);
      if (!scope.startsWith(prefix)) continue;
      const rg = scope.slice(prefix.length);
      if (rg === '' || rg.includes('/')) continue;
      const role = roleById(assignment.roleDefinitionId);
      if (role && roleGrants(role, action)) groups.add(rg);
    }
    if (groups.size === 0) throw errors.authorizationFailed(this.principal.displayName, this.principal.objectId, action, scopeForError);
    return [...groups];
  }
}
