import 'server-only';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { armErrorFromResponse, toArmError } from '@/lib/arm/errors';
import { collect } from '@/lib/arm/operations';
import type { DeletedList } from '@/lib/arm/read-access';
import type { ArmSession } from '@/lib/arm/session';
import { oncePerSession } from '@/lib/arm/session-memo';
import { POLL_INTERVAL_MS, readTimeout, sleep, softDeleteOperations, type OperationOptions } from '@/lib/arm/soft-delete';
import { existenceFromRead } from '@/lib/deleted-resources/dependencies';
import { formatUtc } from '@/lib/deleted-resources/format-time';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import type { ResourceTypeOperations } from '../definition';
import { assessDeletedEntries, dateOrNull, parseResourceId } from '../standalone';
import { STORAGE_RETENTION_MS, storageAccounts } from '.';

/** The RBAC actions (arm-contract-types §2.5); a list without deletedAccounts/read is refused with 403. */
export const STORAGE_ACTIONS = { recover: 'Microsoft.Storage/storageAccounts/write' };

const STORAGE_API_VERSION = '2023-05-01';

/** A soft-deleted storage account: where it was, and what its restore must name. */
export interface DeletedStorageSummary {
  /** The deleted account's ARM id (…/locations/{l}/deletedAccounts/{name}). */
  deletedId: string;
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
async function listDeletedStorageAccounts(session: ArmSession, subscriptionId: string): Promise<DeletedStorageSummary[]> {
  const accounts = await collect(session.storage(subscriptionId).deletedAccounts.list(readTimeout()));
  return accounts.flatMap((account) => {
    const original = parseResourceId(account.storageAccountResourceId);
    if (!account.id || !account.storageAccountResourceId || !original || !account.location || !account.creationTime) return [];
    return [
      {
        deletedId: account.id,
        id: account.storageAccountResourceId,
        name: original.name,
        subscriptionId: original.subscriptionId,
        resourceGroup: original.resourceGroup,
        location: account.location,
        creationTime: account.creationTime,
        deletionTime: dateOrNull(account.deletionTime),
      },
    ];
  });
}

/** Deleted storage accounts by their original id (lower case), once per action; 'unlisted' when ARM refuses the list (403). */
export function deletedStorageOf(session: ArmSession, subscriptionId: string): Promise<DeletedList<DeletedStorageSummary>> {
  return oncePerSession(session, `deleted-storage:${subscriptionId}`, async () => {
    try {
      const accounts = await listDeletedStorageAccounts(session, subscriptionId);
      return new Map(accounts.map((account) => [account.id.toLowerCase(), account]));
    } catch (error) {
      return (error as { statusCode?: number }).statusCode === 403 ? 'unlisted' : 'unknown';
    }
  });
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

/** When Azure removes a deleted storage account: 14 days after its deletion (ARM has no field for it). */
export const restorableUntil = (account: DeletedStorageSummary) =>
  account.deletionTime ? new Date(account.deletionTime.getTime() + STORAGE_RETENTION_MS) : null;

export function refOfDeletedStorage(account: DeletedStorageSummary): ResourceRef {
  const { subscriptionId, resourceGroup, location, name, creationTime } = account;
  return { type: storageAccounts.id, subscriptionId, resourceGroup, location, name, creationTime };
}

async function listRows(session: ArmSession, subscriptionId: string, now: Date) {
  // The list the accounts' checks read in this action; when that read failed or was refused, read again so the
  // person gets ARM's own answer.
  const known = await deletedStorageOf(session, subscriptionId);
  const accounts = known instanceof Map ? [...known.values()] : await listDeletedStorageAccounts(session, subscriptionId);
  return assessDeletedEntries(
    session,
    subscriptionId,
    now,
    STORAGE_ACTIONS,
    accounts.map((account) => {
      const until = restorableUntil(account);
      return {
        id: account.deletedId,
        ref: refOfDeletedStorage(account),
        deletedAt: account.deletionTime,
        scheduledPurgeAt: until,
        purgeRefused: `Storage accounts have no purge: it expires${until ? ` on ${formatUtc(until)}` : ' 14 days after its deletion'}.`,
      };
    }),
  );
}

/**
 * Restore a soft-deleted storage account = PUT the account with `properties.deletedAccountCreationTime`.
 * Sent by hand through the storage client's pipeline (auth, retries, origin guard, correlation id): the
 * official SDK's serializer drops that property, so it cannot send this body. ARM answers 202 with a
 * Location to poll until it stops answering 202 (arm-contract-types §2.1).
 */
async function restoreStorageAccount(session: ArmSession, ref: ResourceRef, options: OperationOptions): Promise<void> {
  const { abortSignal } = options;
  const client = session.storage(ref.subscriptionId);
  const path =
    `/subscriptions/${encodeURIComponent(ref.subscriptionId)}/resourceGroups/${encodeURIComponent(ref.resourceGroup)}` +
    `/providers/Microsoft.Storage/storageAccounts/${encodeURIComponent(ref.name)}?api-version=${encodeURIComponent(client.apiVersion)}`;
  const send = async (url: string, method: 'PUT' | 'GET', body?: unknown) => {
    const request = createPipelineRequest({ url, method, abortSignal });
    if (body !== undefined) {
      request.headers.set('content-type', 'application/json');
      request.body = JSON.stringify(body);
    }
    const response = await client.sendRequest(request);
    options.onResponse(response);
    if (response.status >= 300) {
      throw armErrorFromResponse(response.status, response.bodyAsText ?? undefined, response.headers.get('x-ms-correlation-request-id') ?? session.correlationId);
    }
    return response;
  };
  let response = await send(`${client.$host}${path}`, 'PUT', { location: ref.location, properties: { deletedAccountCreationTime: ref.creationTime } });
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

export const storageAccountOperations: ResourceTypeOperations = {
  list: listRows,
  ...softDeleteOperations({
    // ⚠️ The emulator's code for a restore with nothing deleted left to restore (arm-contract-types §2.4 has none).
    nothingToRecoverCodes: ['DeletedStorageAccountNotFound'],
    getDeleted: (session, ref) => session.storage(ref.subscriptionId).deletedAccounts.get(ref.name, ref.location, readTimeout()),
    getLive: (session, ref) => session.storage(ref.subscriptionId).storageAccounts.getProperties(ref.resourceGroup, ref.name, readTimeout()),
    // How ARM answers a restore of an account that is already live is not documented: it is read first instead.
    recover: restoreStorageAccount,
  }),
};
