import 'server-only';
import { createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { PermissionSet } from '@/lib/deleted-resources/permissions';
import type { Subscription, Tenant } from '@/lib/deleted-resources/types';
import type { ArmSession } from './session';
import { armErrorFromResponse } from './errors';
import { readTimeout } from './soft-delete';

/**
 * Every ARM call the portal makes. Arguments arrive validated (lib/deleted-accounts/schemas); the SDKs
 * encode them into paths, and the session's pipeline refuses any host but the configured ARM endpoint.
 */

const AUTHORIZATION_API_VERSION = '2022-04-01';

export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
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
 * The caller's directories with their names (ARM's `GET /tenants`). Entra's tokens carry the tenant's id but
 * no name, and this is the one read that gives it with the ARM token the portal already holds.
 */
export async function listTenants(session: ArmSession): Promise<Tenant[]> {
  const raw = await collect(session.subscriptions().tenants.list(readTimeout()));
  return raw.flatMap((tenant) =>
    tenant.tenantId ? [{ tenantId: tenant.tenantId.toLowerCase(), ...(tenant.displayName ? { displayName: tenant.displayName } : {}) }] : [],
  );
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** One entry of ARM's permissions list; an entry that is not an object grants nothing. */
function readPermissionSet(value: unknown): PermissionSet {
  const entry = typeof value === 'object' && value !== null ? (value as { actions?: unknown; notActions?: unknown }) : {};
  return { actions: strings(entry.actions), notActions: strings(entry.notActions) };
}

/** What readArmList needs of an SDK client: its pipeline and endpoint. */
export interface ArmClient {
  $host: string;
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

/**
 * Reads every page of an ARM list through an SDK client's pipeline (auth, retries, host guard), keeping what
 * `read` makes of each entry (undefined: left out). Each page is read as it arrives, so a long list holds its
 * small results rather than every raw page. The path is built from validated ids only.
 */
export async function readArmList<T>(session: ArmSession, client: ArmClient, pathAndQuery: string, read: (value: unknown) => T | undefined): Promise<T[]> {
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
