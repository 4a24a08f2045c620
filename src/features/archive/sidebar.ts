import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { localDateOf } from '../../lib/dates.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { createVersionedMemo, type Loaded, type VersionedMemo } from '../../lib/versioned-memo.js';
import type { DB } from '../../storage/schema.js';
import { nextPublicationAfter } from '../posts/index.js';
import type { Frame } from '../../views/frame.js';
import { type FragmentSource, fragmentKeyPart, SIDEBAR } from '../cache/index.js';
import type { FrameLoader } from '../site/index.js';
import { renderCalendar } from './calendar.js';
import type { YearMonth } from './date-paths.js';
import { renderMonthList } from './month-list.js';
import { findMonthWithPosts, listArchiveMonths, listPostDays, type MonthCount, type WidgetFilter } from './widget-queries.js';

export interface SidebarDeps {
  db: Kysely<DB>;
  clock: Clock;
  /**
   * Remembers each rendered sidebar while the data version holds (see `sidebarMemo`); without
   * it every sidebar reads the database and is rendered again.
   */
  memo?: VersionedMemo<SafeHtml>;
}

/** What the sidebar reads from the database for one month and language filter. */
export interface SidebarData {
  postDays: number[];
  previous: YearMonth | null;
  next: YearMonth | null;
  months: MonthCount[];
}

/** The memo for `SidebarDeps.memo`, over the database's `dataVersion`. */
export function sidebarMemo(dataVersion: () => string | null): VersionedMemo<SafeHtml> {
  return createVersionedMemo<SafeHtml>(dataVersion);
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
  const render = async (): Promise<Loaded<SafeHtml>> => {
    const { value: { postDays, previous, next, months }, until } = await readSidebar(deps.db, filter, month);
    const sidebar = html`${renderCalendar(frame, { ...month, postDays, today, previous, next, language: view.language })}
${renderMonthList(frame, months, view.language, month.year)}`;
    return { value: sidebar, until };
  };
  if (!deps.memo) return (await render()).value;
  // Besides the database (the settings included), the sidebar shows the frame's language and
  // today's date (the calendar marks it): both are in the key.
  const key = `${frame.lang}|${month.year}-${month.month}:${view.language ?? ''}|${today.year}-${today.month}-${today.day}`;
  return deps.memo(key, filter.now, render);
}

/** The sidebar's four indexed queries, and until when their answer holds without a write. */
async function readSidebar(db: Kysely<DB>, filter: WidgetFilter, month: YearMonth): Promise<Loaded<SidebarData>> {
  const [postDays, previous, next, months, until] = await Promise.all([
    listPostDays(db, { ...filter, ...month }),
    findMonthWithPosts(db, { ...filter, ...month, direction: 'before' }),
    findMonthWithPosts(db, { ...filter, ...month, direction: 'after' }),
    listArchiveMonths(db, filter),
    nextPublicationAfter(db, filter.now),
  ]);
  return { value: { postDays, previous, next, months }, until };
}

/** Wraps a frame loader so that every page it frames gets the sidebar, and its key. */
export function withSidebar(base: FrameLoader, deps: SidebarDeps): SidebarFrameLoader {
  return async (lang, view = {}) => {
    const frame = await base(lang);
    return { ...frame, sidebar: await loadSidebar(deps, frame, view), sidebarKey: sidebarKey(frame.lang, view) };
  };
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/**
 * What a sidebar shows besides the database, as a URL-safe key: the frame's language, the
 * calendar's month (`now`: the current one when rendered) and the language it is narrowed to.
 */
export function sidebarKey(lang: string, view: SidebarView): string {
  const month = view.month ? `${view.month.year}.${view.month.month}` : 'now';
  return `${fragmentKeyPart(lang)}/${month}/${fragmentKeyPart(view.language ?? '')}`;
}

/** The language and view of a `sidebarKey`; null for anything else. */
export function parseSidebarKey(key: string): { lang: string; view: SidebarView } | null {
  const pieces = key.split('/');
  if (pieces.length !== 3) return null;
  let lang: string;
  let language: string;
  try {
    lang = decodeURIComponent(pieces[0]!);
    language = decodeURIComponent(pieces[2]!);
  } catch {
    return null;
  }
  const month = /^(\d{4})\.(\d{1,2})$/.exec(pieces[1]!);
  if (!LANGUAGE.test(lang) || (language !== '' && !LANGUAGE.test(language)) || (!month && pieces[1] !== 'now')) return null;
  if (month && (Number(month[2]) < 1 || Number(month[2]) > 12)) return null;
  return {
    lang,
    view: { ...(month ? { month: { year: Number(month[1]), month: Number(month[2]) } } : {}), ...(language ? { language } : {}) },
  };
}

/**
 * The sidebar as a fragment the page cache keeps apart from the pages and renders again from
 * its key, with `frame` (the loader whose sidebar the pages show, appeals included): so a
 * published post drops the sidebars, not every page. `alsoShows`: tags of what wrappers of the
 * loader add to the sidebar (the appeals).
 */
export function sidebarFragment(frame: SidebarFrameLoader, alsoShows: readonly string[] = []): FragmentSource {
  return {
    tags: [SIDEBAR, ...alsoShows],
    render: async (key) => {
      const parsed = parseSidebarKey(key);
      if (!parsed) return null;
      return (await frame(parsed.lang, parsed.view)).sidebar?.value ?? '';
    },
  };
}
