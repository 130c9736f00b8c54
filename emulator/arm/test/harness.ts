/**
 * Test harness for the ARM emulator that does not depend on the sign-in provider: a tiny HTTPS server
 * serves a JWKS, jose signs Entra-shaped access tokens, and a raw HTTPS client trusts the local CA.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT, DEMO_USERS } from '../../demo-world';
import { ensureTls, type TlsMaterial } from '../../tls';
import { startArmServer, type ArmServer } from '../server';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export interface TestIssuer {
  issuer: string;
  jwksUri: string;
  /** How many times the JWKS was fetched (to prove caching and refetch on an unknown kid). */
  fetches(): number;
  /** Adds a new signing key (new kid) and makes it the one `sign` uses. */
  rotate(): Promise<void>;
  sign(claims: Record<string, unknown>, options?: { expiresInSeconds?: number; notBeforeSeconds?: number; issuer?: string; audience?: string; key?: 'current' | 'foreign' }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(tls: TlsMaterial): Promise<TestIssuer> {
  const keys: { kid: string; pair: KeyPair; jwk: JWK }[] = [];
  const addKey = async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const kid = crypto.randomUUID();
    keys.push({ kid, pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } });
  };
  await addKey();
  const foreign = await generateKeyPair('RS256');
  let fetchCount = 0;
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    if (req.url?.endsWith('/keys')) {
      fetchCount++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://localhost:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/${DEMO_TENANT.id}/v2.0`;
  return {
    issuer,
    jwksUri: `${base}/${DEMO_TENANT.id}/discovery/v2.0/keys`,
    fetches: () => fetchCount,
    rotate: addKey,
    async sign(claims, options = {}) {
      const current = keys[keys.length - 1]!;
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ tid: DEMO_TENANT.id, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.key === 'foreign' ? 'unknown-kid' : current.kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? 'https://management.azure.com/')
        .setIssuedAt(now)
        .setNotBefore(now + (options.notBeforeSeconds ?? 0))
        .setExpirationTime(now + (options.expiresInSeconds ?? 3600));
      return jwt.sign(options.key === 'foreign' ? foreign.privateKey : current.pair.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const userClaims = (user: keyof typeof DEMO_USERS) => ({
  oid: DEMO_USERS[user].objectId,
  sub: DEMO_USERS[user].objectId,
  upn: DEMO_USERS[user].upn,
  unique_name: DEMO_USERS[user].upn,
  name: DEMO_USERS[user].name,
  scp: 'user_impersonation',
  appid: '7e3a9c1d-2b4f-4e6a-8d0c-1f2e3a4b5c6d',
  idtyp: 'user',
});

export const servicePrincipalClaims = () => ({
  oid: DEMO_SERVICE_PRINCIPAL.objectId,
  sub: DEMO_SERVICE_PRINCIPAL.objectId,
  appid: DEMO_SERVICE_PRINCIPAL.clientId,
  idtyp: 'app',
});

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field in tests
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; ca: string; localAddress?: string; servername?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const req = https.request(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca,
        localAddress: options.localAddress,
        servername: options.servername,
        agent: false,
        // content-length always: Node sends DELETE bodies neither chunked nor sized otherwise.
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parsed });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export interface TestArm {
  arm: ArmServer;
  issuer: TestIssuer;
  tls: TlsMaterial;
  stateDir: string;
  adminKey: string;
  /** Token for a demo user or the service principal. */
  token(who: keyof typeof DEMO_USERS | 'sp'): Promise<string>;
  /** ARM request as `who` (default admin); path includes the query string. */
  call(method: string, pathAndQuery: string, options?: { as?: keyof typeof DEMO_USERS | 'sp' | null; body?: unknown; headers?: Record<string, string> }): Promise<RawResponse>;
  admin(method: string, pathAndQuery: string, body?: unknown): Promise<RawResponse>;
  close(): Promise<void>;
}

export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'arm-test-'));
}

export async function startTestArm(options: { seed?: 'demo' | 'scale' | 'none'; stateDir?: string } = {}): Promise<TestArm> {
  const stateDir = options.stateDir ?? tempStateDir();
  const tls = ensureTls(stateDir);
  const issuer = await startTestIssuer(tls);
  const adminKey = crypto.randomBytes(24).toString('base64url');
  const arm = await startArmServer({
    stateDir,
    host: 'localhost',
    port: 0,
    tls,
    trustedIssuers: [issuer.issuer],
    jwksUri: issuer.jwksUri,
    adminKey,
    seed: options.seed ?? 'demo',
    caPem: tls.caPem,
  });
  const token = (who: keyof typeof DEMO_USERS | 'sp') => issuer.sign(who === 'sp' ? servicePrincipalClaims() : userClaims(who));
  return {
    arm,
    issuer,
    tls,
    stateDir,
    adminKey,
    token,
    async call(method, pathAndQuery, callOptions = {}) {
      const as = callOptions.as === undefined ? 'admin' : callOptions.as;
      const headers: Record<string, string> = { ...callOptions.headers };
      if (as !== null) headers.authorization = `Bearer ${await token(as)}`;
      return rawRequest(`${arm.baseUrl}${pathAndQuery}`, { method, headers, body: callOptions.body, ca: tls.caPem });
    },
    admin(method, pathAndQuery, body) {
      return rawRequest(`${arm.baseUrl}/_emulator${pathAndQuery}`, { method, headers: { 'x-emulator-admin-key': adminKey }, body, ca: tls.caPem });
    },
    async close() {
      await arm.close();
      await issuer.close();
    },
  };
}

/**
 * Follows a list's pages as a client does, from `pathAndQuery`: every page answers 200, and every nextLink is
 * absolute and carries a $skiptoken and the request's api-version. Returns the names listed, in order.
 */
export async function listedNamesAcrossPages(t: TestArm, pathAndQuery: string, apiVersion: string): Promise<string[]> {
  const names: string[] = [];
  let url: string | undefined = `${t.arm.baseUrl}${pathAndQuery}`;
  while (url) {
    const response = await t.call('GET', url.slice(t.arm.baseUrl.length));
    expect(response.status).toBe(200);
    names.push(...(response.json as { value: { name: string }[] }).value.map((item) => item.name));
    url = (response.json as { nextLink?: string }).nextLink;
    if (url) {
      expect(url.startsWith(t.arm.baseUrl)).toBe(true);
      expect(new URL(url).searchParams.get('api-version')).toBe(apiVersion);
      expect(new URL(url).searchParams.get('$skiptoken')).toBeTruthy();
    }
  }
  return names;
}

/** One emulator for a suite, the demo world fresh and long-running operations instant before every test; returns what gets it. */
export function startDemoArmForSuite(): () => TestArm {
  let arm: TestArm | undefined;
  beforeAll(async () => {
    arm = await startTestArm();
  });
  afterAll(() => arm?.close());
  beforeEach(async () => {
    expect((await arm!.admin('POST', '/reset', { seed: 'demo' })).status).toBe(200);
    expect((await arm!.admin('PUT', '/lro', { durationSeconds: 0 })).status).toBe(200);
  });
  return () => {
    if (!arm) throw new Error('the emulator is not started yet');
    return arm;
  };
}
