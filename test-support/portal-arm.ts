/**
 * Test support for driving the portal's server actions in Vitest against a real ARM emulator (or a fake ARM
 * server a test writes), with every outgoing HTTPS request of the process recorded.
 *
 * Nothing is stubbed: the Azure SDK pipeline sends real requests. The recorder wraps `https.request` (the
 * function the SDK's Node HTTP client calls) only to note each request and to let it trust the test CA, the
 * way the portal's server trusts the local CA through NODE_EXTRA_CA_CERTS when it runs for real.
 */
import { createHash } from 'node:crypto';
import https from 'node:https';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { startTestArm, type TestArm } from '@/emulator/arm/test/harness';
import { localPortalEnv } from '@/emulator/config';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

export interface OutgoingRequest {
  method: string;
  /** e.g. https://localhost:4443 */
  origin: string;
  /** Path and query exactly as sent on the wire. */
  path: string;
  /** Request headers, with the Authorization header left out (test output must not print tokens either). */
  headers: Record<string, string>;
  /** sha256 of the bearer token sent, to tell tokens apart without keeping them. */
  tokenHash?: string;
  at: number;
}

export interface RequestRecorder {
  readonly requests: OutgoingRequest[];
  clear(): void;
  restore(): void;
}

type RequestFunction = (...args: unknown[]) => ClientRequest;

function describeHeaders(options: RequestOptions): { headers: Record<string, string>; tokenHash?: string } {
  const headers: Record<string, string> = {};
  let tokenHash: string | undefined;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (name.toLowerCase() === 'authorization') tokenHash = createHash('sha256').update(text.replace(/^Bearer /, '')).digest('hex');
    else headers[name.toLowerCase()] = text;
  }
  return { headers, ...(tokenHash ? { tokenHash } : {}) };
}

/** sha256 of a token, to compare with OutgoingRequest.tokenHash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Records every `https.request(options, callback)` (the form the SDK uses) and adds the test CA to it. */
export function recordOutgoingRequests(caPem: string): RequestRecorder {
  const target = https as unknown as { request: RequestFunction };
  const original = target.request;
  const requests: OutgoingRequest[] = [];
  target.request = (...args) => {
    const [options, callback] = args as [RequestOptions, ((response: IncomingMessage) => void) | undefined];
    // The SDK calls request(options, callback); other callers (the emulator harness's admin calls) pass a URL first.
    if (args.length <= 2 && typeof options === 'object' && options !== null && !(options instanceof URL)) {
      requests.push({
        method: options.method ?? 'GET',
        origin: `https://${options.hostname ?? options.host}${options.port ? `:${options.port}` : ''}`,
        path: options.path ?? '/',
        ...describeHeaders(options),
        at: Date.now(),
      });
      return original({ ...options, ca: caPem }, callback);
    }
    return original(...args);
  };
  return {
    requests,
    clear: () => void requests.splice(0, requests.length),
    restore: () => {
      target.request = original;
    },
  };
}

/**
 * Configures the portal in this process as `npm start` does for the local stand-ins, with its ARM endpoint at
 * `armEndpoint`; returns what puts the environment back.
 */
export function pointPortalAt(armEndpoint: string): () => void {
  const settings = { ...localPortalEnv({ host: 'localhost', armPort: 0, identityPort: 0 }), ARM_ENDPOINT: armEndpoint };
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export interface PortalArm {
  arm: TestArm;
  recorder: RequestRecorder;
  /** The emulator's origin, which the portal's configuration (ARM_ENDPOINT) points at. */
  armOrigin: string;
  close(): Promise<void>;
}

/**
 * An ARM emulator with the demo world, the portal configured to call it, and the recorder on. The emulator's
 * throttle is opened wide unless a test sets its own, so only injected faults fail.
 */
export async function startPortalArm(): Promise<PortalArm> {
  const arm = await startTestArm();
  const restoreEnv = pointPortalAt(arm.arm.baseUrl);
  const wide = { capacity: 1e6, refillPerSecond: 1e6 };
  await arm.admin('PUT', '/throttle', { reads: wide, writes: wide, deletes: wide });
  await arm.admin('PUT', '/lro', { durationSeconds: 0 });
  const recorder = recordOutgoingRequests(arm.tls.caPem);
  return {
    arm,
    recorder,
    armOrigin: new URL(arm.arm.baseUrl).origin,
    async close() {
      recorder.restore();
      restoreEnv();
      await arm.close();
    },
  };
}

/** The emulator's audit log of changes (to prove nothing was done twice). */
export async function worldEvents(arm: TestArm): Promise<{ kind: string; resourceId: string }[]> {
  const response = await arm.admin('GET', '/events?after=0&limit=10000');
  return (response.json as { value: { kind: string; resourceId: string }[] }).value;
}

export interface DemoPortalArm {
  readonly env: PortalArm;
  /** The demo admin's token (Owner of every demo subscription). */
  readonly token: string;
}

/**
 * Registers a test file's hooks for acting as the demo admin through the portal's server actions: one emulator
 * for the file, and before each test the demo world seeded afresh with instant long-running operations. Read
 * `env` and `token` inside the tests (they exist from the file's beforeAll on).
 */
export function portalArmWithFreshDemoWorld(): DemoPortalArm {
  let started: DemoPortalArm | undefined;
  const current = () => started ?? expect.unreachable('The emulator starts in beforeAll: read env and token inside the tests.');
  beforeAll(async () => {
    const env = await startPortalArm();
    started = { env, token: await env.arm.token('admin') };
  });
  afterAll(() => started?.env.close());
  beforeEach(async () => {
    const { arm } = current().env;
    await arm.admin('POST', '/reset', { seed: 'demo' });
    await arm.admin('PUT', '/lro', { durationSeconds: 0 });
  });
  return {
    get env() {
      return current().env;
    },
    get token() {
      return current().token;
    },
  };
}
