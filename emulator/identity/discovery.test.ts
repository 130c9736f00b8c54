import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../demo-world';
import { BrowserlikeClient, readDiscovery, startTestIdentity, type TestIdentity } from './test/support';

let identity: TestIdentity;
let client: BrowserlikeClient;

beforeAll(async () => {
  identity = await startTestIdentity();
  client = new BrowserlikeClient(identity.tls.caPem);
});
afterAll(() => identity?.close());

describe('OpenID Connect discovery', () => {
  it('serves the discovery document under the issuer path with Entra endpoint paths', async () => {
    const { baseUrl, issuer } = identity.server;
    expect(issuer).toBe(`${baseUrl}/${DEMO_TENANT.id}/v2.0`);
    const discovery = await readDiscovery(client, issuer);
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.authorization_endpoint).toBe(`${baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/authorize`);
    expect(discovery.token_endpoint).toBe(`${baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/token`);
    expect(discovery.end_session_endpoint).toBe(`${baseUrl}/${DEMO_TENANT.id}/oauth2/v2.0/logout`);
    expect(discovery.jwks_uri).toBe(`${baseUrl}/${DEMO_TENANT.id}/discovery/v2.0/keys`);
    expect(discovery.jwks_uri).toBe(identity.server.jwksUri);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('lets a browser page read the discovery document cross-origin', async () => {
    const response = await client.request(`${identity.server.issuer}/.well-known/openid-configuration`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(response.status).toBe(200);
    expect(['*', 'http://localhost:3000']).toContain(response.headers['access-control-allow-origin']);
  });

  it('publishes only public RSA signing keys at the JWKS URI', async () => {
    const response = await client.request(identity.server.jwksUri);
    expect(response.status).toBe(200);
    const { keys } = response.json<{ keys: Record<string, string>[] }>();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
      expect(key.kid).toEqual(expect.any(String));
      for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(privatePart);
    }
  });

  it('answers 404 for paths outside the Entra endpoints', async () => {
    const tenantRoot = await client.request(`${identity.server.baseUrl}/${DEMO_TENANT.id}/.well-known/openid-configuration`);
    expect(tenantRoot.status).toBe(404);
    const otherTenant = await client.request(`${identity.server.baseUrl}/common/v2.0/.well-known/openid-configuration`);
    expect(otherTenant.status).toBe(404);
  });
});

describe('ADFS-style discovery for the Azure CLI', () => {
  it('serves the endpoints az reads and the same keys as the OpenID Connect authority', async () => {
    const { adfsIssuer, baseUrl } = identity.server;
    expect(adfsIssuer).toBe(`${baseUrl}/adfs`);
    const response = await client.request(`${adfsIssuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const document = response.json<Record<string, string>>();
    expect(document.issuer).toBe(adfsIssuer);
    expect(document.authorization_endpoint).toMatch(new RegExp(`^${adfsIssuer}/oauth2/authorize`));
    expect(document.token_endpoint).toMatch(new RegExp(`^${adfsIssuer}/oauth2/token`));

    const adfsKeys = await client.request(document.jwks_uri ?? '');
    const oidcKeys = await client.request(identity.server.jwksUri);
    expect(adfsKeys.json()).toEqual(oidcKeys.json());
  });
});
