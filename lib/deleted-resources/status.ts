import type { Known } from './dependencies';
import { formatUtc } from './format-time';
import { resourceGroupKey } from './prerequisite-key';
import type { Capability, DeletedResourceStatus, Prerequisite, RecreateResourceGroupFix, ResourcePrerequisite, StatusTone } from './types';

/** What ARM says about a deleted resource another one needs, when it can be brought back. */
export interface RestoreFacts {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Its scheduled purge date (when its retention ends); null when ARM did not say. */
  until: Date | null;
  resourceGroupExists: Known<boolean>;
  /** Write access where it is restored (its resource group, or the subscription when the group is gone). */
  canRestore: Known<boolean>;
  canCreateResourceGroup: Known<boolean>;
}

/**
 * Where a resource a deleted one depends on stands: live; soft-deleted (and how to bring it back); gone for
 * good (a purged vault, a storage account past its 14 days); 'unlisted' when it is not among the live ones
 * the person can read and ARM does not let them read the deleted ones; 'unknown' when a check failed.
 */
export type DependencyState<R = RestoreFacts> =
  | { state: 'live' }
  | { state: 'deleted'; restore: R }
  | { state: 'gone' }
  | { state: 'unlisted' }
  | { state: 'unknown' };

/** A resource the deleted one needs, with the words its type uses for each state (lib/resource-types names them). */
export interface Dependency {
  /** "Key Vault 'kv-contoso-old'" */
  noun: string;
  state: DependencyState;
  gone: { label: string; reason: string };
  unlisted: { label: string; reason: string };
  deleted: {
    label: string;
    /** 'recover' or 'restore' */
    verb: string;
    sentence: string;
    /** The plan's step that brings it back, after `dependsOn` (its resource group when that is gone too). */
    step: (dependsOn: string[]) => ResourcePrerequisite;
  };
}

/** What is known about a deleted resource's surroundings when the list is read. 'unknown' = the check itself failed. */
export interface StatusFacts {
  now: Date;
  scheduledPurgeAt: Date | null;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  resourceGroupExists: Known<boolean>;
  /** What it needs to be live before it can be recovered (an account's Key Vault and storage). */
  dependencies: Dependency[];
  canRecover: Known<boolean>;
  canPurge: Known<boolean>;
  canCreateResourceGroup: Known<boolean>;
  /** Why its type lets nobody purge it (purge protection; storage has no purge), whatever their rights. */
  purgeRefused?: string;
}

export interface Assessment {
  status: DeletedResourceStatus;
  prerequisites: Prerequisite[];
}

const PURGE_NEEDS = 'purge needs Contributor or Owner on the subscription';

/** A reason the recover cannot work, with the label it gives the row. */
interface Blocker {
  label: string;
  tone: StatusTone;
  reason: string;
}

/** A step the plan will take, with the sentence that tells the person about it. */
interface Step {
  prerequisite: Prerequisite;
  label: string;
  sentence: string;
}

/** " until 2 Dec 2026, 14:05 UTC", or nothing when ARM did not say. */
export const until = (date: Date | null) => (date ? ` until ${formatUtc(date)}` : '');

function resourceGroupStep(subscriptionId: string, resourceGroup: string, location: string): Prerequisite {
  return { kind: 'resource-group', key: resourceGroupKey(subscriptionId, resourceGroup), subscriptionId, resourceGroup, location };
}

function purgeCapability(facts: StatusFacts): Capability {
  if (facts.purgeRefused) return { allowed: false, reason: facts.purgeRefused };
  return facts.canPurge === false ? { allowed: false, reason: `You can't purge: ${PURGE_NEEDS}.` } : { allowed: true };
}

/**
 * Why a recover or purge would fail, and what a recover must bring back first, decided before the person
 * acts. A blocker (something gone for good, or a step the person may not take) disables Recover and names
 * the first one; otherwise the steps become the recovery plan and Recover stays enabled. The purge capability
 * is independent of the recover blockers.
 */
