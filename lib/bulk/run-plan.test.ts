import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { resourceKey } from '@/lib/deleted-resources/prerequisite-key';
import { buildRecoveryPlan, type PlanStep } from '@/lib/deleted-resources/recovery-plan';
import type { DeletedResource, Prerequisite, ResourceRef } from '@/lib/deleted-resources/types';
import { cognitiveAccounts } from '@/lib/resource-types/cognitive-accounts';
import { keyVaults } from '@/lib/resource-types/key-vaults';
import { runRecoveryPlan, summarizePlanRun } from './run-plan';
import { deletedResource } from '@/test-support/deleted-resource';

const vaultRef: ResourceRef = { type: keyVaults.id, subscriptionId: 's', resourceGroup: 'rg', location: 'eastus', name: 'kv-old' };
const vault: Prerequisite = { kind: 'resource', key: resourceKey(vaultRef), title: 'Recover Key Vault kv-old', ref: vaultRef, dependsOn: [] };

function row(type: string, name: string, prerequisites: Prerequisite[]): DeletedResource {
  return deletedResource(type, name, { prerequisites });
}

const account = (name: string, prerequisites: Prerequisite[]) => row(cognitiveAccounts.id, name, prerequisites);

const failure: ActionResult<null> = { ok: false, error: { kind: 'arm', code: 'InternalServerError', message: 'boom' } };

describe('runRecoveryPlan', () => {
  const plan = buildRecoveryPlan([account('a', [vault]), account('b', [vault]), account('c', [])]);

  it('runs a shared step once, before the accounts that need it, one phase per call', async () => {
    const calls: [number, string][][] = [];
    const run = await runRecoveryPlan({
      plan,
      runPhase: async (steps) => {
        calls.push(steps.map((step) => [step.phase, step.key]));
        return steps.map(() => ({ ok: true, data: null }));
      },
    });
    expect(calls).toEqual([
      [[keyVaults.recoverPhase, vault.key]],
      [
        [cognitiveAccounts.recoverPhase, expect.stringMatching(/\/a$/)],
        [cognitiveAccounts.recoverPhase, expect.stringMatching(/\/b$/)],
        [cognitiveAccounts.recoverPhase, expect.stringMatching(/\/c$/)],
      ],
    ]);
    expect([...run.outcomes.values()].every((outcome) => outcome.state === 'done')).toBe(true);
  });

  it('does not attempt the dependents of a failed step, says which step blocked them, and lets the others run', async () => {
    const sent: string[] = [];
    const progress = new Map<string, string>();
    const run = await runRecoveryPlan({
      plan,
      runPhase: async (steps) => {
        sent.push(...steps.map((step) => step.key));
        return steps.map((step) => (step.action.kind === 'resource' && step.action.ref.type === keyVaults.id ? failure : { ok: true, data: null }));
      },
      onProgress: (step: PlanStep, rowProgress) => progress.set(step.key, rowProgress.state),
    });
    const [, a, b, c] = plan.steps.map((step) => step.key) as [string, string, string, string];
    expect(sent).toEqual([vault.key, c]);
    expect(run.outcomes.get(vault.key)).toMatchObject({ state: 'failed' });
    expect(run.outcomes.get(a)).toEqual({ state: 'blocked', by: 'Recover Key Vault kv-old' });
    expect(run.outcomes.get(b)).toEqual({ state: 'blocked', by: 'Recover Key Vault kv-old' });
    expect(run.outcomes.get(c)).toEqual({ state: 'done' });
    expect(progress.get(a)).toBe('blocked');
  });

  it('resumes from the failed step: what is already done is not sent again', async () => {
    const [, a, , c] = plan.steps.map((step) => step.key) as [string, string, string, string];
    const sent: string[] = [];
    const run = await runRecoveryPlan({
      plan,
      alreadyDone: new Set([c]),
      runPhase: async (steps) => {
        sent.push(...steps.map((step) => step.key));
        return steps.map(() => ({ ok: true, data: null }));
      },
    });
    expect(sent).toEqual([vault.key, a, plan.steps[2]?.key]);
    expect(run.outcomes.has(c)).toBe(false);
  });

  it('runs a selected Key Vault that the selected accounts need once, as their step, and blocks them when it fails', async () => {
    const vaultRow = row(keyVaults.id, 'kv-old', []);
    const withRow = buildRecoveryPlan([account('a', [vault]), vaultRow, account('b', [vault])]);
    const sent: string[][] = [];
    const run = await runRecoveryPlan({
      plan: withRow,
      runPhase: async (steps) => {
        sent.push(steps.map((step) => step.key));
        return steps.map((step) => (step.row === vaultRow ? failure : { ok: true, data: null }));
      },
    });
    expect(sent).toEqual([[vault.key]]);
    const [a, b] = withRow.steps.filter((step) => step.row?.type === cognitiveAccounts.id).map((step) => step.key) as [string, string];
    expect(run.outcomes.get(a)).toEqual({ state: 'blocked', by: 'Recover Key Vault kv-old' });
    expect(run.outcomes.get(b)).toEqual({ state: 'blocked', by: 'Recover Key Vault kv-old' });
    const { text, summary } = summarizePlanRun(withRow, run);
    // The vault is a selected row: it counts among the rows (failed), not among the steps before them.
    expect(text).toBe('0 recovered, 1 failed, 2 blocked');
    expect(summary.failed.map((entry) => entry.id)).toEqual([vaultRow.id, account('a', []).id, account('b', []).id]);
  });
});

describe('summarizePlanRun', () => {
  const plan = buildRecoveryPlan([account('a', [vault]), account('b', [vault]), account('c', [])]);
  const [, a, b, c] = plan.steps as [PlanStep, PlanStep, PlanStep, PlanStep];

  it('counts steps and accounts apart, and reports a blocked account as failed with the step that blocked it', () => {
    const run = {
      outcomes: new Map([
        [vault.key, { state: 'failed' as const, error: failure.ok ? undefined! : failure.error }],
        [a.key, { state: 'blocked' as const, by: 'Recover Key Vault kv-old' }],
        [b.key, { state: 'blocked' as const, by: 'Recover Key Vault kv-old' }],
        [c.key, { state: 'done' as const }],
      ]),
    };
    const { text, summary, doneKeys } = summarizePlanRun(plan, run);
    expect(text).toBe('1 step failed, 1 recovered, 2 blocked');
    expect(summary.done).toHaveLength(1);
    expect(summary.failed.map((entry) => entry.error.message)).toEqual([
      'Not attempted: Recover Key Vault kv-old did not succeed.',
      'Not attempted: Recover Key Vault kv-old did not succeed.',
    ]);
    expect([...doneKeys]).toEqual([c.key]);
  });

  it('keeps what an earlier run did among the steps done, so a retry does not send it again', () => {
    const run = { outcomes: new Map([[vault.key, { state: 'done' as const }], [a.key, { state: 'done' as const }], [b.key, { state: 'done' as const }]]) };
    const { text, doneKeys } = summarizePlanRun(plan, run, new Set([c.key]));
    expect(text).toBe('1 step done, 2 recovered');
    expect(doneKeys).toEqual(new Set([c.key, vault.key, a.key, b.key]));
  });
});
