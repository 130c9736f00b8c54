import { z } from 'zod';

/** ARM (Microsoft.ApiManagement/service): 1-50 letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
export const apiManagementNameSchema = z
  .string()
  .regex(/^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$/, 'API Management service names are 1-50 letters, digits and hyphens, starting with a letter');

/** What the server validates of a ref of this type, beside the fields every type has (lib/resource-types/refs.ts). */
export const refFields = { name: apiManagementNameSchema };
