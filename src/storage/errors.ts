import { AppError } from '../errors.js';

/** True when a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * Runs `work` (usually a transaction that checks a value is free before writing it); when a
 * concurrent write took the value first and the database refuses it as a duplicate, throws
 * AppError('VALIDATION', { fields }) like the check would have. Other errors pass through.
 */
export async function uniqueViolationAs<T>(fields: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('VALIDATION', { fields }, { cause: error });
    throw error;
  }
}
