/**
 * The local Azure Resource Manager. A request runs through small middlewares, Azurite-style:
 * context (request ids, body) → admin API → faults and latency → api-version → authentication → throttle
 * → routing → RBAC → handler, and the serializer writes what comes back (errors included) with ARM's headers.
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { listenOnLoopback } from '../listen';
import path from 'node:path';
import { Access } from './access';
import { recordActivity } from './activity-log';
import { noSuchAdminRoute, requireAdminAccess, seedWorld, type AdminServices } from './admin';
import { isSupportedVersion, readQueryParam } from './api-versions';
import { authenticate, authorityOf, JwksCache } from './auth';
import { ArmError, errors } from './errors';
import { FaultInjector, faultResponse, requestKind } from './faults';
import { isGuid, type Services } from './handlers/common';
import { compose, type ArmResponse, type Middleware, type RequestContext } from './pipeline';
import { matchRoute, unmatchedPathError, type Method } from './routes';
import { SqliteArmStore } from './sqlite-store';
import type { SeedName } from './seed-names';
import { Throttle } from './throttle';
import { World } from './world';
import type { TlsMaterial } from '../tls';

export interface ArmServerOptions {
  stateDir: string;
  host: string;
  /** 0 = ephemeral. */
  port: number;
  tls: TlsMaterial;
  trustedIssuers: string[];
  jwksUri: string;
  adminKey: string;
  seed: SeedName;
  caPem: string;
}

export interface ArmServer {
  baseUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const SAFE_HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
const METHODS = new Set<string>(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ArmError(413, 'RequestEntityTooLarge', 'The request content size exceeds the maximum allowed size of 4 MB.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function createContext(req: IncomingMessage, res: ServerResponse, fallbackBase: string): RequestContext {
  const host = req.headers.host;
  const baseUrl = host && SAFE_HOST.test(host) ? `https://${host}` : fallbackBase;
  // The request target is a path even when it starts with '//' (@azure/arm-resources getById sends
  // '//subscriptions/...'); resolving it against the base would read 'subscriptions' as a host name.
  const target = req.url?.startsWith('/') ? req.url : '/';
  const url = new URL(baseUrl + target);
  const clientCorrelation = [req.headers['x-ms-correlation-request-id'], req.headers['x-ms-client-request-id']].find(
    (v): v is string => typeof v === 'string' && SAFE_ID.test(v),
  );
  const requestId = crypto.randomUUID();
  const correlationId = clientCorrelation ?? crypto.randomUUID();
  const responseHeaders: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': correlationId,
    'x-ms-routing-request-id': `LOCAL:${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}Z:${requestId}`,
  };
  const clientRequestId = req.headers['x-ms-client-request-id'];
  if (typeof clientRequestId === 'string' && SAFE_ID.test(clientRequestId)) responseHeaders['x-ms-client-request-id'] = clientRequestId;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    segments = ['%'];
  }
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    segments,
    requestId,
    correlationId,
    baseUrl,
    remoteAddress: req.socket.remoteAddress ?? '',
    responseHeaders,
  };
}

