import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { prepareQuery } from '../../storage/prepared.js';
import type { DB } from '../../storage/schema.js';
import { countVisiblePosts } from './month-counts.js';
import { postPath } from './paths.js';
import { countTermPosts, type TermCountFilter } from './term-counts.js';

/**
 * Public read queries. Only published posts whose time has come and that are not in the
 * trash are ever returned, and only public columns are selected.
 */

export interface Byline {
  name: string;
  slug: string;
}

export interface Term {
  name: string;
  slug: string;
}

export interface PostSummary {
  id: number;
  slug: string;
  path: string;
  title: string;
  standfirst: string;
  language: string;
  publishedAt: string;
  updatedAt: string;
  authors: Byline[];
}

export interface PublishedPost extends PostSummary {
  guid: string;
  bodyHtml: string;
  postscriptHtml: string;
  commentStatus: 'open' | 'closed';
  featuredImage: { url: string; alt: string; caption: string } | null;
  categories: Term[];
  tags: Term[];
  translations: { language: string; path: string; title: string }[];
}

export interface ListFilter {
  language?: string;
  /** Posts in any of these categories. */
  categoryIds?: number[];
  /** The category whose subtree `categoryIds` is: its total then comes from the term counts. */
  categoryId?: number;
  tagId?: number;
  authorId?: number;
}

const SUMMARY_COLUMNS = [
  'posts.id', 'posts.slug', 'posts.title', 'posts.standfirst', 'posts.language',
  'posts.published_at', 'posts.updated_at', 'posts.local_year', 'posts.local_month',
] as const;

function visible<O>(query: SelectQueryBuilder<DB, 'posts', O>, now: string) {
  return query
    .where('posts.status', '=', 'published')
    .where('posts.published_at', '<=', now)
    .where('posts.deleted_at', 'is', null);
}

/**
 * Narrows to a language and terms. A term is a probe of each post's link (the link table's
 * primary key, post_id first) rather than `id IN (the term's posts)`, which SQLite built whole,
 * every post of the category, on every request: walking the posts newest first, a page reads
 * only the posts up to its LIMIT.
 */
function filtered<O>(query: SelectQueryBuilder<DB, 'posts', O>, filter: ListFilter) {
  let q = query;
  if (filter.language) q = q.where('posts.language', '=', filter.language);
  if (filter.categoryIds) {
    const ids = filter.categoryIds.length ? filter.categoryIds : [-1];
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('post_categories').select('post_categories.post_id').whereRef('post_categories.post_id', '=', 'posts.id').where('post_categories.category_id', 'in', ids),
    ));
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('post_tags').select('post_tags.post_id').whereRef('post_tags.post_id', '=', 'posts.id').where('post_tags.tag_id', '=', tagId),
    ));
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('post_authors').select('post_authors.post_id').whereRef('post_authors.post_id', '=', 'posts.id').where('post_authors.author_id', '=', authorId),
    ));
  }
  return q;
}

/** One page of published posts, newest first, with the total for pagination. */
export async function listPublished(
  db: Kysely<DB>,
  options: ListFilter & { now: string; page: number; perPage: number },
): Promise<{ items: PostSummary[]; total: number }> {
  const base = filtered(visible(db.selectFrom('posts'), options.now), options);
  const language = options.language ? { language: options.language } : {};
  const term = countedTerm(options);
  if (term) {
    // Term pages take their total from the term counts, and a small term is read from its links.
    const total = await countTermPosts(db, { now: options.now, ...language, ...term });
    return pageOfSummaries(db, total <= SMALL_TERM ? fromLinks(db, term, options) : base, options, Promise.resolve(total));
  }
  // Lists narrowed by language at most (the home page) take their total from the monthly counts.
  const total = options.categoryIds === undefined && options.tagId === undefined && options.authorId === undefined
    ? countVisiblePosts(db, { now: options.now, ...language })
    : undefined;
  return pageOfSummaries(db, base, options, total);
}

/**
 * Up to this many visible posts, a term page reads its posts from the term's links and sorts
 * them (a few hundred lookups by id); beyond, it walks the posts newest first, probing each
 * one's links, and stops at its LIMIT: a walk that for a term with few posts (a tag used twice
 * in twenty years) would read the whole index. Exported for the query-plan test.
 */
export const SMALL_TERM = 500;

const LINK_OF = { category: ['post_categories', 'category_id'], tag: ['post_tags', 'tag_id'], author: ['post_authors', 'author_id'] } as const;

