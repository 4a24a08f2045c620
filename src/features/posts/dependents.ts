import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import {
  authorTag, categoryTag, dayTag, FEED, HOME, type Invalidator, monthTag, postTag, SIDEBAR, SITEMAP, termTag, yearTag,
} from '../cache/index.js';

/** What one post shows up in, at one moment: the tags of the pages to drop when it changes. */
export interface PostDependents {
  tags: string[];
  /** The pages of the posts before and after it: they link to it, so they change when it arrives, leaves or moves. */
  neighbours: string[];
  /** Changes when the post appears in or leaves the calendar and monthly list (or moves in them). */
  sidebarKey: string;
  /** Changes when it appears, leaves or moves in the order of posts. */
  placeKey: string;
}

const NOWHERE: PostDependents = { tags: [], neighbours: [], sidebarKey: '', placeKey: '' };

/**
 * The pages a post appears on now: its own, the lists it is in (home, its date archives, its
 * categories, tags and authors), the feeds and sitemaps, and its neighbours' pages. Empty for a post no reader can see (or that does not exist).
 */
export async function postDependents(db: Kysely<DB>, id: number, now: string): Promise<PostDependents> {
  const post = await db
    .selectFrom('posts')
    .select(['id', 'status', 'published_at', 'deleted_at', 'language', 'local_year', 'local_month', 'local_day'])
    .where('id', '=', id)
    .executeTakeFirst();
  const visible = post && post.status === 'published' && post.deleted_at === null && post.published_at !== null && post.published_at <= now;
  // Drafts, scheduled and trashed posts are on no public page (404s are never cached).
  if (!post || !visible) return NOWHERE;
  const [categories, tags, authors] = await Promise.all([
    db.selectFrom('post_categories').select('category_id as id').where('post_id', '=', id).execute(),
    db.selectFrom('post_tags').select('tag_id as id').where('post_id', '=', id).execute(),
    db.selectFrom('post_authors').select('author_id as id').where('post_id', '=', id).execute(),
  ]);
  const out = [postTag(id), HOME, FEED, SITEMAP];
  if (post.local_year !== null) {
    out.push(yearTag(post.local_year));
    if (post.local_month !== null) out.push(monthTag(post.local_year, post.local_month));
    if (post.local_month !== null && post.local_day !== null) out.push(dayTag(post.local_year, post.local_month, post.local_day));
  }
  out.push(...categories.map((c) => categoryTag(c.id)), ...tags.map((t) => termTag(t.id)), ...authors.map((a) => authorTag(a.id)));
  return {
    tags: out,
    neighbours: await neighbourTags(db, post.id, post.published_at!, post.language, now),
    sidebarKey: `${post.language}|${post.local_year}-${post.local_month}-${post.local_day}`,
    placeKey: `${post.language}|${post.published_at}`,
  };
}

/** The posts just before and after this one in its language: their pages link to it. */
async function neighbourTags(db: Kysely<DB>, id: number, publishedAt: string, language: string, now: string): Promise<string[]> {
  const base = db
    .selectFrom('posts')
    .select('id')
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('published_at', '<=', now)
    .where('language', '=', language)
    .where('id', '!=', id);
  const [before, after] = await Promise.all([
    base.where('published_at', '<=', publishedAt).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    base.where('published_at', '>=', publishedAt).orderBy('published_at', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst(),
  ]);
  return [before, after].flatMap((p) => (p ? [postTag(p.id)] : []));
}

export interface PostChangeDeps {
  db: Kysely<DB>;
  clock: { now(): Date };
  /** Told after the change commits; absent: nothing is cached (tests, tools). */
  invalidator?: Invalidator | undefined;
}

/**
 * Runs `change` (a committed write to posts `ids`, or to the ones it returns) and then drops the
 * cached pages each post appeared on before and appears on after; its neighbours' pages and the
 * sidebar too when it arrived, left or moved. Returns what `change` returned.
 */
export async function changingPosts<T>(
  deps: PostChangeDeps,
  ids: readonly number[],
  change: () => Promise<T>,
  idsAfter: (result: T) => readonly number[] = () => [],
): Promise<T> {
  const invalidator = deps.invalidator;
  if (!invalidator) return change();
  const now = () => deps.clock.now().toISOString();
  const before = new Map<number, PostDependents>();
  for (const id of ids) before.set(id, await postDependents(deps.db, id, now()));
  const result = await change();
  const tags = new Set<string>();
  for (const id of new Set([...ids, ...idsAfter(result)])) {
    const was = before.get(id) ?? NOWHERE;
    const is = await postDependents(deps.db, id, now());
    for (const tag of [...was.tags, ...is.tags]) tags.add(tag);
    // An edit in place changes the neighbours' links through `post:N`, which their pages name.
    if (was.placeKey !== is.placeKey) for (const tag of [...was.neighbours, ...is.neighbours]) tags.add(tag);
    if (was.sidebarKey !== is.sidebarKey) tags.add(SIDEBAR);
  }
  await invalidator.invalidate([...tags]);
  return result;
}
