'use server';

import type { z } from 'zod';
import { mapWithConcurrency } from '@/lib/concurrency';
import { runArmAction } from '@/lib/arm/run-action';
import { toArmError } from '@/lib/arm/errors';
import {
  createResourceGroup,
  listSubscriptions as listArmSubscriptions,
  purgeDeletedAccount as purgeArmDeletedAccount,
  readDeletedAccountState,
  recoverDeletedAccount as recoverArmDeletedAccount,
  recoverKeyVault,
  restoreStorageAccount,
} from '@/lib/arm/operations';
import { readDeletedAccounts } from '@/lib/arm/read-deleted-accounts';
import { fail, ok, type ActionError, type ActionResult } from '@/lib/action-result';
import type { ArmSession } from '@/lib/arm/session';
import { BULK_CONCURRENCY } from '@/lib/bulk/run-bulk';
import {
  deletedAccountActionInput,
  deletedAccountsBatchInput,
  listDeletedAccountsInput,
  listSubscriptionsInput,
  recoveryStepsBatchInput,
  recreateResourceGroupInput,
  type DeletedAccountRef,
  type RecoveryStepRef,
} from '@/lib/deleted-accounts/schemas';
import type { DeletedAccountState, PurgeOutcome, RecoverOutcome } from '@/lib/deleted-accounts/outcomes';
import type { DeletedAccount, Subscription } from '@/lib/deleted-accounts/types';

/**
 * Subscriptions read at once when listing several ("All subscriptions"). ARM limits reads per subscription,
 * so reading different subscriptions side by side costs no quota; `npm run bench` row 2 (20 subscriptions x
 * 500 deleted accounts, 50 ms per request) needs all 20 at once to stay within 1.5x the slowest single one
 * (now about 1.3x; 4 at once took 2.5x). Above 20 they are read in waves, which keeps one action's open
 * connections bounded.
 */
const SUBSCRIPTION_CONCURRENCY = 20;

export async function listSubscriptions(input: unknown): Promise<ActionResult<Subscription[]>> {
  return runArmAction('listSubscriptions', listSubscriptionsInput, input, (_args, session) => listArmSubscriptions(session));
}

export interface DeletedAccountsList {
  accounts: DeletedAccount[];
  /** Subscriptions whose list failed; the others are still shown. */
  failures: { subscriptionId: string; error: ActionError }[];
}

export async function listDeletedAccounts(input: unknown): Promise<ActionResult<DeletedAccountsList>> {
  return runArmAction('listDeletedAccounts', listDeletedAccountsInput, input, async ({ subscription }, session) => {
    const now = new Date();
    if (typeof subscription === 'string') {
      return { accounts: await readDeletedAccounts(session, subscription, now), failures: [] };
    }
    type SubscriptionRead = { subscriptionId: string; accounts: DeletedAccount[] } | { subscriptionId: string; error: ActionError };
    const subscriptionIds = [...new Set(subscription)];
    const results = await mapWithConcurrency(subscriptionIds, SUBSCRIPTION_CONCURRENCY, async (subscriptionId): Promise<SubscriptionRead> => {
      try {
        return { subscriptionId, accounts: await readDeletedAccounts(session, subscriptionId, now) };
      } catch (error) {
        return { subscriptionId, error: toArmError(error, session.correlationId).toActionError() };
      }
    });
    return {
      accounts: results.flatMap((result) => ('accounts' in result ? result.accounts : [])),
      failures: results.flatMap((result) => ('error' in result ? [{ subscriptionId: result.subscriptionId, error: result.error }] : [])),
    };
  });
}

export async function recoverDeletedAccount(input: unknown): Promise<ActionResult<RecoverOutcome>> {
  return runArmAction('recoverDeletedAccount', deletedAccountActionInput, input, ({ account }, session) => recoverArmDeletedAccount(session, account));
}

export async function purgeDeletedAccount(input: unknown): Promise<ActionResult<PurgeOutcome>> {
  return runArmAction('purgeDeletedAccount', deletedAccountActionInput, input, ({ account }, session) => purgeArmDeletedAccount(session, account));
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

const accountsOf = ({ accounts }: { accounts: DeletedAccountRef[] }) => accounts;

export async function recoverDeletedAccounts(input: unknown): Promise<BatchResults<RecoverOutcome>> {
  return runBatch('recoverDeletedAccounts', deletedAccountsBatchInput, input, accountsOf, recoverArmDeletedAccount);
}

export async function purgeDeletedAccounts(input: unknown): Promise<BatchResults<PurgeOutcome>> {
  return runBatch('purgeDeletedAccounts', deletedAccountsBatchInput, input, accountsOf, purgeArmDeletedAccount);
}

/** Where each account stands in ARM now: asked for the rows of a bulk action whose answer was lost. */
export async function readDeletedAccountStates(input: unknown): Promise<BatchResults<DeletedAccountState>> {
  return runBatch('readDeletedAccountStates', deletedAccountsBatchInput, input, accountsOf, readDeletedAccountState);
}

/** What a recovery plan does before it recovers accounts: recreate groups, recover vaults, restore storage accounts. */
function runRecoveryStep(session: ArmSession, step: RecoveryStepRef): Promise<void> {
  switch (step.kind) {
    case 'resource-group':
      return createResourceGroup(session, step.subscriptionId, step.resourceGroup, step.location);
    case 'key-vault':
      return recoverKeyVault(session, step);
    case 'storage-account':
      return restoreStorageAccount(session, step);
  }
}

export async function runRecoverySteps(input: unknown): Promise<BatchResults<void>> {
  return runBatch('runRecoverySteps', recoveryStepsBatchInput, input, ({ steps }) => steps, runRecoveryStep);
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
