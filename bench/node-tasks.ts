/**
 * The bench's measurements that run in Node against the portal's own server code (app/actions.ts and lib/arm,
 * called directly, as Next.js calls them) and against the official SDK. Started by bench/run.ts as
 *   node --conditions=react-server --import tsx bench/node-tasks.ts <task> <json args>
 * (`react-server` is the condition under which `server-only` may be imported, as inside Next.js) with
 * NODE_EXTRA_CA_CERTS set to the local CA. Prints one JSON line with the result.
 */
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { AppConfigurationManagementClient } from '@azure/arm-appconfiguration';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { StorageManagementClient } from '@azure/arm-storage';
import autocannon from 'autocannon';
import { Agent, fetch } from 'undici';
import { listDeletedResources, listSubscriptions, purgeDeletedResources, recoverDeletedResources } from '../app/actions';
import type { ActionResult } from '../lib/action-result';
import type { ResourceRef } from '../lib/deleted-resources/types';

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
 * The portal's listing server action, end to end: validation, listing every type, every status check,
 * reshaping. One subscription, or several as "All subscriptions" asks: the ids of the subscriptions its picker
 * shows. Answers how many rows of each type it listed.
 */
async function portalList(subscription: string | string[]): Promise<Record<string, number>> {
  const result = await listDeletedResources({ token, subscription });
  if (!result.ok) throw new Error(`listDeletedResources(${subscription}): ${result.error.code} ${result.error.message}`);
  const { failures } = result.data;
  if (failures.length > 0) throw new Error(`listDeletedResources(${subscription}): ${failures.length} lists failed: ${failures.map((f) => `${f.type} ${f.error.code}`).join(', ')}`);
  const counts: Record<string, number> = {};
  for (const row of result.data.resources) counts[row.type] = (counts[row.type] ?? 0) + 1;
  return counts;
}

/** The listing action like portalList, but its failed lists are counted (those a 429 caused apart), not thrown. */
async function listCounting(subscription: string | string[]) {
  const result = await listDeletedResources({ token, subscription });
  if (!result.ok) throw new Error(`listDeletedResources: ${result.error.code} ${result.error.message}`);
  const byType: Record<string, number> = {};
  for (const row of result.data.resources) byType[row.type] = (byType[row.type] ?? 0) + 1;
  const { failures } = result.data;
  const throttledFailures = failures.filter((failure) => failure.error.status === 429 || /Throttled|TooManyRequests/.test(failure.error.code)).length;
  return { rows: result.data.resources.length, byType, failures: failures.length, throttledFailures };
}

const ACCOUNTS = 'cognitive-accounts';

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

const SCOPES = ['https://management.azure.com/.default'];

/** How many entries an SDK's paged list has, reading every page. */
async function count(pages: AsyncIterable<unknown>): Promise<number> {
  let entries = 0;
  for await (const _entry of pages) entries++;
  return entries;
}

/** One deleted list per type, through each type's official SDK: the single list calls the portal's listing makes. */
const SDK_LISTS: Record<string, (subscriptionId: string) => Promise<number>> = {
  'cognitive-accounts': sdkList,
  'key-vaults': (id) => count(new KeyVaultManagementClient(credential, id, { endpoint: armUrl, credentials: { scopes: SCOPES } }).vaults.listDeleted()),
  'storage-accounts': (id) => count(new StorageManagementClient(credential, id, { endpoint: armUrl, credentialScopes: SCOPES }).deletedAccounts.list()),
  'app-configuration-stores': (id) =>
    count(new AppConfigurationManagementClient(credential, id, { endpoint: armUrl, credentialScopes: SCOPES }).configurationStores.listDeleted()),
  'api-management-services': (id) =>
    count(new ApiManagementClient(credential, id, { endpoint: armUrl, credentialScopes: SCOPES }).deletedServices.listBySubscription()),
};

/**
 * The machine's floor for row 2: the bare minimum a client must do to read the pages, with no SDK and no portal
 * logic (undici, one connection pool, JSON.parse, nextLink followed). It reads only the AI accounts lists, which
 * are 200 of "All subscriptions"' 220 requests and nearly all its bytes. When this alone takes more than the
 * budget's multiple of its own single-subscription time, the budget asks more than the machine's cores allow.
 */
const bareAgent = new Agent({ connect: { ca: fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS ?? '') } });
/** The api-version the portal's Cognitive Services SDK sends, so the floor reads the very same pages. */
const BARE_API_VERSION = new CognitiveServicesManagementClient(credential, 'x').apiVersion;

