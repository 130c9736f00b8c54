import { z } from 'zod';

/** ARM (Microsoft.Storage/storageAccounts): 3-24 lower-case letters and digits. */
export const storageAccountNameSchema = z.string().regex(/^[a-z0-9]{3,24}$/, 'Storage account names are 3-24 lower-case letters and digits');

/** What the server validates of a ref of this type, beside the fields every type has (lib/resource-types/refs.ts). */
// A restore names the deleted account's creation time (properties.deletedAccountCreationTime).
export const refFields = { name: storageAccountNameSchema, creationTime: z.iso.datetime({ offset: true }) };
