import { languageName } from '../../i18n/index.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { pagination } from '../../views/components.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import { type PostSummary, postList } from '../posts/index.js';
import { archivePageMetadata } from '../seo/index.js';
import { archivePagePath, dateArchivePath } from './date-paths.js';
import { dayName, monthYearName } from './date-names.js';

export interface DateArchiveView {
  date: { year: number; month?: number; day?: number };
  language?: string;
  posts: PostSummary[];
  page: number;
  totalPages: number;
}

/** "2014", "January 2014" or "15 January 2014" in the page's language. */
export function dateArchiveHeading(date: DateArchiveView['date'], lang: string): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return monthYearName(date.year, date.month, lang);
  return dayName(date.year, date.month, date.day, lang);
}

/** "Only articles in Russian. Show all languages", on an archive narrowed to one language. */
export function languageNotice(frame: Frame, language: string | undefined, basePath: string): SafeHtml {
  if (!language) return html``;
  return html`<p class="language-filter">${frame.t.onlyInLanguage(languageName(language, frame.lang))} <a href="${basePath}">${frame.t.allLanguages}</a></p>`;
}

/** A year, month or day archive: heading, teasers (or a friendly line), pagination. */
export function renderDateArchive(frame: Frame, view: DateArchiveView): string {
  const { t } = frame;
  const heading = dateArchiveHeading(view.date, frame.lang);
  const basePath = dateArchivePath(view.date);
  const pathFor = (n: number) => archivePagePath(basePath, n, view.language);
  const main = html`<header class="archive-header">
<h1>${heading}</h1>
${languageNotice(frame, view.language, basePath)}
</header>
${view.posts.length ? postList(view.posts, frame) : html`<p class="empty">${t.dateArchiveEmpty}</p>`}
${pagination(view.page, view.totalPages, pathFor, frame)}`;
  return layout(
    frame,
    {
      title: view.page === 1 ? heading : `${heading} · ${t.pageOf(view.page, view.totalPages)}`,
      canonicalPath: pathFor(view.page),
      noindex: view.posts.length === 0,
      ...archivePageMetadata(frame, { name: heading, path: pathFor(view.page), language: view.language }),
    },
    main,
  );
}
