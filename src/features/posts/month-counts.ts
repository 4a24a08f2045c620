import { type Kysely, sql } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { applyTermTallies, tallyTerms } from './term-counts.js';

/**
 * The monthly counts (`archive_months`, migration 0006): posts per language and month in the
 * site's time zone that are published and not in the trash, whatever their `published_at`.
 * `changePosts` is the one way posts' status, trash state, publication date, local date parts
 * or language change, so the table always equals a fresh `count(*)` over posts. Readers take
 * the clock into account by subtracting the published posts whose time has not come yet (an
 * index seek on status + published_at that finds none or a handful), so a post stored as
 * published with a future date counts from its moment on, and a scheduled post counts once
 * the sweep publishes it (through `changePosts`).
 */

/** Ids per statement, well under both databases' limits on bound parameters. */
const CHUNK = 500;

const keyOf = (language: string, year: number, month: number) => JSON.stringify([language, year, month]);

/** The posts the table counts. */
function countedPosts(db: Kysely<DB>) {
  return db
    .selectFrom('posts')
    .where('posts.status', '=', 'published')
    .where('posts.deleted_at', 'is', null)
    .where('posts.local_year', 'is not', null)
    .where('posts.local_month', 'is not', null);
}

/** How many of the posts `ids` each (language, year, month) counts. */
async function tally(db: Kysely<DB>, ids: readonly number[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await countedPosts(db)
      .select(['posts.language', 'posts.local_year', 'posts.local_month', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('posts.id', 'in', ids.slice(i, i + CHUNK))
      .groupBy(['posts.language', 'posts.local_year', 'posts.local_month'])
      .execute();
    for (const r of rows) {
      const key = keyOf(r.language, r.local_year!, r.local_month!);
      counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
    }
  }
  return counts;
}

/** Adds `delta` posts to a month; a month left with none loses its row. */
async function adjust(db: Kysely<DB>, key: string, delta: number): Promise<void> {
  const [language, year, month] = JSON.parse(key) as [string, number, number];
  if (delta > 0) {
    await db
      .insertInto('archive_months')
      .values({ language, year, month, posts: delta })
      .onConflict((oc) => oc.columns(['language', 'year', 'month']).doUpdateSet({ posts: (eb) => eb('archive_months.posts', '+', eb.ref('excluded.posts')) }))
      .execute();
    return;
  }
  await db
    .deleteFrom('archive_months')
    .where('language', '=', language)
    .where('year', '=', year)
    .where('month', '=', month)
    .where('posts', '<=', -delta)
    .execute();
  await db
    .updateTable('archive_months')
    .set({ posts: (eb) => eb('posts', '+', delta) })
    .where('language', '=', language)
    .where('year', '=', year)
    .where('month', '=', month)
    .execute();
}

/**
 * Runs `write`, a change to the posts `ids` (status, trash, publication date, local date parts,
 * language, deletion, their categories, tags and authors) or an insert of new posts with their
 * terms, inside the caller's transaction, and moves the monthly counts and the term counts
 * (term-counts.ts) by what it changed. Never nested: an inner call's change would be counted
 * twice. The posts are locked first (a no-op UPDATE: the row locks
 * on PostgreSQL, the write lock on SQLite), so no concurrent change slips between the counts
 * before and after. `inserted` names the posts `write` created, from its result. Returns what
 * `write` returns.
 */
export async function changePosts<T>(
  trx: Kysely<DB>,
  ids: readonly number[],
  write: () => Promise<T>,
  options: { inserted?: (result: T) => readonly number[] } = {},
): Promise<T> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await trx.updateTable('posts').set({ updated_at: sql`updated_at` }).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
  }
  const before = await tally(trx, ids);
  const termsBefore = await tallyTerms(trx, ids);
  const result = await write();
  const all = [...new Set([...ids, ...(options.inserted?.(result) ?? [])])];
  const after = await tally(trx, all);
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(key) ?? 0) - (before.get(key) ?? 0);
    if (delta !== 0) await adjust(trx, key, delta);
  }
  await applyTermTallies(trx, termsBefore, await tallyTerms(trx, all));
  return result;
}

