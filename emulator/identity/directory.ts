import crypto from 'node:crypto';
import { DEMO_PASSWORD, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT, DEMO_USERS, type DemoUser } from '../demo-world';

/**
 * The tenant's directory as the sign-in provider sees it: the demo users (by object id and UPN) and the
 * service principal, plus the one password check the sign-in page needs.
 */
export const DIRECTORY_USERS: readonly DemoUser[] = Object.values(DEMO_USERS);

export function findUserByObjectId(objectId: string): DemoUser | undefined {
  return DIRECTORY_USERS.find((user) => user.objectId === objectId);
}

export function findUserBySignInName(signInName: string): DemoUser | undefined {
  const wanted = signInName.trim().toLowerCase();
  return DIRECTORY_USERS.find((user) => user.upn.toLowerCase() === wanted);
}

export type SignInResult =
  | { ok: true; user: DemoUser }
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'missing_password' };

export function checkPassword(signInName: string, password: string): SignInResult {
  const user = findUserBySignInName(signInName);
  if (!user) return { ok: false, reason: 'unknown_user' };
  if (password === '') return { ok: false, reason: 'missing_password' };
  const expected = Buffer.from(DEMO_PASSWORD);
  const given = Buffer.from(password);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'wrong_password' };
  }
  return { ok: true, user };
}

/** Claims about a user that Entra puts into ID tokens (v2.0) for the `openid`/`profile` scopes. */
export function userIdTokenClaims(user: DemoUser): { sub: string } & Record<string, string> {
  return {
    sub: user.objectId,
    oid: user.objectId,
    tid: DEMO_TENANT.id,
    name: user.name,
    preferred_username: user.upn,
    email: user.upn,
    ver: '2.0',
  };
}

/** Entra-style `client_info`: MSAL derives the account's homeAccountId (`<oid>.<tid>`) from it. */
export function clientInfoFor(objectId: string): string {
  return Buffer.from(JSON.stringify({ uid: objectId, utid: DEMO_TENANT.id })).toString('base64url');
}

export function isServicePrincipal(clientId: string, clientSecret: string): boolean {
  if (clientId !== DEMO_SERVICE_PRINCIPAL.clientId) return false;
  const expected = Buffer.from(DEMO_SERVICE_PRINCIPAL.secret);
  const given = Buffer.from(clientSecret);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
