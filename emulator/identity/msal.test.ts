import https from 'node:https';
import { PublicClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARM_SCOPE, DEMO_PORTAL_CLIENT_ID, DEMO_TENANT, DEMO_USERS } from '../demo-world';
import {
  BrowserlikeClient,
  PORTAL_REDIRECT_URI,
  createPkce,
  followToPortal,
  startTestIdentity,
  verifyWithJwks,
  type TestIdentity,
} from './test/support';

/**
 * Microsoft's own MSAL (msal-node shares msal-common with the portal's msal-browser) signing in against the
 * provider: it must parse the token response, build the account from the ID token and client_info, cache the
 * ARM token under the scopes it asked for, and renew silently with the refresh token.
 */
let identity: TestIdentity;

beforeAll(async () => {
  identity = await startTestIdentity();
});
afterAll(() => identity?.close());

/** MSAL's network module over node:https, trusting the test CA. */
function networkClientTrusting(caPem: string): INetworkModule {
  const agent = new https.Agent({ ca: caPem });
  const send = <T>(method: string, url: string, options?: NetworkRequestOptions) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const req = https.request(url, { method, agent, headers: options?.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers[name] = value;
          resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
        });
      });
      req.on('error', reject);
      req.end(options?.body);
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

describe('MSAL against the sign-in provider', () => {
  it('signs in with a code, builds an Entra-shaped account and renews silently with the refresh token', async () => {
    const authority = identity.server.issuer;
    const msal = new PublicClientApplication({
      auth: { clientId: DEMO_PORTAL_CLIENT_ID, authority, knownAuthorities: [new URL(authority).host] },
      system: { networkClient: networkClientTrusting(identity.tls.caPem) },
    });
    const pkce = createPkce();
    const scopes = [ARM_SCOPE];
    const authorizeUrl = await msal.getAuthCodeUrl({
      scopes,
      redirectUri: PORTAL_REDIRECT_URI,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
    });

    const browser = new BrowserlikeClient(identity.tls.caPem);
    const started = await browser.request(authorizeUrl);
    expect(started.status).toBe(303);
    const submitted = await browser.request(started.location ?? '', {
      form: { login: DEMO_USERS.reader.upn, password: 'demo', submit: 'account' },
    });
    const back = await followToPortal(browser, submitted.location ?? '');
    const code = back.searchParams.get('code') ?? new URLSearchParams(back.hash.slice(1)).get('code');
    expect(code).toEqual(expect.any(String));

    const signedIn = await msal.acquireTokenByCode({ code: code ?? '', scopes, redirectUri: PORTAL_REDIRECT_URI, codeVerifier: pkce.verifier });
    const reader = DEMO_USERS.reader;
    expect(signedIn.account).toMatchObject({
      homeAccountId: `${reader.objectId}.${DEMO_TENANT.id}`,
      localAccountId: reader.objectId,
      tenantId: DEMO_TENANT.id,
      username: reader.upn,
      name: reader.name,
    });
    expect(signedIn.scopes).toEqual(expect.arrayContaining([ARM_SCOPE]));
    const claims = await verifyWithJwks(signedIn.accessToken, identity.server.jwksUri, identity.tls.caPem, {
      issuer: identity.server.issuer,
      audience: 'https://management.azure.com/',
    });
    expect(claims).toMatchObject({ oid: reader.objectId, scp: 'user_impersonation', upn: reader.upn });

    const account = signedIn.account;
    if (!account) throw new Error('MSAL returned no account');

    // Same scope in its other spelling: served from MSAL's cache, no network call.
    const cached = await msal.acquireTokenSilent({ account, scopes: ['https://management.azure.com/.default'] });
    expect(cached.accessToken).toBe(signedIn.accessToken);
    expect(cached.fromCache).toBe(true);

    const renewed = await msal.acquireTokenSilent({ account, scopes, forceRefresh: true });
    expect(renewed.fromCache).toBe(false);
    expect(renewed.accessToken).not.toBe(signedIn.accessToken);
    expect(decodeJwt(renewed.accessToken)).toMatchObject({ oid: reader.objectId, aud: 'https://management.azure.com/' });
    expect(renewed.account?.homeAccountId).toBe(account.homeAccountId);
  });
});
