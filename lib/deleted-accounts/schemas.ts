import { z } from 'zod';
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

/** ARM (Microsoft.CognitiveServices/accounts): 2-64 characters, ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ */
export const accountNameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Account names use letters, digits, _ - . and start with a letter or digit');

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

export const deletedAccountRefSchema = z.strictObject({
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  location: locationSchema,
  name: accountNameSchema,
});
export type DeletedAccountRef = z.output<typeof deletedAccountRefSchema>;

export const listSubscriptionsInput = z.strictObject({ token: accessTokenSchema });

export const listDeletedAccountsInput = z.strictObject({
  token: accessTokenSchema,
  /**
   * One subscription, or several read side by side: "All subscriptions" names the subscriptions the page
   * already lists in its picker, which saves ARM listing them again for every load and refresh.
   */
  subscription: z.union([subscriptionIdSchema, z.array(subscriptionIdSchema).min(1).max(MAX_LISTED_SUBSCRIPTIONS)]),
});

export const deletedAccountActionInput = z.strictObject({
  token: accessTokenSchema,
  account: deletedAccountRefSchema,
});

/** The most accounts one bulk call may carry (the view sends BULK_CONCURRENCY at a time). */
export const MAX_BULK_BATCH = 50;

export const deletedAccountsBatchInput = z.strictObject({
  token: accessTokenSchema,
  accounts: z.array(deletedAccountRefSchema).min(1).max(MAX_BULK_BATCH),
});

/** ARM (Microsoft.KeyVault/vaults): 3-24 letters, digits and single hyphens, starting with a letter, not ending with a hyphen. */
export const keyVaultNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/, 'Key Vault names are 3-24 letters, digits and hyphens, starting with a letter')
  .refine((name) => !name.includes('--'), 'Key Vault names cannot hold two hyphens in a row');

/** ARM (Microsoft.Storage/storageAccounts): 3-24 lower-case letters and digits. */
export const storageAccountNameSchema = z.string().regex(/^[a-z0-9]{3,24}$/, 'Storage account names are 3-24 lower-case letters and digits');

/** The steps a recovery plan takes before it recovers accounts, as the browser names them to the server. */
export const resourceGroupStepSchema = z.strictObject({
  kind: z.literal('resource-group'),
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  location: locationSchema,
});

export const keyVaultStepSchema = z.strictObject({
  kind: z.literal('key-vault'),
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  name: keyVaultNameSchema,
  location: locationSchema,
});
export type KeyVaultStepRef = z.output<typeof keyVaultStepSchema>;

export const storageAccountStepSchema = z.strictObject({
  kind: z.literal('storage-account'),
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  name: storageAccountNameSchema,
  location: locationSchema,
  creationTime: z.iso.datetime({ offset: true }),
});
export type StorageAccountStepRef = z.output<typeof storageAccountStepSchema>;

export const recoveryStepSchema = z.discriminatedUnion('kind', [resourceGroupStepSchema, keyVaultStepSchema, storageAccountStepSchema]);
export type RecoveryStepRef = z.output<typeof recoveryStepSchema>;

export const recoveryStepsBatchInput = z.strictObject({
  token: accessTokenSchema,
  steps: z.array(recoveryStepSchema).min(1).max(MAX_BULK_BATCH),
});

export const recreateResourceGroupInput = z.strictObject({
  token: accessTokenSchema,
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  location: locationSchema,
});
