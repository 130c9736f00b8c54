import type { Known } from './dependencies';
import { formatUtc } from './format-time';
import { prerequisiteKey } from './prerequisite-key';
import type { Capability, DeletedAccountStatus, Prerequisite, RecreateResourceGroupFix, StatusTone } from './types';

/** What ARM says about a deleted Key Vault or storage account the account needs, when it can be brought back. */
export interface RestoreFacts {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** When Azure removes it for good; null when ARM did not say. */
  until: Date | null;
  purgeProtected?: boolean;
  /** Storage only: the deleted account's creation time, which its restore names. */
  creationTime?: string;
  resourceGroupExists: Known<boolean>;
  /** Write access where it is restored (its resource group, or the subscription when the group is gone). */
  canRestore: Known<boolean>;
  canCreateResourceGroup: Known<boolean>;
}

/**
 * Where a resource the account depends on stands: live; soft-deleted (and how to bring it back); gone for
 * good (a purged vault, a storage account past its 14 days); 'unlisted' when it is not among the live ones
 * the person can read and ARM does not let them read the deleted ones; 'unknown' when a check failed.
 */
export type DependencyState =
  | { state: 'live' }
  | { state: 'deleted'; restore: RestoreFacts }
  | { state: 'gone' }
  | { state: 'unlisted' }
  | { state: 'unknown' };

/** What is known about an account's surroundings when the list is read. 'unknown' = the check itself failed. */
export interface StatusFacts {
  now: Date;
  scheduledPurgeAt: Date | null;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  resourceGroupExists: boolean | 'unknown';
  /** Set only when the account used a customer-managed key in a Key Vault. */
  keyVault?: { name: string } & DependencyState;
  /** User-owned storage accounts the account used. */
  storageAccounts: ({ id: string; name: string } & DependencyState)[];
  canRecover: boolean | 'unknown';
  canPurge: boolean | 'unknown';
  canCreateResourceGroup: boolean | 'unknown';
}

