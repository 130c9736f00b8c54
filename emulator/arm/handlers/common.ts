import type { z } from 'zod';
import type { Access } from '../access';
import type { Principal } from '../auth';
import { ArmError, errors } from '../errors';
import type { ArmResponse, RequestContext } from '../pipeline';
import type { ArmStore, OperationRecord, ResourceGroupRecord, SubscriptionRecord, SystemData } from '../store';
import { armTimestamp, type World } from '../world';

export interface Services {
  world: World;
  store: ArmStore;
}

/**
 * A route's path parameters, by the names its pattern declares (`{sub}` → `params.sub`); `Optional` names are
 * those a handler shared by routes with and without them reads when present (`rg` on subscription or group scope).
 */
export type Params<Names extends string = never, Optional extends string = never> = Readonly<Record<Names, string> & Partial<Record<Optional, string>>>;

export interface HandlerArgs<Names extends string = never, Optional extends string = never> {
  ctx: RequestContext;
  params: Params<Names, Optional>;
  services: Services;
  access: Access;
  principal: Principal;
}

/** An operation's handler; the route table checks that its pattern declares every name the handler reads. */
export type Handler<Names extends string = never, Optional extends string = never> = (args: HandlerArgs<Names, Optional>) => ArmResponse | Promise<ArmResponse>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** ARM's checks on the subscription segment: a GUID, and a subscription that exists in this tenant. */
export function requireSubscription(store: ArmStore, subscriptionId: string): SubscriptionRecord {
  if (!isGuid(subscriptionId)) throw errors.invalidSubscriptionId(subscriptionId);
  const subscription = store.getSubscription(subscriptionId);
  if (!subscription) throw errors.subscriptionNotFound(subscriptionId);
  return subscription;
}

export function requireResourceGroup(store: ArmStore, subscriptionId: string, name: string): ResourceGroupRecord {
  const group = store.getResourceGroup(subscriptionId, name);
  if (!group) throw errors.resourceGroupNotFound(name);
  return group;
}

/** Validates a request body with a zod schema; failures become ARM's 400 InvalidRequestContent. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) throw errors.invalidRequestContent('The request content was invalid: a JSON body is required.');
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
    throw errors.invalidRequestContent(`The request content was invalid and could not be deserialized${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return result.data;
}

export function systemDataFor(principal: Principal, at: number): SystemData {
  const type = principal.type === 'Application' ? 'Application' : 'User';
  return {
    createdBy: principal.displayName,
    createdByType: type,
    createdAt: armTimestamp(at),
    lastModifiedBy: principal.displayName,
    lastModifiedByType: type,
    lastModifiedAt: armTimestamp(at),
  };
}

/** Opaque `$skiptoken` values: base64url JSON, so clients treat them as the strings they are. */
export function encodeSkipToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeSkipToken<T>(token: string, check: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // falls through to the ARM error below
  }
  throw errors.invalidSkipToken();
}

export function readSkipToken(ctx: RequestContext): string | undefined {
  for (const [key, value] of ctx.url.searchParams) if (key.toLowerCase() === '$skiptoken') return value;
  return undefined;
}

/** The absolute URL of the next page: same path, same api-version, plus the skip token. */
export function nextLinkFor(ctx: RequestContext, skipToken: string): string {
  const next = new URL(ctx.url.pathname, ctx.baseUrl);
  for (const [key, value] of ctx.url.searchParams) if (key.toLowerCase() !== '$skiptoken') next.searchParams.append(key, value);
  next.searchParams.set('$skiptoken', skipToken);
  return next.toString();
}

/** Offset paging for small in-memory lists (resource groups, accounts, vaults). */
export function pageOf<T>(ctx: RequestContext, items: readonly T[], pageSize: number, render: (item: T) => unknown): ArmResponse {
  const token = readSkipToken(ctx);
  const offset = token === undefined ? 0 : decodeSkipToken(token, (v): v is { o: number } => typeof (v as { o?: unknown })?.o === 'number').o;
  if (!Number.isInteger(offset) || offset < 0) throw errors.invalidSkipToken();
  const page = items.slice(offset, offset + pageSize);
  const body: { value: unknown[]; nextLink?: string } = { value: page.map(render) };
  if (offset + pageSize < items.length) body.nextLink = nextLinkFor(ctx, encodeSkipToken({ o: offset + pageSize }));
  return { status: 200, body };
}

export function retryAfterSeconds(operation: OperationRecord, now: number): number {
  return Math.max(0, Math.ceil((operation.completesAt - now) / 1000));
}

export function notFoundUnless<T>(value: T | undefined, error: () => ArmError): T {
  if (value === undefined) throw error();
  return value;
}
