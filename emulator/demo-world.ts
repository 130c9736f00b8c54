/**
 * The fixed demo world. Ids never change so that README, scripts and tests can rely on them.
 * Both stand-ins (ARM and sign-in) and the portal's tests import these constants.
 */
export const DEMO_TENANT = {
  id: '8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  displayName: 'Contoso (demo)',
  defaultDomain: 'contoso.test',
} as const;

export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  /** Entra object id (`oid`), also the OIDC `sub`. */
  objectId: string;
  upn: string;
  name: string;
}

export const DEMO_USERS = {
  admin: { objectId: '0a1b2c3d-1111-4a5b-8c6d-7e8f9a0b1c2d', upn: 'admin@contoso.test', name: 'Ada Admin' },
  operator: { objectId: '0a1b2c3d-2222-4a5b-8c6d-7e8f9a0b1c2d', upn: 'operator@contoso.test', name: 'Otto Operator' },
  reader: { objectId: '0a1b2c3d-3333-4a5b-8c6d-7e8f9a0b1c2d', upn: 'reader@contoso.test', name: 'Rita Reader' },
  // A second Owner: two admins working in the same subscriptions at once.
  lead: { objectId: '0a1b2c3d-5555-4a5b-8c6d-7e8f9a0b1c2d', upn: 'lead@contoso.test', name: 'Lee Lead' },
} as const satisfies Record<string, DemoUser>;

/** The service principal for scripts and the Azure CLI (client-credentials grant). */
export const DEMO_SERVICE_PRINCIPAL = {
  clientId: '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e',
  objectId: '0a1b2c3d-4444-4a5b-8c6d-7e8f9a0b1c2d',
  secret: 'demo-automation-secret',
  displayName: 'contoso-automation',
} as const;

/** The portal's own app registration: a public client (SPA, authorization code + PKCE). */
export const DEMO_PORTAL_CLIENT_ID = '7e3a9c1d-2b4f-4e6a-8d0c-1f2e3a4b5c6d';

export const DEMO_SUBSCRIPTIONS = {
  production: { subscriptionId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d', displayName: 'Contoso Production' },
  devTest: { subscriptionId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', displayName: 'Contoso Dev/Test' },
  sandbox: { subscriptionId: '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f', displayName: 'Fabrikam Sandbox' },
} as const;

/** The audience ARM accepts, and the two forms Entra accepts for it. */
export const ARM_AUDIENCES = ['https://management.azure.com/', 'https://management.core.windows.net/'] as const;
export const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
