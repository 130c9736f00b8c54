import { describe, expect, it } from 'vitest';
import { armErrorFromResponse } from '@/lib/arm/errors';
import { isOwnNotFound, outcomeDetail, outcomeOfLostAnswer, OWN_NOT_FOUND_CODES, purgeTookEffect, recoverTookEffect } from './outcomes';

/** ARM's 404 bodies as they come back (arm-contract.md; azure-cli's recordings), read the way the portal reads them. */
const notFound = (body: unknown) => {
  const error = armErrorFromResponse(404, JSON.stringify(body), 'c');
  return isOwnNotFound(error.status, error.code);
};

describe('what ARM answered, as an outcome', () => {
  it("counts only the deleted account's own not-found as 'nothing there'", () => {
    expect(notFound({ error: { code: 'ResourceNotFound', message: "The Resource 'Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg/deletedAccounts/x' under resource group 'rg' was not found." } })).toBe(true);
    expect(notFound({ error: { code: 'DeletedAccountNotFound', message: 'Deleted account x was not found.' } })).toBe(true);
  });

  it('treats every other 404 as a failure with its own message, never as gone', () => {
    expect(notFound({ error: { code: 'ResourceGroupNotFound', message: "Resource group 'rg' could not be found." } })).toBe(false);
    expect(notFound({ error: { code: 'SubscriptionNotFound', message: "The subscription 's' could not be found." } })).toBe(false);
    expect(notFound({ error: { code: 'InvalidResourceType', message: "The resource type 'x' could not be found in the namespace." } })).toBe(false);
    expect(notFound('not json')).toBe(false);
    expect(isOwnNotFound(409, 'ResourceNotFound')).toBe(false);
  });

  it("counts a type's own not-found code only when the type names it, in any case", () => {
    const vaultCodes = [...OWN_NOT_FOUND_CODES, 'DeletedVaultNotFound'];
    expect(isOwnNotFound(404, 'DeletedVaultNotFound')).toBe(false);
    expect(isOwnNotFound(404, 'DeletedVaultNotFound', vaultCodes)).toBe(true);
    expect(isOwnNotFound(404, 'deletedvaultnotfound', vaultCodes)).toBe(true);
    expect(isOwnNotFound(404, 'ResourceNotFound', vaultCodes)).toBe(true);
    expect(isOwnNotFound(404, 'ResourceGroupNotFound', vaultCodes)).toBe(false);
    expect(isOwnNotFound(404, undefined, vaultCodes)).toBe(false);
    expect(isOwnNotFound(409, 'DeletedVaultNotFound', vaultCodes)).toBe(false);
  });

  it("reads a purge's 204 as 'nothing to purge', and 202 and 200 as purged", () => {
    expect(purgeTookEffect(204)).toBe(false);
    expect(purgeTookEffect(202)).toBe(true);
    expect(purgeTookEffect(200)).toBe(true);
  });

  it("reads a recover's 201 as recovered and 200 as 'already live'", () => {
    expect(recoverTookEffect(201)).toBe(true);
    expect(recoverTookEffect(200)).toBe(false);
  });

  it('says per row what happened instead of the action asked for', () => {
    expect(outcomeDetail({ outcome: 'recovered-meanwhile', resourceGroup: 'rg-ai-prod' })).toBe('not purged: it was recovered meanwhile (live in rg-ai-prod)');
    expect(outcomeDetail({ outcome: 'already-gone' })).toMatch(/^already gone: purged or expired meanwhile/);
    expect(outcomeDetail({ outcome: 'purged' })).toBeUndefined();
  });
});

describe('outcomeOfLostAnswer', () => {
  it('reports only what ARM shows now, for a purge and a recover alike', () => {
    expect(outcomeOfLostAnswer('purge', 'gone', 'rg')).toEqual({ ok: true, data: { outcome: 'confirmed-gone' } });
    expect(outcomeOfLostAnswer('purge', 'live', 'rg-ai')).toEqual({ ok: true, data: { outcome: 'recovered-meanwhile', resourceGroup: 'rg-ai' } });
    expect(outcomeOfLostAnswer('recover', 'live', 'rg')).toEqual({ ok: true, data: { outcome: 'confirmed-live' } });
    expect(outcomeOfLostAnswer('recover', 'gone', 'rg')).toMatchObject({ ok: false, error: { code: 'PurgedMeanwhile' } });
    expect(outcomeOfLostAnswer('purge', 'deleted', 'rg')).toMatchObject({ ok: false, error: { code: 'NotDone', message: expect.stringContaining('it was not purged') } });
    expect(outcomeOfLostAnswer('recover', 'deleted', 'rg')).toMatchObject({ ok: false, error: { code: 'NotDone', message: expect.stringContaining('it was not recovered') } });
  });
});
