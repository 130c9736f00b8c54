/**
 * The server actions seen as AI services account actions, for tests written about accounts: one account's
 * recover or purge is a batch of one through the real batch action, and its result is that item's result (or
 * the batch's own failure, e.g. a validation error). Nothing is faked: every call reaches the real action.
 */
import type { ActionResult } from '@/lib/action-result';
import type { DeletedResourceState, PurgeOutcome, RecoverOutcome } from '@/lib/deleted-resources/outcomes';
import type { DeletedResource } from '@/lib/deleted-resources/types';

type Actions = typeof import('@/app/actions');
type BatchResults<T> = ActionResult<{ results: ActionResult<T>[] }>;
export interface AccountRef {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  name: string;
}

const ACCOUNT_TYPE = 'cognitive-accounts';
const asResource = (account: AccountRef) => ({ type: ACCOUNT_TYPE, ...account });

function only<T>(batch: BatchResults<T>): ActionResult<T> {
  if (!batch.ok) return batch;
  return batch.data.results[0] ?? { ok: false, error: { kind: 'unexpected', code: 'NoResult', message: 'The batch answered no result.' } };
}

export function accountActions(actions: Actions) {
  return {
    ...actions,
    async listDeletedAccounts(input: { token: string; subscription: string | string[] }): Promise<ActionResult<{ accounts: DeletedResource[]; failures: { subscriptionId: string; error: unknown }[] }>> {
      const result = await actions.listDeletedResources(input);
      if (!result.ok) return result;
      const accounts = result.data.resources.filter((row) => row.type === ACCOUNT_TYPE);
      const failures = result.data.failures.filter((failure) => failure.type === ACCOUNT_TYPE);
      return { ok: true, data: { accounts, failures } };
    },
    async recoverDeletedAccount(input: { token: string; account: AccountRef }): Promise<ActionResult<RecoverOutcome>> {
      return only(await actions.recoverDeletedResources({ token: input.token, resources: [asResource(input.account)] }));
    },
    async purgeDeletedAccount(input: { token: string; account: AccountRef }): Promise<ActionResult<PurgeOutcome>> {
      return only(await actions.purgeDeletedResources({ token: input.token, resources: [asResource(input.account)] }));
    },
    purgeDeletedAccounts(input: { token: string; accounts: AccountRef[] }): Promise<BatchResults<PurgeOutcome>> {
      return actions.purgeDeletedResources({ token: input.token, resources: input.accounts.map(asResource) });
    },
    recoverDeletedAccounts(input: { token: string; accounts: AccountRef[] }): Promise<BatchResults<RecoverOutcome>> {
      return actions.recoverDeletedResources({ token: input.token, resources: input.accounts.map(asResource) });
    },
    readDeletedAccountStates(input: { token: string; accounts: AccountRef[] }): Promise<BatchResults<DeletedResourceState>> {
      return actions.readDeletedResourceStates({ token: input.token, resources: input.accounts.map(asResource) });
    },
  };
}