/** The visible posts of a term, read from its links first (CROSS JOIN keeps SQLite to that order). */
function fromLinks(db: Kysely<DB>, term: Pick<TermCountFilter, 'kind' | 'termIds'>, filter: ListFilter & { now: string }) {
  const [link, column] = LINK_OF[term.kind];
  const linked = db
    .selectFrom(link)
    .crossJoin('posts')
    .where(sql.ref(`${link}.post_id`), '=', sql.ref('posts.id'))
    .where(sql.ref(`${link}.${column}`), 'in', term.termIds.length ? [...term.termIds] : [-1]) as unknown as SelectQueryBuilder<DB, 'posts', object>;
  const query = visible(linked, filter.now);
  // A post filed under a category and its sub-category is linked twice.
  return filter.language ? query.where('posts.language', '=', filter.language).distinct() : query.distinct();
}

/** The one term page a filter lists, whose total the term counts hold, or undefined. */
function countedTerm(filter: ListFilter): Pick<TermCountFilter, 'kind' | 'termId' | 'termIds'> | undefined {
  const { categoryId, categoryIds, tagId, authorId } = filter;
  const terms = [categoryIds, tagId, authorId].filter((t) => t !== undefined).length;
  if (terms !== 1) return undefined;
  if (categoryIds !== undefined) return categoryId !== undefined && categoryIds.includes(categoryId) ? { kind: 'category', termId: categoryId, termIds: categoryIds } : undefined;
  if (tagId !== undefined) return { kind: 'tag', termId: tagId, termIds: [tagId] };
  return { kind: 'author', termId: authorId!, termIds: [authorId!] };
}

type SummaryRow = {
  id: number; slug: string; title: string; standfirst: string; language: string;
  published_at: string | null; updated_at: string; local_year: number | null; local_month: number | null;
};

function toSummary(row: SummaryRow, bylines: Map<number, Byline[]>): PostSummary {
  return {
    id: row.id,
    slug: row.slug,
    path: postPath(row),
    title: row.title,
    standfirst: row.standfirst,
    language: row.language,
    publishedAt: row.published_at!,
    updatedAt: row.updated_at,
    authors: bylines.get(row.id) ?? [],
  };
}

/** Authors of each post, in byline order. */
async function loadBylines(db: Kysely<DB>, postIds: number[]): Promise<Map<number, Byline[]>> {
  const map = new Map<number, Byline[]>();
  if (postIds.length === 0) return map;
  const rows = await db
    .selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .select(['post_authors.post_id', 'authors.name', 'authors.slug'])
    .where('post_authors.post_id', 'in', postIds)
    .orderBy('post_authors.post_id')
    .orderBy('post_authors.position')
    .execute();
  for (const row of rows) {
    const list = map.get(row.post_id) ?? [];
    list.push({ name: row.name, slug: row.slug });
    map.set(row.post_id, list);
  }
  return map;
}

// The article page's queries, compiled once (storage/prepared.ts): building them cost more than running them.
const publishedPostQuery = prepareQuery((db: Kysely<DB>, where: { year: number; month: number; slug: string; now: string }) =>
  visible(db.selectFrom('posts'), where.now)
    .select([
      ...SUMMARY_COLUMNS, 'posts.guid', 'posts.body_html', 'posts.postscript_html', 'posts.comment_status',
      'posts.featured_image_url', 'posts.featured_image_alt', 'posts.featured_image_caption', 'posts.translation_group',
    ])
    .where('posts.slug', '=', where.slug)
    .where('posts.local_year', '=', where.year)
    .where('posts.local_month', '=', where.month));

const postBylinesQuery = prepareQuery((db: Kysely<DB>, { id }: { id: number }) =>
  db.selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .select(['authors.name', 'authors.slug'])
    .where('post_authors.post_id', '=', id)
    .orderBy('post_authors.position'));

const postCategoriesQuery = prepareQuery((db: Kysely<DB>, { id }: { id: number }) =>
  db.selectFrom('post_categories').innerJoin('categories', 'categories.id', 'post_categories.category_id')
    .select(['categories.name', 'categories.slug']).where('post_categories.post_id', '=', id)
    .orderBy('categories.name'));

const postTagsQuery = prepareQuery((db: Kysely<DB>, { id }: { id: number }) =>
  db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .select(['tags.name', 'tags.slug']).where('post_tags.post_id', '=', id).orderBy('tags.name'));

