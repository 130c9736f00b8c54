import { z } from 'zod';

/** ARM (Microsoft.AppConfiguration/configurationStores): 5-50 letters, digits, hyphens and underscores. */
export const configurationStoreNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{5,50}$/, 'App Configuration store names are 5-50 letters, digits, hyphens and underscores');

/** What the server validates of a ref of this type, beside the fields every type has (lib/resource-types/refs.ts). */
export const refFields = { name: configurationStoreNameSchema };
