import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { findMonthWithVisiblePosts, listMonthCounts, visiblePosts } from '../posts/index.js';
import type { YearMonth } from './date-paths.js';

/**
 * The sidebar's queries, none of which scans the posts: the monthly list and the previous or
 * next month with posts read the monthly counts (`archive_months`, a row per month and
 * language; see posts/month-counts.ts); the calendar reads one month of the archive index
 * (status, local_year, local_month, local_day, published_at, language, deleted_at; migration
 * 0003). Only visible posts count (published, time come, not in the trash), optionally in
 * one language. Local dates are in the site time zone.
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

/** Every month with visible posts and how many, newest first (from the monthly counts). */
export async function listArchiveMonths(db: Kysely<DB>, filter: WidgetFilter): Promise<MonthCount[]> {
  return listMonthCounts(db, filter);
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

/**
 * The nearest month before (or after) the given one that has a visible post, skipping empty
 * months; null when there is none. Reads the monthly counts.
 */
export async function findMonthWithPosts(
  db: Kysely<DB>,
  filter: WidgetFilter & YearMonth & { direction: 'before' | 'after' },
): Promise<YearMonth | null> {
  return findMonthWithVisiblePosts(db, filter);
}