/** The published post at /year/month/slug/, or null. */
export async function findPublishedPost(
  db: Kysely<DB>,
  where: { year: number; month: number; slug: string; now: string },
): Promise<PublishedPost | null> {
  const [row] = await publishedPostQuery(db, { year: where.year, month: where.month, slug: where.slug, now: where.now });
  if (!row) return null;
  const [authors, categories, tags, translations] = await Promise.all([
    postBylinesQuery(db, { id: row.id }),
    postCategoriesQuery(db, { id: row.id }),
    postTagsQuery(db, { id: row.id }),
    row.translation_group
      ? visible(db.selectFrom('posts'), where.now)
          .select(['posts.language', 'posts.slug', 'posts.title', 'posts.local_year', 'posts.local_month'])
          .where('posts.translation_group', '=', row.translation_group)
          .where('posts.id', '!=', row.id)
          .orderBy('posts.language')
          .execute()
      : Promise.resolve([]),
  ]);
  const bylines = new Map([[row.id, authors.map((a) => ({ name: a.name, slug: a.slug }))]]);
  return {
    ...toSummary(row, bylines),
    guid: row.guid,
    bodyHtml: row.body_html,
    postscriptHtml: row.postscript_html,
    commentStatus: row.comment_status,
    featuredImage: row.featured_image_url
      ? { url: row.featured_image_url, alt: row.featured_image_alt, caption: row.featured_image_caption }
      : null,
    categories,
    tags,
    translations: translations.map((t) => ({ language: t.language, title: t.title, path: postPath(t) })),
  };
}

/**
 * The query for the published post just before (or after) one in the same language, ties on
 * `published_at` broken by id (exported for the query-plan test). Besides the tie-break, the
 * post's own instant bounds `published_at` on the near side, so the index is entered at the
 * post and read one row on: with only the far bound (`now`), SQLite read the archive from its
 * far end, every older article for a new one's "next" (a fifth of a second on 100,000 posts).
 */
export function adjacentPostQuery(
  db: Kysely<DB>,
  post: { id: number; publishedAt: string; language: string },
  now: string,
  direction: 'previous' | 'next',
) {
  return adjacentShape(db, direction, adjacentArgs(post, now, direction));
}

/** The values of the adjacent-post query (the SQL of each direction is the same for any). */
function adjacentArgs(post: { id: number; publishedAt: string; language: string }, now: string, direction: 'previous' | 'next') {
  // One upper bound only (given two, SQLite may seek from the looser one): before the post,
  // its own instant; after it, `now`.
  const until = direction === 'previous' && post.publishedAt < now ? post.publishedAt : now;
  return { until, publishedAt: post.publishedAt, language: post.language, id: post.id };
}

function adjacentShape(db: Kysely<DB>, direction: 'previous' | 'next', args: { until: string; publishedAt: string; language: string; id: number }) {
  const before = direction === 'previous';
  let base = visible(db.selectFrom('posts'), args.until).where('posts.language', '=', args.language).select(SUMMARY_COLUMNS);
  if (!before) base = base.where('posts.published_at', '>=', args.publishedAt);
  const order = before ? 'desc' : 'asc';
  return base
    .where((eb) =>
      eb.or([
        eb('posts.published_at', before ? '<' : '>', args.publishedAt),
        eb.and([eb('posts.published_at', '=', args.publishedAt), eb('posts.id', before ? '<' : '>', args.id)]),
      ]),
    )
    .orderBy('posts.published_at', order).orderBy('posts.id', order).limit(literalLimit(1));
}

const previousPostQuery = prepareQuery((db: Kysely<DB>, args: ReturnType<typeof adjacentArgs>) => adjacentShape(db, 'previous', args));
const nextPostQuery = prepareQuery((db: Kysely<DB>, args: ReturnType<typeof adjacentArgs>) => adjacentShape(db, 'next', args));

/** The published posts just before and after one, in the same language. */
export async function adjacentPosts(
  db: Kysely<DB>,
  post: { id: number; publishedAt: string; language: string },
  now: string,
): Promise<{ previous: PostSummary | null; next: PostSummary | null }> {
  const [[previous], [next]] = await Promise.all([
    previousPostQuery(db, adjacentArgs(post, now, 'previous')),
    nextPostQuery(db, adjacentArgs(post, now, 'next')),
  ]);
  const none = new Map<number, Byline[]>();
  return { previous: previous ? toSummary(previous, none) : null, next: next ? toSummary(next, none) : null };
}

/**
 * Published posts whose time has come (`now`, ISO UTC) and that are not in the trash: the
 * visibility rule, for other features' queries (archive widgets). Select explicit columns only.
 */
export function visiblePosts(db: Kysely<DB>, now: string) {
  return visible(db.selectFrom('posts'), now);
}

