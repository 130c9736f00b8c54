import type { Configuration } from '@azure/msal-browser';

/** Delegated ARM permission ("Azure Service Management / user_impersonation"). */
export const ARM_SCOPES = ['https://management.azure.com/user_impersonation'];

export const REDIRECT_PATH = '/auth/redirect';

/** The part of the server's configuration the browser may see; passed from the root layout as props. */
export interface PublicAuthConfig {
  clientId: string;
  authority: string;
  /** host[:port] of the authority, so MSAL never asks Microsoft's instance discovery about it. */
  knownAuthority: string;
  /** The discovery document as the server read it, so the browser need not fetch it. */
  authorityMetadata?: string;
  /** Set only for the local stand-ins: what a fresh browser needs to trust their certificate. */
  localCertificate?: { discoveryUrl: string; authorityOrigin: string; caPath: string };
}

/** Relative redirect URIs: MSAL resolves them against the page's origin, so any port works. */
export function buildMsalConfiguration(config: PublicAuthConfig): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: [config.knownAuthority],
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      redirectUri: REDIRECT_PATH,
      postLogoutRedirectUri: '/',
    },
    cache: { cacheLocation: 'localStorage' },
  };
}
