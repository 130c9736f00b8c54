import 'server-only';
import { createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { readArmDeletedAccount, type ArmDeletedAccount } from '@/lib/deleted-accounts/to-deleted-account';
import { existenceFromRead } from '@/lib/deleted-accounts/dependencies';
import type { PermissionSet } from '@/lib/deleted-accounts/permissions';
import { isOwnNotFound, purgeTookEffect, recoverTookEffect, type DeletedAccountState, type PurgeOutcome, type RecoverOutcome } from '@/lib/deleted-accounts/outcomes';
import type { DeletedAccountRef, KeyVaultStepRef, StorageAccountStepRef } from '@/lib/deleted-accounts/schemas';
import type { Subscription } from '@/lib/deleted-accounts/types';
import type { ArmSession } from './session';
import { oncePerSession } from './session-memo';
import { ArmError, armErrorFromResponse, isTransientConflict, toArmError } from './errors';

/**
 * Every ARM call the portal makes. Arguments arrive validated (lib/deleted-accounts/schemas); the SDKs
 * encode them into paths, and the session's pipeline refuses any host but the configured ARM endpoint.
 */

const READ_TIMEOUT_MS = 45_000;
const OPERATION_TIMEOUT_MS = 180_000;
const POLL_INTERVAL_MS = 1_000;
/**
 * Waits before each new attempt of a purge that ARM answered with 409 RequestConflict (the pipeline does not
 * retry 409s): about 7 s in all, with jitter so a bulk's conflicting purges do not come back in step.
 */
const CONFLICT_RETRY_DELAYS_MS = [1_000, 2_000, 4_000];
const AUTHORIZATION_API_VERSION = '2022-04-01';
const STORAGE_API_VERSION = '2023-05-01';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

function readTimeout() {
  return { abortSignal: AbortSignal.timeout(READ_TIMEOUT_MS) };
}

export async function listSubscriptions(session: ArmSession): Promise<Subscription[]> {
  const raw = await collect(session.subscriptions().subscriptions.list(readTimeout()));
  return raw
    .filter((sub) => typeof sub.subscriptionId === 'string')
    .map((sub) => ({
      subscriptionId: (sub.subscriptionId as string).toLowerCase(),
      displayName: sub.displayName ?? (sub.subscriptionId as string),
      ...(sub.tenantId ? { tenantId: sub.tenantId } : {}),
      state: sub.state ?? 'Enabled',
    }));
}

/**
 * Deleted accounts, page by page through the Cognitive Services client's own pipeline (auth, retries, host
 * guard) and api-version, but without its model deserializer: that took about 37 µs of CPU per account,
 * half of all the CPU listing cost the server, and made "All subscriptions" CPU-bound (`npm run bench` row 2).
 * The few fields the portal reads are type-checked by readArmDeletedAccount instead.
 */
export async function listDeletedAccounts(session: ArmSession, subscriptionId: string): Promise<ArmDeletedAccount[]> {
  const client = session.cognitiveServices(subscriptionId);
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=${encodeURIComponent(client.apiVersion)}`;
  return readArmList(session, client, path, readArmDeletedAccount);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** One entry of ARM's permissions list; an entry that is not an object grants nothing. */
function readPermissionSet(value: unknown): PermissionSet {
  const entry = typeof value === 'object' && value !== null ? (value as { actions?: unknown; notActions?: unknown }) : {};
  return { actions: strings(entry.actions), notActions: strings(entry.notActions) };
}

/** What readArmList needs of an SDK client: its pipeline and endpoint. */
interface ArmClient {
  $host: string;
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

/**
 * Reads every page of an ARM list through an SDK client's pipeline (auth, retries, host guard), keeping what
 * `read` makes of each entry (undefined: left out). Each page is read as it arrives, so a long list holds its
 * small results rather than every raw page. The path is built from validated ids only.
 */
async function readArmList<T>(session: ArmSession, client: ArmClient, pathAndQuery: string, read: (value: unknown) => T | undefined): Promise<T[]> {
  const values: T[] = [];
  let url: string | undefined = `${client.$host}${pathAndQuery}`;
  while (url) {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', ...readTimeout() }));
    if (response.status !== 200) {
      const correlationId = response.headers.get('x-ms-correlation-request-id') ?? session.correlationId;
      throw armErrorFromResponse(response.status, response.bodyAsText ?? undefined, correlationId);
    }
    // The client's deserialization policy has already parsed the JSON (core-client's parsedBody); parse only if not.
    const parsed = (response as { parsedBody?: unknown }).parsedBody ?? JSON.parse(response.bodyAsText ?? '{}');
    const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { value?: unknown; nextLink?: unknown };
    if (Array.isArray(body.value)) {
      for (const value of body.value as unknown[]) {
        const item = read(value);
        if (item !== undefined) values.push(item);
      }
    }
    url = typeof body.nextLink === 'string' ? body.nextLink : undefined;
  }
  return values;
}

/** The caller's permissions at subscription scope (the SDK only has the resource-group and resource scopes). */
export async function listSubscriptionPermissions(session: ArmSession, subscriptionId: string): Promise<PermissionSet[]> {
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Authorization/permissions?api-version=${AUTHORIZATION_API_VERSION}`;
  return readArmList(session, session.authorization(subscriptionId), path, readPermissionSet);
}

export async function listResourceGroupPermissions(
  session: ArmSession,
  subscriptionId: string,
  resourceGroup: string,
): Promise<PermissionSet[]> {
  const raw = await collect(session.authorization(subscriptionId).permissions.listForResourceGroup(resourceGroup, readTimeout()));
  return raw.map(readPermissionSet);
}

export async function resourceGroupExists(session: ArmSession, subscriptionId: string, resourceGroup: string): Promise<boolean> {
  const result = await session.resources(subscriptionId).resourceGroups.checkExistence(resourceGroup, readTimeout());
  return result.body;
}

/** Names (lower case) of every resource group in a subscription that the caller can read. */
export async function listResourceGroupNames(session: ArmSession, subscriptionId: string): Promise<Set<string>> {
  const groups = await collect(session.resources(subscriptionId).resourceGroups.list(readTimeout()));
  return new Set(groups.flatMap((group) => (group.name ? [group.name.toLowerCase()] : [])));
}

export async function createResourceGroup(
  session: ArmSession,
  subscriptionId: string,
  resourceGroup: string,
  location: string,
): Promise<void> {
  await session.resources(subscriptionId).resourceGroups.createOrUpdate(resourceGroup, { location }, readTimeout());
}

/** Names (lower case) of the Key Vaults in a subscription that the caller can read (Vaults_ListBySubscription). */
export async function listKeyVaultNames(session: ArmSession, subscriptionId: string): Promise<Set<string>> {
  const vaults = await collect(session.keyVault(subscriptionId).vaults.listBySubscription(readTimeout()));
  return new Set(vaults.flatMap((vault) => (vault.name ? [vault.name.toLowerCase()] : [])));
}

/** Whether a storage account (by its validated ARM id) still exists; throws when ARM's answer does not say. */
export async function storageAccountExists(session: ArmSession, subscriptionId: string, resourceId: string): Promise<boolean> {
  try {
    await session.resources(subscriptionId).resources.getById(resourceId, STORAGE_API_VERSION, readTimeout());
    return true;
  } catch (error) {
    const armError = toArmError(error, session.correlationId);
    const existence = existenceFromRead(armError.status ?? 0, armError.code);
    if (existence === 'unknown') throw armError;
    return existence;
  }
}

const DELETED_VAULT_ID = /^\/subscriptions\/[^/]+\/providers\/Microsoft\.KeyVault\/locations\/([^/]+)\/deletedVaults\/[^/]+$/i;
const RESOURCE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i;

/** A soft-deleted Key Vault: where it was, and until when it can be recovered. */
export interface DeletedVaultSummary {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  /** The short region name from the deleted vault's id (its `properties.location` may be a display name). */
  location: string;
  scheduledPurgeAt: Date | null;
  purgeProtected: boolean;
}

/** The subscription's soft-deleted Key Vaults (Vaults_ListDeleted). Without deletedVaults/read ARM answers an empty list, not 403. */
export async function listDeletedVaults(session: ArmSession, subscriptionId: string): Promise<DeletedVaultSummary[]> {
  const vaults = await collect(session.keyVault(subscriptionId).vaults.listDeleted(readTimeout()));
  return vaults.flatMap((vault) => {
    const location = vault.id ? DELETED_VAULT_ID.exec(vault.id)?.[1] : undefined;
    const original = vault.properties?.vaultId ? RESOURCE_ID.exec(vault.properties.vaultId) : null;
    if (!vault.name || !location || !original?.[1] || !original[2]) return [];
    return [
      {
        name: vault.name,
        subscriptionId: original[1].toLowerCase(),
        resourceGroup: original[2],
        location,
        scheduledPurgeAt: vault.properties?.scheduledPurgeDate ?? null,
        purgeProtected: vault.properties?.purgeProtectionEnabled === true,
      },
    ];
  });
}

/** How long Azure keeps a deleted storage account (docs: storage-account-recover; ARM has no field for it). */
export const STORAGE_RETENTION_MS = 14 * 24 * 3600_000;

/** A soft-deleted storage account: where it was, and what its restore must name. */
export interface DeletedStorageSummary {
  /** The original account's ARM id. */
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** As ARM wrote it: the restore sends it back unchanged. */
  creationTime: string;
  deletionTime: Date | null;
}

/** The subscription's soft-deleted storage accounts (DeletedAccounts_List). */
export async function listDeletedStorageAccounts(session: ArmSession, subscriptionId: string): Promise<DeletedStorageSummary[]> {
  const accounts = await collect(session.storage(subscriptionId).deletedAccounts.list(readTimeout()));
  return accounts.flatMap((account) => {
    const original = account.storageAccountResourceId ? RESOURCE_ID.exec(account.storageAccountResourceId) : null;
    if (!account.storageAccountResourceId || !original?.[1] || !original[2] || !original[3] || !account.location || !account.creationTime) return [];
    const deletionTime = account.deletionTime ? Date.parse(account.deletionTime) : Number.NaN;
    return [
      {
        id: account.storageAccountResourceId,
        name: original[3],
        subscriptionId: original[1].toLowerCase(),
        resourceGroup: original[2],
        location: account.location,
        creationTime: account.creationTime,
        deletionTime: Number.isNaN(deletionTime) ? null : new Date(deletionTime),
      },
    ];
  });
}

/**
 * Recover a soft-deleted Key Vault = PUT the vault with createMode "recover" (Vaults_CreateOrUpdate). Azure
 * restores the vault's old properties and ignores the body's others; the SDK's types still require a tenant
 * and a SKU, so the subscription's tenant and the standard SKU are sent.
 */
export async function recoverKeyVault(session: ArmSession, vault: KeyVaultStepRef): Promise<void> {
  const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
  // One read per subscription and action, however many of its vaults a plan recovers.
  const tenantId = await oncePerSession(session, `tenant:${vault.subscriptionId}`, async () => {
    const subscription = await session.subscriptions().subscriptions.get(vault.subscriptionId, readTimeout());
    if (!subscription.tenantId) throw new ArmError('arm', 'TenantUnknown', `ARM did not say which tenant subscription ${vault.subscriptionId} belongs to.`, session.correlationId, undefined);
    return subscription.tenantId;
  });
  await session
    .keyVault(vault.subscriptionId)
    .vaults.createOrUpdate(
      vault.resourceGroup,
      vault.name,
      { location: vault.location, properties: { tenantId, sku: { family: 'A', name: 'standard' }, createMode: 'recover' } },
      { abortSignal, updateIntervalInMs: POLL_INTERVAL_MS },
    )
    .pollUntilDone();
}

/**
 * Restore a soft-deleted storage account = PUT the account with `properties.deletedAccountCreationTime`.
 * Sent by hand through the storage client's pipeline (auth, retries, origin guard, correlation id): the
 * official SDK's serializer drops that property, so it cannot send this body. ARM answers 202 with a
 * Location to poll until it stops answering 202 (arm-contract-types §2.1).
 */
export async function restoreStorageAccount(session: ArmSession, storage: StorageAccountStepRef): Promise<void> {
  const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
  const client = session.storage(storage.subscriptionId);
  const path =
    `/subscriptions/${encodeURIComponent(storage.subscriptionId)}/resourceGroups/${encodeURIComponent(storage.resourceGroup)}` +
    `/providers/Microsoft.Storage/storageAccounts/${encodeURIComponent(storage.name)}?api-version=${encodeURIComponent(client.apiVersion)}`;
  const send = async (url: string, method: 'PUT' | 'GET', body?: unknown) => {
    const request = createPipelineRequest({ url, method, abortSignal });
    if (body !== undefined) {
      request.headers.set('content-type', 'application/json');
      request.body = JSON.stringify(body);
    }
    const response = await client.sendRequest(request);
    if (response.status >= 300) {
      throw armErrorFromResponse(response.status, response.bodyAsText ?? undefined, response.headers.get('x-ms-correlation-request-id') ?? session.correlationId);
    }
    return response;
  };
  let response = await send(`${client.$host}${path}`, 'PUT', { location: storage.location, properties: { deletedAccountCreationTime: storage.creationTime } });
  const location = response.headers.get('location');
  while (response.status === 202 && location) {
    await sleep(retryAfterMs(response.headers.get('retry-after')), abortSignal);
    response = await send(new URL(location, client.$host).toString(), 'GET');
  }
}

/** ARM's Retry-After in seconds, kept between the poll interval and 10 s. */
function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 10_000) : POLL_INTERVAL_MS;
}

