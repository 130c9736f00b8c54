/** Raw HTTP: what ARM answers before any resource provider is involved — headers, 401s, api-version, throttling. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_TENANT, DEMO_USERS } from '../../demo-world';
import { rawRequest, startTestArm, userClaims, type TestArm } from './harness';

const P = DEMO_SUBSCRIPTIONS.production.subscriptionId;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestArm;
beforeAll(async () => {
  t = await startTestArm();
});
afterAll(() => t.close());

const bearer = async (token: Promise<string> | string) => ({ authorization: `Bearer ${await token}` });
const subPath = `/subscriptions/${P}?api-version=2022-12-01`;

describe('headers on every response', () => {
  it('carries request ids, echoes the client correlation id, and forbids caching', async () => {
    const response = await t.call('GET', subPath, { headers: { 'x-ms-correlation-request-id': 'corr-123', 'x-ms-client-request-id': 'client-9' } });
    expect(response.status).toBe(200);
    expect(response.headers['x-ms-request-id']).toMatch(GUID);
    expect(response.headers['x-ms-correlation-request-id']).toBe('corr-123');
    expect(response.headers['x-ms-client-request-id']).toBe('client-9');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('uses the client request id as correlation id when no correlation id is sent', async () => {
    const response = await t.call('GET', subPath, { headers: { 'x-ms-client-request-id': 'only-client' } });
    expect(response.headers['x-ms-correlation-request-id']).toBe('only-client');
  });

  it('puts ids and no-cache on error responses too', async () => {
    const response = await t.call('GET', subPath, { as: null });
    expect(response.status).toBe(401);
    expect(response.headers['x-ms-request-id']).toMatch(GUID);
    expect(response.headers['x-ms-correlation-request-id']).toMatch(GUID);
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});

describe('authentication (401)', () => {
  const challenge = (r: { headers: Record<string, unknown> }) => String(r.headers['www-authenticate']);

  it('answers AuthenticationFailed with a Bearer challenge when the Authorization header is missing', async () => {
    const response = await t.call('GET', subPath, { as: null });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(challenge(response)).toMatch(/^Bearer authorization_uri="https:\/\/localhost:\d+\/8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", error="invalid_token"/);
  });

  it('answers InvalidAuthenticationToken for a malformed token', async () => {
    const response = await t.call('GET', subPath, { as: null, headers: { authorization: 'Bearer not.a.jwt' } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('InvalidAuthenticationToken');
    expect(challenge(response)).toContain('error="invalid_token"');
  });

  it('answers InvalidAuthenticationToken for a token signed by a key the issuer does not publish', async () => {
    const token = t.issuer.sign(userClaims('admin'), { key: 'foreign' });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error).toEqual({ code: 'InvalidAuthenticationToken', message: 'The access token has an invalid signature.' });
  });

  it('answers ExpiredAuthenticationToken with both times in ARM format', async () => {
    const token = t.issuer.sign(userClaims('admin'), { expiresInSeconds: -5 });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('ExpiredAuthenticationToken');
    expect(response.json.error.message).toMatch(
      /^The access token expiry UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)' is earlier than current UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)'\.$/,
    );
    expect(challenge(response)).toContain('The access token has expired.');
  });

  it('refuses a token it accepted before once that token expires (verified tokens are remembered, their times are not)', async () => {
    const token = await t.issuer.sign(userClaims('admin'), { expiresInSeconds: 2 });
    expect((await t.call('GET', subPath, { as: null, headers: await bearer(token) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('ExpiredAuthenticationToken');
  });

  it('refuses a token for another audience', async () => {
    const token = t.issuer.sign(userClaims('admin'), { audience: 'https://graph.microsoft.com/' });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('InvalidAuthenticationTokenAudience');
    expect(response.json.error.message).toContain("'https://graph.microsoft.com/'");
  });

  it('accepts the management.core.windows.net audience too', async () => {
    const token = t.issuer.sign(userClaims('admin'), { audience: 'https://management.core.windows.net/' });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(200);
  });

  it('refuses a token from an untrusted issuer even when the signature is valid', async () => {
    const token = t.issuer.sign(userClaims('admin'), { issuer: 'https://login.example.com/evil/v2.0' });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('InvalidAuthenticationTokenTenant');
  });

  it('refuses a token that is not valid yet', async () => {
    const token = t.issuer.sign(userClaims('admin'), { notBeforeSeconds: 600 });
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(token) });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('InvalidAuthenticationToken');
  });

  it('refuses a token without an object id', async () => {
    const { oid: _oid, ...claims } = userClaims('admin');
    const response = await t.call('GET', subPath, { as: null, headers: await bearer(t.issuer.sign(claims)) });
    expect(response.status).toBe(401);
    expect(response.json.error.message).toContain("'oid' should be present");
  });

  it('caches the issuer keys and fetches them again when a token names a new key', async () => {
    await t.call('GET', subPath);
    const before = t.issuer.fetches();
    await t.call('GET', subPath);
    expect(t.issuer.fetches()).toBe(before);
    await t.issuer.rotate();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const response = await t.call('GET', subPath);
    expect(response.status).toBe(200);
    expect(t.issuer.fetches()).toBe(before + 1);
  });
});

describe('api-version', () => {
  it('answers MissingApiVersionParameter without one', async () => {
    const response = await t.call('GET', `/subscriptions/${P}`);
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({
      code: 'MissingApiVersionParameter',
      message: 'The api-version query parameter (?api-version=) is required for all requests.',
    });
  });

  it('answers InvalidApiVersionParameter listing the supported versions', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=2017-04-18`);
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('InvalidApiVersionParameter');
    expect(response.json.error.message).toMatch(/^The api-version '2017-04-18' is invalid\. The supported versions are '2026-09-15-preview,.*,2021-04-30'\.$/);
  });

  it.each([
    ['2021-04-30', 'the docs'],
    ['2022-12-01', 'Azure CLI 2.45'],
    ['2025-09-01', '@azure/arm-cognitiveservices 8'],
    ['2026-05-15-preview', 'the recording'],
    ['2026-07-15-preview', 'the contract'],
  ])('accepts Microsoft.CognitiveServices api-version %s (%s)', async (version) => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/deletedAccounts?api-version=${version}`);
    expect(response.status).toBe(200);
  });

  it.each(['2019-11-01', '2021-01-01', '2021-10-01', '2022-12-01'])('accepts subscription api-version %s', async (version) => {
    expect((await t.call('GET', `/subscriptions?api-version=${version}`)).status).toBe(200);
  });

  it.each(['2022-09-01', '2025-04-01'])('accepts resource group api-version %s', async (version) => {
    expect((await t.call('GET', `/subscriptions/${P}/resourcegroups?api-version=${version}`)).status).toBe(200);
  });

  it('reads the parameter name case-insensitively, as the docs write it', async () => {
    const response = await t.call('GET', `/subscriptions/${P}/providers/Microsoft.CognitiveServices/deletedAccounts?Api-Version=2021-04-30`);
    expect(response.status).toBe(200);
  });
});

describe('throttling (429)', () => {
  const D = DEMO_SUBSCRIPTIONS.devTest.subscriptionId;
  const groups = (sub: string) => `/subscriptions/${sub}/resourcegroups?api-version=2022-09-01`;
  let arm: TestArm;
  beforeEach(async () => {
    arm = await startTestArm({ seed: 'demo' });
  });
  afterEach(() => arm.close());

  it("reports ARM's documented token buckets: 250 reads, 200 writes and deletes per principal, 15 times that per subscription", async () => {
    const read = await arm.call('GET', groups(P));
    expect(read.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('249');
    expect(read.headers['x-ms-ratelimit-remaining-subscription-global-reads']).toBe('3749');
    const write = await arm.call('PUT', `/subscriptions/${P}/resourcegroups/rg-headers?api-version=2022-09-01`, { body: { location: 'eastus' } });
    expect(write.headers['x-ms-ratelimit-remaining-subscription-writes']).toBe('199');
    expect(write.headers['x-ms-ratelimit-remaining-subscription-global-writes']).toBe('2999');
    expect(write.headers['x-ms-ratelimit-remaining-subscription-reads']).toBeUndefined();
    const del = await arm.call('DELETE', `/subscriptions/${P}/resourcegroups/rg-headers?api-version=2022-09-01`);
    expect(del.headers['x-ms-ratelimit-remaining-subscription-deletes']).toBe('199');
    expect(del.headers['x-ms-ratelimit-remaining-subscription-global-deletes']).toBe('2999');
  });

  it('counts requests without a subscription id against the tenant bucket', async () => {
    const tenantRead = await arm.call('GET', '/subscriptions?api-version=2022-12-01');
    expect(tenantRead.headers['x-ms-ratelimit-remaining-tenant-reads']).toBe('249');
    expect(tenantRead.headers['x-ms-ratelimit-remaining-subscription-reads']).toBeUndefined();
    // The subscription's bucket is untouched by it.
    expect((await arm.call('GET', groups(P))).headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('249');
  });

  it("answers SubscriptionRequestsThrottled with ARM's text and Retry-After once the caller's bucket is empty", async () => {
    await arm.admin('PUT', '/throttle', { reads: { capacity: 2, refillPerSecond: 0.5 } });
    const remaining = [];
    for (let i = 0; i < 2; i++) remaining.push((await arm.call('GET', groups(P))).headers['x-ms-ratelimit-remaining-subscription-reads']);
    expect(remaining).toEqual(['1', '0']);
    const throttled = await arm.call('GET', groups(P));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect(throttled.json.error).toEqual({
      code: 'SubscriptionRequestsThrottled',
      message:
        `Number of 'read' requests for subscription '${P}' actor '${DEMO_USERS.admin.objectId}' exceeded. Please try again after '2' seconds ` +
        'after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.',
    });
    // Another subscription has its own bucket, and so has another principal in this one.
    expect((await arm.call('GET', groups(D))).status).toBe(200);
    expect((await arm.call('GET', groups(P), { as: 'reader' })).status).toBe(200);
  });

  it("throttles every principal once the subscription's global bucket is empty", async () => {
    await arm.admin('PUT', '/throttle', { reads: { capacity: 2, refillPerSecond: 0.01 }, globalMultiplier: 1 });
    expect((await arm.call('GET', groups(P))).status).toBe(200);
    expect((await arm.call('GET', groups(P))).status).toBe(200);
    const reader = await arm.call('GET', groups(P), { as: 'reader' });
    expect(reader.status).toBe(429);
    expect(reader.json.error.code).toBe('SubscriptionRequestsThrottled');
    expect(reader.json.error.message).toMatch(new RegExp(`^Number of 'read' requests for subscription '${P}' exceeded\\.`));
  });

  it('answers TenantRequestsThrottled when the tenant bucket is empty, leaving subscription requests alone', async () => {
    await arm.admin('PUT', '/throttle', { tenant: { reads: { capacity: 1, refillPerSecond: 0.5 } } });
    expect((await arm.call('GET', '/subscriptions?api-version=2022-12-01')).status).toBe(200);
    const throttled = await arm.call('GET', '/subscriptions?api-version=2022-12-01');
    expect(throttled.status).toBe(429);
    expect(throttled.json.error.code).toBe('TenantRequestsThrottled');
    expect(throttled.json.error.message).toContain(`requests for tenant '${DEMO_TENANT.id}' actor '${DEMO_USERS.admin.objectId}' exceeded`);
    expect((await arm.call('GET', groups(P))).status).toBe(200);
  });
});

describe('TLS', () => {
  it('serves a certificate the local CA vouches for on localhost', async () => {
    const response = await rawRequest(`${t.arm.baseUrl}/subscriptions?api-version=2022-12-01`, { ca: t.tls.caPem });
    expect(response.status).toBe(401);
  });
});
