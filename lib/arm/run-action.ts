import 'server-only';
import type { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/action-result';
import { ArmSession } from './session';
import { toArmError } from './errors';

/** The schemas every action input shares: an access token plus the action's own fields. */
type TokenInput = z.ZodType<{ token: string }>;

function issuesOf(error: z.ZodError) {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));
}

/**
 * The one way a server action runs: validate the input (a refusal is returned as data and nothing reaches
 * ARM), open an ARM session with the caller's token, and turn any failure into an error the UI may show.
 * The token is passed on to the SDK credential only; it is never logged or returned.
 */
export async function runArmAction<S extends TokenInput, T>(
  name: string,
  schema: S,
  input: unknown,
  handler: (args: z.output<S>, session: ArmSession) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return fail({
      kind: 'validation',
      code: 'InvalidInput',
      message: 'The request was refused: some of its values are not valid.',
      issues: issuesOf(parsed.error),
    });
  }
  const session = new ArmSession(parsed.data.token);
  try {
    return ok(await handler(parsed.data, session));
  } catch (error) {
    const armError = toArmError(error, session.correlationId);
    const detail = armError.kind === 'unexpected' && error instanceof Error ? ` (${error.name}: ${error.message})` : '';
    console.error(
      `[${name}] ${armError.kind} ${armError.code} status=${armError.status ?? '-'} correlation=${armError.correlationId ?? '-'}${detail}`,
    );
    return fail(armError.toActionError());
  }
}
