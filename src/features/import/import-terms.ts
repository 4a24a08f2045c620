import { toIso } from '../../lib/dates.js';
import { slugify } from '../../lib/slug.js';
import { categoryPath, ensureTags, tagPath, upsertAuthor, upsertCategory } from '../posts/index.js';
import { findMapped, remember } from './import-map.js';
import { queryPath, redirectAll } from './old-urls.js';
import type { RunContext } from './run-context.js';
import { count } from './summary.js';
import { decodedWpSlug, fromWpSlug } from './wp-slug.js';
import type { WxrAuthor, WxrTerm } from './wxr-records.js';

/**
 * Authors, categories and tags. An item already in the import map is reused; one whose slug a
 * local author or term already has is merged with it (same person, same subject), never renamed.
 */

/** The local author for a WordPress login, creating it when new. One transaction. */
export async function importAuthor(ctx: RunContext, author: WxrAuthor): Promise<number> {
  const login = author.login || author.displayName || 'unknown';
  const cached = ctx.authors.get(login);
  if (cached !== undefined) return cached;
  const mapped = await findMapped(ctx.db, ctx.source, 'author', login);
  if (mapped !== null) {
    count(ctx.summary.alreadyThere, 'author');
    ctx.authors.set(login, mapped);
    return mapped;
  }
  const now = toIso(ctx.clock.now());
  const id = await ctx.db.transaction().execute(async (trx) => {
    const slug = slugify(login) || slugify(author.displayName) || `author-${Buffer.from(login).toString('hex').slice(0, 12)}`;
    const existing = await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst();
    const local = existing?.id ?? (await upsertAuthor(trx, { slug, name: author.displayName || login }, now));
    await remember(trx, ctx.source, 'author', login, local, now);
    return local;
  });
  count(ctx.summary.imported, 'author');
  ctx.authors.set(login, id);
  return id;
}

/**
 * Categories (parents before children, whatever the file's order) and tags, each in its own
 * transaction, with redirects from their old addresses.
 */
export async function importTerms(ctx: RunContext, terms: WxrTerm[]): Promise<void> {
  let pending = terms.filter((t) => t.taxonomy === 'category');
  while (pending.length) {
    const ready = pending.filter((t) => !t.parent || ctx.categories.has(t.parent) || !pending.some((p) => p.slug === t.parent));
    const batch = ready.length ? ready : pending; // a parent cycle: import the rest flat
    for (const term of batch) await importCategory(ctx, term, terms);
    pending = pending.filter((t) => !batch.includes(t));
  }
  for (const term of terms) if (term.taxonomy === 'post_tag') await importTag(ctx, term);
}

async function importCategory(ctx: RunContext, term: WxrTerm, all: WxrTerm[]): Promise<void> {
  const mapped = await findMapped(ctx.db, ctx.source, 'category', term.slug);
  if (mapped !== null) {
    ctx.categories.set(term.slug, mapped);
    count(ctx.summary.alreadyThere, 'category');
    return;
  }
  const now = toIso(ctx.clock.now());
  const slug = fromWpSlug(term.slug) || slugify(term.name) || `category-${term.termId}`;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst();
    const parentId = term.parent ? (ctx.categories.get(term.parent) ?? null) : null;
    const local = existing?.id ?? (await upsertCategory(trx, { slug, name: term.name || slug, description: term.description, parentId }, now));
    await remember(trx, ctx.source, 'category', term.slug, local, now);
    const old = `${ctx.sitePath}/category/${categoryChain(term, all).join('/')}/`;
    await redirectAll(trx, ctx, [old, term.termId ? queryPath(ctx, 'cat', term.termId) : null], categoryPath(slug), now);
    await redirectAll(trx, ctx, [`${old}feed/`], `${categoryPath(slug)}feed/`, now);
    return local;
  });
  ctx.categories.set(term.slug, id);
  count(ctx.summary.imported, 'category');
}

/** The decoded slugs from the top category down to this one, as WordPress puts them in its URLs. */
function categoryChain(term: WxrTerm, all: WxrTerm[]): string[] {
  const chain = [decodedWpSlug(term.slug)];
  let parent = term.parent;
  for (let depth = 0; parent && depth < 20; depth++) {
    const up = all.find((t) => t.taxonomy === 'category' && t.slug === parent);
    if (!up) break;
    chain.unshift(decodedWpSlug(up.slug));
    parent = up.parent;
  }
  return chain;
}

async function importTag(ctx: RunContext, term: WxrTerm): Promise<void> {
  if ((await findMapped(ctx.db, ctx.source, 'tag', term.slug)) !== null) {
    count(ctx.summary.alreadyThere, 'tag');
    return;
  }
  const now = toIso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const [id] = await ensureTags(trx, [term.name || decodedWpSlug(term.slug)], now);
    const { slug } = await trx.selectFrom('tags').select('slug').where('id', '=', id!).executeTakeFirstOrThrow();
    await remember(trx, ctx.source, 'tag', term.slug, id!, now);
    const old = decodedWpSlug(term.slug);
    await redirectAll(trx, ctx, [`${ctx.sitePath}/tag/${old}/`, queryPath(ctx, 'tag', old)], tagPath(slug), now);
    await redirectAll(trx, ctx, [`${ctx.sitePath}/tag/${old}/feed/`], `${tagPath(slug)}feed/`, now);
  });
  count(ctx.summary.imported, 'tag');
}
