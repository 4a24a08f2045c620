import { type Kysely, sql } from 'kysely';
import type { DB, TermKind } from '../../storage/schema.js';

/**
 * The term counts (`term_counts`, migration 0013): how many posts each category, tag and
 * author page lists, per language, counting the posts that are published, dated and not in the
 * trash whatever their `published_at` (as `archive_months` does). A category counts the posts
 * filed under it or any sub-category, each once. `changePosts` (month-counts.ts) moves them by
 * what each change to posts and their terms did, and `changeCategoryTree` wraps the changes to
 * the category tree; so the table always equals a fresh count. Readers subtract the published
 * posts whose time has not come (a seek on status + published_at that finds a handful).
 *
 * Locks, for PostgreSQL (SQLite has one writer): the tally locks the terms it finds linked (a
 * no-op UPDATE of their rows) before it reads the tree, and the term changes lock the terms they
 * move first; so a post linked to a category while that category moves is counted under the
 * tree that commits. Two such changes at once may deadlock; PostgreSQL then fails one of them.
 */

/** Ids per statement, well under both databases' limits on bound parameters. */
const CHUNK = 500;

type LinkTable = 'post_categories' | 'post_tags' | 'post_authors';
const LINKS: readonly [TermKind, LinkTable, 'category_id' | 'tag_id' | 'author_id', 'categories' | 'tags' | 'authors'][] = [
  ['category', 'post_categories', 'category_id', 'categories'],
  ['tag', 'post_tags', 'tag_id', 'tags'],
  ['author', 'post_authors', 'author_id', 'authors'],
];

const keyOf = (kind: TermKind, termId: number, language: string) => JSON.stringify([kind, termId, language]);

/**
 * Locks the rows of these terms until the transaction ends (a no-op UPDATE: row locks on
 * PostgreSQL, the write lock on SQLite). Term changes call it before reading what they move.
 */
export async function lockTerms(trx: Kysely<DB>, table: 'categories' | 'tags' | 'authors', ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    if (table === 'categories') await trx.updateTable('categories').set({ parent_id: sql`parent_id` }).where('id', 'in', chunk).execute();
    else await trx.updateTable(table).set({ name: sql`name` }).where('id', 'in', chunk).execute();
  }
}

/** Each category with its ancestors (itself first); a parent cycle written by hand ends the walk. */
async function ancestry(db: Kysely<DB>): Promise<(id: number) => number[]> {
  const rows = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const memo = new Map<number, number[]>();
  return (id) => {
    let chain = memo.get(id);
    if (chain) return chain;
    chain = [];
    for (let at: number | null | undefined = id; at != null && !chain.includes(at); at = parentOf.get(at)) chain.push(at);
    memo.set(id, chain);
    return chain;
  };
}

