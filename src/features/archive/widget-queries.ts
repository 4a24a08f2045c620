import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { visiblePosts } from '../posts/index.js';
import type { YearMonth } from './date-paths.js';

/**
 * The sidebar's queries. Each reads only the archive index (status, local_year, local_month,
 * local_day, published_at, language, deleted_at; migration 0003) and never scans the posts:
 * the monthly list walks it in order, grouping as it goes; the calendar reads one month of it;
 * the previous or next month with posts is one seek. Only visible posts count (published, time
 * come, not in the trash), optionally in one language. Local dates are in the site time zone.
 */

export interface WidgetFilter {
  /** ISO UTC instant; posts published after it do not count yet. */
  now: string;
  language?: string;
}

export interface MonthCount extends YearMonth {
  count: number;
}

function base(db: Kysely<DB>, filter: WidgetFilter) {
  const query = visiblePosts(db, filter.now);
  return filter.language ? query.where('posts.language', '=', filter.language) : query;
}

/** The monthly list query (exported for the query-plan test): months with posts, newest first. */
export function monthCountsQuery(db: Kysely<DB>, filter: WidgetFilter) {
  return base(db, filter)
    .select(['posts.local_year', 'posts.local_month', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['posts.local_year', 'posts.local_month'])
    .orderBy('posts.local_year', 'desc')
    .orderBy('posts.local_month', 'desc');
}

/** Every month with visible posts and how many, newest first. */
export async function listArchiveMonths(db: Kysely<DB>, filter: WidgetFilter): Promise<MonthCount[]> {
  const rows = await monthCountsQuery(db, filter).execute();
  return rows.map((r) => ({ year: r.local_year!, month: r.local_month!, count: Number(r.n) }));
}

/** The calendar query (exported for the query-plan test): days of one month with posts. */
export function postDaysQuery(db: Kysely<DB>, filter: WidgetFilter & YearMonth) {
  return base(db, filter)
    .select('posts.local_day')
    .distinct()
    .where('posts.local_year', '=', filter.year)
    .where('posts.local_month', '=', filter.month)
    .orderBy('posts.local_day');
}

/** The days (1–31) of a month that have at least one visible post, ascending. */
export async function listPostDays(db: Kysely<DB>, filter: WidgetFilter & YearMonth): Promise<number[]> {
  const rows = await postDaysQuery(db, filter).execute();
  return rows.map((r) => r.local_day!);
}

/** The query behind `findMonthWithPosts` (exported for the query-plan test). */
export function adjacentMonthQuery(db: Kysely<DB>, filter: WidgetFilter & YearMonth & { direction: 'before' | 'after' }) {
  const before = filter.direction === 'before';
  const order = before ? 'desc' : 'asc';
  return base(db, filter)
    .select(['posts.local_year', 'posts.local_month'])
    .where(({ eb, refTuple, tuple }) =>
      eb(refTuple('posts.local_year', 'posts.local_month'), before ? '<' : '>', tuple(filter.year, filter.month)),
    )
    .orderBy('posts.local_year', order)
    .orderBy('posts.local_month', order)
    .limit(1);
}

/**
 * The nearest month before (or after) the given one that has a visible post, skipping empty
 * months; null when there is none.
 */
export async function findMonthWithPosts(
  db: Kysely<DB>,
  filter: WidgetFilter & YearMonth & { direction: 'before' | 'after' },
): Promise<YearMonth | null> {
  const row = await adjacentMonthQuery(db, filter).executeTakeFirst();
  return row ? { year: row.local_year!, month: row.local_month! } : null;
}
