/**
 * The controllable world, under /_emulator/ on the ARM port: reset and seed, move the clock, set latency,
 * LRO duration, page sizes and throttle limits, inject faults (here), and create world objects for tests
 * (admin-world.ts). The paths are entries of the route table (routes.ts); server.ts answers them only behind
 * the admin gate: loopback + admin key (admin-guard.ts). Documented in README.md.
 */
import { z } from 'zod';
import { adminRefusal } from './admin-guard';
import { ArmError } from './errors';
import type { FaultInjector } from './faults';
import type { Params } from './handlers/common';
import { json, type ArmResponse, type RequestContext } from './pipeline';
import { seedDemo } from './seed-demo';
import { seedDemoActivity } from './seed-demo-activity';
import { SEED_NAMES, type SeedName } from './seed-names';
import { SCALE_200, seedScale } from './seed-scale';
import type { ArmStore } from './store';
import { DEFAULT_LIMITS, type Throttle } from './throttle';
import { DEFAULTS, type World } from './world';

export interface AdminServices {
  world: World;
  store: ArmStore;
  faults: FaultInjector;
  throttle: Throttle;
}

export interface AdminArgs<Names extends string = never> {
  ctx: RequestContext;
  params: Params<Names>;
  services: AdminServices;
}

/** An admin operation's handler; like an ARM handler, it reads only the params its route's pattern declares. */
export type AdminHandler<Names extends string = never> = (args: AdminArgs<Names>) => ArmResponse;

