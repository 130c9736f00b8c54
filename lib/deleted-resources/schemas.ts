import { z } from 'zod';
import { ACTIVITY_LOG_PROVIDERS } from './deleted-by';
import { MAX_LISTED_SUBSCRIPTIONS } from './limits';
import { isKnownRegion, normalizeRegion } from './regions';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const subscriptionIdSchema = z.string().regex(GUID, 'Subscription id must be a GUID').transform((id) => id.toLowerCase());

/** ARM: 1-90 letters, digits, underscores, hyphens, periods, parentheses; not ending with a period. */
export const resourceGroupNameSchema = z
  .string()
  .min(1)
  .max(90)
  .regex(/^[-\w.()\p{L}\p{N}]+$/u, 'Resource group names use letters, digits, _ - . ( ) only')
  .refine((name) => !name.endsWith('.'), 'Resource group names cannot end with a period');

export const locationSchema = z
  .string()
  .max(64)
  .refine(isKnownRegion, 'Unknown Azure region')
  .transform(normalizeRegion);

/**
 * An ARM access token: a JWT (three base64url parts) of sane size. It is checked for shape only; ARM
 * decides whether it is valid.
 */
export const accessTokenSchema = z
  .string()
  .min(20)
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'Access token is not a JWT');

export const listSubscriptionsInput = z.strictObject({ token: accessTokenSchema });

/** Like the subscriptions, the tenants are read with nothing but the token. */
export const listTenantsInput = listSubscriptionsInput;

export const listDeletedResourcesInput = z.strictObject({
  token: accessTokenSchema,
  /**
   * One subscription, or several read side by side: "All subscriptions" names the subscriptions the page
   * already lists in its picker, which saves ARM listing them again for every load and refresh.
   */
  subscription: z.union([subscriptionIdSchema, z.array(subscriptionIdSchema).min(1).max(MAX_LISTED_SUBSCRIPTIONS)]),
});

/** The most items one bulk call may carry (the view sends BULK_CONCURRENCY at a time). */
export const MAX_BULK_BATCH = 50;

/** A resource group a recovery plan recreates before the resources in it. */
export const resourceGroupStepSchema = z.strictObject({
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  location: locationSchema,
});

export const resourceGroupsBatchInput = z.strictObject({
  token: accessTokenSchema,
  groups: z.array(resourceGroupStepSchema).min(1).max(MAX_BULK_BATCH),
});

export const recreateResourceGroupInput = resourceGroupStepSchema.extend({ token: accessTokenSchema });

/** One subscription's delete events, from the activity log, for the providers of its rows. */
const deleteEventsQuerySchema = z
  .strictObject({
    subscriptionId: subscriptionIdSchema,
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    providers: z
      .array(z.string().refine((provider) => ACTIVITY_LOG_PROVIDERS.includes(provider), 'Not a resource provider the portal reads'))
      .min(1)
      .max(ACTIVITY_LOG_PROVIDERS.length),
  })
  .refine((query) => Date.parse(query.from) <= Date.parse(query.to), { message: 'from must not be after to', path: ['from'] });

export const readDeleteEventsInput = z.strictObject({
  token: accessTokenSchema,
  subscriptions: z.array(deleteEventsQuerySchema).min(1).max(MAX_LISTED_SUBSCRIPTIONS),
});
