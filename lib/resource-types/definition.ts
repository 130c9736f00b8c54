import type { ArmSession } from '@/lib/arm/session';
import type { DeletedResourceState, PurgeOutcome, RecoverOutcome } from '@/lib/deleted-resources/outcomes';
import type { DeletedResource, ResourceRef } from '@/lib/deleted-resources/types';

/**
 * One type of soft-deletable resource, as the page and the server both see it: what it is called, how long
 * Azure keeps it, whether it can be purged, where a recovery plan brings it back, and how the browser names
 * one to the server. Safe in the browser and on the server: what calls ARM is in the type's `server.ts`
 * (ResourceTypeOperations), and its icon in its `icon.ts` (lib/resource-types/icons.ts), which only the browser loads.
 */
export interface ResourceTypeDefinition {
  /** The registry key, in URLs (?resourceType=) and refs: 'key-vaults'. */
  id: string;
  /** ARM's type: 'Microsoft.KeyVault/vaults'. */
  armType: string;
  /** 'Key Vault' (a row's Resource type column) and the noun a count uses: 'Key Vault' → '3 Key Vaults'. */
  displayName: string;
  /** How long Azure keeps a deleted one, as the page says it: '7–90 days (set per vault)'. */
  retention: string;
  /** Whether ARM can purge it at all (a storage account cannot: it expires). */
  purgeable: boolean;
  /** Its place in a recovery plan: what others depend on comes first (resource groups are 0). */
  recoverPhase: number;
  /**
   * The names its endpoints hold in DNS, which a deleted one keeps holding ("Why can't I use this name?"):
   * the host suffixes of the public cloud ('vault.azure.net'), and whether the label before them is the
   * resource's name or its custom subdomain (an AI services account's endpoint is its subdomain's).
   */
  endpoints: { hostSuffixes: readonly string[]; label: 'name' | 'subdomain' };
}

/** What the server does for one type (lib/resource-types/<type>/server.ts), reached only through the registry. */
export interface ResourceTypeOperations {
  /** The subscription's deleted resources of this type, with their status; throws when ARM refuses the list. */
  list(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedResource[]>;
  recover(session: ArmSession, ref: ResourceRef): Promise<RecoverOutcome>;
  /** Refused with PurgeNotSupported when the type has no purge. */
  purge(session: ArmSession, ref: ResourceRef): Promise<PurgeOutcome>;
  /** Where it stands now (read after an answer was lost). */
  readState(session: ArmSession, ref: ResourceRef): Promise<DeletedResourceState>;
}
