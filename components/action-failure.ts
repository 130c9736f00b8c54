import type { ActionError, ActionResult } from '@/lib/action-result';

/** A failed action result thrown into TanStack Query, keeping ARM's code, message and correlation id. */
export class ActionFailure extends Error {
  override name = 'ActionFailure';
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionFailure(result.error);
  return result.data;
}

export function actionErrorOf(error: unknown): ActionError {
  if (error instanceof ActionFailure) return error.error;
  return {
    kind: 'unexpected',
    code: 'ClientError',
    message: error instanceof Error ? error.message : 'Something went wrong in the browser.',
  };
}