/** Whether the account is live (not soft-deleted): read from ARM; throws when ARM's answer does not say. */
async function accountIsLive(session: ArmSession, account: DeletedAccountRef): Promise<boolean> {
  try {
    await session.cognitiveServices(account.subscriptionId).accounts.get(account.resourceGroup, account.name, readTimeout());
    return true;
  } catch (error) {
    const armError = toArmError(error, session.correlationId);
    if (armError.status === 404) return false;
    throw armError;
  }
}

/** Where a deleted account stands now (read after an answer was lost): still deleted, live again, or gone. */
export async function readDeletedAccountState(session: ArmSession, account: DeletedAccountRef): Promise<DeletedAccountState> {
  try {
    await session.cognitiveServices(account.subscriptionId).deletedAccounts.get(account.location, account.resourceGroup, account.name, readTimeout());
    return 'deleted';
  } catch (error) {
    const armError = toArmError(error, session.correlationId);
    if (!isOwnNotFound(armError.status, armError.code)) throw armError;
    return (await accountIsLive(session, account)) ? 'live' : 'gone';
  }
}

/**
 * Recover = PUT the account with restore:true in its original location; follows the operation to its end.
 * ARM answers 201 when it creates the account again and 200 when the account was already live (recovered by
 * someone else meanwhile). When nothing deleted is left, ARM's own not-found is checked against the live
 * account: live means it was recovered meanwhile; otherwise it was purged or expired meanwhile.
 */
