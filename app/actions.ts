'use server';

import { mapWithConcurrency } from '@/lib/concurrency';
import { runArmAction } from '@/lib/arm/run-action';
import { toArmError } from '@/lib/arm/errors';
import {
  createResourceGroup,
  listSubscriptions as listArmSubscriptions,
  purgeDeletedAccount as purgeArmDeletedAccount,
  recoverDeletedAccount as recoverArmDeletedAccount,
} from '@/lib/arm/operations';
import { readDeletedAccounts } from '@/lib/arm/read-deleted-accounts';
import type { ActionError, ActionResult } from '@/lib/action-result';
import {
  deletedAccountActionInput,
  listDeletedAccountsInput,
  listSubscriptionsInput,
  recreateResourceGroupInput,
} from '@/lib/deleted-accounts/schemas';
import type { DeletedAccount, Subscription } from '@/lib/deleted-accounts/types';

/** Subscriptions read at once when listing "All subscriptions". */
const SUBSCRIPTION_CONCURRENCY = 4;

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
    if (subscription !== 'all') {
      return { accounts: await readDeletedAccounts(session, subscription, now), failures: [] };
    }
    const subscriptions = await listArmSubscriptions(session);
    type SubscriptionRead = { subscriptionId: string; accounts: DeletedAccount[] } | { subscriptionId: string; error: ActionError };
    const results = await mapWithConcurrency(subscriptions, SUBSCRIPTION_CONCURRENCY, async ({ subscriptionId }): Promise<SubscriptionRead> => {
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

export async function recoverDeletedAccount(input: unknown): Promise<ActionResult<{ recovered: true }>> {
  return runArmAction('recoverDeletedAccount', deletedAccountActionInput, input, async ({ account }, session) => {
    await recoverArmDeletedAccount(session, account);
    return { recovered: true as const };
  });
}

export async function purgeDeletedAccount(input: unknown): Promise<ActionResult<{ purged: true }>> {
  return runArmAction('purgeDeletedAccount', deletedAccountActionInput, input, async ({ account }, session) => {
    await purgeArmDeletedAccount(session, account);
    return { purged: true as const };
  });
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
