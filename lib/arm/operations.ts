import 'server-only';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import type { ArmDeletedAccount } from '@/lib/deleted-accounts/to-deleted-account';
import { existenceFromRead } from '@/lib/deleted-accounts/dependencies';
import type { PermissionSet } from '@/lib/deleted-accounts/permissions';
import type { DeletedAccountRef } from '@/lib/deleted-accounts/schemas';
import type { Subscription } from '@/lib/deleted-accounts/types';
import type { ArmSession } from './session';
import { armErrorFromResponse, isTransientConflict, toArmError } from './errors';

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
const KEY_VAULT_API_VERSION = '2023-07-01';

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

export async function listDeletedAccounts(session: ArmSession, subscriptionId: string): Promise<ArmDeletedAccount[]> {
  return collect(session.cognitiveServices(subscriptionId).deletedAccounts.list(readTimeout()));
}

function toPermissionSets(value: unknown): PermissionSet[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry: { actions?: unknown; notActions?: unknown }) => ({
    actions: Array.isArray(entry.actions) ? entry.actions.filter((a): a is string => typeof a === 'string') : [],
    notActions: Array.isArray(entry.notActions) ? entry.notActions.filter((a): a is string => typeof a === 'string') : [],
  }));
}

/**
 * Reads every page of an ARM list the installed SDKs have no method for, through the same client pipeline
 * (auth, retries, host guard). The path is built from validated ids only.
 */
async function readArmList(session: ArmSession, subscriptionId: string, pathAndQuery: string): Promise<unknown[]> {
  const client = session.authorization(subscriptionId);
  const values: unknown[] = [];
  let url: string | undefined = `${client.$host}${pathAndQuery}`;
  while (url) {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', ...readTimeout() }));
    if (response.status !== 200) {
      const correlationId = response.headers.get('x-ms-correlation-request-id') ?? session.correlationId;
      throw armErrorFromResponse(response.status, response.bodyAsText ?? undefined, correlationId);
    }
    const body = JSON.parse(response.bodyAsText ?? '{}') as { value?: unknown; nextLink?: unknown };
    if (Array.isArray(body.value)) values.push(...(body.value as unknown[]));
    url = typeof body.nextLink === 'string' ? body.nextLink : undefined;
  }
  return values;
}

/** The caller's permissions at subscription scope (the SDK only has the resource-group and resource scopes). */
export async function listSubscriptionPermissions(session: ArmSession, subscriptionId: string): Promise<PermissionSet[]> {
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Authorization/permissions?api-version=${AUTHORIZATION_API_VERSION}`;
  return toPermissionSets(await readArmList(session, subscriptionId, path));
}

export async function listResourceGroupPermissions(
  session: ArmSession,
  subscriptionId: string,
  resourceGroup: string,
): Promise<PermissionSet[]> {
  const raw = await collect(session.authorization(subscriptionId).permissions.listForResourceGroup(resourceGroup, readTimeout()));
  return toPermissionSets(raw);
}

export async function resourceGroupExists(session: ArmSession, subscriptionId: string, resourceGroup: string): Promise<boolean> {
  const result = await session.resources(subscriptionId).resourceGroups.checkExistence(resourceGroup, readTimeout());
  return result.body;
}

export async function createResourceGroup(
  session: ArmSession,
  subscriptionId: string,
  resourceGroup: string,
  location: string,
): Promise<void> {
  await session.resources(subscriptionId).resourceGroups.createOrUpdate(resourceGroup, { location }, readTimeout());
}

/**
 * Names (lower case) of the Key Vaults in a subscription that the caller can read (Vaults_ListBySubscription;
 * no Key Vault SDK is installed for this one read).
 */
export async function listKeyVaultNames(session: ArmSession, subscriptionId: string): Promise<Set<string>> {
  const path = `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.KeyVault/vaults?api-version=${KEY_VAULT_API_VERSION}`;
  const vaults = await readArmList(session, subscriptionId, path);
  return new Set(
    vaults
      .map((vault) => (typeof vault === 'object' && vault !== null && 'name' in vault ? vault.name : undefined))
      .filter((name): name is string => typeof name === 'string')
      .map((name) => name.toLowerCase()),
  );
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

/** Recover = PUT the account with restore:true in its original location; follows the operation to its end. */
export async function recoverDeletedAccount(session: ArmSession, account: DeletedAccountRef): Promise<void> {
  await session.cognitiveServices(account.subscriptionId).accounts.beginCreateAndWait(
    account.resourceGroup,
    account.name,
    { location: account.location, properties: { restore: true } },
    { abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS), updateIntervalInMs: POLL_INTERVAL_MS },
  );
}

/**
 * Purge = DELETE on the deletedAccounts path in the account's own region. An account that is already gone
 * (404) counts as purged: the person's goal is reached, and a retried purge must not turn into an error. A 409
 * RequestConflict (purging right after the delete) is tried again after a pause; other 409s are final.
 */
export async function purgeDeletedAccount(session: ArmSession, account: DeletedAccountRef): Promise<void> {
  const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      await session
        .cognitiveServices(account.subscriptionId)
        .deletedAccounts.beginPurgeAndWait(account.location, account.resourceGroup, account.name, {
          abortSignal,
          updateIntervalInMs: POLL_INTERVAL_MS,
        });
      return;
    } catch (error) {
      const armError = toArmError(error, session.correlationId);
      if (armError.status === 404) return;
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