export function assessDeletedResource(facts: StatusFacts): Assessment {
  const purge = purgeCapability(facts);
  const purgeNote = facts.purgeRefused;

  // Real ARM keeps listing entries long after their scheduled purge date (azure-cli's 2025 soft-delete recording
  // still lists one purged-by-date in 2021): say what is true, and that a purge frees the name now.
  if (facts.scheduledPurgeAt && facts.scheduledPurgeAt.getTime() <= facts.now.getTime()) {
    const reason = `Its scheduled purge date (${formatUtc(facts.scheduledPurgeAt)}) has passed, so it can no longer be recovered; Azure has not removed it yet, and it still holds its name.`;
    const detail = [reason, purge.allowed ? 'Purging it frees the name now.' : purgeNote].filter(Boolean).join(' ');
    return { status: { label: 'Past purge date', tone: 'warning', detail, recover: { allowed: false, reason }, purge }, prerequisites: [] };
  }

  const blockers: Blocker[] = [];
  const steps: Step[] = [];
  const unchecked: string[] = [];
  let fix: RecreateResourceGroupFix | undefined;

  if (facts.resourceGroupExists === false) {
    if (facts.canCreateResourceGroup === false) {
      blockers.push({
        label: 'Resource group gone',
        tone: 'warning',
        reason: `Resource group '${facts.resourceGroup}' no longer exists, and you can't create resource groups in this subscription; ask an Owner or Contributor.`,
      });
    } else {
      fix = { kind: 'recreate-resource-group', subscriptionId: facts.subscriptionId, resourceGroup: facts.resourceGroup, location: facts.location };
      steps.push({
        prerequisite: resourceGroupStep(facts.subscriptionId, facts.resourceGroup, facts.location),
        label: 'Resource group gone',
        sentence: `Resource group '${facts.resourceGroup}' no longer exists: it is recreated in its region first.`,
      });
    }
  } else if (facts.resourceGroupExists === 'unknown') {
    unchecked.push('its resource group');
  }

  for (const dependency of facts.dependencies) {
    const { state } = dependency;
    if (state.state === 'gone') blockers.push({ ...dependency.gone, tone: 'danger' });
    else if (state.state === 'unlisted') blockers.push({ ...dependency.unlisted, tone: 'warning' });
    else if (state.state === 'unknown') unchecked.push(dependency.noun);
    else if (state.state === 'deleted') collectRestore(dependency, state.restore);
  }

  if (facts.canRecover === false) {
    blockers.push({
      label: purge.allowed ? 'Purge only' : 'Read only',
      tone: 'informative',
      reason: `You can't recover: it needs write access to resource group '${facts.resourceGroup}' (Contributor or Owner).`,
    });
  }

  const prerequisites = blockers.length > 0 ? [] : steps.map((step) => step.prerequisite);
  const fixPart = fix ? { fix } : {};
  const uncheckedNote = unchecked.length > 0 ? `Could not check ${unchecked.join(', ')}; recovery may still fail.` : undefined;
  const first = blockers[0];
  if (first) {
    const detail = [...blockers.map((blocker) => blocker.reason), ...steps.map((step) => step.sentence), purgeNote].filter(Boolean).join(' ');
    return { status: { label: first.label, tone: first.tone, detail, recover: { allowed: false, reason: first.reason }, purge, ...fixPart }, prerequisites };
  }
  const firstStep = steps[0];
  if (firstStep) {
    const detail = [...steps.map((step) => step.sentence), uncheckedNote, purgeNote].filter(Boolean).join(' ');
    return { status: { label: firstStep.label, tone: 'warning', detail, recover: { allowed: true }, purge, ...fixPart }, prerequisites };
  }
  const detail = [uncheckedNote, purgeNote].filter(Boolean).join(' ');
  return {
    status: { label: 'Recoverable', tone: 'success', ...(detail ? { detail } : {}), recover: { allowed: true }, purge },
    prerequisites,
  };

  /** A deleted dependency: its resource group first when that is gone too, then itself. */
  function collectRestore(dependency: Dependency, restore: RestoreFacts): void {
    const { noun, deleted } = dependency;
    const dependsOn: string[] = [];
    if (restore.resourceGroupExists === false) {
      if (restore.canCreateResourceGroup === false) {
        blockers.push({
          label: deleted.label,
          tone: 'warning',
          reason: `${noun} is deleted and its resource group '${restore.resourceGroup}' is gone too; you can't create resource groups there, so you can't ${deleted.verb} it.`,
        });
        return;
      }
      const group = resourceGroupStep(restore.subscriptionId, restore.resourceGroup, restore.location);
      dependsOn.push(group.key);
      if (!steps.some((step) => step.prerequisite.key === group.key)) {
        steps.push({ prerequisite: group, label: 'Resource group gone', sentence: `Resource group '${restore.resourceGroup}' is recreated for it.` });
      }
    }
    if (restore.canRestore === false) {
      blockers.push({
        label: deleted.label,
        tone: 'warning',
        reason: `${noun} is deleted, and you can't ${deleted.verb} it: that needs write access to resource group '${restore.resourceGroup}' (Contributor or Owner).`,
      });
      return;
    }
    steps.push({ prerequisite: deleted.step(dependsOn), label: deleted.label, sentence: deleted.sentence });
  }
}
