import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload } from 'jose';
import { DEMO_PORTAL_CLIENT_ID } from '../../demo-world';
import { ensureTls, type TlsMaterial } from '../../tls';
import { startIdentityServer, type IdentityServer } from '../server';

/**
 * Test support for the sign-in provider: start it on an ephemeral port with a throwaway state directory,
 * talk to it over HTTPS trusting only the test CA (no NODE_EXTRA_CA_CERTS needed), keep cookies like a
 * browser, and drive the portal's authorization-code + PKCE flow the way MSAL does.
 */
export const PORTAL_ORIGIN = 'http://localhost:3000';
export const PORTAL_REDIRECT_URI = `${PORTAL_ORIGIN}/auth/redirect`;
export const PORTAL_POST_LOGOUT_URI = `${PORTAL_ORIGIN}/`;

export interface TestIdentity {
  server: IdentityServer;
  stateDir: string;
  tls: TlsMaterial;
  /** Stops the server and starts a new one on the same port and state directory. */
  restart(): Promise<IdentityServer>;
  close(): Promise<void>;
}

export async function startTestIdentity(options: { accessTokenTtlSeconds?: number } = {}): Promise<TestIdentity> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-test-'));
  const tls = ensureTls(stateDir);
  const start = (port: number) =>
    startIdentityServer({
      stateDir,
      host: 'localhost',
      port,
      tls,
      portalRedirectUris: [PORTAL_REDIRECT_URI],
      postLogoutRedirectUris: [PORTAL_POST_LOGOUT_URI],
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    });
  const identity: TestIdentity = {
    server: await start(0),
    stateDir,
    tls,
    async restart() {
      const { port } = new URL(identity.server.baseUrl);
      await identity.server.close();
      identity.server = await start(Number(port));
      return identity.server;
    },
    async close() {
      await identity.server.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return identity;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  location: string | undefined;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** An HTTPS client that trusts one CA, never follows redirects and keeps cookies like a browser would. */
export class BrowserlikeClient {
  private readonly agent: https.Agent;
  private cookies: StoredCookie[] = [];

  constructor(caPem: string) {
    this.agent = new https.Agent({ ca: caPem, keepAlive: false });
  }

  async request(url: string, init: HttpRequest = {}): Promise<HttpResponse> {
    const target = new URL(url);
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const cookieHeader = this.cookieHeaderFor(target.pathname);
    if (cookieHeader) headers.cookie = cookieHeader;

    const response = await new Promise<{ status: number; headers: HttpResponse['headers']; text: string }>(
      (resolve, reject) => {
        const req = https.request(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, agent: this.agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      },
    );
    const setCookie = response.headers['set-cookie'];
    this.storeCookies(typeof setCookie === 'string' ? [setCookie] : (setCookie ?? []));
    const location = response.headers.location;
    return {
      ...response,
      location: typeof location === 'string' ? new URL(location, target).href : undefined,
      json: <T>() => JSON.parse(response.text) as T,
    };
  }

  /** A new "browser": no cookies. */
  clearCookies(): void {
    this.cookies = [];
  }

  private cookieHeaderFor(pathname: string): string {
    return this.cookies
      .filter((cookie) => pathname === cookie.path || pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private storeCookies(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      let cookiePath = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') cookiePath = attributeValue;
        if (key.toLowerCase() === 'expires' && new Date(attributeValue).getTime() <= Date.now()) expired = true;
        if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
      }
      this.cookies = this.cookies.filter((cookie) => !(cookie.name === name && cookie.path === cookiePath));
      if (!expired) this.cookies.push({ name, value, path: cookiePath });
    }
  }
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

export interface DiscoveryDocument {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  [name: string]: unknown;
}

export async function readDiscovery(client: BrowserlikeClient, issuer: string): Promise<DiscoveryDocument> {
  const response = await client.request(`${issuer}/.well-known/openid-configuration`);
  if (response.status !== 200) throw new Error(`discovery answered ${response.status}: ${response.text}`);
  return response.json<DiscoveryDocument>();
}

export interface AuthorizationStart {
  /** The sign-in page URL the provider redirected to. */
  signInPageUrl: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** The scopes MSAL sends for `loginRedirect({ scopes: [ARM user_impersonation] })`. */
export const MSAL_LOGIN_SCOPE = 'https://management.azure.com/user_impersonation openid profile offline_access';

/** Sends the browser to the authorization endpoint with the parameters msal-browser 5 uses. */
export async function startAuthorization(
  client: BrowserlikeClient,
  discovery: DiscoveryDocument,
  extra: Record<string, string> = {},
): Promise<{ response: HttpResponse; state: string; nonce: string; verifier: string }> {
  const pkce = createPkce();
  const state = crypto.randomUUID();
  const nonce = crypto.randomUUID();
  const url = new URL(discovery.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: DEMO_PORTAL_CLIENT_ID,
    scope: MSAL_LOGIN_SCOPE,
    redirect_uri: PORTAL_REDIRECT_URI,
    'client-request-id': crypto.randomUUID(),
    response_mode: 'fragment',
    client_info: '1',
    nonce,
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    response_type: 'code',
    'x-client-SKU': 'msal.js.browser',
    ...extra,
  })) {
    url.searchParams.set(name, value);
  }
  const response = await client.request(url.href);
  return { response, state, nonce, verifier: pkce.verifier };
}

/** Follows redirects on the sign-in provider until one leaves it (to the portal); returns that URL. */
export async function followToPortal(client: BrowserlikeClient, firstLocation: string): Promise<URL> {
  let location = firstLocation;
  for (let hop = 0; hop < 10; hop += 1) {
    if (location.startsWith(PORTAL_ORIGIN)) return new URL(location);
    const response = await client.request(location);
    if (!response.location) throw new Error(`expected a redirect from ${location}, got ${response.status}: ${response.text.slice(0, 500)}`);
    location = response.location;
  }
  throw new Error('too many redirects');
}

/** The authorization response parameters MSAL reads from the redirect URI's fragment. */
export function fragmentParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.slice(1));
}

export interface TokenResponse {
  token_type: string;
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  id_token: string;
  refresh_token: string;
  client_info: string;
}

/** Signs in through the sign-in page's form and redeems the code like MSAL; returns the token response. */
export async function signInAndRedeem(
  client: BrowserlikeClient,
  discovery: DiscoveryDocument,
  credentials: { login: string; password: string },
): Promise<{ tokens: TokenResponse; nonce: string; tokenResponse: HttpResponse }> {
  const started = await startAuthorization(client, discovery);
  if (!started.response.location) throw new Error(`authorize answered ${started.response.status}: ${started.response.text}`);
  const page = await client.request(started.response.location);
  if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
  const submitted = await client.request(started.response.location, { form: { ...credentials, submit: 'sign-in' } });
  if (!submitted.location) throw new Error(`sign-in answered ${submitted.status}: ${submitted.text.slice(0, 500)}`);
  const back = await followToPortal(client, submitted.location);
  const params = fragmentParams(back);
  if (params.get('state') !== started.state) throw new Error(`state mismatch in ${back.href}`);
  const code = params.get('code');
  if (!code) throw new Error(`no code in ${back.href}`);
  const tokenResponse = await client.request(discovery.token_endpoint, {
    headers: { origin: PORTAL_ORIGIN },
    form: {
      client_id: DEMO_PORTAL_CLIENT_ID,
      redirect_uri: PORTAL_REDIRECT_URI,
      scope: MSAL_LOGIN_SCOPE,
      code,
      code_verifier: started.verifier,
      grant_type: 'authorization_code',
      client_info: '1',
    },
  });
  if (tokenResponse.status !== 200) throw new Error(`token endpoint answered ${tokenResponse.status}: ${tokenResponse.text}`);
  return { tokens: tokenResponse.json<TokenResponse>(), nonce: started.nonce, tokenResponse };
}

/** The refresh request msal-browser sends for silent renewal. */
export async function redeemRefreshToken(
  client: BrowserlikeClient,
  discovery: DiscoveryDocument,
  refreshToken: string,
  scope: string = MSAL_LOGIN_SCOPE,
): Promise<HttpResponse> {
  return client.request(discovery.token_endpoint, {
    headers: { origin: PORTAL_ORIGIN },
    form: {
      client_id: DEMO_PORTAL_CLIENT_ID,
      redirect_uri: PORTAL_REDIRECT_URI,
      scope,
      refresh_token: refreshToken,
      grant_type: 'refresh_token',
      client_info: '1',
    },
  });
}

/** Verifies a JWT against the JWKS that the discovery document advertises, fetched over HTTPS with the test CA. */
export async function verifyWithJwks(
  token: string,
  jwksUri: string,
  caPem: string,
  expected: { issuer: string; audience: string },
): Promise<JWTPayload> {
  const agent = new https.Agent({ ca: caPem });
  const jwks = createRemoteJWKSet(new URL(jwksUri), {
    [customFetch]: (url, init) => fetchWithAgent(url, init, agent),
  });
  const { payload } = await jwtVerify(token, jwks, { issuer: expected.issuer, audience: expected.audience });
  return payload;
}

/** A minimal fetch over node:https with a custom agent, for jose's JWKS download. */
function fetchWithAgent(url: string, init: RequestInit, agent: https.Agent): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method ?? 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
      });
    });
    req.on('error', reject);
    req.end();
  });
}
