import { formatUtc } from '@/lib/deleted-resources/format-time';
import { resourceKey } from '@/lib/deleted-resources/prerequisite-key';
import { until, type Dependency, type DependencyState, type RestoreFacts } from '@/lib/deleted-resources/status';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import { keyVaults } from '../key-vaults';
import { storageAccounts } from '../storage-accounts';

/** A deleted Key Vault the account's customer-managed key is in. */
export type VaultRestore = RestoreFacts & { purgeProtected: boolean };
/** A deleted storage account the account used; its restore names its creation time. */
export type StorageRestore = RestoreFacts & { creationTime: string };

function recoverStep(ref: ResourceRef, title: string, fact: string | undefined, dependsOn: string[]) {
  return { kind: 'resource' as const, key: resourceKey(ref), title, ...(fact ? { fact } : {}), ref, dependsOn };
}

/** The Key Vault holding the account's customer-managed key, in the words the status and the plan use. */
export function keyVaultDependency(name: string, state: DependencyState<VaultRestore>): Dependency {
  const noun = `Key Vault '${name}'`;
  const restore = state.state === 'deleted' ? state.restore : undefined;
  const protection = restore?.purgeProtected ? ' (purge protection on)' : '';
  return {
    noun,
    state,
    gone: { label: 'Key Vault purged', reason: `${noun} was purged: this account cannot be recovered with its key.` },
    unlisted: {
      label: 'Key Vault not found',
      reason:
        `${noun} holding its customer-managed key is not among the vaults you can read, and you may not list deleted Key Vaults ` +
        `(that needs Microsoft.KeyVault/deletedVaults/read on the subscription). If it was deleted, someone with access must recover it first.`,
    },
    deleted: {
      label: 'Key Vault deleted',
      verb: 'recover',
      sentence: `${noun} is deleted${protection}: recoverable${until(restore?.until ?? null)}; Recover brings it back first.`,
      step: (dependsOn) => {
        const facts = [restore?.until ? `recoverable until ${formatUtc(restore.until)}` : undefined, restore?.purgeProtected ? 'purge protection on' : undefined];
        const ref: ResourceRef = { type: keyVaults.id, subscriptionId: restore?.subscriptionId ?? '', resourceGroup: restore?.resourceGroup ?? '', location: restore?.location ?? '', name };
        return recoverStep(ref, `Recover Key Vault ${name}`, facts.filter(Boolean).join('; ') || undefined, dependsOn);
      },
    },
  };
}

/** A user-owned storage account the account used. */
export function storageDependency(name: string, state: DependencyState<StorageRestore>): Dependency {
  const noun = `Storage account '${name}'`;
  const restore = state.state === 'deleted' ? state.restore : undefined;
  return {
    noun,
    state,
    gone: {
      label: 'Storage gone',
      reason: `${noun} it used is gone for good (not live, and not among deleted storage accounts, which Azure keeps 14 days): this account cannot be recovered with its storage.`,
    },
    unlisted: {
      label: 'Storage not found',
      reason: `${noun} it used is not live, and you may not list deleted storage accounts (that needs Microsoft.Storage/deletedAccounts/read on the subscription).`,
    },
    deleted: {
      label: 'Storage deleted',
      verb: 'restore',
      sentence: `${noun} is deleted: restorable${until(restore?.until ?? null)}; Recover restores it first.`,
      step: (dependsOn) => {
        const ref: ResourceRef = {
          type: storageAccounts.id,
          subscriptionId: restore?.subscriptionId ?? '',
          resourceGroup: restore?.resourceGroup ?? '',
          location: restore?.location ?? '',
          name,
          creationTime: restore?.creationTime ?? '',
        };
        return recoverStep(ref, `Restore storage account ${name}`, restore?.until ? `restorable until ${formatUtc(restore.until)}` : undefined, dependsOn);
      },
    },
  };
}
