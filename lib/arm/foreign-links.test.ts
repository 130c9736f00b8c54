/**
 * A malicious (or compromised) ARM answers with operation-status links and nextLinks that point elsewhere.
 * The portal must never follow them: the user's token would travel to that host. A fake ARM server plays
 * the attacker; a second server stands for the foreign host and counts whatever reaches it.
 */
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTls } from '@/emulator/tls';
import type { ActionResult } from '@/lib/action-result';
import { pointPortalAt, recordOutgoingRequests, type RequestRecorder } from '@/test-support/portal-arm';
import { accountActions } from '@/test-support/account-actions';

vi.mock('server-only', () => ({}));
const actions = accountActions(await import('@/app/actions'));

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
// Shape-valid only: the fake ARM never checks it, and nothing here may carry it to another host.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDAsInN1YiI6InRlc3QifQ.c2lnbmF0dXJlLWZvci10ZXN0cw';
const ACCOUNT = { subscriptionId: SUB, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'contoso-foundry-hub' };

const tls = ensureTls(fs.mkdtempSync(path.join(os.tmpdir(), 'foreign-links-')));

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };
type Handler = (req: { method: string; url: string }, base: string) => Answer;

function listen(handler: Handler, host = '127.0.0.1') {
  const seen: string[] = [];
  let base = '';
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const answer = handler({ method: req.method ?? 'GET', url: req.url ?? '/' }, base);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  });
  return new Promise<{ base: string; seen: string[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, host, () => {
      base = `https://localhost:${(server.address() as AddressInfo).port}`;
      resolve({
        base,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** What the fake ARM says next: a link the test chooses, in the header or body a real ARM would use, or a redirect. */
let foreignLink = '';
let redirect = false;
const fakeArm: Handler = ({ method, url }): Answer => {
  const requestPath = url.split('?')[0] ?? '';
  if (redirect) return { status: 307, headers: { location: foreignLink } };
  if (method === 'DELETE' && /\/deletedAccounts\//i.test(requestPath)) {
    return { status: 202, headers: { 'azure-asyncoperation': foreignLink, location: foreignLink } };
  }
  if (method === 'PUT' && /\/accounts\//i.test(requestPath)) {
    return {
      status: 201,
      headers: { 'azure-asyncoperation': foreignLink },
      body: { id: requestPath, name: ACCOUNT.name, location: 'eastus', properties: { provisioningState: 'Creating' } },
    };
  }
  if (method === 'PUT' && /\/storageAccounts\//i.test(requestPath)) return { status: 202, headers: { location: foreignLink } };
  if (method === 'GET' && /\/deletedAccounts$/i.test(requestPath)) return { status: 200, body: { value: [], nextLink: foreignLink } };
  if (method === 'GET' && /^\/subscriptions$/i.test(requestPath)) return { status: 200, body: { value: [], nextLink: foreignLink } };
  return { status: 404, body: { error: { code: 'NotFound', message: 'not here' } } };
};

let arm: Awaited<ReturnType<typeof listen>>;
let foreign: Awaited<ReturnType<typeof listen>>;
let recorder: RequestRecorder;
let restoreEnv = () => {};
beforeAll(async () => {
  arm = await listen(fakeArm, 'localhost');
  foreign = await listen(() => ({ status: 200, body: { status: 'Succeeded', value: [] } }));
  restoreEnv = pointPortalAt(arm.base);
  recorder = recordOutgoingRequests(tls.caPem);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  recorder.restore();
  vi.restoreAllMocks();
  restoreEnv();
  await Promise.all([arm.close(), foreign.close()]);
});
afterEach(() => {
  recorder.clear();
  redirect = false;
});

function foreignLinks(): string[] {
  const port = new URL(foreign.base).port;
  const armPort = new URL(arm.base).port;
  return [
    `${foreign.base}/subscriptions/${SUB}/providers/Microsoft.CognitiveServices/locations/eastus/operationResults/1?api-version=2017-04-18`,
    // The same host by another name, the same port by another scheme, and credentials that make the host evil.
    `https://127.0.0.1:${port}/operationResults/2?api-version=2017-04-18`,
    `http://localhost:${armPort}/operationResults/3?api-version=2017-04-18`,
    `https://localhost:${armPort}@127.0.0.1:${port}/operationResults/4?api-version=2017-04-18`,
  ];
}

/** `code` null: any clear ARM-side error will do (the SDK itself declines cross-origin redirects). */
/** A list answers per type: the accounts' list failed (and said why) while the call itself succeeded. */
function accountsListFailure(result: Awaited<ReturnType<typeof actions.listDeletedResources>>): ActionResult<unknown> {
  if (!result.ok) return result;
  const failure = result.data.failures.find((entry) => entry.type === 'cognitive-accounts');
  expect(result.data.resources.filter((row) => row.type === 'cognitive-accounts')).toEqual([]);
  return failure ? { ok: false, error: failure.error } : { ok: true, data: result.data };
}

function expectRefusedLink(result: ActionResult<unknown>, code: string | null = 'UntrustedLink') {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (code) expect(result.error.code).toBe(code);
  else expect(result.error.kind).toBe('arm');
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(result)).not.toContain(TOKEN);
  expect(foreign.seen).toEqual([]);
  for (const request of recorder.requests) expect(request.origin).toBe(arm.base);
}

describe('links from ARM answers', () => {
  it('a purge does not poll an operation status link on another host', async () => {
    for (const link of foreignLinks()) {
      foreignLink = link;
      expectRefusedLink(await actions.purgeDeletedAccount({ token: TOKEN, account: ACCOUNT }));
    }
    expect(arm.seen.some((line) => line.startsWith('DELETE '))).toBe(true);
  });

  it('a recover does not poll an operation status link on another host', async () => {
    for (const link of foreignLinks()) {
      foreignLink = link;
      expectRefusedLink(await actions.recoverDeletedAccount({ token: TOKEN, account: ACCOUNT }));
    }
  });

  it("a storage account's restore (sent by hand, not by the SDK) does not poll a Location on another host", async () => {
    const storage = { type: 'storage-accounts', subscriptionId: SUB, resourceGroup: 'rg-ai-prod', location: 'eastus', name: 'stdata', creationTime: '2026-01-01T00:00:00Z' };
    for (const link of foreignLinks()) {
      foreignLink = link;
      const result = await actions.recoverDeletedResources({ token: TOKEN, resources: [storage] });
      expect(result.ok).toBe(true);
      if (result.ok) expectRefusedLink(result.data.results[0] as ActionResult<unknown>);
    }
    expect(arm.seen.some((line) => line.startsWith('PUT ') && line.includes('/storageAccounts/stdata'))).toBe(true);
  });

  it('listing does not follow a nextLink to another host', async () => {
    for (const link of foreignLinks()) {
      foreignLink = link;
      expectRefusedLink(accountsListFailure(await actions.listDeletedResources({ token: TOKEN, subscription: SUB })));
      expectRefusedLink(await actions.listSubscriptions({ token: TOKEN }));
    }
  });

  it('no call follows an HTTP redirect to another host', async () => {
    redirect = true;
    for (const link of foreignLinks()) {
      foreignLink = link;
      expectRefusedLink(await actions.listSubscriptions({ token: TOKEN }), null);
      expectRefusedLink(accountsListFailure(await actions.listDeletedResources({ token: TOKEN, subscription: SUB })), null);
      expectRefusedLink(await actions.purgeDeletedAccount({ token: TOKEN, account: ACCOUNT }), null);
      expectRefusedLink(
        await actions.recreateResourceGroup({ token: TOKEN, subscriptionId: SUB, resourceGroup: 'rg', location: 'westus' }),
        null,
      );
    }
  });
});
