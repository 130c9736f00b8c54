/** What a server action answers: data, or an error the UI can show as it is. Actions never throw. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export type ActionErrorKind =
  /** The arguments were refused before anything reached ARM. */
  | 'validation'
  /** ARM answered with an error (code, message and correlation id are ARM's). */
  | 'arm'
  /** The access token was missing, expired or rejected: get a new one and try again. */
  | 'sign-in-required'
  /** ARM could not be reached or answered too slowly; trying again may work. */
  | 'unavailable'
  /** A fault in the portal itself; details are in the server log under the correlation id. */
  | 'unexpected';

export interface ActionError {
  kind: ActionErrorKind;
  code: string;
  message: string;
  correlationId?: string;
  status?: number;
  issues?: { path: string; message: string }[];
}

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail<T = never>(error: ActionError): ActionResult<T> {
  return { ok: false, error };
}