export async function recoverDeletedAccount(session: ArmSession, account: DeletedAccountRef): Promise<RecoverOutcome> {
  let firstStatus: number | undefined;
  try {
    await session.cognitiveServices(account.subscriptionId).accounts.beginCreateAndWait(
      account.resourceGroup,
      account.name,
      { location: account.location, properties: { restore: true } },
      {
        abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS),
        updateIntervalInMs: POLL_INTERVAL_MS,
        onResponse: (response) => void (firstStatus ??= response.status),
      },
    );
  } catch (error) {
    const armError = toArmError(error, session.correlationId);
    if (!isOwnNotFound(armError.status, armError.code)) throw armError;
    if (await accountIsLive(session, account)) return { outcome: 'already-recovered' };
    throw new ArmError('arm', armError.code, `Cannot be recovered: it was purged or expired meanwhile. ${armError.message}`, armError.correlationId, armError.status);
  }
  return { outcome: recoverTookEffect(firstStatus) ? 'recovered' : 'already-recovered' };
}

/**
 * Purge = DELETE on the deletedAccounts path in the account's own region. Only what ARM showed is reported:
 * when ARM had nothing to purge (204, or its own not-found), the live account is read to say why — recovered
 * meanwhile, or already gone (purged or expired). Any other 404 is a failure with ARM's message. A 409
 * RequestConflict (purging right after the delete) is tried again after a pause; other 409s are final.
 */
