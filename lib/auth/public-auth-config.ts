import 'server-only';
import { discoveryUrl, type PortalConfig } from '@/lib/config/portal-config';
import type { PublicAuthConfig } from './msal-config';

const METADATA_TTL_MS = 60 * 60 * 1000;
const METADATA_TIMEOUT_MS = 3000;
let cachedMetadata: { authority: string; json: string; at: number } | undefined;

/**
 * Reads the authority's discovery document on the server (which trusts the local CA) so MSAL in the
 * browser starts without a metadata round trip. On failure MSAL simply fetches it itself.
 */
async function readAuthorityMetadata(authority: string): Promise<string | undefined> {
  if (cachedMetadata && cachedMetadata.authority === authority && Date.now() - cachedMetadata.at < METADATA_TTL_MS) {
    return cachedMetadata.json;
  }
  try {
    const response = await fetch(discoveryUrl(authority), { signal: AbortSignal.timeout(METADATA_TIMEOUT_MS) });
    if (!response.ok) return undefined;
    const document: unknown = await response.json();
    if (typeof document !== 'object' || document === null || !('authorization_endpoint' in document)) return undefined;
    const json = JSON.stringify(document);
    cachedMetadata = { authority, json, at: Date.now() };
    return json;
  } catch {
    return undefined;
  }
}

export async function readPublicAuthConfig(config: PortalConfig): Promise<PublicAuthConfig> {
  const authorityUrl = new URL(config.authority);
  const authorityMetadata = await readAuthorityMetadata(config.authority);
  return {
    clientId: config.clientId,
    authority: config.authority,
    knownAuthority: authorityUrl.host,
    ...(authorityMetadata ? { authorityMetadata } : {}),
    ...(config.mode === 'local'
      ? {
          localCertificate: {
            discoveryUrl: discoveryUrl(config.authority),
            authorityOrigin: authorityUrl.origin,
            caPath: '.emulator/ca.pem',
          },
        }
      : {}),
  };
}
