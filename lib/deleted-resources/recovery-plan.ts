import { resourceTypeOf } from '@/lib/resource-types';
import { resourceKey } from './prerequisite-key';
import { regionDisplayName } from './regions';
import type { DeletedResource, Prerequisite, ResourceRef } from './types';

/**
 * A recover over a selection, worked out as ordered steps: recreate missing resource groups, then each type
 * in its registry phase (what others depend on first: Key Vaults and storage before the accounts that use
 * them). A step shared by several rows is one step, and a selected row that other rows need (a deleted Key
 * Vault selected beside the accounts whose key it holds) is that same step. Each step names the steps it
 * needs first, so a failure blocks exactly its dependents.
 */
export interface PlanStep {
  key: string;
  title: string;
  /** 0 for resource groups, then the type's recoverPhase (lib/resource-types). */
  phase: number;
  dependsOn: string[];
  action: { kind: 'resource-group'; subscriptionId: string; resourceGroup: string; location: string } | { kind: 'resource'; ref: ResourceRef };
  /** The selected row this step recovers; absent for a step only other rows need. */
  row?: DeletedResource;
  /** Names of the selected rows that need it first. */
  neededBy: string[];
  /** What the plan says about it: "recoverable until …; purge protection on". */
  fact?: string;
}

export interface RecoveryPlan {
  /** In the order they may run: every step comes after the steps it depends on. */
  steps: PlanStep[];
  /** Steps the person did not select (groups, vaults, storage the selected rows need). */
  prerequisiteCount: number;
  /** Selected rows. */
  rowCount: number;
}

/** The noun a count of rows uses: their type's ("3 AI services accounts") when they share one, else "resources". */
export function rowNoun(rows: readonly Pick<DeletedResource, 'type'>[]): string {
  const types = new Set(rows.map((row) => row.type));
  const only = types.size === 1 ? resourceTypeOf([...types][0] ?? '') : undefined;
  return only?.displayName ?? 'resource';
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function prerequisiteStep(prerequisite: Prerequisite): PlanStep {
  if (prerequisite.kind === 'resource-group') {
    const { subscriptionId, resourceGroup, location } = prerequisite;
    return {
      key: prerequisite.key,
      title: `Recreate resource group ${resourceGroup} (${regionDisplayName(location)})`,
      phase: 0,
      dependsOn: [],
      action: { kind: 'resource-group', subscriptionId, resourceGroup, location },
      neededBy: [],
    };
  }
  return {
    key: prerequisite.key,
    title: prerequisite.title,
    phase: resourceTypeOf(prerequisite.ref.type)?.recoverPhase ?? 1,
    dependsOn: [...prerequisite.dependsOn],
    action: { kind: 'resource', ref: prerequisite.ref },
    neededBy: [],
    ...(prerequisite.fact ? { fact: prerequisite.fact } : {}),
  };
}

export function buildRecoveryPlan(rows: readonly DeletedResource[]): RecoveryPlan {
  const steps = new Map<string, PlanStep>();
  for (const row of rows) {
    const key = resourceKey(row.ref);
    // A row other rows need already has its step (with the prerequisite's title and fact): it becomes this row's.
    const known = steps.get(key);
    steps.set(key, {
      key,
      title: known?.title ?? `Recover ${row.name}`,
      phase: resourceTypeOf(row.type)?.recoverPhase ?? 1,
      dependsOn: row.prerequisites.map((prerequisite) => prerequisite.key),
      action: { kind: 'resource', ref: row.ref },
      row,
      neededBy: known?.neededBy ?? [],
      ...(known?.fact ? { fact: known.fact } : {}),
    });
    for (const prerequisite of row.prerequisites) {
      const step = steps.get(prerequisite.key);
      if (step) {
        // A selected row's step takes the richer title the prerequisite gives it ("Recover Key Vault kv-x").
        if (step.row && prerequisite.kind === 'resource') {
          step.title = prerequisite.title;
          if (prerequisite.fact) step.fact = prerequisite.fact;
        }
        step.neededBy.push(row.name);
      } else {
        const created = prerequisiteStep(prerequisite);
        created.neededBy.push(row.name);
        steps.set(prerequisite.key, created);
      }
    }
  }
  // Stable: within a phase, steps keep the order in which the selection first named them.
  const ordered = [...steps.values()].sort((a, b) => a.phase - b.phase);
  const rowCount = ordered.filter((step) => step.row).length;
  return { steps: ordered, prerequisiteCount: ordered.length - rowCount, rowCount };
}

/** "2 steps before 10 AI services accounts", or "3 resources" when nothing comes first. */
export function describePlan(plan: RecoveryPlan): string {
  const rows = plan.steps.flatMap((step) => (step.row ? [step.row] : []));
  const what = plural(plan.rowCount, rowNoun(rows));
  return plan.prerequisiteCount === 0 ? what : `${plural(plan.prerequisiteCount, 'step')} before ${what}`;
}

/** Whether the selection's recover must run in order (something it needs comes first), rather than all at once. */
export const needsOrder = (plan: RecoveryPlan) => plan.steps.some((step) => step.dependsOn.length > 0);