export async function purgeDeletedAccount(session: ArmSession, account: DeletedAccountRef): Promise<PurgeOutcome> {
  const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
  const whyNothingToPurge = async (): Promise<PurgeOutcome> =>
    (await accountIsLive(session, account)) ? { outcome: 'recovered-meanwhile', resourceGroup: account.resourceGroup } : { outcome: 'already-gone' };
  for (let attempt = 0; ; attempt++) {
    let firstStatus: number | undefined;
    try {
      await session
        .cognitiveServices(account.subscriptionId)
        .deletedAccounts.beginPurgeAndWait(account.location, account.resourceGroup, account.name, {
          abortSignal,
          updateIntervalInMs: POLL_INTERVAL_MS,
          onResponse: (response) => void (firstStatus ??= response.status),
        });
      return purgeTookEffect(firstStatus) ? { outcome: 'purged' } : await whyNothingToPurge();
    } catch (error) {
      const armError = toArmError(error, session.correlationId);
      if (isOwnNotFound(armError.status, armError.code)) return whyNothingToPurge();
      const delay = CONFLICT_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isTransientConflict(armError)) throw armError;
      await sleep(delay * (0.75 + Math.random() * 0.5), abortSignal);
    }
  }
}

function sleep(ms: number, abortSignal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal.aborted) return reject(abortSignal.reason as Error);
    const timer = setTimeout(resolve, ms);
    abortSignal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortSignal.reason as Error);
    }, { once: true });
  });
}
