import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_CLIENT_ID, DEMO_TENANT, DEMO_USERS } from '../demo-world';
import {
  BrowserlikeClient,
  PORTAL_ORIGIN,
  PORTAL_POST_LOGOUT_URI,
  followToPortal,
  fragmentParams,
  readDiscovery,
  redeemRefreshToken,
  signInAndRedeem,
  startAuthorization,
  startTestIdentity,
  verifyWithJwks,
  type DiscoveryDocument,
  type TestIdentity,
  type TokenResponse,
} from './test/support';

const ACCESS_TOKEN_TTL_SECONDS = 120;
const admin = DEMO_USERS.admin;

let identity: TestIdentity;
let discovery: DiscoveryDocument;

beforeAll(async () => {
  identity = await startTestIdentity({ accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS });
  discovery = await readDiscovery(new BrowserlikeClient(identity.tls.caPem), identity.server.issuer);
});
afterAll(() => identity?.close());

function newBrowser(): BrowserlikeClient {
  return new BrowserlikeClient(identity.tls.caPem);
}

function verifyArmToken(token: string, audience = 'https://management.azure.com/') {
  return verifyWithJwks(token, identity.server.jwksUri, identity.tls.caPem, { issuer: identity.server.issuer, audience });
}

describe('sign-in page', () => {
  it('lists the demo users on an accessible page that loads nothing from elsewhere', async () => {
    const browser = newBrowser();
    const { response } = await startAuthorization(browser, discovery);
    expect(response.status).toBe(303);
    expect(response.location).toMatch(new RegExp(`^${identity.server.baseUrl}/${DEMO_TENANT.id}/login/`));

    const page = await browser.request(response.location ?? '');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html lang="en">/);
    expect(page.text).toMatch(/<h1>Sign in<\/h1>/);
    for (const user of Object.values(DEMO_USERS)) {
      expect(page.text).toContain(user.upn);
      expect(page.text).toContain(user.name);
    }
    expect(page.text).toMatch(/<label for="login">Username<\/label>/);
    expect(page.text).toMatch(/<label for="password">Password<\/label>/);
    // Pressing Enter in the password field submits with the form's first button: it must be "Sign in".
    const credentialsForm = page.text.slice(page.text.indexOf('<label for="login">'));
    expect(credentialsForm.indexOf('value="sign-in"')).toBeLessThan(credentialsForm.indexOf('value="cancel"'));
    expect(page.text).not.toMatch(/(src|href)="https?:/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('shows a clear error and stays on the page for a wrong password', async () => {
    const browser = newBrowser();
    const { response } = await startAuthorization(browser, discovery);
    const signInPage = response.location ?? '';
    const rejected = await browser.request(signInPage, { form: { login: admin.upn, password: 'wrong', submit: 'sign-in' } });
    expect(rejected.status).toBe(400);
    expect(rejected.location).toBeUndefined();
    expect(rejected.text).toMatch(/role="alert"[^>]*>Your account or password is incorrect\./);
    expect(rejected.text).toContain(`value="${admin.upn}"`);

    const unknown = await browser.request(signInPage, { form: { login: 'nobody@contoso.test', password: 'demo', submit: 'sign-in' } });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/couldn&#39;t find an account/);

    // The same interaction still accepts the right password afterwards.
    const accepted = await browser.request(signInPage, { form: { login: admin.upn, password: 'demo', submit: 'sign-in' } });
    expect(accepted.status).toBe(303);
  });

  it('returns access_denied to the portal when the person cancels', async () => {
    const browser = newBrowser();
    const { response, state } = await startAuthorization(browser, discovery);
    const cancelled = await browser.request(response.location ?? '', { form: { submit: 'cancel' } });
    const back = await followToPortal(browser, cancelled.location ?? '');
    const params = fragmentParams(back);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(state);
  });
});

