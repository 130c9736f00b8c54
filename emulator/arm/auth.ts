import https from 'node:https';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ARM_AUDIENCES } from '../demo-world';
import { ArmError, errors } from './errors';

/** Who is calling, from the verified access token. */
export interface Principal {
  objectId: string;
  /** What ARM names the caller in AuthorizationFailed: the user's UPN, else the application id. */
  displayName: string;
  type: 'User' | 'Application';
  tenantId: string;
  /** The verified token's claims, as ARM copies them into the activity log. */
  claims: Readonly<Record<string, unknown>>;
}

const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
/** Never refetch the key set more often than this when an unknown `kid` shows up (a bad token must not DoS the issuer). */
const REFETCH_COOLDOWN_MS = 2_000;

function fetchJson(url: string, caPem: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca: caPem, timeout: 10_000, headers: { accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${url} answered ${response.statusCode}`));
          return;
        }
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

/** How many verified tokens JwksCache remembers; it forgets them all when full. */
const VERIFIED_TOKENS_KEPT = 1_000;

/** The sign-in provider's public keys, fetched over HTTPS (trusting the local CA) and cached; refetched on an unknown key id. */
export class JwksCache {
  private keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  private lastFetch = 0;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly jwksUri: string,
    private readonly caPem: string,
  ) {}

  private refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        const jwks = (await fetchJson(this.jwksUri, this.caPem)) as JSONWebKeySet;
        if (!Array.isArray(jwks.keys)) throw new Error(`${this.jwksUri} did not return a JSON Web Key Set`);
        this.keySet = createLocalJWKSet(jwks);
        this.lastFetch = Date.now();
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }

  /**
   * Tokens whose signature already checked out, with their claims. A client sends the same token with every
   * request for an hour; checking its signature once (jose's WebCrypto verify was the emulator's largest cost
   * per request after the response itself) is enough, while its times are still checked on each request.
   */
  private readonly verified = new Map<string, JWTPayload>();

  async verify(token: string, currentDate: Date): Promise<JWTPayload> {
    const known = this.verified.get(token);
    const seconds = currentDate.getTime() / 1000;
    if (known && (known.exp === undefined || seconds < known.exp) && (known.nbf === undefined || seconds >= known.nbf)) return known;
    const payload = await this.verifySignature(token, currentDate);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
    this.verified.set(token, payload);
    return payload;
  }

  private async verifySignature(token: string, currentDate: Date): Promise<JWTPayload> {
    if (!this.keySet) await this.refresh();
    const options = { algorithms: ALLOWED_ALGORITHMS, currentDate, clockTolerance: 0 };
    try {
      return (await jwtVerify(token, this.keySet!, options)).payload;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' && Date.now() - this.lastFetch > REFETCH_COOLDOWN_MS) {
        await this.refresh();
        return (await jwtVerify(token, this.keySet!, options)).payload;
      }
      throw error;
    }
  }
}

export interface AuthOptions {
  trustedIssuers: readonly string[];
  jwks: JwksCache;
  /** Real time, not the emulator clock: moving the world's clock forward must not expire everyone's tokens. */
  now?: () => Date;
}

/** The authority a client should get tokens from, for WWW-Authenticate: the first trusted issuer without `/v2.0`. */
export function authorityOf(issuer: string): string {
  return issuer.replace(/\/v2\.0\/?$/, '');
}

export function withChallenge(error: ArmError, authority: string, description: string): ArmError {
  const challenge = `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${description}"`;
  return new ArmError(error.status, error.code, error.message, { ...error.headers, 'www-authenticate': challenge });
}

/**
 * Verifies `Authorization: Bearer <JWT>` as ARM does: signature against the issuer's keys, trusted issuer,
 * ARM audience, expiry and not-before. Throws ArmError 401 with ARM's codes and a WWW-Authenticate challenge.
 */
export async function authenticate(header: string | undefined, options: AuthOptions): Promise<Principal> {
  const authority = authorityOf(options.trustedIssuers[0] ?? 'https://login.windows.net/');
  const now = options.now?.() ?? new Date();
  if (header === undefined || header.trim() === '') {
    throw withChallenge(errors.authorizationHeaderMissing(), authority, "The authentication failed because of missing 'Authorization' header.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw withChallenge(errors.authorizationHeaderMalformed(), authority, "The authentication failed because of malformed 'Authorization' header.");
  }
  const token = match[1];

  let claims: JWTPayload;
  try {
    decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    throw withChallenge(errors.invalidToken(), authority, 'The access token is invalid.');
  }

  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  if (!options.trustedIssuers.includes(issuer)) {
    const tenantId = typeof claims.tid === 'string' ? claims.tid : '';
    throw withChallenge(errors.invalidTokenIssuer(issuer, tenantId, authority), authority, 'The access token is from the wrong issuer.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : claims.aud === undefined ? [] : [claims.aud];
  const allowed = ARM_AUDIENCES.flatMap((a) => [a, a.replace(/\/$/, '')]);
  if (!audiences.some((aud) => allowed.includes(aud))) {
    throw withChallenge(errors.invalidTokenAudience(audiences.join(','), allowed), authority, 'The access token has been obtained for wrong audience.');
  }

  let payload: JWTPayload;
  try {
    payload = await options.jwks.verify(token, now);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED' && typeof claims.exp === 'number') {
      throw withChallenge(errors.expiredToken(new Date(claims.exp * 1000), now), authority, 'The access token has expired.');
    }
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'nbf') {
      throw withChallenge(
        errors.invalidToken('The access token is not yet valid: its not-before time is later than the current time.'),
        authority,
        'The access token is not yet valid.',
      );
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JOSE_ALG_NOT_ALLOWED') {
      throw withChallenge(errors.invalidToken('The access token has an invalid signature.'), authority, 'The access token has an invalid signature.');
    }
    if (code?.startsWith('ERR_J')) throw withChallenge(errors.invalidToken(), authority, 'The access token is invalid.');
    throw error;
  }

  const objectId = typeof payload.oid === 'string' ? payload.oid : undefined;
  if (!objectId) {
    throw withChallenge(
      errors.invalidToken(
        "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. " +
          'If you are accessing as application please make sure service principal is properly created in the tenant.',
      ),
      authority,
      'The access token is invalid.',
    );
  }
  const isApp = payload.idtyp === 'app' || (payload.scp === undefined && payload.upn === undefined && payload.unique_name === undefined);
  const name = [payload.upn, payload.unique_name, payload.appid, payload.azp].find((v): v is string => typeof v === 'string');
  return {
    objectId: objectId.toLowerCase(),
    displayName: isApp ? String(payload.appid ?? payload.azp ?? objectId) : (name ?? objectId),
    type: isApp ? 'Application' : 'User',
    tenantId: typeof payload.tid === 'string' ? payload.tid : '',
    claims: payload,
  };
}
