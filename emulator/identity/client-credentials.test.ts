import { ClientSecretCredential } from '@azure/identity';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../demo-world';
import { BrowserlikeClient, startTestIdentity, verifyWithJwks, type TestIdentity } from './test/support';

let identity: TestIdentity;
let client: BrowserlikeClient;

beforeAll(async () => {
  identity = await startTestIdentity();
  client = new BrowserlikeClient(identity.tls.caPem);
});
afterAll(() => identity?.close());

function servicePrincipalCredential(secret: string = DEMO_SERVICE_PRINCIPAL.secret): ClientSecretCredential {
  return new ClientSecretCredential(DEMO_TENANT.id, DEMO_SERVICE_PRINCIPAL.clientId, secret, {
    authorityHost: identity.server.baseUrl,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: identity.tls.caPem },
    retryOptions: { maxRetries: 0 },
  });
}

function expectServicePrincipalClaims(claims: Record<string, unknown>): void {
  expect(claims).toMatchObject({
    tid: DEMO_TENANT.id,
    oid: DEMO_SERVICE_PRINCIPAL.objectId,
    sub: DEMO_SERVICE_PRINCIPAL.objectId,
    appid: DEMO_SERVICE_PRINCIPAL.clientId,
    idtyp: 'app',
  });
  expect(claims).not.toHaveProperty('scp');
  expect(claims.exp).toEqual(expect.any(Number));
  expect(claims.nbf).toEqual(expect.any(Number));
}

describe('client credentials at the OpenID Connect token endpoint', () => {
  it('gives @azure/identity ClientSecretCredential an ARM token signed with the published keys', async () => {
    const token = await servicePrincipalCredential().getToken('https://management.azure.com/.default');
    expect(token.token).toBeTruthy();
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000 * 1000);

    expect(decodeProtectedHeader(token.token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const claims = await verifyWithJwks(token.token, identity.server.jwksUri, identity.tls.caPem, {
      issuer: identity.server.issuer,
      audience: 'https://management.azure.com/',
    });
    expectServicePrincipalClaims(claims);
  });

  it('issues the core.windows.net audience for the double-slash resource scope', async () => {
    const token = await servicePrincipalCredential().getToken('https://management.core.windows.net//.default');
    const claims = await verifyWithJwks(token.token, identity.server.jwksUri, identity.tls.caPem, {
      issuer: identity.server.issuer,
      audience: 'https://management.core.windows.net/',
    });
    expectServicePrincipalClaims(claims);
  });

  it('refuses a wrong secret with AADSTS7000215', async () => {
    await expect(servicePrincipalCredential('not-the-secret').getToken('https://management.azure.com/.default')).rejects.toThrow(
      /AADSTS7000215/,
    );
    const discoveryResponse = await client.request(`${identity.server.issuer}/.well-known/openid-configuration`);
    const response = await client.request(discoveryResponse.json<{ token_endpoint: string }>().token_endpoint, {
      form: {
        grant_type: 'client_credentials',
        client_id: DEMO_SERVICE_PRINCIPAL.clientId,
        client_secret: 'not-the-secret',
        scope: 'https://management.azure.com/.default',
      },
    });
    expect(response.status).toBe(401);
    const body = response.json<{ error: string; error_description: string; error_codes: number[] }>();
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body.error_codes).toEqual([7000215]);
  });

  it('accepts the secret in an HTTP Basic header too', async () => {
    const basic = Buffer.from(`${DEMO_SERVICE_PRINCIPAL.clientId}:${DEMO_SERVICE_PRINCIPAL.secret}`).toString('base64');
    const response = await client.request(`${identity.server.baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
      headers: { authorization: `Basic ${basic}` },
      form: { grant_type: 'client_credentials', scope: 'https://management.azure.com/.default' },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
  });

  it('refuses a resource that is not ARM', async () => {
    const response = await client.request(`${identity.server.baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
      form: {
        grant_type: 'client_credentials',
        client_id: DEMO_SERVICE_PRINCIPAL.clientId,
        client_secret: DEMO_SERVICE_PRINCIPAL.secret,
        scope: 'https://vault.azure.net/.default',
      },
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });

    const withoutScope = await client.request(`${identity.server.baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
      form: {
        grant_type: 'client_credentials',
        client_id: DEMO_SERVICE_PRINCIPAL.clientId,
        client_secret: DEMO_SERVICE_PRINCIPAL.secret,
      },
    });
    expect(withoutScope.status).toBe(400);
    expect(withoutScope.json()).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
  });
});

describe('client credentials at the ADFS-style token endpoint (Azure CLI)', () => {
  async function adfsToken(form: Record<string, string>) {
    return client.request(`${identity.server.adfsIssuer}/oauth2/token`, { form });
  }

  it('answers az-shaped requests with a Bearer ARM token issued by the ADFS authority', async () => {
    const response = await adfsToken({
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.secret,
      client_info: '1',
      claims: '{"access_token": {"xms_cc": {"values": ["CP1"]}}}',
      scope: 'https://management.azure.com//.default',
    });
    expect(response.status).toBe(200);
    const body = response.json<{ token_type: string; access_token: string; expires_in: number; ext_expires_in: number }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });

    const claims = await verifyWithJwks(body.access_token, identity.server.jwksUri, identity.tls.caPem, {
      issuer: identity.server.adfsIssuer,
      audience: 'https://management.azure.com/',
    });
    expectServicePrincipalClaims(claims);
  });

  it('refuses a wrong secret with 401 invalid_client and AADSTS7000215', async () => {
    const response = await adfsToken({
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: 'wrong',
      scope: 'https://management.azure.com//.default',
    });
    expect(response.status).toBe(401);
    const body = response.json<{ error: string; error_description: string; error_codes: number[] }>();
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(body.error_codes).toEqual([7000215]);
  });

  it('refuses an unknown client, another grant type and a resource that is not ARM', async () => {
    const unknown = await adfsToken({
      grant_type: 'client_credentials',
      client_id: '00000000-0000-0000-0000-000000000000',
      client_secret: 'x',
      scope: 'https://management.azure.com//.default',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });

    const password = await adfsToken({ grant_type: 'password', username: 'admin@contoso.test', password: 'demo' });
    expect(password.status).toBe(400);
    expect(password.json()).toMatchObject({ error: 'unsupported_grant_type' });

    const graph = await adfsToken({
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.secret,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(graph.status).toBe(400);
    expect(graph.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });
});
