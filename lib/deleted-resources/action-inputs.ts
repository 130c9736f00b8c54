import { z } from 'zod';
import { resourceRefSchema } from '@/lib/resource-types/refs';
import { accessTokenSchema, MAX_BULK_BATCH } from './schemas';

/** A bulk recover, purge or state read: resources of any registered types, each checked against its type's rules. */
export const resourcesBatchInput = z.strictObject({
  token: accessTokenSchema,
  resources: z.array(resourceRefSchema).min(1).max(MAX_BULK_BATCH),
});

export const resourceActionInput = z.strictObject({
  token: accessTokenSchema,
  resource: resourceRefSchema,
});
