import { describe, expect, it } from 'vitest';
import { localPortalEnv } from '@/emulator/config';
import { DEMO_PORTAL_CLIENT_ID, DEMO_TENANT } from '@/emulator/demo-world';
import { checkPortalConfig, discoveryUrl, PortalConfigError, readPortalConfig } from './portal-config';

describe('readPortalConfig', () => {
  it('refuses to guess when nothing is configured, and says the two ways to configure it', () => {
    expect(() => readPortalConfig({})).toThrow(/not configured: set AZURE_CLIENT_ID and AZURE_TENANT_ID .* or start it with `npm start`/);
  });

  it('uses the local stand-ins with the settings npm start passes in, and calls that mode local', () => {
    expect(readPortalConfig(localPortalEnv({ host: 'localhost', armPort: 4443, identityPort: 4444 }))).toEqual({
      mode: 'local',
      clientId: DEMO_PORTAL_CLIENT_ID,
      tenantId: DEMO_TENANT.id,
      authority: `https://localhost:4444/${DEMO_TENANT.id}/v2.0`,
      armEndpoint: 'https://localhost:4443',
    });
  });

  it('follows the stand-ins to other ports', () => {
    const config = readPortalConfig(localPortalEnv({ host: 'localhost', armPort: 4543, identityPort: 4544 }));
    expect(config.authority).toBe(`https://localhost:4544/${DEMO_TENANT.id}/v2.0`);
    expect(config.armEndpoint).toBe('https://localhost:4543');
  });

  it('signs in against Entra ID and calls management.azure.com with an app registration', () => {
    const config = readPortalConfig({
      AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
    });
    expect(config).toEqual({
      mode: 'azure',
      clientId: '11111111-2222-4333-8444-555555555555',
      tenantId: 'contoso.onmicrosoft.com',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      armEndpoint: 'https://management.azure.com',
    });
  });

  it('refuses insecure or malformed endpoints', () => {
    const app = { AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555', AZURE_TENANT_ID: 'contoso.onmicrosoft.com' };
    expect(() => readPortalConfig({ ...app, ARM_ENDPOINT: 'http://management.azure.com' })).toThrow(PortalConfigError);
    expect(() => readPortalConfig({ ...app, ARM_ENDPOINT: 'https://management.azure.com/evil' })).toThrow(PortalConfigError);
    expect(() => readPortalConfig({ ...app, AZURE_AUTHORITY: 'https://user:pw@login.example.com/t' })).toThrow(PortalConfigError);
    expect(() => readPortalConfig({ AZURE_CLIENT_ID: 'not-a-guid', AZURE_TENANT_ID: 'x' })).toThrow(PortalConfigError);
  });

  it('requires a tenant with a client id', () => {
    expect(() => readPortalConfig({ AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555' })).toThrow(/AZURE_TENANT_ID/);
  });
});

describe('discoveryUrl', () => {
  it('matches where MSAL looks for the OpenID configuration', () => {
    expect(discoveryUrl('https://localhost:4444/t/v2.0')).toBe('https://localhost:4444/t/v2.0/.well-known/openid-configuration');
    expect(discoveryUrl('https://login.microsoftonline.com/t')).toBe(
      'https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration',
    );
  });
});

describe('checkPortalConfig', () => {
  it('says what to set instead of throwing, and gives the configuration when the settings are complete', () => {
    expect(checkPortalConfig({})).toEqual({ ok: false, problem: expect.stringMatching(/set AZURE_CLIENT_ID and AZURE_TENANT_ID/) });
    expect(checkPortalConfig({ AZURE_CLIENT_ID: 'not-a-guid', AZURE_TENANT_ID: 'contoso.onmicrosoft.com' })).toEqual({
      ok: false,
      problem: expect.stringMatching(/AZURE_CLIENT_ID must be a GUID/),
    });
    expect(checkPortalConfig({ AZURE_CLIENT_ID: '7e3a9c1d-2b4f-4e6a-8d0c-1f2e3a4b5c6d', AZURE_TENANT_ID: 'contoso.onmicrosoft.com' })).toMatchObject({
      ok: true,
      config: { clientId: '7e3a9c1d-2b4f-4e6a-8d0c-1f2e3a4b5c6d', mode: 'azure' },
    });
  });
});
