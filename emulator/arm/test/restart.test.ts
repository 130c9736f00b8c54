/** Crash safety: what ARM acknowledged before a kill -9 is there after a restart on the same state directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '../../demo-world';
import { ensureTls, type TlsMaterial } from '../../tls';
import { rawRequest, startTestIssuer, tempStateDir, userClaims, type TestIssuer } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const V = '2021-04-30';
const SCRIPT = path.resolve(import.meta.dirname, 'arm-process.ts');

let stateDir: string;
let tls: TlsMaterial;
let issuer: TestIssuer;
const adminKey = crypto.randomBytes(16).toString('hex');
const children: ChildProcess[] = [];

beforeAll(async () => {
  stateDir = tempStateDir();
  tls = ensureTls(stateDir);
  issuer = await startTestIssuer(tls);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await issuer.close();
});

async function startProcess(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const options = { stateDir, port: 0, trustedIssuers: [issuer.issuer], jwksUri: issuer.jwksUri, adminKey, seed: 'demo' };
  // node itself runs the server (tsx as a loader), so SIGKILL hits the process that holds the database.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ARM process exited early (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { baseUrl: string }).baseUrl));
  });
  lines.close();
  child.stdout!.resume();
  return { child, baseUrl };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('restart after kill -9', () => {
  it('keeps every acknowledged change: purge, soft delete, recover, new group and clock', async () => {
    const first = await startProcess();
    const call = async (baseUrl: string, method: string, pathAndQuery: string, body?: unknown) =>
      rawRequest(`${baseUrl}${pathAndQuery}`, { method, ca: tls.caPem, body, headers: { authorization: `Bearer ${await issuer.sign(userClaims('admin'))}` } });
    const admin = (baseUrl: string, method: string, p: string, body?: unknown) =>
      rawRequest(`${baseUrl}/_emulator${p}`, { method, ca: tls.caPem, body, headers: { 'x-emulator-admin-key': adminKey } });

    const deleted = (rg: string, location: string, name: string) =>
      `/subscriptions/${P}/providers/Microsoft.CognitiveServices/locations/${location}/resourceGroups/${rg}/deletedAccounts/${name}?api-version=${V}`;
    const account = (rg: string, name: string) => `/subscriptions/${P}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/${name}?api-version=${V}`;

    expect((await call(first.baseUrl, 'DELETE', deleted('rg-ai-prod', 'eastus', 'contoso-foundry-hub'))).status).toBe(202);
    expect((await call(first.baseUrl, 'DELETE', account('rg-ai-prod', 'contoso-speech-live'))).status).toBe(200);
    expect((await call(first.baseUrl, 'PUT', account('rg-search-prod', 'contoso-translator-web'), { location: 'westus', properties: { restore: true } })).status).toBe(201);
    expect((await call(first.baseUrl, 'PUT', `/subscriptions/${P}/resourcegroups/rg-after-crash?api-version=2022-09-01`, { location: 'eastus' })).status).toBe(201);
    const clock = await admin(first.baseUrl, 'POST', '/clock/advance', { seconds: 600 });
    const countsBefore = (await admin(first.baseUrl, 'GET', '/state')).json.counts;

    await killHard(first.child);
    const second = await startProcess();
    try {
      expect((await call(second.baseUrl, 'GET', deleted('rg-ai-prod', 'eastus', 'contoso-foundry-hub'))).status).toBe(404);
      expect((await call(second.baseUrl, 'GET', deleted('rg-ai-prod', 'eastus', 'contoso-speech-live'))).status).toBe(200);
      expect((await call(second.baseUrl, 'GET', account('rg-search-prod', 'contoso-translator-web'))).status).toBe(200);
      expect((await call(second.baseUrl, 'GET', `/subscriptions/${P}/resourcegroups/rg-after-crash?api-version=2022-09-01`)).status).toBe(200);
      const state = (await admin(second.baseUrl, 'GET', '/state')).json;
      expect(state.counts).toEqual(countsBefore);
      // The clock kept its offset: not re-seeded, not reset to real time.
      expect(Date.parse(state.now)).toBeGreaterThanOrEqual(Date.parse(clock.json.now));
    } finally {
      await killHard(second.child);
    }
  }, 60_000);

  it('keeps a soft-deleted storage account and a running restore', async () => {
    const first = await startProcess();
    const call = async (baseUrl: string, method: string, pathAndQuery: string, body?: unknown) =>
      rawRequest(`${baseUrl}${pathAndQuery}`, { method, ca: tls.caPem, body, headers: { authorization: `Bearer ${await issuer.sign(userClaims('admin'))}` } });
    const admin = (baseUrl: string, method: string, p: string, body?: unknown) =>
      rawRequest(`${baseUrl}/_emulator${p}`, { method, ca: tls.caPem, body, headers: { 'x-emulator-admin-key': adminKey } });
    const storage = (name: string) => `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.Storage/storageAccounts/${name}?api-version=2025-06-01`;
    const deletedStorage = (name: string) => `/subscriptions/${P}/providers/Microsoft.Storage/locations/eastus/deletedAccounts/${name}?api-version=2025-06-01`;

    expect((await call(first.baseUrl, 'DELETE', storage('stcontosoprodai'))).status).toBe(200);
    const softDeleted = await call(first.baseUrl, 'GET', deletedStorage('stcontosoprodai'));
    expect(softDeleted.status).toBe(200);
    await admin(first.baseUrl, 'PUT', '/lro', { durationSeconds: 600 });
    const toRestore = (await call(first.baseUrl, 'GET', deletedStorage('stcontosospeechdata'))).json;
    const accepted = await call(first.baseUrl, 'PUT', storage('stcontosospeechdata'), {
      location: toRestore.properties.location,
      properties: { deletedAccountCreationTime: toRestore.properties.creationTime },
    });
    expect(accepted.status).toBe(202);
    const operation = new URL(accepted.headers.location as string);

    await killHard(first.child);
    const second = await startProcess();
    try {
      expect((await call(second.baseUrl, 'GET', deletedStorage('stcontosoprodai'))).json).toEqual(softDeleted.json);
      expect((await call(second.baseUrl, 'GET', storage('stcontosoprodai'))).status).toBe(404);
      expect((await call(second.baseUrl, 'GET', operation.pathname + operation.search)).status).toBe(202);
      await admin(second.baseUrl, 'POST', '/clock/advance', { seconds: 601 });
      expect((await call(second.baseUrl, 'GET', operation.pathname + operation.search)).status).toBe(200);
      expect((await call(second.baseUrl, 'GET', deletedStorage('stcontosospeechdata'))).status).toBe(404);
    } finally {
      await killHard(second.child);
    }
  }, 60_000);

  it('keeps a soft-deleted key vault, with its dates, through a kill -9', async () => {
    const first = await startProcess();
    const call = async (baseUrl: string, method: string, pathAndQuery: string) =>
      rawRequest(`${baseUrl}${pathAndQuery}`, { method, ca: tls.caPem, headers: { authorization: `Bearer ${await issuer.sign(userClaims('admin'))}` } });
    const vault = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.KeyVault/vaults/kv-contoso-prod-cmk?api-version=2026-02-01`;
    const deletedVault = `/subscriptions/${P}/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-contoso-prod-cmk?api-version=2026-02-01`;

    expect((await call(first.baseUrl, 'DELETE', vault)).status).toBe(200);
    const before = await call(first.baseUrl, 'GET', deletedVault);
    expect(before.status).toBe(200);

    await killHard(first.child);
    const second = await startProcess();
    try {
      const after = await call(second.baseUrl, 'GET', deletedVault);
      expect(after.status).toBe(200);
      expect(after.json).toEqual(before.json);
      expect((await call(second.baseUrl, 'GET', vault)).status).toBe(404);
    } finally {
      await killHard(second.child);
    }
  }, 60_000);

  it('keeps a soft-deleted App Configuration store, with its dates, through a kill -9', async () => {
    const first = await startProcess();
    const call = async (baseUrl: string, method: string, pathAndQuery: string) =>
      rawRequest(`${baseUrl}${pathAndQuery}`, { method, ca: tls.caPem, headers: { authorization: `Bearer ${await issuer.sign(userClaims('admin'))}` } });
    const configStore = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.AppConfiguration/configurationStores/appcs-contoso-live?api-version=2023-03-01`;
    const deletedStore = `/subscriptions/${P}/providers/Microsoft.AppConfiguration/locations/eastus/deletedConfigurationStores/appcs-contoso-live?api-version=2023-03-01`;

    expect((await call(first.baseUrl, 'DELETE', configStore)).status).toBe(200);
    const before = await call(first.baseUrl, 'GET', deletedStore);
    expect(before.status).toBe(200);

    await killHard(first.child);
    const second = await startProcess();
    try {
      const after = await call(second.baseUrl, 'GET', deletedStore);
      expect(after.status).toBe(200);
      expect(after.json).toEqual(before.json);
      expect((await call(second.baseUrl, 'GET', configStore)).status).toBe(404);
    } finally {
      await killHard(second.child);
    }
  }, 60_000);

  it('keeps a soft-deleted API Management service, with its dates, through a kill -9', async () => {
    const first = await startProcess();
    const call = async (baseUrl: string, method: string, pathAndQuery: string) =>
      rawRequest(`${baseUrl}${pathAndQuery}`, { method, ca: tls.caPem, headers: { authorization: `Bearer ${await issuer.sign(userClaims('admin'))}` } });
    const service = `/subscriptions/${P}/resourceGroups/rg-ai-prod/providers/Microsoft.ApiManagement/service/apim-contoso-live?api-version=2024-05-01`;
    const deletedService = `/subscriptions/${P}/providers/Microsoft.ApiManagement/locations/eastus/deletedservices/apim-contoso-live?api-version=2024-05-01`;

    expect((await call(first.baseUrl, 'DELETE', service)).status).toBe(202);
    const before = await call(first.baseUrl, 'GET', deletedService);
    expect(before.status).toBe(200);

    await killHard(first.child);
    const second = await startProcess();
    try {
      const after = await call(second.baseUrl, 'GET', deletedService);
      expect(after.status).toBe(200);
      expect(after.json).toEqual(before.json);
      expect((await call(second.baseUrl, 'GET', service)).status).toBe(404);
    } finally {
      await killHard(second.child);
    }
  }, 60_000);
});
