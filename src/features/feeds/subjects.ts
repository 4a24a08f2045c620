import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** Whose posts a feed lists. */
export type FeedSubjectKind = 'site' | 'category' | 'tag' | 'author';

export interface FeedSubject {
  kind: FeedSubjectKind;
  /** Name of the category, tag or author; empty for the site. */
  name: string;
  description: string;
  /** The page the feed follows: `/`, `/category/x/`… */
  path: string;
  filter: { categoryIds?: number[]; tagId?: number; authorId?: number };
}

/**
 * The subject of a feed, or null when no category, tag or author has this slug. A category's
 * feed covers its descendants too, as its page does.
 */
export async function findFeedSubject(db: Kysely<DB>, kind: FeedSubjectKind, slug: string): Promise<FeedSubject | null> {
  if (kind === 'site') return { kind, name: '', description: '', path: '/', filter: {} };
  const path = `/${kind}/${slug}/`;
  if (kind === 'tag') {
    const tag = await db.selectFrom('tags').select(['id', 'name']).where('slug', '=', slug).executeTakeFirst();
    return tag ? { kind, name: tag.name, description: '', path, filter: { tagId: tag.id } } : null;
  }
  if (kind === 'author') {
    const author = await db.selectFrom('authors').select(['id', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst();
    return author ? { kind, name: author.name, description: author.bio, path, filter: { authorId: author.id } } : null;
  }
  const all = await db.selectFrom('categories').select(['id', 'slug', 'name', 'description', 'parent_id']).execute();
  const root = all.find((c) => c.slug === slug);
  if (!root) return null;
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return { kind, name: root.name, description: root.description, path, filter: { categoryIds: ids } };
}