/**
 * The next instant (ISO UTC) after `now` at which a published post not in the trash comes out,
 * or null: until then, which posts are visible changes only by writes.
 */
export async function nextPublicationAfter(db: Kysely<DB>, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('posts')
    .select('posts.published_at')
    .where('posts.status', '=', 'published')
    .where('posts.published_at', '>', now)
    .where('posts.deleted_at', 'is', null)
    .orderBy('posts.published_at')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

/** A date in the site's time zone: a year, a month of it, or a day of that month. */
export interface LocalDateFilter {
  year: number;
  month?: number;
  day?: number;
  language?: string;
}

/**
 * The UTC instants within which every moment of a local date (year, month or day in any time
 * zone) falls: the date's UTC span widened by a day on each side, more than any UTC offset.
 */
function utcWindow(date: LocalDateFilter): { from: string; to: string } {
  const day = 86_400_000;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const utc = (y: number, monthIndex: number, d: number) => new Date(0).setUTCFullYear(y, monthIndex, d);
  const { year, month, day: d } = date;
  const start = utc(year, (month ?? 1) - 1, d ?? 1);
  const end = month === undefined ? utc(year + 1, 0, 1) : d === undefined ? utc(year, month, 1) : utc(year, month - 1, d + 1);
  return { from: new Date(start - day).toISOString(), to: new Date(end + day).toISOString() };
}

/**
 * One page of the published posts of a local date (year, month or day in the site time zone),
 * newest first, with the total for pagination. Besides the local date parts, the query bounds
 * `published_at` to the date's UTC window (and to `now`), so whichever index the planner picks
 * (the archive index, or status + published_at, which yields rows in page order) reads only
 * that period.
 */
export async function listPublishedOnDate(
  db: Kysely<DB>,
  options: LocalDateFilter & { now: string; page: number; perPage: number },
): Promise<{ items: PostSummary[]; total: number }> {
  const window = utcWindow(options);
  // One upper bound only: given two, SQLite may seek from the looser one (now).
  const until = window.to < options.now ? window.to : options.now;
  let base = visible(db.selectFrom('posts'), until)
    .where('posts.published_at', '>=', window.from)
    .where('posts.local_year', '=', options.year);
  if (options.month !== undefined) base = base.where('posts.local_month', '=', options.month);
  if (options.day !== undefined) base = base.where('posts.local_day', '=', options.day);
  if (options.language) base = base.where('posts.language', '=', options.language);
  // A year's or a month's total comes from the monthly counts; a day's is a short walk of the index.
  const total = options.day === undefined
    ? countVisiblePosts(db, {
      now: options.now, year: options.year,
      ...(options.month !== undefined ? { month: options.month } : {}), ...(options.language ? { language: options.language } : {}),
    })
    : undefined;
  return pageOfSummaries(db, base, options, total);
}

/**
 * A LIMIT written into the SQL rather than bound. SQLite's planner uses a LIMIT's value, so a
 * statement whose LIMIT is a parameter expires whenever that parameter is bound again, and the
 * next run parses and plans the whole SQL anew (sqlite3Reprepare): the statement cache in
 * storage/dialect/sqlite.ts saved nothing for it. Each run of the neighbours' queries cost
 * 36–70 µs instead of 7, and SQLite's instructions for an uncached article fell by four fifths
 * with literals. (OFFSET does not do this, so it stays bound.) Page sizes are settings (whole
 * numbers up to 100), so only a few texts are prepared. Throws Error for anything but a
 * positive whole number (a bug: it is written into the SQL).
 */
function literalLimit(rows: number) {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`not a row limit: ${rows}`);
  return sql.lit(rows);
}

/**
 * One page (newest first) of the posts a filtered query selects, with bylines and the total:
 * `knownTotal` when given (from the monthly counts), else a count(*) of the query.
 */
async function pageOfSummaries(
  db: Kysely<DB>,
  base: SelectQueryBuilder<DB, 'posts', object>,
  options: { page: number; perPage: number },
  knownTotal?: Promise<number>,
): Promise<{ items: PostSummary[]; total: number }> {
  const [rows, total] = await Promise.all([
    base
      .select(SUMMARY_COLUMNS)
      .orderBy('posts.published_at', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(literalLimit(options.perPage))
      .offset((options.page - 1) * options.perPage)
      .execute(),
    knownTotal ?? base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow().then((row) => Number(row.n)),
  ]);
  const bylines = await loadBylines(db, rows.map((r) => r.id));
  return { items: rows.map((row) => toSummary(row, bylines)), total };
}
