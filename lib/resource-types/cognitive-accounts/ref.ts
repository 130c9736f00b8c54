import { z } from 'zod';

/** ARM (Microsoft.CognitiveServices/accounts): 2-64 characters, ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ */
export const accountNameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Account names use letters, digits, _ - . and start with a letter or digit');

/** What the server validates of a ref of this type, beside the fields every type has (lib/resource-types/refs.ts). */
export const refFields = { name: accountNameSchema };
