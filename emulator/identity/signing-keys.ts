import crypto from 'node:crypto';
import { SignJWT, importJWK, type JWK } from 'jose';
import type { IdentityStore } from './store';

export const SIGNING_ALGORITHM = 'RS256';

/**
 * The one key set that signs every token the sign-in provider issues (ID tokens, OIDC access tokens, ADFS
 * access tokens). Kept in the identity store so that a restart neither signs everyone out nor invalidates
 * tokens that the ARM emulator has already seen.
 */
export interface SigningKeys {
  /** Private JWKs in the shape oidc-provider's `jwks` option wants. */
  privateJwks: { keys: JWK[] };
  /** What the JWKS endpoints publish. */
  publicJwks: { keys: JWK[] };
  /** Signs a JWT with the current key, Entra-style header (`typ: JWT`, `kid`). */
  sign(payload: Record<string, unknown>): Promise<string>;
}

const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi']);

/** RFC 7638 thumbprint of an RSA key: the key id, as stable as the key itself. */
function rsaThumbprint(jwk: JWK): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

function createSigningJwk(): JWK {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: rsaThumbprint(jwk), alg: SIGNING_ALGORITHM, use: 'sig' };
}

function toPublicJwk(jwk: JWK): JWK {
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.has(name))) as JWK;
}

export async function loadSigningKeys(store: IdentityStore): Promise<SigningKeys> {
  const stored = JSON.parse(
    store.secret('signing-jwks', () => JSON.stringify({ keys: [createSigningJwk()] })),
  ) as { keys: JWK[] };
  const [current] = stored.keys;
  if (!current?.kid) throw new Error('The identity store holds no usable signing key');
  const currentKid = current.kid;
  const privateKey = await importJWK(current, SIGNING_ALGORITHM);

  return {
    privateJwks: stored,
    publicJwks: { keys: stored.keys.map(toPublicJwk) },
    sign: (payload) =>
      new SignJWT(payload).setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT', kid: currentKid }).sign(privateKey),
  };
}