/** What the readers narrow the counts to; `now` (ISO UTC) is when posts must have come out by. */
export interface MonthCountFilter {
  now: string;
  language?: string;
}

export interface MonthPostCount {
  year: number;
  month: number;
  count: number;
}

/**
 * The published posts not in the trash whose time has not come, per month: usually none
 * (exported for the query-plan test; it seeks the `posts_published` index alone).
 */
export function notYetCountsQuery(db: Kysely<DB>, filter: MonthCountFilter & { year?: number }) {
  // Not countedPosts(): its `local_year is not null` would tempt SQLite into the archive index.
  let query = db
    .selectFrom('posts')
    .where('posts.status', '=', 'published')
    .where('posts.deleted_at', 'is', null)
    .select(['posts.local_year', 'posts.local_month', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('posts.published_at', '>', filter.now)
    .groupBy(['posts.local_year', 'posts.local_month']);
  if (filter.language) query = query.where('posts.language', '=', filter.language);
  if (filter.year !== undefined) query = query.where('posts.local_year', '=', filter.year);
  return query;
}

async function notYetCounts(db: Kysely<DB>, filter: MonthCountFilter & { year?: number }): Promise<Map<string, number>> {
  const rows = await notYetCountsQuery(db, filter).execute();
  return new Map(rows.map((r) => [keyOf('', r.local_year!, r.local_month!), Number(r.n)]));
}

function storedCounts(db: Kysely<DB>, language: string | undefined) {
  const query = db
    .selectFrom('archive_months')
    .select(['year', 'month', (eb) => eb.fn.sum<number | string>('posts').as('n')])
    .groupBy(['year', 'month']);
  return language ? query.where('language', '=', language) : query;
}

/** Every month with visible posts (published, time come, not in the trash) and how many, newest first. */
export async function listMonthCounts(db: Kysely<DB>, filter: MonthCountFilter): Promise<MonthPostCount[]> {
  const [rows, notYet] = await Promise.all([
    storedCounts(db, filter.language).orderBy('year', 'desc').orderBy('month', 'desc').execute(),
    notYetCounts(db, filter),
  ]);
  return rows
    .map((r) => ({ year: r.year, month: r.month, count: Number(r.n) - (notYet.get(keyOf('', r.year, r.month)) ?? 0) }))
    .filter((m) => m.count > 0);
}

/**
 * The nearest month before (or after) `year`-`month` with a visible post, or null. Reads the
 * counts in that direction, at most one more month than there are months with posts to come.
 */
export async function findMonthWithVisiblePosts(
  db: Kysely<DB>,
  filter: MonthCountFilter & { year: number; month: number; direction: 'before' | 'after' },
): Promise<{ year: number; month: number } | null> {
  const notYet = await notYetCounts(db, filter);
  const before = filter.direction === 'before';
  const order = before ? 'desc' : 'asc';
  const rows = await storedCounts(db, filter.language)
    .where(({ eb, refTuple, tuple }) => eb(refTuple('year', 'month'), before ? '<' : '>', tuple(filter.year, filter.month)))
    .orderBy('year', order)
    .orderBy('month', order)
    .limit(notYet.size + 1)
    .execute();
  const found = rows.find((r) => Number(r.n) > (notYet.get(keyOf('', r.year, r.month)) ?? 0));
  return found ? { year: found.year, month: found.month } : null;
}

/**
 * How many visible posts there are (optionally in one language, one year or one month of it),
 * from the counts: for pagination totals without counting the posts.
 */
export async function countVisiblePosts(db: Kysely<DB>, filter: MonthCountFilter & { year?: number; month?: number }): Promise<number> {
  let query = db.selectFrom('archive_months').select((eb) => eb.fn.sum<number | string>('posts').as('n'));
  if (filter.language) query = query.where('language', '=', filter.language);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.year !== undefined && filter.month !== undefined) query = query.where('month', '=', filter.month);
  const [row, notYet] = await Promise.all([query.executeTakeFirst(), notYetCounts(db, filter)]);
  let later = 0;
  for (const [key, n] of notYet) {
    const [, , month] = JSON.parse(key) as [string, number, number];
    if (filter.month === undefined || filter.year === undefined || month === filter.month) later += n;
  }
  return Number(row?.n ?? 0) - later;
}
