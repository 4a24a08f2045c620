import { html, type SafeHtml } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { dateArchivePath, withLanguage } from './date-paths.js';
import { monthYearName } from './date-names.js';
import type { MonthCount } from './widget-queries.js';

/** How many of the most recent years with posts stay open; older ones start collapsed. */
export const OPEN_YEARS = 2;

/**
 * The monthly archive widget: "January 2014 (12)" lines, newest first, one `<details>` per year,
 * so no JavaScript is needed. The last OPEN_YEARS years with posts, and the year of the month
 * the page shows (`viewedYear`), are open with each month linked to its archive. Older years
 * start collapsed and, to keep twenty years of months within a page's weight, compact: their
 * month lines are text under a link to the year's archive, whose pages show that year open.
 * `months` must be newest first. Renders nothing when there are no months.
 */
export function renderMonthList(frame: Frame, months: MonthCount[], language: string | undefined, viewedYear?: number): SafeHtml {
  if (months.length === 0) return html``;
  const years: { year: number; months: MonthCount[] }[] = [];
  for (const month of months) {
    const last = years[years.length - 1];
    if (last?.year === month.year) last.months.push(month);
    else years.push({ year: month.year, months: [month] });
  }
  const name = (m: MonthCount) => monthYearName(m.year, m.month, frame.lang);
  return html`<div class="widget months">
<h2>${frame.t.monthlyArchive}</h2>
${years.map((y, i) => (i < OPEN_YEARS || y.year === viewedYear
    ? html`<details open><summary>${y.year}</summary><ul>${y.months.map(
      (m) => html`<li><a href="${withLanguage(dateArchivePath(m), language)}">${name(m)}</a> (${m.count})</li>`,
    )}</ul></details>`
    : html`<details><summary>${y.year}</summary><p><a href="${withLanguage(dateArchivePath({ year: y.year }), language)}">${y.year}</a> (${
      y.months.reduce((sum, m) => sum + m.count, 0)
    })${y.months.map((m) => html`<br>${name(m)} (${m.count})`)}</p></details>`))}
</div>`;
}