/** The serializer: ARM's headers on every answer, JSON bodies, no body for HEAD. */
function writeResponse(ctx: RequestContext, response: ArmResponse): void {
  const { res } = ctx;
  if (response.drop) {
    ctx.req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'cache-control': 'no-cache',
    pragma: 'no-cache',
    expires: '-1',
    'x-content-type-options': 'nosniff',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    ...ctx.responseHeaders,
    ...response.headers,
  };
  let payload: Buffer | undefined;
  const json = response.json ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
  if (json !== undefined) {
    payload = Buffer.from(json, 'utf8');
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(ctx.method === 'HEAD' ? undefined : payload);
}

function errorResponse(error: unknown, ctx: RequestContext): ArmResponse {
  if (error instanceof ArmError) return { status: error.status, headers: error.headers, body: error.responseBody() };
  console.error(`[arm] ${ctx.method} ${ctx.url.pathname} failed (correlation ${ctx.correlationId}):`, error);
  const internal = errors.internalServerError(ctx.correlationId);
  return { status: 500, body: internal.toBody() };
}

export async function startArmServer(opts: ArmServerOptions): Promise<ArmServer> {
  const store = new SqliteArmStore(path.join(opts.stateDir, 'arm', 'world.db'));
  const world = new World(store);
  if (opts.seed !== 'none' && store.counts().subscriptions === 0) seedWorld(store, opts.seed, world.now());

  const services: Services = { world, store };
  const faults = new FaultInjector();
  const throttle = new Throttle();
  const jwks = new JwksCache(opts.jwksUri, opts.caPem);
  let fallbackBase = `https://${opts.host}:${opts.port}`;

  const context: Middleware = async (ctx, next) => {
    try {
      if (ctx.segments[0] === '%') throw errors.noRoute(ctx.method, ctx.url.pathname);
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.method !== 'OPTIONS') {
        const raw = await readBody(ctx.req);
        if (raw.length > 0) {
          try {
            ctx.body = JSON.parse(raw.toString('utf8'));
          } catch (error) {
            throw errors.invalidRequestContent(`The request content was invalid and could not be deserialized: '${(error as Error).message}'.`);
          }
        }
      }
      return await next();
    } catch (error) {
      return errorResponse(error, ctx);
    }
  };

  const adminServices: AdminServices = { world, store, faults, throttle };
  const admin: Middleware = async (ctx, next) => {
    if (ctx.segments[0]?.toLowerCase() !== '_emulator') return next();
    requireAdminAccess(ctx, opts.adminKey);
    const match = matchRoute('admin', ctx.segments.slice(1));
    const operation = match?.def.methods[ctx.method as Method];
    if (!match || !operation) throw noSuchAdminRoute(ctx);
    return operation.handler({ ctx, params: match.params, services: adminServices });
  };

  const faultAuthority = authorityOf(opts.trustedIssuers[0] ?? 'https://login.windows.net/');
  const faultsAndLatency: Middleware = async (ctx, next) => {
    const delay = faults.delayFor(ctx.method);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const rule = faults.pick(ctx.method, ctx.url.pathname);
    if (rule?.phase === 'before') return faultResponse(rule, ctx.url.pathname, ctx.correlationId, faultAuthority);
    const response = await next();
    return rule ? faultResponse(rule, ctx.url.pathname, ctx.correlationId, faultAuthority) : response;
  };

  /** After authentication: ARM's buckets are per principal (throttle.ts). */
  const throttling: Middleware = async (ctx, next) => {
    const kind = requestKind(ctx.method);
    const sub = ctx.segments[0]?.toLowerCase() === 'subscriptions' && ctx.segments[1] && isGuid(ctx.segments[1]) ? ctx.segments[1].toLowerCase() : undefined;
    const { objectId, tenantId } = ctx.principal!;
    const decision = throttle.take({ kind, principalId: objectId, tenantId, subscriptionId: sub }, Date.now());
    Object.assign(ctx.responseHeaders, decision.headers);
    if (decision.throttledBy) throw errors.requestsThrottled(decision.throttledBy, kind, sub ?? tenantId, objectId, decision.retryAfterSeconds);
    return next();
  };

  const apiVersion: Middleware = (ctx, next) => {
    const version = readQueryParam(ctx.url.searchParams, 'api-version');
    if (!version) throw errors.missingApiVersion();
    ctx.apiVersion = version;
    ctx.route = matchRoute('arm', ctx.segments) ?? null;
    if (ctx.route && !isSupportedVersion(version, ctx.route.def.versions)) throw errors.invalidApiVersion(version, ctx.route.def.versions);
    return next();
  };

  const authentication: Middleware = async (ctx, next) => {
    const authorization = ctx.req.headers.authorization;
    ctx.principal = await authenticate(authorization, { trustedIssuers: opts.trustedIssuers, jwks });
    ctx.access = new Access(store, ctx.principal);
    return next();
  };

  const routing: Middleware = (ctx, next) => {
    if (!METHODS.has(ctx.method)) throw errors.methodNotAllowed(ctx.method);
    if (!ctx.route) throw unmatchedPathError(ctx.method, ctx.segments, ctx.apiVersion);
    if (!ctx.route.def.methods[ctx.method as Method]) throw errors.notImplemented(ctx.method, ctx.url.pathname);
    return next();
  };

  const rbac: Middleware = (ctx, next) => {
    const { params, def } = ctx.route!;
    if (params.sub !== undefined) {
      if (!isGuid(params.sub)) throw errors.invalidSubscriptionId(params.sub);
      if (!store.getSubscription(params.sub)) throw errors.subscriptionNotFound(params.sub);
    }
    const check = def.methods[ctx.method as Method]!.authorize?.(params);
    if (check) ctx.access!.require(check.action, check.scope);
    ctx.authorized = check;
    return next();
  };

  const pipeline = compose([context, admin, faultsAndLatency, apiVersion, authentication, throttling, routing, rbac, recordActivity(services)], async (ctx) => {
    const { params, def } = ctx.route!;
    return def.methods[ctx.method as Method]!.handler({ ctx, params, services, access: ctx.access!, principal: ctx.principal! });
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const ctx = createContext(req, res, fallbackBase);
    pipeline(ctx)
      .catch((error: unknown) => errorResponse(error, ctx))
      .then((response) => writeResponse(ctx, response))
      .catch((error: unknown) => {
        console.error('[arm] failed to write a response:', error);
        res.destroy();
      });
  };

  const createServer = () => {
    const server = https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, onRequest);
    // ⚠️ Unverified for ARM itself: Azure's load balancers drop idle TCP connections after 4 minutes by default
    // (Azure Load Balancer docs); Node's 5 s default would make every client reopen TLS after a short pause.
    server.keepAliveTimeout = 120_000;
    return server;
  };
  const { servers, port } = await listenOnLoopback(createServer, opts.host, opts.port);
  const urlHost = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  const baseUrl = `https://${urlHost}:${port}`;
  fallbackBase = baseUrl;

  return {
    baseUrl,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      store.close();
    },
  };
}
