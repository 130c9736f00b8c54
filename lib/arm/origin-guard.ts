import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { ForeignHostError } from './errors';

/**
 * Refuses every request whose origin is not the configured ARM endpoint: status links and nextLinks come
 * from responses, and a token must never travel anywhere else.
 */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function armOriginGuard(armOrigin: string): PipelinePolicy {
  return {
    name: 'armOriginGuard',
    async sendRequest(request, next) {
      if (originOf(request.url) !== armOrigin) {
        throw new ForeignHostError('Refused a request that does not go to the configured ARM endpoint');
      }
      return next(request);
    },
  };
}
