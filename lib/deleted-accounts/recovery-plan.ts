import type { z } from 'zod';
import { prerequisiteKey } from './prerequisite-key';
import type { recoveryStepSchema } from './schemas';
import { regionDisplayName } from './regions';
import type { DeletedAccount, Prerequisite } from './types';

/**
 * A recover over a selection, worked out as ordered steps: recreate missing resource groups → recover Key
 * Vaults → restore storage accounts → recover the accounts. A prerequisite shared by several accounts is one
 * step. Each step names the steps it needs first, so a failure blocks exactly its dependents.
 */
export type PlanStep = PrerequisiteStep | AccountStep;

export interface PrerequisiteStep {
  kind: Prerequisite['kind'];
  key: string;
  title: string;
  dependsOn: string[];
  prerequisite: Prerequisite;
  /** Names of the selected accounts that need it. */
  neededBy: string[];
}

export interface AccountStep {
  kind: 'account';
  key: string;
  title: string;
  dependsOn: string[];
  account: DeletedAccount;
}

export interface RecoveryPlan {
  /** In the order they may run: every step comes after the steps it depends on. */
  steps: PlanStep[];
  prerequisiteCount: number;
  accountCount: number;
}

export const PLAN_PHASES = ['resource-group', 'key-vault', 'storage-account', 'account'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export function prerequisiteTitle(prerequisite: Prerequisite): string {
  switch (prerequisite.kind) {
    case 'resource-group':
      return `Recreate resource group ${prerequisite.resourceGroup} (${regionDisplayName(prerequisite.location)})`;
    case 'key-vault':
      return `Recover Key Vault ${prerequisite.name}`;
    case 'storage-account':
      return `Restore storage account ${prerequisite.name}`;
  }
}

export function buildRecoveryPlan(accounts: readonly DeletedAccount[]): RecoveryPlan {
  const prerequisites = new Map<string, PrerequisiteStep>();
  const accountSteps: AccountStep[] = [];
  for (const account of accounts) {
    for (const prerequisite of account.prerequisites) {
      const known = prerequisites.get(prerequisite.key);
      if (known) {
        known.neededBy.push(account.name);
        continue;
      }
      prerequisites.set(prerequisite.key, {
        kind: prerequisite.kind,
        key: prerequisite.key,
        title: prerequisiteTitle(prerequisite),
        dependsOn: prerequisite.kind === 'resource-group' ? [] : [...prerequisite.dependsOn],
        prerequisite,
        neededBy: [account.name],
      });
    }
    accountSteps.push({
      kind: 'account',
      key: prerequisiteKey.account(account.id),
      title: `Recover ${account.name}`,
      dependsOn: account.prerequisites.map((prerequisite) => prerequisite.key),
      account,
    });
  }
  const phase = (step: PlanStep) => PLAN_PHASES.indexOf(step.kind);
  const ordered = [...prerequisites.values()].sort((a, b) => phase(a) - phase(b));
  return { steps: [...ordered, ...accountSteps], prerequisiteCount: ordered.length, accountCount: accountSteps.length };
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "2 steps before 10 accounts", or "3 accounts" when nothing comes first. */
export function describePlan(plan: RecoveryPlan): string {
  const accounts = plural(plan.accountCount, 'account');
  return plan.prerequisiteCount === 0 ? accounts : `${plural(plan.prerequisiteCount, 'step')} before ${accounts}`;
}

/** What the server is told to do for a step (the server validates it again). */
export function stepRefOf(prerequisite: Prerequisite): z.input<typeof recoveryStepSchema> {
  const { subscriptionId, resourceGroup, location } = prerequisite;
  switch (prerequisite.kind) {
    case 'resource-group':
      return { kind: 'resource-group', subscriptionId, resourceGroup, location };
    case 'key-vault':
      return { kind: 'key-vault', subscriptionId, resourceGroup, location, name: prerequisite.name };
    case 'storage-account':
      return { kind: 'storage-account', subscriptionId, resourceGroup, location, name: prerequisite.name, creationTime: prerequisite.creationTime };
  }
}
