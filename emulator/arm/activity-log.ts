/**
 * ARM's activity log (Administrative category): what a write, delete or action records, as EventData
 * (contract §5.2-5.3, spec example GetActivityLogsFiltered.json). A request ARM authorized gets BeginRequest
 * (Started), then EndRequest with its outcome: Succeeded, Failed, or Accepted for a long-running operation, whose
 * Succeeded event is stamped when the operation completes (and so listed from then on).
 */
import crypto from 'node:crypto';
import { ArmError } from './errors';
import type { Services } from './handlers/common';
import type { Middleware, RequestContext } from './pipeline';
import type { Principal } from './auth';
import type { ActivityEventRecord } from './store';
import { ACTIVITY_LOG_RETENTION_MS, armTimestamp } from './world';

/** Who made a request and from where, as the activity log records it. */
export interface ActivityActor {
  caller: string;
  claims: Record<string, string>;
  tenantId: string;
  correlationId: string;
  clientRequestId: string;
  clientIpAddress: string;
}

/** One operation: the RBAC action ARM authorized, on which resource, by whom. */
export interface ActivityOperation {
  subscriptionId: string;
  action: string;
  resourceId: string;
  /** The role that granted the action (authorization.role). */
  role?: string;
  method: string;
  actor: ActivityActor;
  /** Shared by the operation's events. */
  operationId: string;
  serviceRequestId: string;
}

/**
 * ARM copies the token's claims into the event with the names .NET's JWT handler maps them to
 * (spec example: objectidentifier, tenantid, upn, name, nameidentifier ... as URIs; aud, iss, appid ... as they are).
 */
const CLAIM_URIS: Readonly<Record<string, string>> = {
  oid: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  tid: 'http://schemas.microsoft.com/identity/claims/tenantid',
  scp: 'http://schemas.microsoft.com/identity/claims/scope',
  amr: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
  acr: 'http://schemas.microsoft.com/claims/authnclassreference',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  unique_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  sub: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
  given_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  family_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
};

/** The event's `claims`: a string map (the SDK deserialises it as one); lists are joined as ARM joins groups. */
export function eventClaims(token: Readonly<Record<string, unknown>>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(token)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : typeof value === 'object' ? JSON.stringify(value) : String(value);
    claims[CLAIM_URIS[name] ?? name] = text;
  }
  return claims;
}

const isApplicationToken = (token: Readonly<Record<string, unknown>>) =>
  token.idtyp === 'app' || (token.scp === undefined && token.upn === undefined && token.unique_name === undefined);

/**
 * The event's `caller`: "the email address of the user who has performed the operation, the UPN claim, or SPN
 * claim based on availability" (EventData.caller in the 2015-04-01 spec). For a service principal it is the
 * principal's object id, not its application id: MicrosoftDocs/azure-docs#56412 found a service principal's caller by
 * `Get-AzADServicePrincipal | Where-Object {$_.Id -eq $log.Caller}` (`Id` is the object id), and
 * MicrosoftDocs/azure-docs#9736 notes an SP appears as a GUID, not its name. The application id is in `claims.appid`.
 */
export function callerOf(token: Readonly<Record<string, unknown>>): string {
  const text = (name: string) => (typeof token[name] === 'string' ? (token[name] as string) : undefined);
  if (isApplicationToken(token)) return (text('oid') ?? text('appid') ?? '').toLowerCase();
  return text('upn') ?? text('email') ?? text('unique_name') ?? text('oid') ?? '';
}

