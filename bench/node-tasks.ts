/**
 * The bench's measurements that run in Node against the portal's own server code (app/actions.ts and lib/arm,
 * called directly, as Next.js calls them) and against the official SDK. Started by bench/run.ts as
 *   node --conditions=react-server --import tsx bench/node-tasks.ts <task> <json args>
 * (`react-server` is the condition under which `server-only` may be imported, as inside Next.js) with
 * NODE_EXTRA_CA_CERTS set to the local CA. Prints one JSON line with the result.
 */
import diagnostics from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import autocannon from 'autocannon';
import { listDeletedAccounts, listSubscriptions, purgeDeletedAccount, recoverDeletedAccount } from '../app/actions';
import type { ActionResult } from '../lib/action-result';
import type { DeletedAccountRef } from '../lib/deleted-accounts/schemas';

const token = process.env.BENCH_TOKEN ?? '';
const armUrl = process.env.BENCH_ARM_URL ?? '';

const credential: TokenCredential = {
  async getToken(): Promise<AccessToken> {
    return { token, expiresOnTimestamp: Date.now() + 30 * 60_000, tokenType: 'Bearer' };
  },
};

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * The portal's listing server action, end to end: validation, listing, every status check, reshaping. One
 * subscription, or several as "All subscriptions" asks: the ids of the subscriptions its picker shows.
 */
async function portalList(subscription: string | string[]): Promise<number> {
  const result = await listDeletedAccounts({ token, subscription });
  if (!result.ok) throw new Error(`listDeletedAccounts(${subscription}): ${result.error.code} ${result.error.message}`);
  if (result.data.failures.length > 0) throw new Error(`listDeletedAccounts(${subscription}): ${result.data.failures.length} subscriptions failed`);
  return result.data.accounts.length;
}

/** The floor: the official SDK listing the same pages, nothing else. */
async function sdkList(subscriptionId: string): Promise<number> {
  const client = new CognitiveServicesManagementClient(credential, subscriptionId, {
    endpoint: armUrl,
    credentialScopes: ['https://management.azure.com/.default'],
  });
  let count = 0;
  for await (const _account of client.deletedAccounts.list()) count++;
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const tasks = {
  /** Row 1: one subscription, portal action vs SDK, alternating so drift hits both alike; medians. */
  async 'list-one'(args: { subscriptionId: string; rounds: number }) {
    await portalList(args.subscriptionId); // warm-up: module loading, TLS, JWKS cache in the emulator
    await sdkList(args.subscriptionId);
    const portal: number[] = [];
    const sdk: number[] = [];
    let counts = { portal: 0, sdk: 0 };
    for (let round = 0; round < args.rounds; round++) {
      const a = await timed(() => portalList(args.subscriptionId));
      const b = await timed(() => sdkList(args.subscriptionId));
      portal.push(a.ms);
      sdk.push(b.ms);
      counts = { portal: a.value, sdk: b.value };
    }
    return { portalMs: median(portal), sdkMs: median(sdk), portal, sdk, counts };
  },

  /** Row 2: "All subscriptions" vs each subscription on its own; plus the request rate it needs from ARM. */
  async 'list-all'(args: { subscriptionIds: string[]; rounds: number }) {
    // The page lists its subscriptions once (the picker); "All subscriptions" then names them.
    const listed = await listSubscriptions({ token });
    if (!listed.ok) throw new Error(`listSubscriptions: ${listed.error.code} ${listed.error.message}`);
    const all = listed.data.map((subscription) => subscription.subscriptionId);
    await portalList(all);
    const singles: number[] = [];
    for (const id of args.subscriptionIds) singles.push((await timed(() => portalList(id))).ms);
    const allMs: number[] = [];
    let requests = 0;
    let accounts = 0;
    for (let round = 0; round < args.rounds; round++) {
      let counted = 0;
      const onStart = () => {
        counted++;
      };
      diagnostics.subscribe('http.client.request.start', onStart);
      const run = await timed(() => portalList(all));
      diagnostics.unsubscribe('http.client.request.start', onStart);
      allMs.push(run.ms);
      requests = counted;
      accounts = run.value;
    }
    const medianMs = median(allMs);
    return { allMs: medianMs, slowestSingleMs: Math.max(...singles), singles, all: allMs, requests, accounts, requestsPerSecond: requests / (medianMs / 1000) };
  },

  /** Row 4's baseline: the same server actions one at a time, as a CLI loop runs them. */
  async sequential(args: { kind: 'purge' | 'recover'; accounts: DeletedAccountRef[] }) {
    const action: (input: unknown) => Promise<ActionResult<unknown>> = args.kind === 'purge' ? purgeDeletedAccount : recoverDeletedAccount;
    const times: number[] = [];
    for (const account of args.accounts) {
      const run = await timed(() => action({ token, account }));
      if (!run.value.ok) throw new Error(`${args.kind} ${account.name}: ${run.value.error.code} ${run.value.error.message}`);
      times.push(run.ms);
    }
    return { perOperationMs: times.reduce((a, b) => a + b, 0) / times.length, times };
  },

  /** Row 8: list requests per second the emulator answers on loopback (first page of a subscription). */
  async throughput(args: { subscriptionId: string; connections: number; seconds: number }) {
    const result = await autocannon({
      url: `${armUrl}/subscriptions/${args.subscriptionId}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2026-07-15-preview`,
      connections: args.connections,
      duration: args.seconds,
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      requestsPerSecond: result['2xx'] / args.seconds,
      non2xx: result.non2xx,
      errors: result.errors,
      latencyP99Ms: result.latency.p99,
    };
  },
};

type TaskName = keyof typeof tasks;

const [name, json] = process.argv.slice(2);
if (!name || !(name in tasks)) throw new Error(`Unknown task '${name}' (${Object.keys(tasks).join(', ')})`);
const task = tasks[name as TaskName] as (args: unknown) => Promise<unknown>;
const output = await task(JSON.parse(json ?? '{}'));
process.stdout.write(`${JSON.stringify(output)}\n`);