describe('authorization code with PKCE for the portal', () => {
  let tokens: TokenResponse;
  let nonce: string;
  let browser: BrowserlikeClient;

  beforeAll(async () => {
    browser = newBrowser();
    const result = await signInAndRedeem(browser, discovery, { login: admin.upn, password: 'demo' });
    tokens = result.tokens;
    nonce = result.nonce;
    expect(result.tokenResponse.headers['access-control-allow-origin']).toBe(PORTAL_ORIGIN);
  });

  it('issues an ID token with the Entra claims MSAL builds its account from', async () => {
    const claims = await verifyWithJwks(tokens.id_token, identity.server.jwksUri, identity.tls.caPem, {
      issuer: identity.server.issuer,
      audience: DEMO_PORTAL_CLIENT_ID,
    });
    expect(claims).toMatchObject({
      sub: admin.objectId,
      oid: admin.objectId,
      tid: DEMO_TENANT.id,
      name: admin.name,
      preferred_username: admin.upn,
      nonce,
    });
  });

  it('returns client_info so that MSAL keys the account as <oid>.<tid>', () => {
    const clientInfo = JSON.parse(Buffer.from(tokens.client_info, 'base64url').toString('utf8')) as unknown;
    expect(clientInfo).toEqual({ uid: admin.objectId, utid: DEMO_TENANT.id });
  });

  it('issues a JWT access token for ARM with scp user_impersonation and the configured lifetime', async () => {
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(tokens.scope.split(' ')).toEqual(
      expect.arrayContaining(['https://management.azure.com/user_impersonation', 'https://management.azure.com/.default']),
    );
    const claims = await verifyArmToken(tokens.access_token);
    expect(claims).toMatchObject({
      aud: 'https://management.azure.com/',
      iss: identity.server.issuer,
      tid: DEMO_TENANT.id,
      oid: admin.objectId,
      sub: admin.objectId,
      scp: 'user_impersonation',
      upn: admin.upn,
      unique_name: admin.upn,
      name: admin.name,
      appid: DEMO_PORTAL_CLIENT_ID,
      idtyp: 'user',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(claims.nbf).toBe(claims.iat);
  });

  it('renews with the refresh token the way MSAL does silently, for either ARM scope spelling', async () => {
    const renewed = await redeemRefreshToken(browser, discovery, tokens.refresh_token);
    expect(renewed.status).toBe(200);
    const body = renewed.json<TokenResponse>();
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.client_info).toBe(tokens.client_info);
    expect(decodeJwt(body.access_token).jti).toBeUndefined();
    const claims = await verifyArmToken(body.access_token);
    expect(claims).toMatchObject({ oid: admin.objectId, scp: 'user_impersonation' });
    expect(claims.uti).not.toBe(decodeJwt(tokens.access_token).uti);

    const withDefault = await redeemRefreshToken(
      browser,
      discovery,
      body.refresh_token,
      'https://management.azure.com/.default openid profile offline_access',
    );
    expect(withDefault.status).toBe(200);
    await verifyArmToken(withDefault.json<TokenResponse>().access_token);

    const coreWindows = await redeemRefreshToken(
      browser,
      discovery,
      body.refresh_token,
      'https://management.core.windows.net//.default openid profile offline_access',
    );
    expect(coreWindows.status).toBe(200);
    const coreClaims = await verifyArmToken(coreWindows.json<TokenResponse>().access_token, 'https://management.core.windows.net/');
    expect(coreClaims).toMatchObject({ oid: admin.objectId, scp: 'user_impersonation' });
  });

  it('rejects an unknown refresh token with invalid_grant, which MSAL turns into interaction_required', async () => {
    const response = await redeemRefreshToken(browser, discovery, 'not-a-refresh-token');
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('signs in again without the sign-in page while the browser session lasts', async () => {
    const { response } = await startAuthorization(browser, discovery);
    const back = await followToPortal(browser, response.location ?? '');
    expect(fragmentParams(back).get('code')).toEqual(expect.any(String));
  });

  it('shows the sign-in page despite the session when MSAL asks to select an account', async () => {
    const { response } = await startAuthorization(browser, discovery, { prompt: 'select_account' });
    expect(response.location).toMatch(new RegExp(`/${DEMO_TENANT.id}/login/`));
  });

  it('refuses token redemption from an origin the portal is not registered for', async () => {
    const response = await browser.request(discovery.token_endpoint, {
      headers: { origin: 'https://elsewhere.example' },
      form: { client_id: DEMO_PORTAL_CLIENT_ID, grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
    });
    expect(response.status).toBe(400);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.json()).toMatchObject({ error: 'invalid_request', error_codes: [9002326] });
  });

  it('signs out and returns to the portal without a confirmation page, keeping refresh tokens valid', async () => {
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('id_token_hint', tokens.id_token);
    url.searchParams.set('post_logout_redirect_uri', PORTAL_POST_LOGOUT_URI);
    url.searchParams.set('state', 'after-logout');
    const response = await browser.request(url.href);
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${PORTAL_POST_LOGOUT_URI}?state=after-logout`);

    // The browser session is gone: the next authorization shows the sign-in page again.
    const { response: again } = await startAuthorization(browser, discovery);
    expect(again.location).toMatch(new RegExp(`/${DEMO_TENANT.id}/login/`));

    // As with Entra, signing out of the browser does not revoke refresh tokens already handed to the app.
    expect((await redeemRefreshToken(browser, discovery, tokens.refresh_token)).status).toBe(200);
  });

  it('signs out with only a post-logout URI registered for the portal, as MSAL sends by default', async () => {
    const signedIn = newBrowser();
    await signInAndRedeem(signedIn, discovery, { login: admin.upn, password: 'demo' });
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('post_logout_redirect_uri', PORTAL_POST_LOGOUT_URI);
    const response = await signedIn.request(url.href);
    expect(response.status).toBe(303);
    expect(response.location).toBe(PORTAL_POST_LOGOUT_URI);
    const { response: again } = await startAuthorization(signedIn, discovery);
    expect(again.location).toMatch(new RegExp(`/${DEMO_TENANT.id}/login/`));
  });

  it('never redirects a sign-out to an unregistered address', async () => {
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('post_logout_redirect_uri', 'https://elsewhere.example/');
    const response = await newBrowser().request(url.href);
    expect(response.location ?? '').not.toContain('elsewhere.example');
  });

  it('signs out with only client_id, even from a browser without a session', async () => {
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('client_id', DEMO_PORTAL_CLIENT_ID);
    url.searchParams.set('post_logout_redirect_uri', PORTAL_POST_LOGOUT_URI);
    const response = await newBrowser().request(url.href);
    expect(response.status).toBe(303);
    expect(response.location).toBe(PORTAL_POST_LOGOUT_URI);
  });
});

describe('persistence across restarts', () => {
  it('keeps refresh tokens and signing keys valid after the server restarts on the same state directory', async () => {
    const browser = newBrowser();
    const { tokens } = await signInAndRedeem(browser, discovery, { login: DEMO_USERS.operator.upn, password: 'demo' });
    const keysBefore = (await browser.request(identity.server.jwksUri)).json();

    await identity.restart();

    expect((await browser.request(identity.server.jwksUri)).json()).toEqual(keysBefore);
    await verifyArmToken(tokens.access_token);
    const renewed = await redeemRefreshToken(browser, discovery, tokens.refresh_token);
    expect(renewed.status).toBe(200);
    const claims = await verifyArmToken(renewed.json<TokenResponse>().access_token);
    expect(claims).toMatchObject({ oid: DEMO_USERS.operator.objectId, upn: DEMO_USERS.operator.upn });

    // The browser session survives too: no sign-in page on the next authorization.
    const { response } = await startAuthorization(browser, discovery);
    const back = await followToPortal(browser, response.location ?? '');
    expect(fragmentParams(back).get('code')).toEqual(expect.any(String));
  });
});
