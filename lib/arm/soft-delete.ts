import 'server-only';
import type { DeletedResourceState, PurgeOutcome, RecoverOutcome } from '@/lib/deleted-resources/outcomes';
import { isOwnNotFound, OWN_NOT_FOUND_CODES, purgeTookEffect } from '@/lib/deleted-resources/outcomes';
import type { ResourceRef } from '@/lib/deleted-resources/types';
import { ArmError, isTransientConflict, toArmError } from './errors';
import type { ArmSession } from './session';

/**
 * Recover, purge and "where does it stand now" for any soft-deletable type, built from the type's own SDK
 * calls. Only what ARM showed is reported: a purge that found nothing, or a recover of something already
 * live, says why (recovered meanwhile, already gone, already recovered) after reading the live resource.
 */

export const READ_TIMEOUT_MS = 45_000;
export const OPERATION_TIMEOUT_MS = 180_000;
export const POLL_INTERVAL_MS = 1_000;
/**
 * Waits before each new attempt of a purge that ARM answered with 409 RequestConflict (the pipeline does not
 * retry 409s): about 7 s in all, with jitter so a bulk's conflicting purges do not come back in step.
 */
const CONFLICT_RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

export function readTimeout() {
  return { abortSignal: AbortSignal.timeout(READ_TIMEOUT_MS) };
}

/** What an SDK call gets: a deadline, the poll interval, and a hook that sees every response (the first one tells what happened). */
export interface OperationOptions {
  abortSignal: AbortSignal;
  updateIntervalInMs: number;
  onResponse: (response: { status: number }) => void;
}

export interface SoftDeleteCalls {
  /** Codes (beyond ARM's ResourceNotFound/NotFound) with which the type says the deleted resource is not there. */
  ownNotFoundCodes?: readonly string[];
  /** Codes (at any status) with which the type refuses a recover because nothing soft-deleted is left to recover. */
  nothingToRecoverCodes?: readonly string[];
  /** GET the soft-deleted resource; throws ARM's error. */
  getDeleted(session: ArmSession, ref: ResourceRef): Promise<unknown>;
  /** GET the live resource; throws ARM's error. */
  getLive(session: ArmSession, ref: ResourceRef): Promise<unknown>;
  /** Sends the recover and follows it to its end. */
  recover(session: ArmSession, ref: ResourceRef, options: OperationOptions): Promise<unknown>;
  /**
   * The first status with which ARM answers a recover of a resource that is already live (recovered by someone
   * else meanwhile). Left out when the type answers both alike: the live resource is read before sending instead.
   */
  alreadyLiveStatus?: number;
  /** Sends the purge and follows it to its end; left out when the type has no purge. */
  purge?(session: ArmSession, ref: ResourceRef, options: OperationOptions): Promise<unknown>;
}

export function softDeleteOperations(calls: SoftDeleteCalls) {
  const ownCodes = [...OWN_NOT_FOUND_CODES, ...(calls.ownNotFoundCodes ?? [])];
  const notFound = (error: ArmError) => isOwnNotFound(error.status, error.code, ownCodes);
  const nothingToRecover = (error: ArmError) =>
    notFound(error) || (calls.nothingToRecoverCodes ?? []).some((code) => code.toLowerCase() === error.code.toLowerCase());

  /** Whether the resource is live (not soft-deleted): read from ARM; throws when ARM's answer does not say. */
  async function isLive(session: ArmSession, ref: ResourceRef): Promise<boolean> {
    try {
      await calls.getLive(session, ref);
      return true;
    } catch (error) {
      const armError = toArmError(error, session.correlationId);
      if (armError.status === 404) return false;
      throw armError;
    }
  }

  async function readState(session: ArmSession, ref: ResourceRef): Promise<DeletedResourceState> {
    try {
      await calls.getDeleted(session, ref);
      return 'deleted';
    } catch (error) {
      const armError = toArmError(error, session.correlationId);
      if (!notFound(armError)) throw armError;
      return (await isLive(session, ref)) ? 'live' : 'gone';
    }
  }

  /**
   * When nothing deleted is left to recover, ARM's own not-found is checked against the live resource: live
   * means it was recovered meanwhile; otherwise it was purged or expired meanwhile.
   */
  async function recover(session: ArmSession, ref: ResourceRef): Promise<RecoverOutcome> {
    if (calls.alreadyLiveStatus === undefined && (await isLive(session, ref))) return { outcome: 'already-recovered' };
    let firstStatus: number | undefined;
    try {
      await calls.recover(session, ref, {
        abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS),
        updateIntervalInMs: POLL_INTERVAL_MS,
        onResponse: (response) => void (firstStatus ??= response.status),
      });
    } catch (error) {
      const armError = toArmError(error, session.correlationId);
      if (!nothingToRecover(armError)) throw armError;
      if (await isLive(session, ref)) return { outcome: 'already-recovered' };
      throw new ArmError('arm', armError.code, `Cannot be recovered: it was purged or expired meanwhile. ${armError.message}`, armError.correlationId, armError.status);
    }
    return { outcome: firstStatus !== undefined && firstStatus === calls.alreadyLiveStatus ? 'already-recovered' : 'recovered' };
  }

  /**
   * When ARM had nothing to purge (204, or its own not-found), the live resource is read to say why. Any other
   * 404 is a failure with ARM's message. A 409 RequestConflict (purging right after the delete) is tried again
   * after a pause; other 409s are final.
   */
  async function purge(session: ArmSession, ref: ResourceRef): Promise<PurgeOutcome> {
    const send = calls.purge;
    if (!send) throw new ArmError('validation', 'PurgeNotSupported', 'This type of resource has no purge: Azure removes it when its retention ends.', session.correlationId, undefined);
    const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
    const whyNothingToPurge = async (): Promise<PurgeOutcome> =>
      (await isLive(session, ref)) ? { outcome: 'recovered-meanwhile', resourceGroup: ref.resourceGroup } : { outcome: 'already-gone' };
    for (let attempt = 0; ; attempt++) {
      let firstStatus: number | undefined;
      try {
        await send(session, ref, { abortSignal, updateIntervalInMs: POLL_INTERVAL_MS, onResponse: (response) => void (firstStatus ??= response.status) });
        return purgeTookEffect(firstStatus) ? { outcome: 'purged' } : await whyNothingToPurge();
      } catch (error) {
        const armError = toArmError(error, session.correlationId);
        if (notFound(armError)) return whyNothingToPurge();
        const delay = CONFLICT_RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !isTransientConflict(armError)) throw armError;
        await sleep(delay * (0.75 + Math.random() * 0.5), abortSignal);
      }
    }
  }

  return { recover, readState, purge };
}

export function sleep(ms: number, abortSignal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal.aborted) return reject(abortSignal.reason as Error);
    const timer = setTimeout(resolve, ms);
    abortSignal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(abortSignal.reason as Error);
    }, { once: true });
  });
}
