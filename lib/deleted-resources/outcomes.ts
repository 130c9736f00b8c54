/**
 * What a recover or purge really did, as ARM showed it. A tool that destroys data in bulk reports only what
 * it saw: a purge that found nothing to purge is not "purged", and a recover of an account someone else
 * recovered first is not this person's recover.
 */
export type RecoverOutcome = { outcome: 'recovered' } | { outcome: 'already-recovered' } | { outcome: 'confirmed-live' };
export type PurgeOutcome =
  | { outcome: 'purged' }
  | { outcome: 'recovered-meanwhile'; resourceGroup: string }
  | { outcome: 'already-gone' }
  | { outcome: 'confirmed-gone' };
export type ItemOutcome = RecoverOutcome | PurgeOutcome;

/** Where a deleted resource stands in ARM now: still soft-deleted, live again, or neither. */
export type DeletedResourceState = 'deleted' | 'live' | 'gone';

/** How the summary counts each outcome: "2 purged, 1 recovered meanwhile, 1 already gone". */
export const OUTCOME_LABELS: Record<ItemOutcome['outcome'], string> = {
  recovered: 'recovered',
  'already-recovered': 'already recovered',
  purged: 'purged',
  'recovered-meanwhile': 'recovered meanwhile',
  'already-gone': 'already gone',
  'confirmed-live': 'confirmed live',
  'confirmed-gone': 'confirmed gone',
};

/** One row's own line for an outcome other than the one asked for; undefined for a plain recover or purge. */
export function outcomeDetail(outcome: ItemOutcome): string | undefined {
  switch (outcome.outcome) {
    case 'already-recovered':
      return 'already recovered: it was live again before this recover (someone else recovered it)';
    case 'recovered-meanwhile':
      return `not purged: it was recovered meanwhile (live in ${outcome.resourceGroup})`;
    case 'already-gone':
      return 'already gone: purged or expired meanwhile (nothing was left to purge)';
    case 'confirmed-live':
      return "the recover's answer was lost; ARM shows it live again";
    case 'confirmed-gone':
      return "the purge's answer was lost; ARM holds it neither deleted nor live any more";
    default:
      return undefined;
  }
}

/** The codes with which ARM says a deleted resource itself is not there (each type may add its own). */
export const OWN_NOT_FOUND_CODES = ['ResourceNotFound', 'DeletedAccountNotFound', 'NotFound'] as const;

/**
 * Whether ARM's 404 says the deleted resource itself is not there. Any other 404 (its resource group, its
 * subscription, a path ARM does not know) is a failure with ARM's own message, never "gone".
 */
export function isOwnNotFound(status: number | undefined, code: string | undefined, ownCodes: readonly string[] = OWN_NOT_FOUND_CODES): boolean {
  return status === 404 && code !== undefined && ownCodes.some((own) => own.toLowerCase() === code.toLowerCase());
}

/**
 * What the first answer to a purge means: 202 (purging) and 200 (purged) took effect; 204 is ARM's "nothing to
 * purge", which says only that no deleted account was there when the request arrived.
 */
export function purgeTookEffect(firstStatus: number | undefined): boolean {
  return firstStatus !== 204;
}

/** A recover is answered 201 when the account is created again, 200 when it was already live. */
export function recoverTookEffect(firstStatus: number | undefined): boolean {
  return firstStatus !== 200;
}

/** Whether a server action's result carries an outcome (prerequisite steps answer null). */
export function isOutcome(value: unknown): value is ItemOutcome {
  return typeof value === 'object' && value !== null && typeof (value as { outcome?: unknown }).outcome === 'string';
}

/** The failure code of a row whose answer was lost and that ARM still holds as it was: sending it again is right. */
export const NOT_DONE = 'NotDone';

/**
 * A row whose request was sent but whose answer was lost (the connection dropped, the portal server
 * restarted): what ARM shows now decides the report, so Retry never repeats an action that took effect.
 */
export function outcomeOfLostAnswer(
  kind: 'recover' | 'purge',
  state: DeletedResourceState,
  resourceGroup: string,
): { ok: true; data: ItemOutcome } | { ok: false; error: { kind: 'arm'; code: string; message: string } } {
  if (state === 'deleted') {
    const verb = kind === 'purge' ? 'purged' : 'recovered';
    return { ok: false, error: { kind: 'arm', code: NOT_DONE, message: `The answer was lost, and ARM still holds it deleted: it was not ${verb}. Retry failed sends it again.` } };
  }
  if (kind === 'purge') return { ok: true, data: state === 'live' ? { outcome: 'recovered-meanwhile', resourceGroup } : { outcome: 'confirmed-gone' } };
  if (state === 'live') return { ok: true, data: { outcome: 'confirmed-live' } };
  return { ok: false, error: { kind: 'arm', code: 'PurgedMeanwhile', message: 'Cannot be recovered: it was purged or expired meanwhile (the answer was lost; ARM holds it no more).' } };
}