/** How many of the posts `ids` each (kind, term, language) counts; locks the terms they link. */
export async function tallyTerms(db: Kysely<DB>, ids: readonly number[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let ancestorsOf: ((id: number) => number[]) | undefined;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    for (const [kind, link, column, table] of LINKS) {
      const rows = await db
        .selectFrom(link)
        .innerJoin('posts', 'posts.id', `${link}.post_id`)
        .select([
          sql.ref<number>(`${link}.post_id`).as('postId'), sql.ref<number>(`${link}.${column}`).as('termId'),
          'posts.language', 'posts.status', 'posts.deleted_at', 'posts.published_at',
        ])
        .where(sql.ref(`${link}.post_id`), 'in', chunk)
        .execute();
      if (rows.length === 0) continue;
      await lockTerms(db, table, [...new Set(rows.map((r) => r.termId))]);
      const counted = rows.filter((r) => r.status === 'published' && r.deleted_at === null && r.published_at !== null);
      if (kind === 'category' && counted.length) ancestorsOf ??= await ancestry(db);
      // A post counts once per term, even when filed under a category and its sub-category.
      const seen = new Set<string>();
      for (const r of counted) {
        for (const termId of kind === 'category' ? ancestorsOf!(r.termId) : [r.termId]) {
          const key = keyOf(kind, termId, r.language);
          if (seen.has(`${r.postId}:${key}`)) continue;
          seen.add(`${r.postId}:${key}`);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

/** Adds `delta` posts to a term's count; a count left at zero loses its row. */
async function adjust(db: Kysely<DB>, key: string, delta: number): Promise<void> {
  const [kind, termId, language] = JSON.parse(key) as [TermKind, number, string];
  if (delta > 0) {
    await db
      .insertInto('term_counts')
      .values({ kind, term_id: termId, language, posts: delta })
      .onConflict((oc) => oc.columns(['kind', 'term_id', 'language']).doUpdateSet({ posts: (eb) => eb('term_counts.posts', '+', eb.ref('excluded.posts')) }))
      .execute();
    return;
  }
  const row = (q: any) => q.where('kind', '=', kind).where('term_id', '=', termId).where('language', '=', language);
  await row(db.deleteFrom('term_counts').where('posts', '<=', -delta)).execute();
  await row(db.updateTable('term_counts').set({ posts: (eb) => eb('posts', '+', delta) })).execute();
}

/** Moves the counts by the difference between two tallies of the same posts. */
export async function applyTermTallies(db: Kysely<DB>, before: Map<string, number>, after: Map<string, number>): Promise<void> {
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(key) ?? 0) - (before.get(key) ?? 0);
    if (delta !== 0) await adjust(db, key, delta);
  }
}

/** Every category under `id` (itself included), by the tree as it stands. */
export async function categorySubtree(db: Kysely<DB>, id: number): Promise<number[]> {
  const rows = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
  const ids = [id];
  for (let i = 0; i < ids.length; i++) for (const c of rows) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}

/** The posts linked to any of these terms, for the term changes to pass to `changePosts`. */
export async function postsOfTerms(db: Kysely<DB>, kind: TermKind, termIds: readonly number[]): Promise<number[]> {
  const [, link, column] = LINKS.find(([k]) => k === kind)!;
  const ids = new Set<number>();
  for (let i = 0; i < termIds.length; i += CHUNK) {
    const rows = await db.selectFrom(link).select(sql.ref<number>('post_id').as('id')).where(sql.ref(column), 'in', termIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

/** One term page's posts, for its total: `termIds` are the category and all under it (else the term alone). */
export interface TermCountFilter {
  /** ISO UTC: when posts must have come out by. */
  now: string;
  language?: string;
  kind: TermKind;
  termId: number;
  termIds: readonly number[];
}

/**
 * The published posts not in the trash whose time has not come, of a term page: usually none
 * (exported for the query-plan test; it seeks `posts_published`, then probes each link).
 */
export function notYetTermQuery(db: Kysely<DB>, filter: TermCountFilter) {
  const [, link, column] = LINKS.find(([k]) => k === filter.kind)!;
  const termIds = filter.termIds.length ? [...filter.termIds] : [-1];
  let query = db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('posts.status', '=', 'published')
    .where('posts.deleted_at', 'is', null)
    .where('posts.published_at', '>', filter.now)
    .where((eb) => eb.exists(
      eb.selectFrom(link).select(sql.lit(1).as('one')).where(sql.ref(`${link}.post_id`), '=', eb.ref('posts.id'))
        .where(sql.ref(`${link}.${column}`), 'in', termIds),
    ));
  if (filter.language) query = query.where('posts.language', '=', filter.language);
  return query;
}

/** How many visible posts (published, time come, not in the trash) a term page lists, from the counts. */
export async function countTermPosts(db: Kysely<DB>, filter: TermCountFilter): Promise<number> {
  let stored = db
    .selectFrom('term_counts')
    .select((eb) => eb.fn.sum<number | string>('posts').as('n'))
    .where('kind', '=', filter.kind)
    .where('term_id', '=', filter.termId);
  if (filter.language) stored = stored.where('language', '=', filter.language);
  const [row, notYet] = await Promise.all([stored.executeTakeFirst(), notYetTermQuery(db, filter).executeTakeFirstOrThrow()]);
  return Number(row?.n ?? 0) - Number(notYet.n);
}
