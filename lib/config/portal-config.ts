/**
 * Where the portal signs people in and which ARM it talks to. Read from the environment at runtime so that
 * one build serves both the local stand-ins and real Azure; the portal knows nothing of the local stand-ins
 * (`npm start` passes their settings in, see scripts/start.ts).
 */
export interface PortalConfig {
  /** 'local' when the sign-in authority is this machine: the page then helps with the local certificate. */
  mode: 'local' | 'azure';
  clientId: string;
  tenantId: string;
  /** MSAL authority, e.g. https://login.microsoftonline.com/{tenant} or https://localhost:4444/{tenant}/v2.0 */
  authority: string;
  /** ARM base URL without a trailing slash; the only host lib/arm ever sends a request to. */
  armEndpoint: string;
}

export class PortalConfigError extends Error {
  override name = 'PortalConfigError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9][a-z0-9.-]{0,252}[a-z0-9]$/i;

function httpsUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PortalConfigError(`${name} must be an absolute https URL, got '${value}'`);
  }
  if (url.protocol !== 'https:') throw new PortalConfigError(`${name} must use https, got '${value}'`);
  if (url.username || url.password || url.search || url.hash) {
    throw new PortalConfigError(`${name} must not carry credentials, a query or a fragment`);
  }
  return url;
}

function withoutTrailingSlash(url: URL): string {
  return url.toString().replace(/\/+$/, '');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Environment variables by name (process.env, or a plain object in tests). */
export type Env = Readonly<Record<string, string | undefined>>;

export function readPortalConfig(env: Env = process.env): PortalConfig {
  const clientId = env.AZURE_CLIENT_ID?.trim() || undefined;
  const tenantId = env.AZURE_TENANT_ID?.trim() || undefined;
  if (clientId === undefined) {
    throw new PortalConfigError(
      'The portal is not configured: set AZURE_CLIENT_ID and AZURE_TENANT_ID (your Entra app registration), or start it with `npm start`, which runs the local Azure and passes its settings.',
    );
  }
  if (!GUID.test(clientId)) throw new PortalConfigError(`AZURE_CLIENT_ID must be a GUID, got '${clientId}'`);
  if (tenantId === undefined) throw new PortalConfigError('AZURE_CLIENT_ID is set: set AZURE_TENANT_ID too');
  if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    throw new PortalConfigError(`AZURE_TENANT_ID must be a GUID or a domain, got '${tenantId}'`);
  }
  const authority = httpsUrl('AZURE_AUTHORITY', env.AZURE_AUTHORITY?.trim() || `https://login.microsoftonline.com/${tenantId}`);
  const arm = httpsUrl('ARM_ENDPOINT', env.ARM_ENDPOINT?.trim() || 'https://management.azure.com');
  if (arm.pathname !== '/') throw new PortalConfigError('ARM_ENDPOINT must be a bare origin, without a path');

  return {
    mode: LOOPBACK_HOSTS.has(authority.hostname) ? 'local' : 'azure',
    clientId,
    tenantId,
    authority: withoutTrailingSlash(authority),
    armEndpoint: withoutTrailingSlash(arm),
  };
}

/**
 * The configuration, or what is wrong with it in words an operator can act on. The server still starts without
 * it, so a deployment's health check and pages say what to set instead of 500.
 */
export function checkPortalConfig(env: Env = process.env): { ok: true; config: PortalConfig } | { ok: false; problem: string } {
  try {
    return { ok: true, config: readPortalConfig(env) };
  } catch (error) {
    if (error instanceof PortalConfigError) return { ok: false, problem: error.message };
    throw error;
  }
}

/** The OpenID discovery document MSAL reads for this authority (same rule as msal-common's Authority). */
export function discoveryUrl(authority: string): string {
  const base = authority.endsWith('/') ? authority : `${authority}/`;
  return base.endsWith('v2.0/') ? `${base}.well-known/openid-configuration` : `${base}v2.0/.well-known/openid-configuration`;
}
