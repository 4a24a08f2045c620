import type { Transaction } from 'kysely';
import { toIso } from '../../lib/dates.js';
import { slugify } from '../../lib/slug.js';
import type { DB } from '../../storage/schema.js';
import { changePosts, createPostIn, type PostInput, postPath } from '../posts/index.js';
import { importComments } from './import-comments.js';
import { findMapped, remember } from './import-map.js';
import { importAuthor, importTerms } from './import-terms.js';
import { fit, itemBody, plainText } from './item-content.js';
import { type ItemState, itemState } from './item-state.js';
import { oldPathOf, queryPath, redirectAll } from './old-urls.js';
import { itemLabel, type RunContext } from './run-context.js';
import { count, warn } from './summary.js';
import { wpInstant } from './wp-dates.js';
import { fromWpSlug } from './wp-slug.js';
import type { WxrItem } from './wxr-records.js';

/**
 * A WordPress post with its terms, comments and old addresses, written in one transaction and
 * remembered in the import map. A post imported before only gets the comments it lacks.
 */
export async function importPost(ctx: RunContext, item: WxrItem): Promise<void> {
  const label = itemLabel('post', item.id, item.title);
  const state = itemState(item);
  if (!state) {
    count(ctx.summary.skipped, `post (${item.status || 'no status'})`);
    return;
  }
  const now = toIso(ctx.clock.now());
  const existing = await findMapped(ctx.db, ctx.source, 'post', item.id);
  if (existing !== null) {
    count(ctx.summary.alreadyThere, 'post');
    await ctx.db.transaction().execute((trx) => importComments(trx, ctx, item.comments, existing, label, now));
    return;
  }
  const input = await postInput(ctx, item, state, label, now);
  await ctx.db.transaction().execute(async (trx) => {
    const slug = await freeSlug(trx, input.slug!, label, ctx);
    const id = await createPostIn(trx, { ...input, slug }, now);
    const created = input.publishedAt ?? now;
    // Through changePosts: moving a published post to the trash takes it out of the monthly counts.
    await changePosts(trx, [id], () =>
      trx
        .updateTable('posts')
        .set({ created_at: created, deleted_at: state.trash ? now : null, review_requested_at: state.review ? created : null })
        .where('id', '=', id)
        .execute(),
    );
    await remember(trx, ctx.source, 'post', item.id, id, now);
    if (state.status === 'published') {
      const post = await trx.selectFrom('posts').select(['slug', 'local_year', 'local_month']).where('id', '=', id).executeTakeFirstOrThrow();
      await redirectAll(trx, ctx, [oldPathOf(ctx, item.link), queryPath(ctx, 'p', item.id)], postPath(post), now, true);
    }
    await importComments(trx, ctx, item.comments, id, label, now, true);
  });
  count(ctx.summary.imported, 'post');
  if (state.warning) warn(ctx.summary, label, state.warning);
}

async function postInput(ctx: RunContext, item: WxrItem, state: ItemState, label: string, now: string): Promise<PostInput & { slug: string }> {
  const authorId = await importAuthor(ctx, { login: item.creator || 'unknown', email: '', displayName: item.creator });
  const categoryIds: number[] = [];
  for (const term of item.terms.filter((t) => t.taxonomy === 'category')) {
    if (!ctx.categories.has(term.slug)) await importTerms(ctx, [{ taxonomy: 'category', termId: '', slug: term.slug, name: term.name, parent: '', description: '' }]);
    const id = ctx.categories.get(term.slug);
    if (id !== undefined) categoryIds.push(id);
  }
  const lang = ctx.settings.defaultLanguage;
  const date = wpInstant(item.dateGmt, item.date, ctx.settings.timeZone);
  if (!date && state.status !== 'draft') warn(ctx.summary, label, 'no usable date: dated at import time');
  const [title, titleCut] = fit(item.title.trim() || 'Untitled', 300);
  if (!item.title.trim()) warn(ctx.summary, label, 'no title: imported as “Untitled”');
  if (titleCut) warn(ctx.summary, label, 'title shortened to 300 characters');
  const [standfirst, standfirstCut] = fit(plainText(item.excerpt), 600);
  if (standfirstCut) warn(ctx.summary, label, 'excerpt shortened to 600 characters for the standfirst');
  const featured = ctx.scan.attachments.get(item.meta.get('_thumbnail_id')?.trim() ?? '');
  return {
    title,
    slug: fromWpSlug(item.slug) || slugify(title) || `post-${item.id}`,
    standfirst,
    body: itemBody(ctx, item, label, lang),
    status: state.status,
    publishedAt: state.dated ? (date ?? now) : undefined,
    updatedAt: date ?? undefined,
    language: lang,
    commentStatus: item.commentStatus === 'closed' ? 'closed' : 'open',
    featuredImage: featured
      ? { url: ctx.uploads?.localUrl(featured.url) ?? featured.url, alt: featured.alt.slice(0, 500), caption: plainText(featured.caption).slice(0, 1000) }
      : undefined,
    authorIds: [authorId],
    categoryIds,
    tagNames: item.terms.filter((t) => t.taxonomy === 'post_tag' && t.name.trim()).map((t) => t.name.trim().slice(0, 100)),
    sticky: item.sticky,
  };
}

/** `wanted`, or `wanted-2`, `-3`… when another post has it (WordPress allows one slug per date; Broadside one per site). */
async function freeSlug(trx: Transaction<DB>, wanted: string, label: string, ctx: RunContext, table: 'posts' | 'pages' = 'posts'): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 190)}-${n}`;
    const taken = await trx.selectFrom(table).select('id').where('slug', '=', candidate).executeTakeFirst();
    if (!taken) {
      if (n > 1) warn(ctx.summary, label, `the slug “${wanted}” was taken: now “${candidate}”`);
      return candidate;
    }
  }
}

export { freeSlug };
