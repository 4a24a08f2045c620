import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { localDateOf } from '../../lib/dates.js';
import { html, type SafeHtml } from '../../lib/html.js';
import type { DB } from '../../storage/schema.js';
import type { Frame } from '../../views/frame.js';
import type { FrameLoader } from '../site/index.js';
import { renderCalendar } from './calendar.js';
import type { YearMonth } from './date-paths.js';
import { renderMonthList } from './month-list.js';
import { findMonthWithPosts, listArchiveMonths, listPostDays } from './widget-queries.js';

export interface SidebarDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** What a page tells the sidebar: the month its calendar shows and the language it is narrowed to. */
export interface SidebarView {
  /** Defaults to the current month in the site's time zone. */
  month?: YearMonth;
  /** Only posts in this language count (`?lang=ru` on archives). */
  language?: string;
}

/** A frame loader whose frames carry the sidebar; the second argument says what it shows. */
export type SidebarFrameLoader = (lang?: string, view?: SidebarView) => Promise<Frame>;

/**
 * The sidebar of every public page: the calendar of the month being viewed and the monthly
 * archive, in the frame's language, counting only visible posts. Four indexed queries.
 */
export async function loadSidebar(deps: SidebarDeps, frame: Frame, view: SidebarView = {}): Promise<SafeHtml> {
  const instant = deps.clock.now();
  const today = localDateOf(instant, frame.settings.timeZone);
  const month = view.month ?? { year: today.year, month: today.month };
  const filter = { now: instant.toISOString(), ...(view.language ? { language: view.language } : {}) };
  const [postDays, previous, next, months] = await Promise.all([
    listPostDays(deps.db, { ...filter, ...month }),
    findMonthWithPosts(deps.db, { ...filter, ...month, direction: 'before' }),
    findMonthWithPosts(deps.db, { ...filter, ...month, direction: 'after' }),
    listArchiveMonths(deps.db, filter),
  ]);
  return html`${renderCalendar(frame, { ...month, postDays, today, previous, next, language: view.language })}
${renderMonthList(frame, months, view.language)}`;
}

/** Wraps a frame loader so that every page it frames gets the sidebar. */
export function withSidebar(base: FrameLoader, deps: SidebarDeps): SidebarFrameLoader {
  return async (lang, view) => {
    const frame = await base(lang);
    return { ...frame, sidebar: await loadSidebar(deps, frame, view) };
  };
}
