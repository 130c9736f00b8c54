import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT } from '../demo-world';
import { armAudienceOf, entraAccessTokenClaims } from './arm-resource';
import { isServicePrincipal } from './directory';
import {
  invalidClientSecret,
  missingParameter,
  unknownClient,
  unknownResource,
  unsupportedGrantType,
  type EntraError,
} from './entra-errors';
import { RequestBodyError, clientCredentialsOf, readForm, sendHtml, sendJson } from './http';
import { renderMessagePage } from './pages';
import { SIGNING_ALGORITHM, type SigningKeys } from './signing-keys';

/**
 * The ADFS-style authority (`<baseUrl>/adfs`) for the Azure CLI. MSAL for Python skips Microsoft's instance
 * discovery only for an authority ending in `/adfs`, and az offers no switch to turn it off, so this is the
 * shape az can sign in against offline. It serves what `az login --service-principal` needs: the discovery
 * document, the key set and the client-credentials grant. Interactive sign-in is not emulated here (the
 * portal uses the OpenID Connect authority).
 */
export interface AdfsContext {
  adfsIssuer: string;
  keys: SigningKeys;
  accessTokenTtlSeconds: number;
}

export function adfsDiscoveryDocument(adfsIssuer: string): Record<string, unknown> {
  return {
    issuer: adfsIssuer,
    authorization_endpoint: `${adfsIssuer}/oauth2/authorize/`,
    token_endpoint: `${adfsIssuer}/oauth2/token/`,
    jwks_uri: `${adfsIssuer}/discovery/keys`,
    end_session_endpoint: `${adfsIssuer}/oauth2/logout`,
    access_token_issuer: adfsIssuer,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token', 'code token', 'code id_token token'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['pairwise'],
    scopes_supported: ['openid', 'profile', 'email', 'allatclaims', 'user_impersonation'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'iss', 'iat', 'exp', 'auth_time', 'nonce', 'at_hash', 'c_hash', 'sub', 'upn', 'unique_name', 'pwd_url', 'pwd_exp', 'mfa_auth_time', 'sid'],
  };
}

function sendEntraError(res: ServerResponse, { status, body }: EntraError): void {
  sendJson(res, status, body);
}

/** `POST /adfs/oauth2/token`: client credentials for the service principal, ARM as the only resource. */
async function issueClientCredentialsToken(req: IncomingMessage, res: ServerResponse, context: AdfsContext): Promise<void> {
  const form = await readForm(req);
  const correlationId = req.headers['client-request-id']?.toString();
  const grantType = form.get('grant_type');
  if (!grantType) return sendEntraError(res, missingParameter('grant_type', correlationId));
  if (grantType !== 'client_credentials') return sendEntraError(res, unsupportedGrantType(correlationId));

  const { clientId, clientSecret } = clientCredentialsOf(req, form);
  if (!clientId) return sendEntraError(res, missingParameter('client_id', correlationId));
  if (clientId !== DEMO_SERVICE_PRINCIPAL.clientId) {
    return sendEntraError(res, unknownClient(clientId, DEMO_TENANT.id, correlationId));
  }
  if (!clientSecret) return sendEntraError(res, missingParameter('client_assertion\' or \'client_secret', correlationId));
  if (!isServicePrincipal(clientId, clientSecret)) {
    return sendEntraError(res, invalidClientSecret(clientId, correlationId));
  }

  // az sends `scope=<resource id>/.default`; older clients send the v1 `resource` parameter instead.
  const scope = form.get('scope') ?? (form.has('resource') ? `${form.get('resource')}/.default` : undefined);
  if (!scope) return sendEntraError(res, missingParameter('scope', correlationId));
  const audiences = scope.split(' ').filter((value) => value !== '').map(armAudienceOf);
  const [audience] = audiences;
  if (!audience || audiences.length !== 1) {
    return sendEntraError(res, unknownResource(scope, DEMO_TENANT.defaultDomain, correlationId));
  }

  const now = Math.floor(Date.now() / 1000);
  const accessToken = await context.keys.sign({
    aud: audience,
    iss: context.adfsIssuer,
    iat: now,
    nbf: now,
    exp: now + context.accessTokenTtlSeconds,
    ...entraAccessTokenClaims({ kind: 'app', clientId }),
  });
  sendJson(res, 200, {
    token_type: 'Bearer',
    expires_in: context.accessTokenTtlSeconds,
    ext_expires_in: context.accessTokenTtlSeconds,
    access_token: accessToken,
  });
}

/** Handles every request under `/adfs`; `path` is the request path with `/adfs` removed. */
export async function handleAdfsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: AdfsContext,
): Promise<void> {
  const route = path.replace(/\/+$/, '');
  try {
    if (route === '/.well-known/openid-configuration' && req.method === 'GET') {
      return sendJson(res, 200, adfsDiscoveryDocument(context.adfsIssuer), { 'access-control-allow-origin': '*' });
    }
    if (route === '/discovery/keys' && req.method === 'GET') {
      return sendJson(res, 200, context.keys.publicJwks, { 'access-control-allow-origin': '*' });
    }
    if (route === '/oauth2/token') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
      return await issueClientCredentialsToken(req, res, context);
    }
    if (route === '/oauth2/authorize' || route === '/oauth2/logout') {
      return sendHtml(
        res,
        501,
        renderMessagePage('Not available here', [
          'The local ADFS-style authority only signs in service principals (client credentials), which is what the Azure CLI needs.',
          'People sign in to the portal through the OpenID Connect authority instead.',
        ]),
      );
    }
    sendJson(res, 404, { error: 'not_found', error_description: `No ADFS endpoint at /adfs${path}.` });
  } catch (error) {
    if (error instanceof RequestBodyError) {
      return sendJson(res, error.status, { error: 'invalid_request', error_description: error.message });
    }
    throw error;
  }
}
