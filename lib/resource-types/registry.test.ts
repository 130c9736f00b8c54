import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES, resourceTypeOf, typeDisplayName } from '.';
import { typeIconOf } from './icons';
import { resourceRefSchema } from './refs';

const SUB = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const where = { subscriptionId: SUB, resourceGroup: 'rg-keep', location: 'eastus' };

/** One valid ref of each registered type, as the browser sends it. */
const VALID: Record<string, Record<string, string>> = {
  'cognitive-accounts': { name: 'Contoso_OpenAI.1' },
  'key-vaults': { name: 'kv-Contoso-1' },
  'storage-accounts': { name: 'stcontoso1', creationTime: '2026-01-01T10:00:00.1234567Z' },
  'app-configuration-stores': { name: 'appcs_Contoso-1' },
  'api-management-services': { name: 'apim-Contoso-1' },
};

const parses = (value: unknown) => resourceRefSchema.safeParse(value).success;

describe('resourceRefSchema', () => {
  it('has a valid example for every registered type (a new type needs one here)', () => {
    expect(Object.keys(VALID).sort()).toEqual(RESOURCE_TYPES.map((type) => type.id).sort());
  });

  it.each(Object.entries(VALID))('accepts a valid ref of %s', (type, fields) => {
    const ref = { type, ...where, ...fields };
    expect(resourceRefSchema.parse(ref)).toEqual(ref);
  });

  it('normalizes the subscription id and region of any type', () => {
    expect(resourceRefSchema.parse({ type: 'key-vaults', ...where, subscriptionId: SUB.toUpperCase(), location: 'East US', name: 'kv-one' })).toEqual({
      type: 'key-vaults',
      ...where,
      name: 'kv-one',
    });
  });

  it('needs the creation time of a storage account, as an ISO time, and no other type takes one', () => {
    expect(parses({ type: 'storage-accounts', ...where, name: 'stcontoso1' })).toBe(false);
    expect(parses({ type: 'storage-accounts', ...where, name: 'stcontoso1', creationTime: 'yesterday' })).toBe(false);
    expect(parses({ type: 'storage-accounts', ...where, name: 'stcontoso1', creationTime: '2026-01-01T10:00:00' })).toBe(false);
    expect(parses({ type: 'key-vaults', ...where, name: 'kv-one', creationTime: '2026-01-01T10:00:00Z' })).toBe(false);
  });

  it.each([
    // Each name is one another registered type accepts (an account name, a Key Vault name).
    ['storage-accounts', 'StContoso1', 'upper case'],
    ['storage-accounts', 'st-contoso', 'a hyphen'],
    ['key-vaults', 'kv--contoso', "'--'"],
    ['key-vaults', 'kv-contoso-', 'a trailing hyphen'],
    ['key-vaults', '1kv-contoso', 'a leading digit'],
    ['key-vaults', 'kv_contoso', 'an underscore'],
    ['key-vaults', 'k'.repeat(25), '25 characters'],
    ['app-configuration-stores', 'apcs', '4 characters'],
    ['app-configuration-stores', 'appcs.contoso', 'a period'],
    ['api-management-services', '1apim', 'a leading digit'],
    ['api-management-services', 'apim_contoso', 'an underscore'],
    ['cognitive-accounts', '-contoso', 'a leading hyphen'],
  ])("refuses a %s ref named %j (%s), a name another type accepts", (type, name) => {
    const extra = type === 'storage-accounts' ? { creationTime: '2026-01-01T10:00:00Z' } : {};
    expect(parses({ type, ...where, name, ...extra })).toBe(false);
    const others = RESOURCE_TYPES.filter((other) => other.id !== type && other.id !== 'storage-accounts');
    expect(others.some((other) => parses({ type: other.id, ...where, name }))).toBe(true);
  });

  it('refuses an unknown type, or none', () => {
    expect(parses({ type: 'virtual-machines', ...where, name: 'vm1' })).toBe(false);
    expect(parses({ type: 'Key-Vaults', ...where, name: 'kv-one' })).toBe(false);
    expect(parses({ ...where, name: 'kv-one' })).toBe(false);
  });

  it('refuses extra fields, for every type', () => {
    for (const [type, fields] of Object.entries(VALID)) {
      expect(parses({ type, ...where, ...fields, nextLink: 'https://evil' })).toBe(false);
    }
  });

  it('refuses a ref whose shared fields break the rules', () => {
    const ref = { type: 'key-vaults', ...where, name: 'kv-one' };
    expect(parses({ ...ref, subscriptionId: 'not-a-guid' })).toBe(false);
    expect(parses({ ...ref, resourceGroup: '../x' })).toBe(false);
    expect(parses({ ...ref, location: 'mars' })).toBe(false);
  });
});

describe('RESOURCE_TYPES', () => {
  it('gives every type a unique id, a display name, retention and an icon', () => {
    const ids = RESOURCE_TYPES.map((type) => type.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const type of RESOURCE_TYPES) {
      expect(type.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(type.displayName.trim()).not.toBe('');
      expect(type.retention.trim()).not.toBe('');
      const icon = typeIconOf(type.id);
      expect(icon, `${type.id} has no icon in lib/resource-types/icons.ts`).toBeTruthy();
      expect(['function', 'object']).toContain(typeof icon);
      expect(type.recoverPhase).toBeGreaterThan(0);
    }
  });

  it('recovers what accounts depend on (Key Vaults, storage) in an earlier phase than the accounts', () => {
    const phase = (id: string) => resourceTypeOf(id)?.recoverPhase ?? Number.NaN;
    expect(phase('key-vaults')).toBeLessThan(phase('cognitive-accounts'));
    expect(phase('storage-accounts')).toBeLessThan(phase('cognitive-accounts'));
  });

  it('has no icon for an unknown type', () => {
    expect(typeIconOf('nope')).toBeUndefined();
  });

  it('finds a type by id, and shows an unknown id as it is', () => {
    expect(resourceTypeOf('key-vaults')?.displayName).toBe('Key Vault');
    expect(resourceTypeOf('nope')).toBeUndefined();
    expect(typeDisplayName('storage-accounts')).toBe('Storage account');
    expect(typeDisplayName('nope')).toBe('nope');
  });
});
