import { describe, expect, it } from 'vitest';
import type { Capability, DeletedResource } from '@/lib/deleted-resources/types';
import { planAction } from './toolbar';
import { deletedResource } from '@/test-support/deleted-resource';

const NO_PURGE = 'Storage accounts have no purge: it expires 14 days after its deletion.';
/** Several rows under one rule are named with the rule alone: the rest of each reason (its date) differs per row. */
const NO_PURGE_RULE = 'Storage accounts have no purge.';
const PROTECTED = 'Purge protection is on: nobody can purge it; Azure removes it when its retention ends.';
const NO_RIGHT = "You can't purge: purge needs Contributor or Owner on the subscription.";

function row(name: string, type: string, purge: Capability, recover: Capability = { allowed: true }): DeletedResource {
  return deletedResource(type, name, { status: { label: 'Recoverable', tone: 'success', recover, purge } });
}

const purgeable = (name: string) => row(name, 'cognitive-accounts', { allowed: true });
const storage = (name: string) => row(name, 'storage-accounts', { allowed: false, reason: NO_PURGE });
const protectedVault = (name: string) => row(name, 'key-vaults', { allowed: false, reason: PROTECTED });
const purgeOf = (selection: DeletedResource[], busy = false) => planAction(selection, (entry) => entry.status.purge, 'purge', busy);

describe('planAction', () => {
  it('acts on every selected row when each one allows it, with nothing to say', () => {
    const selection = [purgeable('a'), purgeable('b')];
    expect(purgeOf(selection)).toEqual({ targets: selection });
  });

  it('names the left-out rows grouped by reason, and acts on the others', () => {
    const a = purgeable('ai-one');
    const plan = purgeOf([storage('stdevarchive'), a, protectedVault('kv-secure'), storage('stdevoldlogs')]);
    expect(plan.targets).toEqual([a]);
    expect(plan.reason).toBeUndefined();
    expect(plan.note).toBe(`3 selected can't be purged and will be left out (stdevarchive, stdevoldlogs: ${NO_PURGE_RULE} kv-secure: ${PROTECTED})`);
  });

  it('names at most three rows of a reason, then says how many more', () => {
    const left = ['st1', 'st2', 'st3', 'st4', 'st5'].map(storage);
    const plan = purgeOf([purgeable('a'), ...left, protectedVault('kv-one')]);
    expect(plan.note).toBe(`6 selected can't be purged and will be left out (st1, st2, st3 and 2 more: ${NO_PURGE_RULE} kv-one: ${PROTECTED})`);
  });

  it("says one left-out row's reason whole, date included", () => {
    const plan = purgeOf([purgeable('a'), storage('stonly')]);
    expect(plan.note).toBe(`1 selected can't be purged and will be left out (stonly: ${NO_PURGE})`);
  });

  it('names exactly three rows without "more"', () => {
    const plan = purgeOf([purgeable('a'), ...['st1', 'st2', 'st3'].map(storage)]);
    expect(plan.note).toBe(`3 selected can't be purged and will be left out (st1, st2, st3: ${NO_PURGE_RULE})`);
  });

  it('says "recovered" for a recover', () => {
    const blocked = row('ai-two', 'cognitive-accounts', { allowed: true }, { allowed: false, reason: 'Its scheduled purge time has passed.' });
    const plan = planAction([purgeable('a'), blocked], (entry) => entry.status.recover, 'recover', false);
    expect(plan.note).toBe("1 selected can't be recovered and will be left out (ai-two: Its scheduled purge time has passed.)");
  });

  it('is disabled, with the first reason, when no selected row allows it', () => {
    const plan = purgeOf([row('ai', 'cognitive-accounts', { allowed: false, reason: NO_RIGHT }), storage('st1')]);
    expect(plan).toEqual({ targets: [], reason: NO_RIGHT });
  });

  it('is disabled without a selection, or while an action runs', () => {
    expect(purgeOf([])).toEqual({ targets: [], reason: 'Select one or more resources to purge.' });
    expect(purgeOf([purgeable('a')], true)).toEqual({ targets: [], reason: 'An action is running; wait for it to finish.' });
  });
});
