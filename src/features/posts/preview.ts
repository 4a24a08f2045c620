import type { Kysely } from 'kysely';
import { localDateOf } from '../../lib/dates.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import type { DB } from '../../storage/schema.js';
import { loadSettings } from '../site/settings.js';
import type { PostInput } from './input.js';
import { postPath } from './paths.js';
import type { PublishedPost } from './read.js';

/**
 * Posts as readers will see them, before they are public: a stored post of any status, or
 * what is in the editor's form, unsaved. Both give the PublishedPost the public article view
 * renders. For the admin only.
 */

async function bylines(db: Kysely<DB>, authorIds: readonly number[]) {
  if (authorIds.length === 0) return [];
  const rows = await db.selectFrom('authors').select(['id', 'name', 'slug']).where('id', 'in', [...authorIds]).execute();
  return authorIds.flatMap((id) => rows.filter((r) => r.id === id).map((r) => ({ name: r.name, slug: r.slug })));
}

async function categoriesOf(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('categories').select(['name', 'slug']).where('id', 'in', [...ids]).orderBy('name').execute();
}

async function translationsOf(db: Kysely<DB>, group: string | null, selfId: number | null, now: string) {
  if (!group) return [];
  // Only the translations readers can open: the public visibility rule.
  let query = db.selectFrom('posts')
    .select(['language', 'slug', 'title', 'local_year', 'local_month'])
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .where('deleted_at', 'is', null)
    .where('translation_group', '=', group);
  if (selfId !== null) query = query.where('id', '!=', selfId);
  const rows = await query.orderBy('language').execute();
  return rows.map((t) => ({ language: t.language, title: t.title, path: postPath(t) }));
}

/** A stored post of any status (trash included) as its article page would show it, or null. */
export async function previewStoredPost(db: Kysely<DB>, id: number, now: string): Promise<PublishedPost | null> {
  const row = await db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [authorRows, categoryRows, tags] = await Promise.all([
    db.selectFrom('post_authors').select('author_id').where('post_id', '=', id).orderBy('position').execute(),
    db.selectFrom('post_categories').select('category_id').where('post_id', '=', id).execute(),
    db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select(['tags.name', 'tags.slug'])
      .where('post_tags.post_id', '=', id).orderBy('tags.name').execute(),
  ]);
  return {
    id: row.id, guid: row.guid, slug: row.slug, path: postPath(row), title: row.title, standfirst: row.standfirst,
    language: row.language, publishedAt: row.published_at ?? now, updatedAt: row.updated_at,
    authors: await bylines(db, authorRows.map((a) => a.author_id)),
    bodyHtml: row.body_html, postscriptHtml: row.postscript_html, commentStatus: row.comment_status,
    featuredImage: row.featured_image_url ? { url: row.featured_image_url, alt: row.featured_image_alt, caption: row.featured_image_caption } : null,
    categories: await categoriesOf(db, categoryRows.map((c) => c.category_id)),
    tags,
    translations: await translationsOf(db, row.translation_group, row.id, now),
  };
}

/**
 * What the editor's form holds, unsaved, as its article page would show it. Lenient: an empty
 * headline or unknown author does not stop a preview. Never writes.
 */
export async function previewInput(db: Kysely<DB>, input: PostInput, now: string): Promise<PublishedPost> {
  const settings = await loadSettings(db);
  const language = input.language || settings.defaultLanguage;
  const render = (md: string | undefined) => (md?.trim() ? renderMarkdown(md, { lang: language, siteUrl: settings.baseUrl }) : '');
  const publishedAt = input.publishedAt ? new Date(input.publishedAt).toISOString() : now;
  const local = localDateOf(publishedAt, settings.timeZone);
  const slug = input.slug || slugify(input.title ?? '') || 'preview';
  const image = input.featuredImage?.url && /^(\/(?!\/)|https?:\/\/)/i.test(input.featuredImage.url) ? input.featuredImage : undefined;
  let group: string | null = null;
  if (input.translationOf) {
    const original = await db.selectFrom('posts').select('translation_group').where('id', '=', input.translationOf).executeTakeFirst();
    group = original?.translation_group ?? null;
  }
  return {
    id: 0, guid: '', slug, path: postPath({ slug, local_year: local.year, local_month: local.month }),
    title: input.title?.trim() || 'Untitled', standfirst: input.standfirst?.trim() ?? '', language, publishedAt, updatedAt: publishedAt,
    authors: await bylines(db, input.authorIds ?? []),
    bodyHtml: render(input.body), postscriptHtml: render(input.postscript), commentStatus: input.commentStatus ?? 'open',
    featuredImage: image?.url ? { url: image.url, alt: image.alt ?? '', caption: image.caption ?? '' } : null,
    categories: await categoriesOf(db, input.categoryIds ?? []),
    tags: (input.tagNames ?? []).map((name) => ({ name, slug: slugify(name) })),
    translations: await translationsOf(db, group, null, now),
  };
}
