import { describe, expect, it } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { buildRecoveryPlan, type PlanPhase, type PlanStep } from '@/lib/deleted-accounts/recovery-plan';
import type { DeletedAccount, Prerequisite } from '@/lib/deleted-accounts/types';
import { runRecoveryPlan, summarizePlanRun } from './run-plan';

const vault: Prerequisite = {
  kind: 'key-vault',
  key: 'kv:kv-old',
  subscriptionId: 's',
  resourceGroup: 'rg',
  name: 'kv-old',
  location: 'eastus',
  recoverableUntil: null,
  purgeProtected: false,
  dependsOn: [],
};

function account(name: string, prerequisites: Prerequisite[]): DeletedAccount {
  return {
    id: `/subscriptions/s/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg/deletedAccounts/${name}`,
    name,
    kind: 'OpenAI',
    kindDisplayName: 'Azure OpenAI',
    location: 'eastus',
    locationDisplayName: 'East US',
    subscriptionId: 's',
    resourceGroup: 'rg',
    deletedAt: null,
    scheduledPurgeAt: null,
    mayHoldProvisionedDeployments: false,
    status: { label: 'Recoverable', tone: 'success', recover: { allowed: true }, purge: { allowed: true } },
    prerequisites,
  };
}

const failure: ActionResult<null> = { ok: false, error: { kind: 'arm', code: 'InternalServerError', message: 'boom' } };

describe('runRecoveryPlan', () => {
  const plan = buildRecoveryPlan([account('a', [vault]), account('b', [vault]), account('c', [])]);

  it('runs a shared step once, before the accounts that need it', async () => {
    const calls: [PlanPhase, string[]][] = [];
    const run = await runRecoveryPlan({
      plan,
      runPhase: async (phase, steps) => {
        calls.push([phase, steps.map((step) => step.key)]);
        return steps.map(() => ({ ok: true, data: null }));
      },
    });
    expect(calls).toEqual([
      ['key-vault', ['kv:kv-old']],
      ['account', [expect.stringMatching(/\/a$/), expect.stringMatching(/\/b$/), expect.stringMatching(/\/c$/)]],
    ]);
    expect([...run.outcomes.values()].every((outcome) => outcome.state === 'done')).toBe(true);
  });

  it('does not attempt the dependents of a failed step, says which step blocked them, and lets the others run', async () => {
    const sent: string[] = [];
    const progress = new Map<string, string>();
    const run = await runRecoveryPlan({
      plan,
      runPhase: async (_phase, steps) => {
        sent.push(...steps.map((step) => step.key));
        return steps.map((step) => (step.kind === 'key-vault' ? failure : { ok: true, data: null }));
      },
      onProgress: (step: PlanStep, rowProgress) => progress.set(step.key, rowProgress.state),
    });
    const [, a, b, c] = plan.steps.map((step) => step.key) as [string, string, string, string];
    expect(sent).toEqual(['kv:kv-old', c]);
    expect(run.outcomes.get('kv:kv-old')).toMatchObject({ state: 'failed' });
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
      runPhase: async (_phase, steps) => {
        sent.push(...steps.map((step) => step.key));
        return steps.map(() => ({ ok: true, data: null }));
      },
    });
    expect(sent).toEqual(['kv:kv-old', a, plan.steps[2]?.key]);
    expect(run.outcomes.has(c)).toBe(false);
  });
});

describe('summarizePlanRun', () => {
  const plan = buildRecoveryPlan([account('a', [vault]), account('b', [vault]), account('c', [])]);
  const [, a, b, c] = plan.steps as [PlanStep, PlanStep, PlanStep, PlanStep];

  it('counts steps and accounts apart, and reports a blocked account as failed with the step that blocked it', () => {
    const run = {
      outcomes: new Map([
        ['kv:kv-old', { state: 'failed' as const, error: failure.ok ? undefined! : failure.error }],
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
    const run = { outcomes: new Map([['kv:kv-old', { state: 'done' as const }], [a.key, { state: 'done' as const }], [b.key, { state: 'done' as const }]]) };
    const { text, doneKeys } = summarizePlanRun(plan, run, new Set([c.key]));
    expect(text).toBe('1 step done, 2 recovered');
    expect(doneKeys).toEqual(new Set([c.key, 'kv:kv-old', a.key, b.key]));
  });
});
