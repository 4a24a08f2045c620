import { z } from 'zod';

/** Column types shared by the section schemas: every value is as the database stores it. */
export const id = z.number().int().positive();
export const ref = id.nullable();
export const int = z.number().int();
/** ISO 8601, as every timestamp column holds it (`2025-01-31T23:30:00.000Z`). */
export const time = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, { error: 'expected an ISO 8601 date-time' });
export const maybeTime = time.nullable();
export const text = z.string();
export const flag = z.union([z.literal(0), z.literal(1)]);