export function actorOf(token: Readonly<Record<string, unknown>>, request: { tenantId: string; correlationId: string; clientRequestId: string; clientIpAddress: string }): ActivityActor {
  return { caller: callerOf(token), claims: eventClaims(token), ...request };
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The actor of a request: its token, its correlation id (the client's x-ms-correlation-request-id when it sent one), its address. */
export function requestActor(ctx: RequestContext, principal: Principal): ActivityActor {
  const clientRequestId = ctx.req.headers['x-ms-client-request-id'];
  return actorOf(principal.claims, {
    tenantId: principal.tenantId,
    correlationId: ctx.correlationId,
    clientRequestId: typeof clientRequestId === 'string' && SAFE_ID.test(clientRequestId) ? clientRequestId : crypto.randomUUID(),
    clientIpAddress: ctx.remoteAddress.replace(/^::ffff:/, ''),
  });
}

export function newOperation(fields: Omit<ActivityOperation, 'operationId' | 'serviceRequestId'> & { serviceRequestId?: string }): ActivityOperation {
  return { ...fields, operationId: crypto.randomUUID(), serviceRequestId: fields.serviceRequestId ?? crypto.randomUUID() };
}

/** `Microsoft.KeyVault/locations/deletedVaults/purge/action` → `Microsoft.KeyVault/locations/deletedVaults`. */
function resourceTypeOf(action: string): string {
  const parts = action.split('/');
  const verbs = parts[parts.length - 1]?.toLowerCase() === 'action' ? 2 : 1;
  return parts.slice(0, Math.max(1, parts.length - verbs)).join('/');
}

function resourceGroupOf(resourceId: string): string {
  return /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1] ?? '';
}

/** .NET ticks (100 ns since 0001-01-01), as the event id ends with. */
const ticksOf = (ms: number) => (BigInt(ms) * 10_000n + 621_355_968_000_000_000n).toString();

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'NoContent',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const localizable = (value: string, localizedValue = value) => ({ value, localizedValue });

/** `subStatus`: `{value: 'NoContent', localizedValue: 'No Content (HTTP Status Code: 204)'}` (contract §5.3). */
function subStatusOf(httpStatus: number) {
  const reason = REASONS[httpStatus] ?? String(httpStatus);
  const words = reason === 'OK' ? reason : reason.replace(/([a-z])([A-Z])/g, '$1 $2');
  return localizable(reason, `${words} (HTTP Status Code: ${httpStatus})`);
}

type Phase =
  | { eventName: 'BeginRequest'; status: 'Started' }
  | { eventName: 'EndRequest'; status: 'Succeeded' | 'Accepted' | 'Failed'; httpStatus: number; statusMessage?: string };

/** ⚠️ ARM's ingestion delay, seen as submissionTimestamp - eventTimestamp (13 s in the spec example). */
const SUBMISSION_DELAY_MS = 12_000;

function eventRecord(op: ActivityOperation, at: number, phase: Phase): ActivityEventRecord {
  const eventDataId = crypto.randomUUID();
  const provider = op.action.split('/')[0] ?? '';
  const resourceGroupName = resourceGroupOf(op.resourceId);
  const properties: Record<string, string> = {
    eventCategory: 'Administrative',
    entity: op.resourceId,
    message: op.action,
    hierarchy: `${op.actor.tenantId}/${op.subscriptionId}`,
  };
  if (phase.eventName === 'EndRequest') {
    properties.statusCode = REASONS[phase.httpStatus] ?? String(phase.httpStatus);
    properties.serviceRequestId = op.serviceRequestId;
    if (phase.statusMessage !== undefined) properties.statusMessage = phase.statusMessage;
  }
  const event = {
    authorization: { action: op.action, ...(op.role ? { role: op.role } : {}), scope: op.resourceId },
    caller: op.actor.caller,
    channels: 'Operation',
    claims: op.actor.claims,
    correlationId: op.actor.correlationId,
    description: '',
    eventDataId,
    eventName: localizable(phase.eventName, phase.eventName === 'BeginRequest' ? 'Begin request' : 'End request'),
    category: localizable('Administrative'),
    httpRequest: { clientRequestId: op.actor.clientRequestId, clientIpAddress: op.actor.clientIpAddress, method: op.method },
    id: `${op.resourceId}/events/${eventDataId}/ticks/${ticksOf(at)}`,
    level: phase.status === 'Failed' ? 'Error' : 'Informational',
    resourceGroupName,
    resourceProviderName: localizable(provider),
    resourceId: op.resourceId,
    resourceType: localizable(resourceTypeOf(op.action)),
    operationId: op.operationId,
    // ⚠️ The providers' display names ("Delete Key Vault") were never seen in a response: the action stands in.
    operationName: localizable(op.action),
    properties,
    status: localizable(phase.status),
    subStatus: phase.eventName === 'EndRequest' ? subStatusOf(phase.httpStatus) : localizable(''),
    eventTimestamp: armTimestamp(at),
    submissionTimestamp: armTimestamp(at + SUBMISSION_DELAY_MS),
    subscriptionId: op.subscriptionId,
    tenantId: op.actor.tenantId,
  };
  return {
    subscriptionId: op.subscriptionId,
    at,
    resourceGroupName,
    resourceId: op.resourceId,
    resourceProvider: provider,
    correlationId: op.actor.correlationId,
    caller: op.actor.caller,
    status: phase.status,
    event,
  };
}

export const beginEvent = (op: ActivityOperation, at: number) => eventRecord(op, at, { eventName: 'BeginRequest', status: 'Started' });

/**
 * The EndRequest events of an answered request: Succeeded for 2xx, Failed for an error; a 202 is Accepted, and
 * the operation's Succeeded is stamped `completesAt`.
 */
export function endEvents(op: ActivityOperation, at: number, httpStatus: number, completesAt = at): ActivityEventRecord[] {
  if (httpStatus === 202) {
    return [
      eventRecord(op, at, { eventName: 'EndRequest', status: 'Accepted', httpStatus }),
      eventRecord(op, Math.max(at, completesAt), { eventName: 'EndRequest', status: 'Succeeded', httpStatus: 200 }),
    ];
  }
  return [eventRecord(op, at, { eventName: 'EndRequest', status: httpStatus < 400 ? 'Succeeded' : 'Failed', httpStatus })];
}

function failureEvent(op: ActivityOperation, at: number, error: unknown): ActivityEventRecord {
  const armError = error instanceof ArmError ? error : undefined;
  const httpStatus = armError?.status ?? 500;
  const statusMessage = JSON.stringify({ error: { code: armError?.code ?? 'InternalServerError', message: armError?.message ?? 'Internal server error.' } });
  return eventRecord(op, at, { eventName: 'EndRequest', status: 'Failed', httpStatus, statusMessage });
}

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/** The operation a request performs, when it is a write ARM authorized (reads are not in the Administrative log). */
export function requestOperation(ctx: RequestContext): ActivityOperation | undefined {
  const { authorized, principal, access } = ctx;
  if (!authorized || !principal || !access || !WRITE_METHODS.has(ctx.method)) return undefined;
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(authorized.scope)?.[1];
  if (!subscriptionId) return undefined;
  return newOperation({
    subscriptionId,
    action: authorized.action,
    resourceId: authorized.scope,
    role: access.roleGranting(authorized.action, authorized.scope),
    method: ctx.method,
    actor: requestActor(ctx, principal),
    serviceRequestId: ctx.requestId,
  });
}

export function appendActivity(services: Services, events: readonly ActivityEventRecord[]): void {
  services.store.appendActivityEvents(events, services.world.now() - ACTIVITY_LOG_RETENTION_MS);
}

/**
 * The pipeline step after RBAC: BeginRequest before the handler runs (so what the handler records, the resources a
 * group deletion takes with it, comes between), EndRequest with the answer or the error.
 */
export function recordActivity(services: Services): Middleware {
  return async (ctx, next) => {
    const op = requestOperation(ctx);
    if (!op) return next();
    appendActivity(services, [beginEvent(op, services.world.now())]);
    try {
      const response = await next();
      const at = services.world.now();
      appendActivity(services, endEvents(op, at, response.status, at + services.world.lroDurationMs));
      return response;
    } catch (error) {
      appendActivity(services, [failureEvent(op, services.world.now(), error)]);
      throw error;
    }
  };
}
