import { pad2 } from '../../lib/dates.js';

/** A month of the calendar in the site's time zone. */
export interface YearMonth {
  year: number;
  month: number;
}

/** `/2014/`, `/2014/01/` or `/2014/01/15/`: the address of a date archive. */
export function dateArchivePath(date: { year: number; month?: number; day?: number }): string {
  let path = `/${date.year}/`;
  if (date.month !== undefined) path += `${pad2(date.month)}/`;
  if (date.month !== undefined && date.day !== undefined) path += `${pad2(date.day)}/`;
  return path;
}

/** Adds `?lang=…` to an archive path when the archive is narrowed to one language. */
export function withLanguage(path: string, language: string | undefined): string {
  return language ? `${path}?lang=${encodeURIComponent(language)}` : path;
}

/** Page n of an archive whose first page is `basePath` (which ends with a slash). */
export function archivePagePath(basePath: string, page: number, language: string | undefined): string {
  return withLanguage(page === 1 ? basePath : `${basePath}page/${page}/`, language);
}
