import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import { slugify } from '../../lib/slug.js';
import type { DB } from '../../storage/schema.js';
import { changeTerms } from './term-changes.js';

/** Tag ids for names, creating missing tags (matched by slug, so "Tram strike" = "tram strike"). */
export async function ensureTags(db: Kysely<DB>, names: string[], now: string): Promise<number[]> {
  const ids = new Set<number>();
  for (const name of names) {
    const slug = slugify(name) || `tag-${Buffer.from(name).toString('hex').slice(0, 16)}`;
    await db
      .insertInto('tags')
      .values({ slug, name, created_at: now })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    const row = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    ids.add(row.id);
  }
  return [...ids];
}

export interface CategoryInput {
  slug: string;
  name: string;
  description?: string;
  parentId?: number | null;
}

/**
 * Creates or updates the category with this slug; returns its id. Refuses a parent cycle. Call
 * it inside a transaction when it may move an existing category (the term counts move with it).
 */
export async function upsertCategory(db: Kysely<DB>, input: CategoryInput, now: string): Promise<number> {
  const existing = await db.selectFrom('categories').select(['id', 'parent_id']).where('slug', '=', input.slug).executeTakeFirst();
  if (existing && input.parentId != null && (await isDescendant(db, input.parentId, existing.id))) {
    throw new AppError('VALIDATION', { fields: { parentId: 'A category cannot sit inside itself' } });
  }
  const values = { name: input.name, description: input.description ?? '', parent_id: input.parentId ?? null };
  if (existing) {
    const save = () => db.updateTable('categories').set(values).where('id', '=', existing.id).execute();
    // A move changes what its old and new ancestors count (see changeTerms).
    await (existing.parent_id === values.parent_id ? save() : changeTerms(db, 'category', [existing.id], save));
    return existing.id;
  }
  const row = await db
    .insertInto('categories')
    .values({ ...values, slug: input.slug, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function isDescendant(db: Kysely<DB>, candidate: number, ancestor: number): Promise<boolean> {
  let current: number | null = candidate;
  for (let depth = 0; current !== null && depth < 100; depth++) {
    if (current === ancestor) return true;
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('categories')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return false;
}

export interface AuthorInput {
  slug: string;
  name: string;
  bio?: string;
}

/** Creates or updates the author with this slug; returns its id. */
export async function upsertAuthor(db: Kysely<DB>, input: AuthorInput, now: string): Promise<number> {
  const values = { name: input.name, bio: input.bio ?? '', updated_at: now };
  const row = await db
    .insertInto('authors')
    .values({ ...values, slug: input.slug, created_at: now })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
