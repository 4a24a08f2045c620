import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { dateArchiveTag, NO_TAGS, type TagCollector, teaserTags } from '../cache/index.js';
import type { DB } from '../../storage/schema.js';
import { listPublishedOnDate } from '../posts/index.js';
import type { YearMonth } from './date-paths.js';
import { renderDateArchive } from './date-views.js';
import type { SidebarFrameLoader } from './sidebar.js';
import { findMonthWithPosts } from './widget-queries.js';

export interface DateArchiveDeps {
  db: Kysely<DB>;
  clock: Clock;
  frame: SidebarFrameLoader;
}

/** A date archive request, already checked: a real date in the site's time zone, a page ≥ 1. */
export interface DateArchiveRequest {
  year: number;
  month?: number;
  day?: number;
  page: number;
  language?: string;
  /** Interface language of the page (undefined: the site's). */
  interfaceLanguage?: string;
}

/**
 * The page of a year, month or day archive: its visible posts, newest first, paginated, with
 * the calendar on that month (a year shows its newest month with posts, or January). A valid
 * date with no posts gives a friendly empty first page; returns null past the last page. `tags`
 * hears the date and the posts listed.
 */
export async function dateArchivePage(deps: DateArchiveDeps, request: DateArchiveRequest, tags: TagCollector = NO_TAGS): Promise<string | null> {
  const now = deps.clock.now().toISOString();
  const { year, month, day, page, language } = request;
  const calendarMonth = month !== undefined ? { year, month } : await newestMonthOfYear(deps.db, year, now, language);
  const frame = await deps.frame(request.interfaceLanguage, { month: calendarMonth, language });
  const perPage = frame.settings.postsPerPage;
  const { items, total } = await listPublishedOnDate(deps.db, { year, month, day, language, now, page, perPage });
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) return null;
  tags.add(dateArchiveTag({ year, month, day }), ...teaserTags(items));
  return renderDateArchive(frame, { date: { year, month, day }, language, posts: items, page, totalPages });
}

async function newestMonthOfYear(db: Kysely<DB>, year: number, now: string, language?: string): Promise<YearMonth> {
  const newest = await findMonthWithPosts(db, { now, language, year: year + 1, month: 1, direction: 'before' });
  return newest?.year === year ? newest : { year, month: 1 };
}
