import { toIso } from '../../lib/dates.js';
import { slugify } from '../../lib/slug.js';
import { parseInput } from '../../lib/validate.js';
import { pageInputSchema, pageValues } from '../pages/index.js';
import { findMapped, remember } from './import-map.js';
import { fit, itemBody } from './item-content.js';
import { itemState } from './item-state.js';
import { freeSlug } from './import-post.js';
import { oldPathOf, queryPath, redirectAll } from './old-urls.js';
import { itemLabel, type RunContext } from './run-context.js';
import { count, warn } from './summary.js';
import { fromWpSlug } from './wp-slug.js';
import type { WxrItem } from './wxr-records.js';

/** Slugs a page may not take (the site's own addresses, all-digit ones); mirrors pages/service. */
function pageSlugFree(slug: string): boolean {
  return pageInputSchema.shape.slug.safeParse(slug).success;
}

/**
 * A WordPress page, in one transaction. Broadside pages are flat (`/slug/`): a child page's old
 * address (`/about/team/`) redirects to its own. Pages hold no comments here; theirs are counted
 * as skipped. Only a published page is public.
 */
export async function importPage(ctx: RunContext, item: WxrItem): Promise<void> {
  const label = itemLabel('page', item.id, item.title);
  const state = itemState(item);
  if (!state) {
    count(ctx.summary.skipped, `page (${item.status || 'no status'})`);
    return;
  }
  if ((await findMapped(ctx.db, ctx.source, 'page', item.id)) !== null) {
    count(ctx.summary.alreadyThere, 'page');
    return;
  }
  const now = toIso(ctx.clock.now());
  const [title] = fit(item.title.trim() || 'Untitled', 300);
  let slug = fromWpSlug(item.slug) || slugify(title) || `page-${item.id}`;
  if (!pageSlugFree(slug)) {
    warn(ctx.summary, label, `the address /${slug}/ is reserved here: the page is /${slug}-page/`);
    slug = `${slug}-page`;
  }
  const status = state.status === 'published' ? 'published' : 'draft';
  const data = parseInput(pageInputSchema, { slug, title, body: itemBody(ctx, item, label, ctx.settings.defaultLanguage), status, language: ctx.settings.defaultLanguage });
  await ctx.db.transaction().execute(async (trx) => {
    const free = await freeSlug(trx, data.slug, label, ctx, 'pages');
    const { id } = await trx.insertInto('pages').values({ ...(await pageValues(trx, data, now)), slug: free, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await remember(trx, ctx.source, 'page', item.id, id, now);
    if (status === 'published') {
      await redirectAll(trx, ctx, [oldPathOf(ctx, item.link), queryPath(ctx, 'page_id', item.id), queryPath(ctx, 'p', item.id)], `/${free}/`, now, true);
    }
  });
  count(ctx.summary.imported, 'page');
  if (state.warning) warn(ctx.summary, label, state.warning);
  if (state.trash) warn(ctx.summary, label, 'was in the trash: imported as a draft');
  if (item.comments.length) {
    count(ctx.summary.skipped, 'comment on a page', item.comments.length);
    warn(ctx.summary, label, `${item.comments.length} comment(s) not imported: pages take no comments`);
  }
}
