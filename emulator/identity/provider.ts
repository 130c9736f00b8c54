import Provider, {
  errors,
  interactionPolicy,
  type ClientMetadata,
  type Configuration,
  type CookiesSetOptions,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { DEMO_PORTAL_CLIENT_ID, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../demo-world';
import {
  armAudiencesIn,
  armScopesFor,
  entraAccessTokenClaims,
  isArmAudience,
  type ArmAudience,
} from './arm-resource';
import { clientInfoFor, findUserByObjectId, userIdTokenClaims } from './directory';
import {
  crossOriginRefused,
  entraError,
  invalidClientSecret,
  invalidGrant,
  invalidScope,
  missingParameter,
  unknownClient,
  unknownResource,
} from './entra-errors';
import { renderMessagePage, renderSignOutConfirmPage, PAGE_CONTENT_SECURITY_POLICY } from './pages';
import type { SigningKeys } from './signing-keys';
import { randomSecret, type IdentityStore } from './store';

/**
 * oidc-provider configured to answer like Microsoft Entra ID (v2.0 endpoints) for the portal's MSAL and for
 * @azure/identity: Entra's endpoint paths, ID token claims, JWT access tokens for ARM, `client_info`, and
 * AADSTS-style token errors. The provider is served under `/<tenant>` (see server.ts), so its routes below
 * are relative to that.
 */
export const ENTRA_ROUTES = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  jwks: '/discovery/v2.0/keys',
  end_session: '/oauth2/v2.0/logout',
  userinfo: '/openid/userinfo',
} as const;

/** The OpenID Connect scopes and the claims each releases (Entra's ID token claims). */
const OIDC_CLAIMS = {
  openid: ['sub', 'oid', 'tid', 'ver'],
  profile: ['name', 'preferred_username'],
  email: ['email'],
};
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

export interface ProviderOptions {
  issuer: string;
  /** Path prefix the provider is served under (`/<tenant>`); its cookies are scoped to it. */
  mountPath: string;
  store: IdentityStore;
  keys: SigningKeys;
  portalRedirectUris: string[];
  postLogoutRedirectUris: string[];
  accessTokenTtlSeconds: number;
  /** Where the interaction (sign-in page) for `uid` lives. */
  interactionUrl(uid: string): string;
}

function portalOriginsOf(uris: readonly string[]): Set<string> {
  return new Set(uris.map((uri) => new URL(uri).origin));
}

function clients(options: ProviderOptions): ClientMetadata[] {
  return [
    {
      client_id: DEMO_PORTAL_CLIENT_ID,
      client_name: 'Deleted Resources Portal',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: options.portalRedirectUris,
      post_logout_redirect_uris: options.postLogoutRedirectUris,
    },
    {
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_name: DEMO_SERVICE_PRINCIPAL.displayName,
      client_secret: DEMO_SERVICE_PRINCIPAL.secret,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/**
 * Chooses the ARM audience for a token request: the one the request's scopes name, else the first one
 * granted. `oneOf` lists the audiences the grant allows (when resolving a code or refresh token).
 */
function chooseArmAudience(ctx: KoaContextWithOIDC, oneOf?: readonly string[]): ArmAudience | ArmAudience[] | undefined {
  const scope = typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : undefined;
  const requested = armAudiencesIn(scope);
  if (oneOf) {
    const allowed = oneOf.filter(isArmAudience);
    return requested.find((audience) => allowed.includes(audience)) ?? allowed[0];
  }
  if (requested.length === 0) {
    // Entra's client-credentials grant always names a resource (`<resource>/.default`); without an ARM
    // scope oidc-provider would hand out an opaque token good for nothing.
    if (ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials') {
      if (!scope) throw new errors.InvalidRequest("missing required parameter 'scope'");
      throw new errors.InvalidTarget(`no resource is known for scope '${scope}'`);
    }
    return undefined;
  }
  // The authorization endpoint may grant several audiences at once (one per code/refresh token); a token
  // request must resolve to exactly one.
  return ctx.oidc.route === 'authorization' ? requested : requested[0];
}

function authorizationPolicy(): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  // Entra honours prompt=select_account (MSAL sends it for "use another account"): show the sign-in page.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);
  return policy;
}

function rewriteTokenError(ctx: KoaContextWithOIDC): void {
  const body = ctx.body as { error?: string; error_description?: string } | undefined;
  if (!body?.error) return;
  const params = (ctx.oidc?.params ?? {}) as Record<string, unknown>;
  const clientId = typeof params.client_id === 'string' ? params.client_id : undefined;
  const correlationId = ctx.get('client-request-id') || undefined;
  let replacement;
  switch (body.error) {
    case 'invalid_client':
      replacement = ctx.oidc?.entities.Client
        ? invalidClientSecret(ctx.oidc.entities.Client.clientId, correlationId)
        : unknownClient(clientId ?? '', DEMO_TENANT.id, correlationId);
      break;
    case 'invalid_grant':
      replacement = invalidGrant(body.error_description ?? '', correlationId);
      break;
    case 'invalid_scope':
      replacement = invalidScope(typeof params.scope === 'string' ? params.scope : '', correlationId);
      break;
    case 'invalid_request': {
      const description = body.error_description ?? 'The request is not valid.';
      const missing = /missing required parameter '([^']+)'/.exec(description);
      if (missing?.[1]) replacement = missingParameter(missing[1], correlationId);
      else if (/^origin .* not allowed for client/.test(description)) replacement = crossOriginRefused(correlationId);
      else replacement = entraError(400, 'invalid_request', 90014, description, correlationId);
      break;
    }
    case 'invalid_target':
      replacement = unknownResource(typeof params.scope === 'string' ? params.scope : '', DEMO_TENANT.defaultDomain, correlationId);
      break;
    default:
      replacement = entraError(ctx.status, body.error, 90000, body.error_description ?? body.error, correlationId);
  }
  ctx.status = replacement.status;
  ctx.body = replacement.body;
}

export function createOidcProvider(options: ProviderOptions): Provider {
  const portalOrigins = portalOriginsOf([...options.portalRedirectUris, ...options.postLogoutRedirectUris]);
  const ttl = options.accessTokenTtlSeconds;
  const longCookie: CookiesSetOptions = { httpOnly: true, sameSite: 'lax', path: `${options.mountPath}/` };

  const configuration: Configuration = {
    adapter: (model: string) => options.store.adapterFor(model),
    jwks: options.keys.privateJwks as Configuration['jwks'],
    clients: clients(options),
    routes: ENTRA_ROUTES,
    scopes: OIDC_SCOPES,
    claims: OIDC_CLAIMS,
    // Entra puts name, preferred_username, oid and tid into the ID token; MSAL builds its account from them.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = findUserByObjectId(sub);
      if (!user) return undefined;
      return { accountId: user.objectId, claims: () => userIdTokenClaims(user) };
    },
    cookies: {
      keys: [options.store.secret('cookie-key', randomSecret)],
      long: longCookie,
      short: { httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: ttl,
      ClientCredentials: ttl,
      // Entra gives single-page apps a fixed 24-hour refresh token; confidential clients get 90 days.
      RefreshToken: (_ctx, _token, client) => (client.tokenEndpointAuthMethod === 'none' ? 24 * 3600 : 90 * 24 * 3600),
      AuthorizationCode: 600,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 90 * 24 * 3600,
    },
    // Entra does not rotate-and-revoke: an older refresh token stays usable until it expires. Rotation with
    // reuse detection would revoke the whole grant when two tabs renew at once, signing the person out.
    rotateRefreshToken: false,
    clientBasedCORS: (_ctx, origin, client) => client.clientId === DEMO_PORTAL_CLIENT_ID && portalOrigins.has(origin),
    pkce: { required: (_ctx, client) => client.tokenEndpointAuthMethod === 'none' },
    interactions: {
      policy: authorizationPolicy(),
      url: (_ctx, interaction) => options.interactionUrl(interaction.uid),
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx, _client, oneOf) => chooseArmAudience(ctx, oneOf),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (!isArmAudience(resourceIndicator)) throw new errors.InvalidTarget();
          return {
            scope: armScopesFor(resourceIndicator).join(' '),
            audience: resourceIndicator,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.set('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
          ctx.body = renderSignOutConfirmPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.set('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
          ctx.body = renderMessagePage('You signed out of your account', [
            "It's a good idea to close all browser windows.",
          ]);
        },
      },
    },
    formats: {
      customizers: {
        jwt: (_ctx, token, jwt) => {
          const clientId = token.clientId ?? '';
          let claims;
          if (token.kind === 'AccessToken') {
            const user = findUserByObjectId(token.accountId);
            if (!user) throw new Error(`Access token for an account not in the directory: ${token.accountId}`);
            claims = entraAccessTokenClaims({ kind: 'user', user, clientId, publicClient: clientId === DEMO_PORTAL_CLIENT_ID });
          } else {
            claims = entraAccessTokenClaims({ kind: 'app', clientId });
          }
          // Entra's tokens carry scp/appid/uti instead of OAuth's scope/client_id/jti.
          const { scope: _scope, client_id: _clientId, jti: _jti, ...standard } = jwt.payload;
          jwt.header = { typ: 'JWT' };
          jwt.payload = { ...standard, nbf: standard.iat, ...claims };
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
      ctx.body = renderMessagePage("Sorry, but we're having trouble signing you in.", [
        out.error_description ?? 'The request could not be completed.',
        `Error: ${out.error}`,
      ]);
    },
  };

  const provider = new Provider(options.issuer, configuration);

  provider.use(async (ctx, next) => {
    await next();
    // Requests outside the provider's routes (404s) have no OIDC context.
    if (!hasOidcContext(ctx)) return;
    const { route } = ctx.oidc;
    if (route === 'token') decorateTokenResponse(ctx);
    if (route === 'end_session' && ctx.oidc.client && ctx.status === 200) await signOutWithoutConfirmation(ctx, longCookie);
  });
  return provider;
}

function hasOidcContext(ctx: object): ctx is KoaContextWithOIDC {
  return 'oidc' in ctx && ctx.oidc !== undefined;
}

/** Entra adds `client_info` (MSAL's homeAccountId) and `ext_expires_in`, and words its errors its own way. */
function decorateTokenResponse(ctx: KoaContextWithOIDC): void {
  if (ctx.status !== 200) {
    rewriteTokenError(ctx);
    return;
  }
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body.expires_in !== 'number') return;
  body.ext_expires_in = body.expires_in;
  const accountId = ctx.oidc.entities.Account?.accountId;
  if (accountId) body.client_info = clientInfoFor(accountId);
  if (typeof body.scope === 'string') body.scope = withGrantedScopeSpellings(body.scope);
}

/**
 * MSAL caches an access token under the scopes in the response. Listing every spelling of the ARM scope it
 * was granted for lets a later request in any spelling find it in the cache, instead of renewing each time.
 */
function withGrantedScopeSpellings(scope: string): string {
  const granted = new Set(scope.split(' '));
  for (const audience of armAudiencesIn(scope)) for (const spelling of armScopesFor(audience)) granted.add(spelling);
  return [...granted].join(' ');
}

/**
 * RP-initiated sign-out when the app identified itself (id_token_hint or client_id): end the browser
 * session and return to the app's registered post-logout URI at once, as Entra does for a known account,
 * instead of oidc-provider's confirmation form.
 */
async function signOutWithoutConfirmation(ctx: KoaContextWithOIDC, longCookie: CookiesSetOptions): Promise<void> {
  const { session, params } = ctx.oidc;
  if (session?.accountId) await session.destroy();
  ctx.oidc.cookies.set(ctx.oidc.provider.cookieName('session'), null, { ...longCookie, overwrite: true });
  const postLogoutRedirectUri = typeof params?.post_logout_redirect_uri === 'string' ? params.post_logout_redirect_uri : undefined;
  let target: string;
  if (postLogoutRedirectUri) {
    const url = new URL(postLogoutRedirectUri);
    if (typeof params?.state === 'string') url.searchParams.set('state', params.state);
    target = url.href;
  } else {
    target = ctx.oidc.urlFor('end_session_success');
  }
  ctx.status = 303;
  ctx.redirect(target);
}
