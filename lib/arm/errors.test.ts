import { describe, expect, it } from 'vitest';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { armErrorFromResponse, toArmError } from './errors';

function restError(status: number, code: string, message: string, correlationId?: string) {
  const request = createPipelineRequest({ url: 'https://localhost:4443/x' });
  const headers = createHttpHeaders(correlationId ? { 'x-ms-correlation-request-id': correlationId } : {});
  return new RestError(message, { code, statusCode: status, request, response: { status, headers, request } });
}

describe('toArmError', () => {
  it("keeps ARM's code, message, status and correlation id", () => {
    const error = toArmError(restError(404, 'ResourceGroupNotFound', "Resource group 'rg' could not be found.", 'c-1'));
    expect(error.toActionError()).toEqual({
      kind: 'arm',
      code: 'ResourceGroupNotFound',
      message: "Resource group 'rg' could not be found.",
      correlationId: 'c-1',
      status: 404,
    });
  });

  it('asks for a new sign-in on an expired or rejected token', () => {
    expect(toArmError(restError(401, 'ExpiredAuthenticationToken', 'expired')).kind).toBe('sign-in-required');
    expect(toArmError(restError(401, 'InvalidAuthenticationToken', 'bad')).kind).toBe('sign-in-required');
  });

  it('calls throttling and outages unavailable', () => {
    expect(toArmError(restError(429, 'TooManyRequests', 'slow down')).kind).toBe('unavailable');
    expect(toArmError(restError(503, 'ServiceUnavailable', 'down')).kind).toBe('unavailable');
  });

  it('reads a failed long-running operation', () => {
    const error = toArmError(new Error('The long-running operation has failed. Conflict. The account is busy.'), 'c-2');
    expect(error.toActionError()).toEqual({ kind: 'arm', code: 'Conflict', message: 'The account is busy.', correlationId: 'c-2' });
  });

  it('hides the details of the portal’s own faults', () => {
    const error = toArmError(new TypeError('secret internal detail'));
    expect(error.kind).toBe('unexpected');
    expect(error.message).not.toContain('secret');
  });

  it('reads ARM’s envelope from a raw response', () => {
    const error = armErrorFromResponse(403, JSON.stringify({ error: { code: 'AuthorizationFailed', message: 'no' } }), 'c-3');
    expect(error.toActionError()).toEqual({ kind: 'arm', code: 'AuthorizationFailed', message: 'no', correlationId: 'c-3', status: 403 });
  });
});
