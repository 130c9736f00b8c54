import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import https from 'node:https';
import { listenOnLoopback } from '../listen';
import { DEMO_PORTAL_CLIENT_ID, DEMO_TENANT } from '../demo-world';
import type { TlsMaterial } from '../tls';
import { handleAdfsRequest, type AdfsContext } from './adfs';
import { ALL_ARM_SCOPES } from './arm-resource';
import { sendHtml, sendJson } from './http';
import { handleInteraction } from './interactions';
import { renderMessagePage } from './pages';
import { createOidcProvider, ENTRA_ROUTES } from './provider';
import { loadSigningKeys } from './signing-keys';
import { openIdentityStore } from './store';

export interface IdentityServerOptions {
  stateDir: string;
  host: string;
  /** 0 = ephemeral. */
  port: number;
  tls: TlsMaterial;
  portalRedirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Lifetime of access tokens (OIDC and ADFS); default 3600 s, like Entra's typical token. */
  accessTokenTtlSeconds?: number;
}

export interface IdentityServer {
  /** https://localhost:PORT */
  baseUrl: string;
  /** baseUrl/<tenant>/v2.0 */
  issuer: string;
  /** baseUrl/adfs */
  adfsIssuer: string;
  jwksUri: string;
  close(): Promise<void>;
}

const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const TENANT_PREFIX = `/${DEMO_TENANT.id}`;
const ISSUER_PATH = `${TENANT_PREFIX}/v2.0`;
const INTERACTION_PATH = new RegExp(`^${TENANT_PREFIX}/login/([A-Za-z0-9_-]{1,64})$`);
/** Path prefixes (under /<tenant>) that belong to oidc-provider: the Entra endpoint families. */
const PROVIDER_PREFIXES = ['/oauth2/', '/discovery/', '/openid/'];

/**
 * For the portal, ask for what Entra would hand out without being asked: Entra's refresh tokens cover every
 * consented resource and it returns one whenever `offline_access` is requested. oidc-provider binds a refresh
 * token to the scopes of the authorization request and drops `offline_access` unless consent is prompted,
 * which made MSAL's silent renewal fall back to a hidden iframe (blocked third-party cookies). So the request
 * is widened to every ARM scope spelling and, with offline_access, prompts consent, which the sign-in page
 * grants without asking.
 */
export function widenPortalAuthorizationRequest(query: URLSearchParams): void {
  if (query.get('client_id') !== DEMO_PORTAL_CLIENT_ID) return;
  if (!(query.get('response_type') ?? '').split(' ').includes('code')) return;
  const scopes = new Set((query.get('scope') ?? '').split(' ').filter((value) => value !== ''));
  for (const scope of ALL_ARM_SCOPES) scopes.add(scope);
  query.set('scope', [...scopes].join(' '));
  const prompts = new Set((query.get('prompt') ?? '').split(' ').filter((value) => value !== ''));
  if (scopes.has('offline_access') && !prompts.has('none')) {
    prompts.add('consent');
    query.set('prompt', [...prompts].join(' '));
  }
}

/**
 * MSAL's logoutRedirect sends neither client_id nor id_token_hint unless the app passes one, and
 * oidc-provider then ignores post_logout_redirect_uri and asks for confirmation. Entra returns to a
 * post-logout URI registered for the app; a URI registered only for the portal identifies the portal.
 */
