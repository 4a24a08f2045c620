import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Invalidator } from '../cache/index.js';
import type { Clock } from '../../lib/clock.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { uniqueViolationAs } from '../../storage/errors.js';
import type { DB } from '../../storage/schema.js';

/** What the admin services for categories, tags and authors share. */

export interface TermDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told after a change commits (names and addresses show on many pages: everything goes). */
  invalidator?: Invalidator | undefined;
}

export const termNameSchema = z.string().trim().min(1, 'Enter a name').max(120, 'Keep the name under 120 characters');

/** A slug as typed: blank (derived from the name later) or already in slug form. */
export const termSlugSchema = z
  .string()
  .trim()
  .refine((s) => s === '' || isSlug(s), 'Use lowercase letters, digits and hyphens only')
  .default('');

/** The slug typed, or one made from the name; throws VALIDATION when the name gives none. */
export function resolveSlug(slug: string, name: string): string {
  const resolved = slug || slugify(name);
  if (!resolved) throw new AppError('VALIDATION', { fields: { slug: 'Enter a slug: lowercase letters, digits and hyphens' } });
  return resolved;
}

/** The count from a `countAll()` column: PostgreSQL returns bigint counts as strings. */
export const toCount = (n: number | string | bigint | null | undefined): number => Number(n ?? 0);

type TermTable = 'categories' | 'tags' | 'authors';

/** True when another row of `table` (not `selfId`) has this slug. */
export async function slugTaken(db: Kysely<DB>, table: TermTable, slug: string, selfId: number | null): Promise<boolean> {
  let query = db.selectFrom(table).select('id').where('slug', '=', slug);
  if (selfId !== null) query = query.where('id', '!=', selfId);
  return Boolean(await query.executeTakeFirst());
}

/**
 * Runs `work` in one transaction. A slug taken by a concurrent save (unique violation) becomes
 * the field error `takenMessage`, like the check done inside `work`.
 */
export const termTransaction = <T>(db: Kysely<DB>, takenMessage: string, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  uniqueViolationAs({ slug: takenMessage }, () => db.transaction().execute(work));
