import 'server-only';
import { collect } from '@/lib/arm/operations';
import { ArmError } from '@/lib/arm/errors';
import { check, permitted, subscriptionPermissions, type DeletedList } from '@/lib/arm/read-access';
import type { ArmSession } from '@/lib/arm/session';
import { oncePerSession } from '@/lib/arm/session-memo';
import { readTimeout, softDeleteOperations } from '@/lib/arm/soft-delete';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import type { ResourceTypeOperations } from '../definition';
import { assessDeletedEntries, purgeProtectedUntil, dateOrNull, locationOfDeletedId, parseResourceId, type DeletedEntry } from '../standalone';
import { keyVaults } from '.';

/** The RBAC actions (arm-contract-types §1.5). Without deletedVaults/read ARM answers an empty list, not 403. */
export const KEY_VAULT_ACTIONS = {
  list: 'Microsoft.KeyVault/deletedVaults/read',
  recover: 'Microsoft.KeyVault/vaults/write',
  purge: 'Microsoft.KeyVault/locations/deletedVaults/purge/action',
};

/** A soft-deleted Key Vault: where it was, and until when it can be recovered. */
export interface DeletedVaultSummary {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  /** The short region name from the deleted vault's id (its `properties.location` may be a display name). */
  location: string;
  deletedAt: Date | null;
  scheduledPurgeAt: Date | null;
  purgeProtected: boolean;
}

/** The subscription's soft-deleted Key Vaults (Vaults_ListDeleted). */
async function listDeletedVaults(session: ArmSession, subscriptionId: string): Promise<DeletedVaultSummary[]> {
  const vaults = await collect(session.keyVault(subscriptionId).vaults.listDeleted(readTimeout()));
  return vaults.flatMap((vault) => {
    const location = locationOfDeletedId(vault.id);
    const original = parseResourceId(vault.properties?.vaultId);
    if (!vault.id || !vault.name || !location || !original) return [];
    return [
      {
        id: vault.id,
        name: vault.name,
        subscriptionId: original.subscriptionId,
        resourceGroup: original.resourceGroup,
        location,
        deletedAt: dateOrNull(vault.properties?.deletionDate),
        scheduledPurgeAt: dateOrNull(vault.properties?.scheduledPurgeDate),
        purgeProtected: vault.properties?.purgeProtectionEnabled === true,
      },
    ];
  });
}

/**
 * A subscription's deleted vaults by name (lower case), read once per action for both the vault rows and the
 * accounts that need a vault; 'unlisted' when the caller may not read them, 'unknown' when the read failed.
 */
export function deletedVaultsOf(session: ArmSession, subscriptionId: string): Promise<DeletedList<DeletedVaultSummary>> {
  return oncePerSession(session, `deleted-vaults:${subscriptionId}`, async () => {
    // The list and the permission that makes it meaningful are read side by side.
    const [permissions, vaults] = await Promise.all([subscriptionPermissions(session, subscriptionId), check(() => listDeletedVaults(session, subscriptionId))]);
    const allowed = permitted(permissions, KEY_VAULT_ACTIONS.list);
    if (allowed === 'unknown') return 'unknown';
    if (!allowed) return 'unlisted';
    return vaults === 'unknown' ? 'unknown' : new Map(vaults.map((vault) => [vault.name.toLowerCase(), vault]));
  });
}

/** Names (lower case) of the Key Vaults in a subscription that the caller can read (Vaults_ListBySubscription). */
export async function listKeyVaultNames(session: ArmSession, subscriptionId: string): Promise<Set<string>> {
  const vaults = await collect(session.keyVault(subscriptionId).vaults.listBySubscription(readTimeout()));
  return new Set(vaults.flatMap((vault) => (vault.name ? [vault.name.toLowerCase()] : [])));
}

export function refOfDeletedVault(vault: DeletedVaultSummary): ResourceRef {
  return { type: keyVaults.id, subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, location: vault.location, name: vault.name };
}

async function listRows(session: ArmSession, subscriptionId: string, now: Date) {
  const vaults = await deletedVaultsOf(session, subscriptionId);
  if (vaults === 'unlisted') {
    throw new ArmError('arm', 'AuthorizationFailed', `You may not list deleted Key Vaults here: that needs ${KEY_VAULT_ACTIONS.list} on the subscription.`, session.correlationId, 403);
  }
  // The read's own error was kept from the memo: read again so the failure reaches the person with ARM's answer.
  const listed = vaults === 'unknown' ? await listDeletedVaults(session, subscriptionId) : [...vaults.values()];
  const entries = listed.map(
    (vault): DeletedEntry => ({
      id: vault.id,
      ref: refOfDeletedVault(vault),
      deletedAt: vault.deletedAt,
      scheduledPurgeAt: vault.scheduledPurgeAt,
      ...(vault.purgeProtected
        ? { purgeRefused: purgeProtectedUntil(vault.scheduledPurgeAt) }
        : {}),
    }),
  );
  return assessDeletedEntries(session, subscriptionId, now, KEY_VAULT_ACTIONS, entries);
}

/**
 * Recover a soft-deleted Key Vault = PUT the vault with createMode "recover" (Vaults_CreateOrUpdate). Azure
 * restores the vault's old properties and ignores the body's others; the SDK's types still require a tenant
 * and a SKU, so the subscription's tenant and the standard SKU are sent.
 */
async function sendRecover(session: ArmSession, ref: ResourceRef, options: Parameters<Parameters<typeof softDeleteOperations>[0]['recover']>[2]) {
  // One read per subscription and action, however many of its vaults a plan recovers.
  const tenantId = await oncePerSession(session, `tenant:${ref.subscriptionId}`, async () => {
    const subscription = await session.subscriptions().subscriptions.get(ref.subscriptionId, readTimeout());
    if (!subscription.tenantId) throw new ArmError('arm', 'TenantUnknown', `ARM did not say which tenant subscription ${ref.subscriptionId} belongs to.`, session.correlationId, undefined);
    return subscription.tenantId;
  });
  await session
    .keyVault(ref.subscriptionId)
    .vaults.createOrUpdate(ref.resourceGroup, ref.name, { location: ref.location, properties: { tenantId, sku: { family: 'A', name: 'standard' }, createMode: 'recover' } }, options)
    .pollUntilDone();
}

export const keyVaultOperations: ResourceTypeOperations = {
  list: listRows,
  ...softDeleteOperations({
    ownNotFoundCodes: ['DeletedVaultNotFound'],
    // A recover with no soft-deleted vault of that name is refused 400 (arm-contract-types §1.4).
    nothingToRecoverCodes: ['SoftDeletedVaultDoesNotExist'],
    getDeleted: (session, ref) => session.keyVault(ref.subscriptionId).vaults.getDeleted(ref.name, ref.location, readTimeout()),
    getLive: (session, ref) => session.keyVault(ref.subscriptionId).vaults.get(ref.resourceGroup, ref.name, readTimeout()),
    // ARM answers a recover of a vault that is already live 200, as it does a recover: it is read first instead.
    recover: sendRecover,
    purge: (session, ref, options) => session.keyVault(ref.subscriptionId).vaults.purgeDeleted(ref.name, ref.location, options).pollUntilDone(),
  }),
};
