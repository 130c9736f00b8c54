/**
 * Test harness: a whole local Azure (sign-in + ARM, demo world) on ephemeral ports in a throwaway state
 * directory, plus Microsoft's official clients already pointed at it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { Agent, fetch, type Response } from 'undici';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../demo-world';
import { startLocalAzure, type LocalAzure, type SeedName } from '../main';

export interface TestAzure extends LocalAzure {
  stateDir: string;
  /** The service principal (Owner on every demo subscription), through @azure/identity. */
  credential: ClientSecretCredential;
  /** Options every official ARM SDK client needs to talk to the emulator: its endpoint and the local CA. */
  clientOptions: { endpoint: string; credentialScopes: string[]; tlsOptions: { ca: string }; retryOptions: { maxRetries: number } };
  /** Calls the emulator's admin API (the controllable world). */
  admin(method: string, pathAndQuery: string, body?: unknown): Promise<Response>;
  dispose(): Promise<void>;
}

export async function startTestAzure(options: { seed?: SeedName; accessTokenTtlSeconds?: number } = {}): Promise<TestAzure> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-azure-'));
  const azure = await startLocalAzure({
    config: { stateDir, armPort: 0, identityPort: 0, portalPort: 3999, host: 'localhost' },
    seed: options.seed ?? 'demo',
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  });
  const tlsOptions = { ca: azure.caPem };
  const credential = new ClientSecretCredential(DEMO_TENANT.id, DEMO_SERVICE_PRINCIPAL.clientId, DEMO_SERVICE_PRINCIPAL.secret, {
    authorityHost: azure.identityUrl,
    disableInstanceDiscovery: true,
    tlsOptions,
  });
  const dispatcher = new Agent({ connect: { ca: azure.caPem } });
  return {
    ...azure,
    stateDir,
    credential,
    clientOptions: {
      endpoint: azure.armUrl,
      // Without it the SDKs ask for a token for '<endpoint>/.default', which Entra (and the emulator) refuse.
      credentialScopes: ['https://management.azure.com/.default'],
      tlsOptions,
      retryOptions: { maxRetries: 0 },
    },
    admin: (method, pathAndQuery, body) =>
      fetch(`${azure.armUrl}${pathAndQuery}`, {
        method,
        headers: { 'x-emulator-admin-key': azure.adminKey, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher,
      }),
    async dispose() {
      await azure.close();
      await dispatcher.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * One local Azure for a suite, with the demo world fresh and long-running operations instant before every
 * test; returns what gets the running instance.
 */
export function useDemoAzure(): () => TestAzure {
  let azure: TestAzure | undefined;
  beforeAll(async () => {
    azure = await startTestAzure();
  }, 60_000);
  afterAll(async () => {
    await azure?.dispose();
  });
  beforeEach(async () => {
    expect((await azure!.admin('POST', '/_emulator/reset', { seed: 'demo' })).status).toBe(200);
    expect((await azure!.admin('PUT', '/_emulator/lro', { durationSeconds: 0 })).status).toBe(200);
  });
  return () => {
    if (!azure) throw new Error('the local Azure is not started yet');
    return azure;
  };
}