const seedName = z.enum(SEED_NAMES);
const scaleOptions = z
  .object({
    subscriptions: z.number().int().min(1).max(1000).optional(),
    deletedAccountsPerSubscription: z.number().int().min(0).max(100_000).optional(),
    resourceGroupsPerSubscription: z.number().int().min(1).max(1000).optional(),
    deletedOfEachOtherTypePerSubscription: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .optional();

const bucketLimit = z.object({ capacity: z.number().min(0), refillPerSecond: z.number().min(0) }).strict();
/** Throttle limits by kind of request; at the top level of PUT /throttle they apply to every scope. */
const kindLimits = z.object({ reads: bucketLimit.optional(), writes: bucketLimit.optional(), deletes: bucketLimit.optional() }).strict();

const schemas = {
  reset: z.object({ seed: seedName.default('none'), scale: scaleOptions }).strict(),
  seed: z.object({ seed: seedName.exclude(['none']), scale: scaleOptions }).strict(),
  clock: z.object({ seconds: z.number().finite() }).strict(),
  latency: z
    .object({
      ms: z.number().int().min(0).max(120_000).default(0),
      reads: z.number().int().min(0).max(120_000).optional(),
      writes: z.number().int().min(0).max(120_000).optional(),
      deletes: z.number().int().min(0).max(120_000).optional(),
    })
    .strict(),
  lro: z.object({ durationSeconds: z.number().min(0).max(3600) }).strict(),
  retention: z.object({ deletedAccountsPastPurgeDate: z.enum(['vanish', 'linger']) }).strict(),
  paging: z
    .object({
      deletedAccountsPageSize: z.number().int().min(1).max(1000).optional(),
      listPageSize: z.number().int().min(1).max(1000).optional(),
      activityLogPageSize: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
  throttle: z
    .object({
      ...kindLimits.shape,
      subscription: kindLimits.optional(),
      tenant: kindLimits.optional(),
      globalMultiplier: z.number().min(1).max(1000).optional(),
    })
    .strict(),
  fault: z
    .object({
      status: z.union([z.literal(401), z.literal(429), z.literal(409), z.literal(500), z.literal(502), z.literal(503), z.literal(504), z.literal('drop')]),
      fraction: z.number().min(0).max(1).default(1),
      method: z.enum(['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'get', 'head', 'put', 'post', 'patch', 'delete']).optional(),
      path: z
        .string()
        .max(500)
        .refine((p) => {
          try {
            new RegExp(p);
            return true;
          } catch {
            return false;
          }
        }, 'must be a valid regular expression')
        .optional(),
      count: z.number().int().min(1).optional(),
      phase: z.enum(['before', 'after']).default('before'),
      retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
      seed: z.number().int().optional(),
      code: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,99}$/).optional(),
    })
    .strict(),
};

export function adminError(status: number, code: string, message: string): ArmError {
  return new ArmError(status, code, message);
}

/** Validates an admin request body (none reads as `{}`); failures are 400 `InvalidAdminRequest`. */
export function parseAdminBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw adminError(400, 'InvalidAdminRequest', `Invalid admin request${issue?.path.length ? ` at '${issue.path.join('.')}'` : ''}: ${issue?.message ?? 'invalid'}.`);
  }
  return result.data;
}

const REFUSALS = {
  'not-loopback': 'The emulator admin API only answers requests from loopback addresses (127.0.0.1, ::1).',
  'missing-key': "The emulator admin API requires the 'x-emulator-admin-key' header.",
  'wrong-key': "The 'x-emulator-admin-key' header does not match this emulator's admin key.",
} as const;

/** The gate, before any admin route is looked up: 403 `AdminAccessDenied` unless loopback with the key. */
export function requireAdminAccess(ctx: RequestContext, adminKey: string): void {
  const refusal = adminRefusal(ctx.remoteAddress, ctx.req.headers['x-emulator-admin-key'], adminKey);
  if (refusal) throw adminError(403, 'AdminAccessDenied', REFUSALS[refusal]);
}

/** What an admin path or method the route table lacks answers (past the gate). */
export function noSuchAdminRoute(ctx: RequestContext): ArmError {
  return adminError(404, 'NotFound', `The emulator admin API has no '${ctx.method} /${ctx.segments.slice(1).join('/')}'. See emulator/arm/README.md.`);
}

export function seedWorld(store: ArmStore, seed: SeedName, now: number, scale?: z.infer<typeof scaleOptions>): void {
  if (seed === 'demo') {
    seedDemo(store, now);
    seedDemoActivity(store, now);
  }
  else if (seed === 'scale') seedScale(store, now, scale);
  else if (seed === 'scale-200') seedScale(store, now, { ...SCALE_200, ...scale });
}

const isoTime = (ms: number) => new Date(ms).toISOString();

function stateOf({ world, store, faults, throttle }: AdminServices) {
  return {
    now: isoTime(world.now()),
    settings: {
      lroDurationSeconds: world.lroDurationMs / 1000,
      deletedAccountsPageSize: world.deletedAccountsPageSize,
      listPageSize: world.listPageSize,
      deletedAccountsPastPurgeDate: world.deletedAccountsPastPurgeDate,
      latency: faults.latency,
      throttle: throttle.limits,
    },
    faults: faults.list(),
    counts: store.counts(),
  };
}

export const getHealth: AdminHandler = ({ services }) => json(200, { status: 'ok', now: isoTime(services.world.now()) });

export const getState: AdminHandler = ({ services }) => json(200, stateOf(services));

export const resetWorld: AdminHandler = ({ ctx, services }) => {
  const { world, store, faults, throttle } = services;
  const { seed, scale } = parseAdminBody(schemas.reset, ctx.body);
  store.transaction(() => {
    store.clear();
    world.reloadSettings();
    seedWorld(store, seed, world.now(), scale);
  });
  faults.clear();
  faults.latency = { ms: 0 };
  throttle.setLimits(structuredClone(DEFAULT_LIMITS));
  return json(200, stateOf(services));
};

export const addSeed: AdminHandler = ({ ctx, services }) => {
  const { seed, scale } = parseAdminBody(schemas.seed, ctx.body);
  seedWorld(services.store, seed, services.world.now(), scale);
  return json(200, stateOf(services));
};

export const getClock: AdminHandler = ({ services }) => json(200, { now: isoTime(services.world.now()) });

export const advanceClock: AdminHandler = ({ ctx, services: { world, store } }) => {
  const { seconds } = parseAdminBody(schemas.clock, ctx.body);
  const now = world.advanceClock(seconds);
  store.sweepExpired(now);
  store.sweepExpiredStorageAccounts(now);
  store.sweepExpiredVaults(now);
  store.sweepExpiredConfigurationStores(now);
  store.sweepExpiredApiManagementServices(now);
  return json(200, { now: isoTime(now) });
};

export const setLatency: AdminHandler = ({ ctx, services: { faults } }) => {
  faults.latency = parseAdminBody(schemas.latency, ctx.body);
  return json(200, faults.latency);
};

export const setLroDuration: AdminHandler = ({ ctx, services: { world } }) => {
  const { durationSeconds } = parseAdminBody(schemas.lro, ctx.body);
  world.lroDurationMs = Math.round(durationSeconds * 1000);
  return json(200, { durationSeconds });
};

export const setPaging: AdminHandler = ({ ctx, services: { world } }) => {
  const paging = parseAdminBody(schemas.paging, ctx.body);
  if (paging.deletedAccountsPageSize !== undefined) world.deletedAccountsPageSize = paging.deletedAccountsPageSize;
  if (paging.listPageSize !== undefined) world.listPageSize = paging.listPageSize;
  if (paging.activityLogPageSize !== undefined) world.activityLogPageSize = paging.activityLogPageSize;
  const { deletedAccountsPageSize, listPageSize, activityLogPageSize } = world;
  return json(200, { deletedAccountsPageSize, listPageSize, activityLogPageSize, defaults: DEFAULTS });
};

export const setRetention: AdminHandler = ({ ctx, services: { world } }) => {
  const { deletedAccountsPastPurgeDate } = parseAdminBody(schemas.retention, ctx.body);
  world.deletedAccountsPastPurgeDate = deletedAccountsPastPurgeDate;
  return json(200, { deletedAccountsPastPurgeDate });
};

export const setThrottle: AdminHandler = ({ ctx, services: { throttle } }) => {
  throttle.setLimits(parseAdminBody(schemas.throttle, ctx.body));
  return json(200, throttle.limits);
};

export const addFault: AdminHandler = ({ ctx, services: { faults } }) => {
  const spec = parseAdminBody(schemas.fault, ctx.body);
  return json(201, faults.add({ ...spec, method: spec.method?.toUpperCase() }));
};

export const listFaults: AdminHandler = ({ services: { faults } }) => json(200, { value: faults.list() });

export const clearFaults: AdminHandler = ({ services: { faults } }) => {
  faults.clear();
  return json(200, { value: [] });
};

export const removeFault: AdminHandler<'id'> = ({ params, services: { faults } }) => {
  if (!faults.remove(params.id)) throw adminError(404, 'NotFound', `No fault rule '${params.id}'.`);
  return json(200, { value: faults.list() });
};

export const listEvents: AdminHandler = ({ ctx, services: { store } }) => {
  const after = Number(ctx.url.searchParams.get('after') ?? '0');
  const limit = Math.min(10_000, Number(ctx.url.searchParams.get('limit') ?? '1000'));
  if (!Number.isInteger(after) || !Number.isInteger(limit) || limit < 1) throw adminError(400, 'InvalidAdminRequest', "'after' and 'limit' must be integers.");
  return json(200, { value: store.listEvents(after, limit).map((e) => ({ ...e, at: isoTime(e.at) })) });
};
