import { html, type SafeHtml } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { dateArchivePath, withLanguage } from './date-paths.js';
import { monthYearName } from './date-names.js';
import type { MonthCount } from './widget-queries.js';

/** How many of the most recent years with posts stay open; older ones start collapsed. */
export const OPEN_YEARS = 2;

/**
 * The monthly archive widget: "January 2014 (12)" lines, newest first, one `<details>` per year
 * (open for the last OPEN_YEARS years with posts, collapsed before), so no JavaScript is needed.
 * `months` must be newest first. Renders nothing when there are no months.
 */
export function renderMonthList(frame: Frame, months: MonthCount[], language: string | undefined): SafeHtml {
  if (months.length === 0) return html``;
  const years: { year: number; months: MonthCount[] }[] = [];
  for (const month of months) {
    const last = years[years.length - 1];
    if (last?.year === month.year) last.months.push(month);
    else years.push({ year: month.year, months: [month] });
  }
  return html`<div class="widget months">
<h2>${frame.t.monthlyArchive}</h2>
${years.map(
  (y, i) => html`<details${i < OPEN_YEARS ? html` open` : ''}><summary>${y.year}</summary><ul>${y.months.map(
    (m) => html`<li><a href="${withLanguage(dateArchivePath(m), language)}">${monthYearName(m.year, m.month, frame.lang)}</a> (${m.count})</li>`,
  )}</ul></details>`,
)}
</div>`;
}
