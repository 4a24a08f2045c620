import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { localDateOf, toIso } from '../../lib/dates.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import { parseInput } from '../../lib/validate.js';
import type { DB, PostRow } from '../../storage/schema.js';
import { addRedirect } from '../redirects/index.js';
import { loadSettings } from '../site/settings.js';
import { type PostInput, type ValidPostInput, postInputSchema } from './input.js';
import { changePosts } from './month-counts.js';
import { postPath } from './paths.js';
import { ensureTags } from './taxonomy.js';
import type { Invalidator } from '../cache/index.js';
import { changingPosts } from './dependents.js';

export interface PostWriteDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told what public pages changed, after the commit. */
  invalidator?: Invalidator | undefined;
}

const validate = (input: PostInput): ValidPostInput => parseInput(postInputSchema, input);

/** Creates a post with its authors, categories and tags in one transaction; returns its id. */
export async function createPost(deps: PostWriteDeps, input: PostInput): Promise<number> {
  const data = validate(input);
  return changingPosts(deps, [], () => deps.db.transaction().execute((trx) => insertPost(trx, data, toIso(deps.clock.now()))), (id) => [id]);
}

/**
 * Replaces a post's fields and terms. When a published post's path changes (slug or date),
 * the old path redirects to the new one. Throws NOT_FOUND or VALIDATION.
 */
export async function updatePost(deps: PostWriteDeps, id: number, input: PostInput): Promise<void> {
  const data = validate(input);
  await changingPosts(deps, [id], () => deps.db.transaction().execute((trx) => replacePost(trx, id, data, toIso(deps.clock.now()))));
}

/**
 * createPost inside the caller's transaction (for services that must write more in the same
 * one: revisions, audit entries). Validates `input`; throws VALIDATION.
 */
export async function createPostIn(trx: Transaction<DB>, input: PostInput, now: string): Promise<number> {
  return insertPost(trx, validate(input), now);
}

/** updatePost inside the caller's transaction. Validates `input`; throws NOT_FOUND or VALIDATION. */
export async function updatePostIn(trx: Transaction<DB>, id: number, input: PostInput, now: string): Promise<void> {
  await replacePost(trx, id, validate(input), now);
}

async function insertPost(trx: Transaction<DB>, data: ValidPostInput, now: string): Promise<number> {
  const columns = await postColumns(trx, data, now, null);
  const values = { ...columns, updated_at: data.updatedAt ? toIso(data.updatedAt) : now, guid: `urn:uuid:${randomUUID()}`, created_at: now };
  return changePosts(
    trx,
    [],
    async () => {
      const { id } = await trx.insertInto('posts').values(values).returning('id').executeTakeFirstOrThrow();
      await linkTerms(trx, id, data, now);
      return id;
    },
    { inserted: (newId) => [newId] },
  );
}

async function replacePost(trx: Transaction<DB>, id: number, data: ValidPostInput, now: string): Promise<void> {
  const before = await trx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND', { post: id });
  const columns = await postColumns(trx, data, now, before);
  await changePosts(trx, [id], async () => {
    await trx.updateTable('posts').set(columns).where('id', '=', id).execute();
    await trx.deleteFrom('post_authors').where('post_id', '=', id).execute();
    await trx.deleteFrom('post_categories').where('post_id', '=', id).execute();
    await trx.deleteFrom('post_tags').where('post_id', '=', id).execute();
    await linkTerms(trx, id, data, now);
  });
  const oldPath = postPath(before);
  const newPath = postPath({ ...before, ...columns });
  if (before.status === 'published' && columns.status === 'published' && oldPath !== newPath) {
    await addRedirect(trx, oldPath, newPath, now);
  }
}

/** The row columns of a post (everything but id, guid, created_at). */
async function postColumns(trx: Transaction<DB>, data: ValidPostInput, now: string, before: PostRow | null) {
  const settings = await loadSettings(trx);
  const publishedAt = resolvePublishedAt(data, now, before);
  const local = publishedAt ? localDateOf(publishedAt, settings.timeZone) : null;
  const render = (md: string) => (md.trim() ? renderMarkdown(md, { lang: data.language, siteUrl: settings.baseUrl }) : '');
  return {
    slug: await uniqueSlug(trx, data.slug || slugify(data.title) || 'post', before, data.slug !== ''),
    title: data.title,
    standfirst: data.standfirst,
    body_md: data.body,
    body_html: render(data.body),
    postscript_md: data.postscript,
    postscript_html: render(data.postscript),
    status: data.status,
    published_at: publishedAt,
    local_year: local?.year ?? null,
    local_month: local?.month ?? null,
    local_day: local?.day ?? null,
    language: data.language,
    translation_group: await translationGroup(trx, data, before),
    comment_status: data.commentStatus,
    featured_image_url: data.featuredImage.url,
    featured_image_alt: data.featuredImage.alt,
    featured_image_caption: data.featuredImage.caption,
    sticky: data.sticky ? 1 : 0,
    updated_at: now,
  };
}

