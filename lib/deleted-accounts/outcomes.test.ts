import { describe, expect, it } from 'vitest';
import { armErrorFromResponse } from '@/lib/arm/errors';
import { isOwnNotFound, outcomeDetail, purgeTookEffect, recoverTookEffect } from './outcomes';

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
