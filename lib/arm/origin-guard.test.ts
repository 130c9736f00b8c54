import { describe, expect, it, vi } from 'vitest';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { armOriginGuard } from './origin-guard';
import { ForeignHostError } from './errors';

describe('armOriginGuard', () => {
  const guard = armOriginGuard('https://localhost:4443');

  it('passes requests to the configured ARM endpoint on', async () => {
    const next = vi.fn(async () => ({ status: 200 }) as never);
    await guard.sendRequest(createPipelineRequest({ url: 'https://localhost:4443/subscriptions?api-version=1' }), next);
    expect(next).toHaveBeenCalledOnce();
  });

  it.each([
    'https://evil.example.com/subscriptions',
    'https://localhost:4444/subscriptions',
    'http://localhost:4443/subscriptions',
    'https://localhost:4443.evil.example/x',
  ])('refuses %s and never sends it', async (url) => {
    const next = vi.fn(async () => ({ status: 200 }) as never);
    await expect(guard.sendRequest(createPipelineRequest({ url }), next)).rejects.toBeInstanceOf(ForeignHostError);
    expect(next).not.toHaveBeenCalled();
  });
});
