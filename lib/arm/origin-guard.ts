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

/** `name` tells two guards in one pipeline apart (the pipeline refuses duplicate names). */
export function armOriginGuard(armOrigin: string, name = 'armOriginGuard'): PipelinePolicy {
  return {
    name,
    async sendRequest(request, next) {
      if (originOf(request.url) !== armOrigin) {
        throw new ForeignHostError('Refused a request that does not go to the configured ARM endpoint');
      }
      return next(request);
    },
  };
}
