/**
 * The ARM emulator killed with SIGKILL in the middle of a bulk purge, then restarted on the same state
 * directory and port: the portal's bulk runner (lib/bulk, as the browser uses it) and its batch server action
 * report every row that did not complete as failed with a clear reason, none as done that was not, none lost;
 * the emulator's state is consistent (each account either still soft-deleted or purged once, never both, never
 * neither); Retry finishes the failed rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/emulator/demo-world';
import { rawRequest, startTestIssuer, tempStateDir, userClaims, type TestIssuer } from '@/emulator/arm/test/harness';
import { ensureTls, type TlsMaterial } from '@/emulator/tls';
import { runBulkInBatches } from '@/lib/bulk/run-bulk';
import { pointPortalAt, recordOutgoingRequests, type RequestRecorder } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
const actions = accountActions(await import('@/app/actions'));

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GROUP = 'rg-crash';
const names = Array.from({ length: 32 }, (_, i) => `crash-${String(i + 1).padStart(2, '0')}`);
const SCRIPT = path.resolve(import.meta.dirname, '../../emulator/arm/test/arm-process.ts');

let stateDir: string;
let tls: TlsMaterial;
let issuer: TestIssuer;
let recorder: RequestRecorder;
let port: number;
let baseUrl: string;
const adminKey = crypto.randomBytes(16).toString('hex');
const children: ChildProcess[] = [];
let restoreEnv = () => {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
    server.on('error', reject);
  });
}

/** The emulator in its own process (node with tsx as a loader, so SIGKILL hits the process holding the database). */
async function startEmulator(): Promise<ChildProcess> {
  const options = { stateDir, port, trustedIssuers: [issuer.issuer], jwksUri: issuer.jwksUri, adminKey, seed: 'demo' };
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ARM process exited early (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { baseUrl: string }).baseUrl));
  });
  lines.close();
  child.stdout!.resume();
  return child;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function admin(method: string, pathAndQuery: string, body?: unknown) {
  const response = await rawRequest(`${baseUrl}/_emulator${pathAndQuery}`, { method, ca: tls.caPem, body, headers: { 'x-emulator-admin-key': adminKey } });
  expect(response.status, `${method} ${pathAndQuery}`).toBeLessThan(300);
  return response.json as { value: { id?: string; name?: string; kind?: string; resourceId?: string }[] };
}

async function stillDeleted(): Promise<string[]> {
  const { value } = await admin('GET', `/world/deleted-accounts?subscriptionId=${P}`);
  return value.filter((a) => a.id!.toLowerCase().includes(`/resourcegroups/${GROUP}/`)).map((a) => a.name!);
}

async function purgeCounts(): Promise<Map<string, number>> {
  const { value } = await admin('GET', '/events?after=0&limit=10000');
  const counts = new Map<string, number>();
  for (const event of value) {
    if (event.kind !== 'deletedAccountPurged' || !event.resourceId!.toLowerCase().includes(`/resourcegroups/${GROUP}/`)) continue;
    const name = event.resourceId!.split('/').pop()!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  stateDir = tempStateDir();
  tls = ensureTls(stateDir);
  issuer = await startTestIssuer(tls);
  port = await freePort();
  await startEmulator();
  restoreEnv = pointPortalAt(baseUrl);
  recorder = recordOutgoingRequests(tls.caPem);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await admin('POST', '/world/resource-groups', { subscriptionId: P, name: GROUP, location: 'eastus' });
  for (const name of names) {
    await admin('POST', '/world/deleted-accounts', { subscriptionId: P, resourceGroup: GROUP, name, location: 'eastus', kind: 'TextAnalytics', deletedSecondsAgo: 600 });
  }
  // Long enough that the first batch is still polling its purges when the emulator dies.
  await admin('PUT', '/lro', { durationSeconds: 5 });
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  recorder.restore();
  restoreEnv();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await issuer.close();
});

it('kill -9 mid-bulk: unfinished rows are reported failed as unreachable, the emulator stays consistent, Retry finishes them once', async () => {
  const token = await issuer.sign(userClaims('admin'));
  const items = names.map((name) => ({ id: name, ref: { subscriptionId: P, resourceGroup: GROUP, location: 'eastus', name } }));
  const run = (batchItems: typeof items) =>
    runBulkInBatches({
      items: batchItems,
      batchSize: 16,
      runBatch: async (batch) => {
        const result = await actions.purgeDeletedAccounts({ token, accounts: batch.map((item) => item.ref) });
        return result.ok ? result.data.results : batch.map(() => result);
      },
    });

  const deletesSent = () => recorder.requests.filter((r) => r.method === 'DELETE').length;
  const bulk = run(items);
  // The first batch's 16 purges are on the wire (most answered 202, their operations running): kill it.
  await until(() => deletesSent() >= 16, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await killHard(children.at(-1)!);
  // Down long enough for the portal's retries to give up on the batch in flight (and likely the next one).
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  await startEmulator();
  const summary = await bulk;

  expect(summary.done.length + summary.failed.length, 'every row reported once').toBe(names.length);
  expect(new Set([...summary.done, ...summary.failed.map((f) => f.id)]).size).toBe(names.length);
  expect(summary.failed.length, 'the rows in flight when ARM died failed').toBeGreaterThanOrEqual(16);
  for (const failure of summary.failed) {
    expect(failure.error).toMatchObject({ kind: 'unavailable', code: 'ArmUnreachable', message: 'Azure Resource Manager could not be reached. Try again.' });
  }

  const left = await stillDeleted();
  const purged = await purgeCounts();
  for (const name of names) {
    // Consistent: purged (once) or still there, never both, never neither.
    expect(Number(left.includes(name)) + (purged.get(name) ?? 0), name).toBe(1);
  }
  for (const name of summary.done) expect(left, `${name} reported done`).not.toContain(name);
  for (const name of left) expect(summary.failed.map((f) => f.id), `${name} left but not reported failed`).toContain(name);

  const retry = await run(items.filter((item) => summary.failed.some((f) => f.id === item.id)));
  expect(retry.failed).toEqual([]);
  expect(retry.done).toHaveLength(summary.failed.length);
  expect(await stillDeleted()).toEqual([]);
  const finalPurges = await purgeCounts();
  expect(names.map((name) => finalPurges.get(name) ?? 0)).toEqual(names.map(() => 1));
}, 120_000);
