'use server';

import type { z } from 'zod';
import { mapWithConcurrency } from '@/lib/concurrency';
import { runArmAction } from '@/lib/arm/run-action';
import { toArmError } from '@/lib/arm/errors';
import { createResourceGroup, listSubscriptions as listArmSubscriptions, listTenants as listArmTenants } from '@/lib/arm/operations';
import { prefetchSubscriptionReads } from '@/lib/arm/read-access';
import { readDeleteEvents as readArmDeleteEvents } from '@/lib/arm/activity-log';
import { activityLogStart, type DeleteEvent } from '@/lib/deleted-resources/deleted-by';
import { fail, ok, type ActionError, type ActionResult } from '@/lib/action-result';
import type { ArmSession } from '@/lib/arm/session';
import { BULK_CONCURRENCY } from '@/lib/bulk/concurrency';
import { resourcesBatchInput } from '@/lib/deleted-resources/action-inputs';
import {
  listDeletedResourcesInput,
  readDeleteEventsInput,
  listSubscriptionsInput,
  listTenantsInput,
  recreateResourceGroupInput,
  resourceGroupsBatchInput,
} from '@/lib/deleted-resources/schemas';
import type { DeletedResourceState, PurgeOutcome, RecoverOutcome } from '@/lib/deleted-resources/outcomes';
import type { DeletedResource, ResourceRef, Subscription, Tenant } from '@/lib/deleted-resources/types';
import { allOperations, operationsOf } from '@/lib/resource-types/server';

/**
 * Subscriptions read at once when listing several ("All subscriptions"). ARM limits reads per subscription,
 * so reading different subscriptions side by side costs no quota; `npm run bench` row 2 (20 subscriptions x
 * 500 deleted accounts, 50 ms per request) needs all 20 at once to stay within 1.5x the slowest single one.
 * Above 20 they are read in waves, which keeps one action's open connections bounded.
 */
const SUBSCRIPTION_CONCURRENCY = 20;

export async function listSubscriptions(input: unknown): Promise<ActionResult<Subscription[]>> {
  return runArmAction('listSubscriptions', listSubscriptionsInput, input, (_args, session) => listArmSubscriptions(session));
}

/** The signed-in user's tenants with their names: the header names the tenant instead of showing its id. */
export async function listTenants(input: unknown): Promise<ActionResult<Tenant[]>> {
  return runArmAction('listTenants', listTenantsInput, input, (_args, session) => listArmTenants(session));
}

/** A list that failed: one type in one subscription (the other types and subscriptions are still shown). */
export interface ListFailure {
  subscriptionId: string;
  /** The registry id of the type whose list failed. */
  type: string;
  error: ActionError;
}

export interface DeletedResourcesList {
  resources: DeletedResource[];
  failures: ListFailure[];
}

/** Every registered type's deleted resources in one subscription, the types read side by side. */
async function readSubscription(session: ArmSession, subscriptionId: string, now: Date): Promise<DeletedResourcesList> {
  prefetchSubscriptionReads(session, subscriptionId);
  const lists = await Promise.all(
    allOperations().map(async ({ type, operations }) => {
      try {
        return { resources: await operations.list(session, subscriptionId, now), failures: [] };
      } catch (error) {
        return { resources: [], failures: [{ subscriptionId, type: type.id, error: toArmError(error, session.correlationId).toActionError() }] };
      }
    }),
  );
  return { resources: lists.flatMap((list) => list.resources), failures: lists.flatMap((list) => list.failures) };
}

export async function listDeletedResources(input: unknown): Promise<ActionResult<DeletedResourcesList>> {
  return runArmAction('listDeletedResources', listDeletedResourcesInput, input, async ({ subscription }, session) => {
    const now = new Date();
    const subscriptionIds = typeof subscription === 'string' ? [subscription] : [...new Set(subscription)];
    const lists = await mapWithConcurrency(subscriptionIds, SUBSCRIPTION_CONCURRENCY, (subscriptionId) => readSubscription(session, subscriptionId, now));
    return { resources: lists.flatMap((list) => list.resources), failures: lists.flatMap((list) => list.failures) };
  });
}