async function bareList(subscriptionId: string): Promise<number> {
  let url: string | undefined = `${armUrl}/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=${BARE_API_VERSION}`;
  let entries = 0;
  while (url) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, dispatcher: bareAgent });
    if (response.status !== 200) throw new Error(`bare list ${subscriptionId}: ${response.status}`);
    const body = (await response.json()) as { value?: unknown[]; nextLink?: string };
    entries += body.value?.length ?? 0;
    url = body.nextLink;
  }
  return entries;
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
    let counts = { portal: 0, sdk: 0, portalByType: {} as Record<string, number> };
    for (let round = 0; round < args.rounds; round++) {
      const a = await timed(() => portalList(args.subscriptionId));
      const b = await timed(() => sdkList(args.subscriptionId));
      portal.push(a.ms);
      sdk.push(b.ms);
      counts = { portal: a.value[ACCOUNTS] ?? 0, sdk: b.value, portalByType: a.value };
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
    const allCpuMs: number[] = [];
    let requests = 0;
    let accounts = 0;
    let byType: Record<string, number> = {};
    for (let round = 0; round < args.rounds; round++) {
      let counted = 0;
      const onStart = () => {
        counted++;
      };
      diagnostics.subscribe('http.client.request.start', onStart);
      const cpuBefore = process.cpuUsage();
      const run = await timed(() => portalList(all));
      const cpu = process.cpuUsage(cpuBefore);
      diagnostics.unsubscribe('http.client.request.start', onStart);
      allMs.push(run.ms);
      allCpuMs.push((cpu.user + cpu.system) / 1000);
      requests = counted;
      accounts = run.value[ACCOUNTS] ?? 0;
      byType = run.value;
    }
    const medianMs = median(allMs);
    // The floor for "every type": each single list call, one type in one subscription through its own SDK.
    const listCalls: { type: string; subscriptionId: string; ms: number; entries: number }[] = [];
    for (const id of args.subscriptionIds) {
      for (const [type, list] of Object.entries(SDK_LISTS)) {
        const call = await timed(() => list(id));
        listCalls.push({ type, subscriptionId: id, ms: call.ms, entries: call.value });
      }
    }
    const slowestCall = listCalls.reduce((slowest, call) => (call.ms > slowest.ms ? call : slowest));
    // The floor, measured as the portal's figure is: slowest single of the 20, median "all" of the rounds.
    await Promise.all(args.subscriptionIds.map(bareList)); // warm-up: connections
    const floorSingles: number[] = [];
    for (const id of args.subscriptionIds) floorSingles.push((await timed(() => bareList(id))).ms);
    const floorAll: { ms: number; cpuMs: number }[] = [];
    for (let round = 0; round < args.rounds; round++) {
      const cpuBefore = process.cpuUsage();
      const run = await timed(() => Promise.all(args.subscriptionIds.map(bareList)));
      const cpu = process.cpuUsage(cpuBefore);
      const read = run.value.reduce((a, b) => a + b, 0);
      if (read !== accounts) throw new Error(`the bare lists read ${read} accounts, the portal ${accounts}`);
      floorAll.push({ ms: run.ms, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    return {
      allMs: medianMs,
      slowestSingleMs: Math.max(...singles),
      singles,
      all: allMs,
      allCpuMs,
      requests,
      accounts,
      byType,
      requestsPerSecond: requests / (medianMs / 1000),
      slowestListCall: slowestCall,
      listCalls: listCalls.length,
      floor: { allMs: median(floorAll.map((run) => run.ms)), slowestSingleMs: Math.max(...floorSingles), all: floorAll },
    };
  },

  /**
   * Row 9: "All subscriptions" over the ten-times world (every subscription the picker lists) vs single
   * subscriptions (a sample: they are all alike), and what ARM's throttle did meanwhile: 429 answers the
   * portal's SDK clients met (and retried) vs lists the person was shown as failed because of one.
   */
  async 'list-wide'(args: { sampleIds: string[]; rounds: number }) {
    const listed = await listSubscriptions({ token });
    if (!listed.ok) throw new Error(`listSubscriptions: ${listed.error.code} ${listed.error.message}`);
    const all = listed.data.map((subscription) => subscription.subscriptionId);
    let throttledAnswers = 0;
    let requests = 0;
    const onRequest = () => {
      requests++;
    };
    const onResponse = (message: unknown) => {
      if ((message as { response: { statusCode?: number } }).response.statusCode === 429) throttledAnswers++;
    };
    diagnostics.subscribe('http.client.request.start', onRequest);
    diagnostics.subscribe('http.client.response.finish', onResponse);
    try {
      await listCounting(all); // warm-up
      const singles: number[] = [];
      for (const id of args.sampleIds) singles.push((await timed(() => listCounting(id))).ms);
      const allMs: number[] = [];
      const runs: { rows: number; byType: Record<string, number>; failures: number; throttledFailures: number; requests: number; throttledAnswers: number; cpuMs: number }[] = [];
      for (let round = 0; round < args.rounds; round++) {
        const [requestsBefore, throttledBefore, cpuBefore] = [requests, throttledAnswers, process.cpuUsage()];
        const run = await timed(() => listCounting(all));
        const cpu = process.cpuUsage(cpuBefore);
        allMs.push(run.ms);
        runs.push({ ...run.value, requests: requests - requestsBefore, throttledAnswers: throttledAnswers - throttledBefore, cpuMs: (cpu.user + cpu.system) / 1000 });
      }
      return { subscriptions: all.length, allMs: median(allMs), all: allMs, slowestSingleMs: Math.max(...singles), singles, runs, throttledAnswersInAll: throttledAnswers };
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
      diagnostics.unsubscribe('http.client.response.finish', onResponse);
    }
  },

  /** Row 4's baseline: the same server actions one at a time, as a CLI loop runs them. */
  async sequential(args: { kind: 'purge' | 'recover'; accounts: ResourceRef[] }) {
    const action: (input: { token: string; resources: ResourceRef[] }) => Promise<ActionResult<{ results: ActionResult<unknown>[] }>> =
      args.kind === 'purge' ? purgeDeletedResources : recoverDeletedResources;
    const times: number[] = [];
    for (const account of args.accounts) {
      const run = await timed(() => action({ token, resources: [account] }));
      const result = run.value.ok ? run.value.data.results[0] : run.value;
      if (!result?.ok) throw new Error(`${args.kind} ${account.name}: ${result ? `${result.error.code} ${result.error.message}` : 'no result'}`);
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
const output = await profiled(() => task(JSON.parse(json ?? '{}')));
process.stdout.write(`${JSON.stringify(output)}\n`);

/**
 * BENCH_CPU_PROFILE=<file.cpuprofile>: the task runs under the V8 sampling profiler (node:inspector) and its
 * profile is written there, to open in Chrome DevTools or summarise by function and package.
 */
async function profiled<T>(run: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
