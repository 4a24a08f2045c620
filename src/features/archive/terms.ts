import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

export interface TermPageSubject {
  kind: 'category' | 'tag' | 'author';
  name: string;
  slug: string;
  /** Category description or author bio. */
  description: string;
  /** A category's page lists it and its descendants (`categoryIds`); its total is counted under `categoryId`. */
  filter: { categoryId?: number; categoryIds?: number[]; tagId?: number; authorId?: number };
}

/** The category with this slug and the ids of it and all its descendants, or null. */
export async function findCategorySubject(db: Kysely<DB>, slug: string): Promise<TermPageSubject | null> {
  const all = await db.selectFrom('categories').select(['id', 'slug', 'name', 'description', 'parent_id']).execute();
  const root = all.find((c) => c.slug === slug);
  if (!root) return null;
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return { kind: 'category', name: root.name, slug, description: root.description, filter: { categoryId: root.id, categoryIds: ids } };
}

export async function findTagSubject(db: Kysely<DB>, slug: string): Promise<TermPageSubject | null> {
  const tag = await db.selectFrom('tags').select(['id', 'name']).where('slug', '=', slug).executeTakeFirst();
  return tag ? { kind: 'tag', name: tag.name, slug, description: '', filter: { tagId: tag.id } } : null;
}

export async function findAuthorSubject(db: Kysely<DB>, slug: string): Promise<TermPageSubject | null> {
  const author = await db.selectFrom('authors').select(['id', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst();
  return author ? { kind: 'author', name: author.name, slug, description: author.bio, filter: { authorId: author.id } } : null;
}
