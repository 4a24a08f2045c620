import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** What a feed entry needs of a post beyond its summary (which `listPublished` gives). */
export interface PostEntryDetails {
  guid: string;
  bodyHtml: string;
  postscriptHtml: string;
  featuredImageUrl: string;
  categories: string[];
  tags: string[];
}

/**
 * Details of posts already known to be visible (ids from a public list query), keyed by id.
 * Selects public columns only; categories and tags are sorted by name.
 */
export async function loadPostEntryDetails(db: Kysely<DB>, ids: number[]): Promise<Map<number, PostEntryDetails>> {
  const map = new Map<number, PostEntryDetails>();
  if (ids.length === 0) return map;
  const [posts, categories, tags] = await Promise.all([
    db.selectFrom('posts').select(['id', 'guid', 'body_html', 'postscript_html', 'featured_image_url']).where('id', 'in', ids).execute(),
    db.selectFrom('post_categories').innerJoin('categories', 'categories.id', 'post_categories.category_id')
      .select(['post_categories.post_id', 'categories.name']).where('post_categories.post_id', 'in', ids)
      .orderBy('categories.name').execute(),
    db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id')
      .select(['post_tags.post_id', 'tags.name']).where('post_tags.post_id', 'in', ids).orderBy('tags.name').execute(),
  ]);
  for (const p of posts) {
    map.set(p.id, {
      guid: p.guid, bodyHtml: p.body_html, postscriptHtml: p.postscript_html, featuredImageUrl: p.featured_image_url, categories: [], tags: [],
    });
  }
  for (const c of categories) map.get(c.post_id)?.categories.push(c.name);
  for (const t of tags) map.get(t.post_id)?.tags.push(t.name);
  return map;
}