export interface Assessment {
  status: DeletedAccountStatus;
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

const until = (date: Date | null) => (date ? ` until ${formatUtc(date)}` : '');

function resourceGroupStep(subscriptionId: string, resourceGroup: string, location: string): Prerequisite {
  return { kind: 'resource-group', key: prerequisiteKey.resourceGroup(subscriptionId, resourceGroup), subscriptionId, resourceGroup, location };
}

/**
 * Why a recover or purge would fail, and what a recover must bring back first, decided before the person
 * acts. A blocker (something gone for good, or a step the person may not take) disables Recover and names
 * the first one; otherwise the steps become the recovery plan and Recover stays enabled. The purge capability
 * is independent of the recover blockers.
 */
export function assessDeletedAccount(facts: StatusFacts): Assessment {
  const purge: Capability =
    facts.canPurge === false ? { allowed: false, reason: `You can't purge: ${PURGE_NEEDS}.` } : { allowed: true };

  if (facts.scheduledPurgeAt && facts.scheduledPurgeAt.getTime() <= facts.now.getTime()) {
    const reason = 'Its scheduled purge time has passed; Azure removes it for good.';
    return { status: { label: 'Purge time passed', tone: 'danger', detail: reason, recover: { allowed: false, reason }, purge }, prerequisites: [] };
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

  const vault = facts.keyVault;
  if (vault) {
    const noun = `Key Vault '${vault.name}'`;
    if (vault.state === 'gone') {
      blockers.push({ label: 'Key Vault purged', tone: 'danger', reason: `${noun} was purged: this account cannot be recovered with its key.` });
    } else if (vault.state === 'unlisted') {
      blockers.push({
        label: 'Key Vault not found',
        tone: 'warning',
        reason:
          `${noun} holding its customer-managed key is not among the vaults you can read, and you may not list deleted Key Vaults ` +
          `(that needs Microsoft.KeyVault/deletedVaults/read on the subscription). If it was deleted, someone with access must recover it first.`,
      });
    } else if (vault.state === 'unknown') {
      unchecked.push(noun);
    } else if (vault.state === 'deleted') {
      const { restore } = vault;
      const protection = restore.purgeProtected ? ' (purge protection on)' : '';
      collectRestore(restore, {
        noun,
        verb: 'recover',
        label: 'Key Vault deleted',
        sentence: `${noun} is deleted${protection}: recoverable${until(restore.until)}; Recover brings it back first.`,
        step: (dependsOn) => ({
          kind: 'key-vault',
          key: prerequisiteKey.keyVault(vault.name),
          subscriptionId: restore.subscriptionId,
          resourceGroup: restore.resourceGroup,
          name: vault.name,
          location: restore.location,
          recoverableUntil: restore.until ? restore.until.toISOString() : null,
          purgeProtected: restore.purgeProtected ?? false,
          dependsOn,
        }),
      });
    }
  }

  for (const storage of facts.storageAccounts) {
    const noun = `Storage account '${storage.name}'`;
    if (storage.state === 'gone') {
      blockers.push({
        label: 'Storage gone',
        tone: 'danger',
        reason: `${noun} it used is gone for good (not live, and not among deleted storage accounts, which Azure keeps 14 days): this account cannot be recovered with its storage.`,
      });
    } else if (storage.state === 'unlisted') {
      blockers.push({
        label: 'Storage not found',
        tone: 'warning',
        reason: `${noun} it used is not live, and you may not list deleted storage accounts (that needs Microsoft.Storage/deletedAccounts/read on the subscription).`,
      });
    } else if (storage.state === 'unknown') {
      unchecked.push(noun);
    } else if (storage.state === 'deleted') {
      const { restore } = storage;
      collectRestore(restore, {
        noun,
        verb: 'restore',
        label: 'Storage deleted',
        sentence: `${noun} is deleted: restorable${until(restore.until)}; Recover restores it first.`,
        step: (dependsOn) => ({
          kind: 'storage-account',
          key: prerequisiteKey.storageAccount(restore.subscriptionId, storage.name),
          subscriptionId: restore.subscriptionId,
          resourceGroup: restore.resourceGroup,
          name: storage.name,
          location: restore.location,
          creationTime: restore.creationTime ?? '',
          restorableUntil: restore.until ? restore.until.toISOString() : null,
          dependsOn,
        }),
      });
    }
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
    const detail = [...blockers.map((blocker) => blocker.reason), ...steps.map((step) => step.sentence)].join(' ');
    return { status: { label: first.label, tone: first.tone, detail, recover: { allowed: false, reason: first.reason }, purge, ...fixPart }, prerequisites };
  }
  const firstStep = steps[0];
  if (firstStep) {
    const detail = [...steps.map((step) => step.sentence), uncheckedNote].filter(Boolean).join(' ');
    return { status: { label: firstStep.label, tone: 'warning', detail, recover: { allowed: true }, purge, ...fixPart }, prerequisites };
  }
  return {
    status: { label: 'Recoverable', tone: 'success', ...(uncheckedNote ? { detail: uncheckedNote } : {}), recover: { allowed: true }, purge },
    prerequisites,
  };

  /** A deleted vault or storage account: its resource group first when that is gone too, then itself. */
  function collectRestore(
    restore: RestoreFacts,
    what: { noun: string; verb: string; label: string; sentence: string; step: (dependsOn: string[]) => Prerequisite },
  ): void {
    const dependsOn: string[] = [];
    if (restore.resourceGroupExists === false) {
      if (restore.canCreateResourceGroup === false) {
        blockers.push({
          label: what.label,
          tone: 'warning',
          reason: `${what.noun} is deleted and its resource group '${restore.resourceGroup}' is gone too; you can't create resource groups there, so you can't ${what.verb} it.`,
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
        label: what.label,
        tone: 'warning',
        reason: `${what.noun} is deleted, and you can't ${what.verb} it: that needs write access to resource group '${restore.resourceGroup}' (Contributor or Owner).`,
      });
      return;
    }
    steps.push({ prerequisite: what.step(dependsOn), label: what.label, sentence: what.sentence });
  }
}

/** The row's status alone (what the Status column and the toolbar show). */
export function deletedAccountStatus(facts: StatusFacts): DeletedAccountStatus {
  return assessDeletedAccount(facts).status;
}
