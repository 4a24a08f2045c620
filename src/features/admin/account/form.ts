import { z } from 'zod';
import { AppError, isAppError } from '../../../errors.js';

/** Small helpers the account forms share. */

/** A text field of a form: missing means empty. */
export const text = (max: number) => z.string().max(max).default('');

/** Parses a form body; a body of the wrong shape (only a forged form sends one) is BAD_REQUEST. */
export function formBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('BAD_REQUEST', { fields: parsed.error.issues.map((i) => i.path.join('.')) });
  return parsed.data;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; status: 422 | 429 };

/**
 * Runs a service call for a form: VALIDATION comes back as field errors (422), RATE_LIMITED as
 * an error on `limitedField` (429); anything else is thrown to the error handler.
 */
export async function attempt<T>(work: () => Promise<T>, limitedField: string): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isAppError(error, 'VALIDATION')) return { ok: false, errors: (error.details.fields ?? {}) as Record<string, string>, status: 422 };
    if (isAppError(error, 'RATE_LIMITED')) {
      return { ok: false, errors: { [limitedField]: waitMessage(Number(error.details.retryAfter ?? 60)) }, status: 429 };
    }
    throw error;
  }
}

/** "Too many tries. Please wait 3 minutes and try again." */
export function waitMessage(retryAfterSeconds: number, what = 'Too many tries'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${what}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
