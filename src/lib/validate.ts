import type { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Parses input with a schema, or throws AppError('VALIDATION', { fields }) with the first
 * message for each bad field (nested paths joined with dots), so forms can show each message
 * next to its field and keep what the user typed.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  throw new AppError('VALIDATION', { fields });
}
