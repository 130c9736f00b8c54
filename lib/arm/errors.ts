import { isRestError } from '@azure/core-rest-pipeline';
import type { ActionError, ActionErrorKind } from '@/lib/action-result';

/**
 * An ARM failure reduced to what the portal acts on: ARM's code and message (written by ARM for the person
 * calling it), the correlation id support needs, the HTTP status, and the decision what the user may see.
 */
export class ArmError extends Error {
  override name = 'ArmError';
  constructor(
    readonly kind: ActionErrorKind,
    readonly code: string,
    message: string,
    readonly correlationId: string | undefined,
    readonly status: number | undefined,
  ) {
    super(message);
  }

  toActionError(): ActionError {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.correlationId ? { correlationId: this.correlationId } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
    };
  }
}

/** Thrown by the pipeline guard when a request (an LRO status link, a nextLink) points away from ARM. */
export class ForeignHostError extends Error {
  override name = 'ForeignHostError';
}

const SIGN_IN_CODES = new Set([
  'authenticationfailed',
  'invalidauthenticationtoken',
  'expiredauthenticationtoken',
  'invalidauthenticationtokenaudience',
  'invalidauthenticationtokentenant',
]);

/** core-lro reports a failed operation as "The long-running operation has failed. {code}. {message}" */
const LRO_FAILURE = /^The long-running operation has failed\. ([^.]+)\. ([\s\S]*)$/;

function classify(status: number, code: string, message: string, correlationId: string | undefined): ArmError {
  if (status === 401 || SIGN_IN_CODES.has(code.toLowerCase())) {
    return new ArmError('sign-in-required', code, message, correlationId, status);
  }
  if (status === 429 || status >= 500) return new ArmError('unavailable', code, message, correlationId, status);
  return new ArmError('arm', code, message, correlationId, status);
}

/** For responses read without an SDK operation: ARM's error envelope, or a generic line when there is none. */
export function armErrorFromResponse(status: number, bodyText: string | undefined, correlationId: string | undefined): ArmError {
  let code = `Http${status}`;
  let message = `Azure Resource Manager answered ${status}.`;
  try {
    const parsed = JSON.parse(bodyText ?? '') as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
  } catch {
    // Not ARM's error envelope; keep the generic line.
  }
  return classify(status, code, message, correlationId);
}

export function toArmError(error: unknown, correlationId?: string): ArmError {
  if (error instanceof ArmError) return error;
  if (isRestError(error)) {
    const status = error.statusCode;
    const armCorrelation = error.response?.headers.get('x-ms-correlation-request-id') ?? correlationId;
    if (status === undefined || error.code === 'REQUEST_SEND_ERROR') {
      return new ArmError('unavailable', 'ArmUnreachable', 'Azure Resource Manager could not be reached. Try again.', armCorrelation, undefined);
    }
    // Answers without ARM's error envelope (a redirect, a proxy's page) leave the SDK's message empty.
    return classify(status, error.code ?? `Http${status}`, error.message || `Azure Resource Manager answered ${status}.`, armCorrelation);
  }
  if (error instanceof ForeignHostError) {
    // A status link or nextLink pointed away from ARM: say so, without the link (it is the attacker's text).
    return new ArmError(
      'arm',
      'UntrustedLink',
      'Azure Resource Manager answered with a link to another host; the portal did not follow it.',
      correlationId,
      undefined,
    );
  }
  if (error instanceof Error) {
    const lro = LRO_FAILURE.exec(error.message);
    if (lro?.[1] && lro[2] !== undefined) {
      return new ArmError('arm', lro[1], lro[2], correlationId, undefined);
    }
    if (error.name === 'AbortError' || error.name === 'TimeoutError') {
      return new ArmError('unavailable', 'Timeout', 'Azure Resource Manager did not answer in time. Try again.', correlationId, undefined);
    }
  }
  // Anything else is a fault of the portal: the details go to the server log, not to the browser.
  return new ArmError('unexpected', 'InternalError', 'The portal hit an unexpected error.', correlationId, undefined);
}

/**
 * ARM's 409 `RequestConflict`: the resource is busy (a purge right after the delete); the same request succeeds
 * a little later. Other 409s (`FlagMustBeSetForRestore`, `CustomDomainInUse`, `KeyVaultNotFound`, ...) are
 * prerequisites another attempt cannot fix.
 */
export function isTransientConflict(error: ArmError): boolean {
  return error.status === 409 && error.code.toLowerCase() === 'requestconflict';
}

/** True for failures that another attempt may fix (throttling, outages, timeouts, transient conflicts). */
export function isTransient(error: ArmError): boolean {
  return error.kind === 'unavailable' || isTransientConflict(error);
}
