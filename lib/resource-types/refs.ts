import { z } from 'zod';
import { locationSchema, resourceGroupNameSchema, subscriptionIdSchema } from '@/lib/deleted-resources/schemas';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import { refFields as apiManagementServices } from './api-management-services/ref';
import { refFields as appConfigurationStores } from './app-configuration-stores/ref';
import { refFields as cognitiveAccounts } from './cognitive-accounts/ref';
import { refFields as keyVaults } from './key-vaults/ref';
import { refFields as storageAccounts } from './storage-accounts/ref';
import * as definitions from './definitions';

/** Each type's own ref fields (its name rules; storage's creation time), by registry id. */
const REF_FIELDS: Record<string, z.ZodRawShape> = {
  [definitions.cognitiveAccounts.id]: cognitiveAccounts,
  [definitions.keyVaults.id]: keyVaults,
  [definitions.storageAccounts.id]: storageAccounts,
  [definitions.appConfigurationStores.id]: appConfigurationStores,
  [definitions.apiManagementServices.id]: apiManagementServices,
};

function refSchemaOf([type, fields]: [string, z.ZodRawShape]) {
  return z.strictObject({
    type: z.literal(type),
    subscriptionId: subscriptionIdSchema,
    resourceGroup: resourceGroupNameSchema,
    location: locationSchema,
    ...fields,
  });
}

/**
 * A deleted resource as the browser names it to the server: checked against its own type's rules. Each
 * type's fields are only known at run time, so the parsed value is typed as the ResourceRef it has become.
 */
export const resourceRefSchema = z.discriminatedUnion(
  'type',
  Object.entries(REF_FIELDS).map(refSchemaOf) as unknown as [ReturnType<typeof refSchemaOf>, ...ReturnType<typeof refSchemaOf>[]],
) as unknown as z.ZodType<ResourceRef, ResourceRef>;
