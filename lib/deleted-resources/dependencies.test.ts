import { describe, expect, it } from 'vitest';
import { existenceFromRead, keyVaultExists } from './dependencies';

describe('keyVaultExists', () => {
  it('finds a vault in any subscription, ignoring case', () => {
    expect(keyVaultExists('KV-Contoso', [new Set(['other']), new Set(['kv-contoso'])])).toBe(true);
  });

  it('finds a vault even when another subscription could not be read', () => {
    expect(keyVaultExists('kv-contoso', ['unknown', new Set(['kv-contoso'])])).toBe(true);
  });

  it('says not found only when every list was read', () => {
    expect(keyVaultExists('kv-old', [new Set(['kv-contoso']), new Set()])).toBe(false);
  });

  it('says unknown when the vault is missing but some list could not be read', () => {
    expect(keyVaultExists('kv-old', [new Set(['kv-contoso']), 'unknown'])).toBe('unknown');
  });

  it('says unknown when there was nothing to search', () => {
    expect(keyVaultExists('kv-old', [])).toBe('unknown');
  });
});

describe('existenceFromRead', () => {
  it('reads 200 as existing', () => {
    expect(existenceFromRead(200)).toBe(true);
  });

  it.each(['ResourceNotFound', 'ResourceGroupNotFound'])('reads 404 %s as gone', (code) => {
    expect(existenceFromRead(404, code)).toBe(false);
  });

  it.each([
    [403, 'AuthorizationFailed'],
    [429, 'TooManyRequests'],
    [500, 'InternalServerError'],
    [404, 'InvalidResourceType'],
    [404, undefined],
  ])('does not guess from %s %s', (status, code) => {
    expect(existenceFromRead(status, code)).toBe('unknown');
  });
});
