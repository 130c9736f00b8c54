import crypto from 'node:crypto';
import { ARM_AUDIENCES, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT, type DemoUser } from '../demo-world';

/**
 * Azure Resource Manager as a resource the sign-in provider issues access tokens for. Entra knows ARM under
 * two identifier URIs (https://management.azure.com/ and https://management.core.windows.net/) and accepts a
 * scope for it in several spellings; the token's `aud` is the identifier the client asked for.
 */
export type ArmAudience = (typeof ARM_AUDIENCES)[number];

/** The delegated permission every ARM token for a user carries in `scp`. */
export const ARM_DELEGATED_PERMISSION = 'user_impersonation';

/**
 * Every scope spelling that names `audience`: `<aud>user_impersonation`, `<aud>.default` and the
 * `<resource id>/.default` form the Azure CLI and older SDKs build by appending `/.default` to the resource
 * id (hence the double slash).
 */
export function armScopesFor(audience: ArmAudience): string[] {
  return [`${audience}${ARM_DELEGATED_PERMISSION}`, `${audience}.default`, `${audience}/.default`];
}

export const ALL_ARM_SCOPES: readonly string[] = ARM_AUDIENCES.flatMap(armScopesFor);

export function isArmAudience(value: string): value is ArmAudience {
  return (ARM_AUDIENCES as readonly string[]).includes(value);
}

/** The ARM audience a scope names, or undefined when the scope is not an ARM scope. */
export function armAudienceOf(scope: string): ArmAudience | undefined {
  return ARM_AUDIENCES.find((audience) => armScopesFor(audience).includes(scope));
}

/** ARM audiences named by a space-separated scope list, in the order of ARM_AUDIENCES. */
export function armAudiencesIn(scope: string | undefined): ArmAudience[] {
  const named = new Set((scope ?? '').split(' ').map(armAudienceOf));
  return ARM_AUDIENCES.filter((audience) => named.has(audience));
}

export type TokenSubject =
  | { kind: 'user'; user: DemoUser; clientId: string; publicClient: boolean }
  | { kind: 'app'; clientId: string };

/**
 * The Entra claims of an ARM access token, beyond iss/aud/iat/exp: what ARM and Azure tooling read to know
 * who is calling (`oid`, `tid`, `idtyp`, `appid`, `scp` for users).
 */
export function entraAccessTokenClaims(subject: TokenSubject): Record<string, unknown> {
  const common = {
    tid: DEMO_TENANT.id,
    appid: subject.clientId,
    uti: crypto.randomBytes(16).toString('base64url'),
    ver: '1.0',
  };
  if (subject.kind === 'app') {
    return {
      ...common,
      sub: DEMO_SERVICE_PRINCIPAL.objectId,
      oid: DEMO_SERVICE_PRINCIPAL.objectId,
      appidacr: '1',
      idtyp: 'app',
    };
  }
  const { user } = subject;
  return {
    ...common,
    sub: user.objectId,
    oid: user.objectId,
    scp: ARM_DELEGATED_PERMISSION,
    upn: user.upn,
    unique_name: user.upn,
    name: user.name,
    amr: ['pwd'],
    appidacr: subject.publicClient ? '0' : '1',
    idtyp: 'user',
  };
}