type BatchResults<T> = ActionResult<{ results: ActionResult<T>[] }>;

/**
 * A batch of operations run at once on the server, one result per item in the same order; one item's failure
 * is its own result and never the batch's. The browser sends its bulk actions as batches because Next.js runs
 * one client's server action calls one after another (lib/bulk/run-bulk.ts, runBulkInBatches).
 */
function runBatch<S extends z.ZodType<{ token: string }>, Item, T>(
  name: string,
  schema: S,
  input: unknown,
  itemsOf: (args: z.output<S>) => readonly Item[],
  operation: (session: ArmSession, item: Item) => Promise<T>,
): Promise<BatchResults<T>> {
  return runArmAction(name, schema, input, async (args, session) => ({
    results: await mapWithConcurrency(itemsOf(args), BULK_CONCURRENCY, async (item): Promise<ActionResult<T>> => {
      try {
        return ok(await operation(session, item));
      } catch (error) {
        const armError = toArmError(error, session.correlationId);
        console.error(`[${name}] ${armError.kind} ${armError.code} status=${armError.status ?? '-'} correlation=${armError.correlationId ?? '-'}`);
        return fail(armError.toActionError());
      }
    }),
  }));
}

const resourcesOf = ({ resources }: { resources: ResourceRef[] }) => resources;

/** Recovers each resource with its own type's operation: a mixed-type selection is one run. */
export async function recoverDeletedResources(input: unknown): Promise<BatchResults<RecoverOutcome>> {
  return runBatch('recoverDeletedResources', resourcesBatchInput, input, resourcesOf, (session, ref) => operationsOf(ref).recover(session, ref));
}

export async function purgeDeletedResources(input: unknown): Promise<BatchResults<PurgeOutcome>> {
  return runBatch('purgeDeletedResources', resourcesBatchInput, input, resourcesOf, (session, ref) => operationsOf(ref).purge(session, ref));
}

/** Where each resource stands in ARM now: asked for the rows of a bulk action whose answer was lost. */
export async function readDeletedResourceStates(input: unknown): Promise<BatchResults<DeletedResourceState>> {
  return runBatch('readDeletedResourceStates', resourcesBatchInput, input, resourcesOf, (session, ref) => operationsOf(ref).readState(session, ref));
}

/** What a recovery plan does before it recovers resources: recreate their missing resource groups. */
export async function recreateResourceGroups(input: unknown): Promise<BatchResults<void>> {
  return runBatch('recreateResourceGroups', resourceGroupsBatchInput, input, ({ groups }) => groups, (session, group) =>
    createResourceGroup(session, group.subscriptionId, group.resourceGroup, group.location),
  );
}

export async function recreateResourceGroup(input: unknown): Promise<ActionResult<{ created: true }>> {
  return runArmAction(
    'recreateResourceGroup',
    recreateResourceGroupInput,
    input,
    async ({ subscriptionId, resourceGroup, location }, session) => {
      await createResourceGroup(session, subscriptionId, resourceGroup, location);
      return { created: true as const };
    },
  );
}

/**
 * Who deleted what, per subscription and time window, one result each: the Deleted by column reads it after the
 * rows are shown, MAX_LISTED_SUBSCRIPTIONS subscriptions a call. The start is kept within the 90 days ARM allows
 * by this server's clock too.
 */
export async function readDeleteEvents(input: unknown): Promise<BatchResults<DeleteEvent[]>> {
  return runBatch('readDeleteEvents', readDeleteEventsInput, input, ({ subscriptions }) => subscriptions, (session, { subscriptionId, from, to, providers }) => {
    const start = Math.max(Date.parse(from), activityLogStart(Date.now()));
    if (start > Date.parse(to)) return Promise.resolve([]);
    return readArmDeleteEvents(session, subscriptionId, { from: new Date(start).toISOString(), to }, [...new Set(providers)]);
  });
}
