import type { AccessToken, TokenCredential } from '@azure/core-auth';

const FALLBACK_LIFETIME_MS = 5 * 60 * 1000;

function expiryOf(token: string): number {
  const payload = token.split('.')[1];
  if (payload) {
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') {
        return claims.exp * 1000;
      }
    } catch {
      // Not a readable JWT: ARM will judge it; assume a short life.
    }
  }
  return Date.now() + FALLBACK_LIFETIME_MS;
}

/**
 * The signed-in user's ARM access token as an Azure SDK credential. It lives only as long as one server
 * action; it is never stored, logged or returned.
 */
export function userTokenCredential(accessToken: string): TokenCredential {
  const expiresOnTimestamp = expiryOf(accessToken);
  return {
    async getToken(): Promise<AccessToken> {
      return { token: accessToken, expiresOnTimestamp, tokenType: 'Bearer' };
    },
  };
}