export function identifyPortalSignOut(query: URLSearchParams, portalPostLogoutUris: readonly string[]): void {
  if (query.has('client_id') || query.has('id_token_hint')) return;
  const target = query.get('post_logout_redirect_uri');
  if (target !== null && portalPostLogoutUris.includes(target)) query.set('client_id', DEMO_PORTAL_CLIENT_ID);
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startIdentityServer(opts: IdentityServerOptions): Promise<IdentityServer> {
  const accessTokenTtlSeconds = opts.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds <= 0) {
    throw new Error(`accessTokenTtlSeconds must be a positive integer, got ${accessTokenTtlSeconds}`);
  }
  const store = openIdentityStore(opts.stateDir);
  let handle: RequestListener | undefined;
  const createServer = () =>
    https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, (req, res) => {
      if (handle) handle(req, res);
      else res.writeHead(503, { 'retry-after': '1' }).end();
    });
  let servers: https.Server[] = [];

  try {
    const keys = await loadSigningKeys(store);
    const listening = await listenOnLoopback(createServer, opts.host, opts.port);
    servers = listening.servers;
    const { port } = listening;
    // The issuer needs the real port, which an ephemeral listen only knows now.
    const baseUrl = `https://${urlHost(opts.host)}:${port}`;
    const issuer = `${baseUrl}${ISSUER_PATH}`;
    const adfsIssuer = `${baseUrl}/adfs`;
    const jwksUri = `${baseUrl}${TENANT_PREFIX}${ENTRA_ROUTES.jwks}`;

    const provider = createOidcProvider({
      issuer,
      mountPath: TENANT_PREFIX,
      store,
      keys,
      portalRedirectUris: opts.portalRedirectUris,
      postLogoutRedirectUris: opts.postLogoutRedirectUris,
      accessTokenTtlSeconds,
      interactionUrl: (uid) => `${TENANT_PREFIX}/login/${uid}`,
    });
    const providerCallback = provider.callback();
    const adfsContext: AdfsContext = { adfsIssuer, keys, accessTokenTtlSeconds };

    /**
     * oidc-provider works out its mount point from `req.originalUrl` minus `req.url`. It is served under
     * /<tenant> so that its endpoints have Entra's paths, while the discovery document lives under the
     * issuer path (/<tenant>/v2.0/.well-known/...) as with Entra.
     */
    const forwardToProvider = (req: IncomingMessage, res: ServerResponse, innerUrl: string) => {
      Object.assign(req, { originalUrl: `${TENANT_PREFIX}${innerUrl}` });
      req.url = innerUrl;
      void providerCallback(req, res);
    };

    const route = async (req: IncomingMessage, res: ServerResponse) => {
      const rawUrl = req.url ?? '/';
      const url = new URL(rawUrl, baseUrl);
      const path = url.pathname;

      if (path === '/adfs' || path.startsWith('/adfs/')) {
        return handleAdfsRequest(req, res, path.slice('/adfs'.length), adfsContext);
      }
      if (path === `${ISSUER_PATH}/.well-known/openid-configuration`) {
        return forwardToProvider(req, res, `/.well-known/openid-configuration${url.search}`);
      }
      const interaction = INTERACTION_PATH.exec(path);
      if (interaction?.[1]) {
        return handleInteraction(req, res, { provider, uid: interaction[1], action: path });
      }
      if (path.startsWith(`${TENANT_PREFIX}/`) && rawUrl.startsWith(`${TENANT_PREFIX}/`)) {
        const innerPath = path.slice(TENANT_PREFIX.length);
        if (PROVIDER_PREFIXES.some((prefix) => innerPath.startsWith(prefix))) {
          if (innerPath === ENTRA_ROUTES.authorization && req.method === 'GET') {
            widenPortalAuthorizationRequest(url.searchParams);
            return forwardToProvider(req, res, `${innerPath}${url.search}`);
          }
          if (innerPath === ENTRA_ROUTES.end_session && req.method === 'GET') {
            identifyPortalSignOut(url.searchParams, opts.postLogoutRedirectUris);
            return forwardToProvider(req, res, `${innerPath}${url.search}`);
          }
          return forwardToProvider(req, res, rawUrl.slice(TENANT_PREFIX.length));
        }
      }
      if (path === '/_emulator/health' && req.method === 'GET') {
        return sendJson(res, 200, { status: 'healthy', issuer, adfsIssuer });
      }
      sendJson(res, 404, { error: 'not_found', error_description: `Nothing is served at ${path}.` });
    };

    handle = (req, res) => {
      route(req, res).catch((error: unknown) => {
        console.error('[identity] request failed:', error);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendHtml(res, 500, renderMessagePage('Something went wrong', ['The local sign-in provider hit an internal error.']));
      });
    };

    const sweep = setInterval(() => store.sweepExpired(), SWEEP_INTERVAL_MS);
    sweep.unref();

    let closed: Promise<void> | undefined;
    return {
      baseUrl,
      issuer,
      adfsIssuer,
      jwksUri,
      close() {
        clearInterval(sweep);
        closed ??= Promise.all(
          servers.map(
            (server) =>
              new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
              }),
          ),
        ).then(() => store.close());
        return closed;
      },
    };
  } catch (error) {
    for (const server of servers) server.close();
    store.close();
    throw error;
  }
}