function resolvePublishedAt(data: ValidPostInput, now: string, before: PostRow | null): string | null {
  if (data.publishedAt) return toIso(data.publishedAt);
  if (data.status === 'draft') return before?.published_at ?? null;
  if (data.status === 'scheduled') throw new AppError('VALIDATION', { fields: { publishedAt: 'Choose when to publish' } });
  return before?.published_at ?? now;
}

/** Said when a chosen slug is digits only. */
export const NUMERIC_SLUG_MESSAGE = 'A slug of digits only would hide the day archive at the same address (/2026/03/15/): add a word, such as 15-years';

/**
 * A free slug: the wanted one, or with -2, -3… when it was derived from the title.
 * An explicitly chosen slug that is taken is a validation error, never silently changed.
 * A slug of digits only would take the address of a day archive (`/2026/03/15/`), so it is
 * never given: chosen, it is a validation error; derived from a title ("1984"), it gets the
 * suffix -2, as WordPress does. A post that has one already keeps it.
 */
async function uniqueSlug(trx: Transaction<DB>, wanted: string, before: PostRow | null, explicit: boolean): Promise<string> {
  const selfId = before?.id ?? null;
  // A post that already has such a slug (older or imported) keeps it: its address stays.
  const numeric = /^\d+$/.test(wanted) && before?.slug !== wanted;
  if (numeric && explicit) throw new AppError('VALIDATION', { fields: { slug: NUMERIC_SLUG_MESSAGE } });
  for (let n = numeric ? 2 : 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    let query = trx.selectFrom('posts').select('id').where('slug', '=', candidate);
    if (selfId !== null) query = query.where('id', '!=', selfId);
    if (!(await query.executeTakeFirst())) return candidate;
    if (explicit) throw new AppError('VALIDATION', { fields: { slug: 'Another post already uses this slug' } });
  }
  throw new AppError('VALIDATION', { fields: { slug: 'Choose another slug' } });
}

/** The translation group for the post: kept, joined from `translationOf`, or left (null). */
async function translationGroup(trx: Transaction<DB>, data: ValidPostInput, before: PostRow | null) {
  if (data.translationOf === undefined) return before?.translation_group ?? null;
  if (data.translationOf === null) return null;
  const original = await trx
    .selectFrom('posts')
    .select(['id', 'translation_group', 'language'])
    .where('id', '=', data.translationOf)
    .executeTakeFirst();
  if (!original || original.id === before?.id) {
    throw new AppError('VALIDATION', { fields: { translationOf: 'Choose an existing article to translate' } });
  }
  if (original.language === data.language) {
    throw new AppError('VALIDATION', { fields: { translationOf: 'A translation must be in another language' } });
  }
  if (original.translation_group) return original.translation_group;
  const group = randomUUID();
  await trx.updateTable('posts').set({ translation_group: group }).where('id', '=', original.id).execute();
  return group;
}

async function linkTerms(trx: Transaction<DB>, postId: number, data: ValidPostInput, now: string): Promise<void> {
  const authorIds = [...new Set(data.authorIds)];
  await trx
    .insertInto('post_authors')
    .values(authorIds.map((author_id, position) => ({ post_id: postId, author_id, position })))
    .execute();
  const categoryIds = [...new Set(data.categoryIds)];
  if (categoryIds.length) {
    await trx.insertInto('post_categories').values(categoryIds.map((category_id) => ({ post_id: postId, category_id }))).execute();
  }
  const tagIds = await ensureTags(trx, data.tagNames, now);
  if (tagIds.length) {
    await trx.insertInto('post_tags').values(tagIds.map((tag_id) => ({ post_id: postId, tag_id }))).execute();
  }
}

/**
 * Recomputes every post's local date parts for a new site time zone, in the caller's
 * transaction. Posts whose URL changes get a redirect from their old path.
 */
export async function recomputeLocalDates(trx: Transaction<DB>, timeZone: string, now: string): Promise<number> {
  const rows = await trx
    .selectFrom('posts')
    .select(['id', 'slug', 'status', 'published_at', 'local_year', 'local_month', 'local_day'])
    .where('published_at', 'is not', null)
    .execute();
  const moves = rows
    .map((row) => ({ row, local: localDateOf(row.published_at!, timeZone) }))
    .filter(({ row, local }) => local.year !== row.local_year || local.month !== row.local_month || local.day !== row.local_day);
  await changePosts(trx, moves.map((m) => m.row.id), async () => {
    for (const { row, local } of moves) {
      await trx
        .updateTable('posts')
        .set({ local_year: local.year, local_month: local.month, local_day: local.day })
        .where('id', '=', row.id)
        .execute();
      if (row.status === 'published') {
        await addRedirect(trx, postPath(row), postPath({ slug: row.slug, local_year: local.year, local_month: local.month }), now);
      }
    }
  });
  return moves.length;
}
