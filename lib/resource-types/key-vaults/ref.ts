import { z } from 'zod';

/** ARM (Microsoft.KeyVault/vaults): 3-24 letters, digits and single hyphens, starting with a letter, not ending with a hyphen. */
export const keyVaultNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/, 'Key Vault names are 3-24 letters, digits and hyphens, starting with a letter')
  .refine((name) => !name.includes('--'), 'Key Vault names cannot hold two hyphens in a row');

/** What the server validates of a ref of this type, beside the fields every type has (lib/resource-types/refs.ts). */
export const refFields = { name: keyVaultNameSchema };
