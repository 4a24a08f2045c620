import { daysInMonth, type LocalDate } from '../../lib/dates.js';
import { html, type SafeHtml } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { dateArchivePath, withLanguage, type YearMonth } from './date-paths.js';
import { dayName, monthYearName, weekdayNames } from './date-names.js';

/** What the calendar widget shows; all dates are in the site's time zone. */
export interface CalendarView extends YearMonth {
  /** Days of the month that have a visible post; each links to its day archive. */
  postDays: number[];
  /** Today, marked when it falls in this month. */
  today: LocalDate;
  /** The nearest earlier and later months with posts (empty months are skipped), or null. */
  previous: YearMonth | null;
  next: YearMonth | null;
  /** The language the archive is narrowed to, carried into every link. */
  language?: string;
}

/**
 * The weeks of a month as rows of seven cells, each a day number or null for the padding
 * before the 1st and after the last day. `firstDayOfWeek`: 0 = Sunday … 6 = Saturday.
 */
export function monthWeeks(year: number, month: number, firstDayOfWeek: number): (number | null)[][] {
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() - firstDayOfWeek + 7) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The calendar widget: a real table with a caption (the month), a header row of weekday
 * initials whose full names screen readers hear, each day with posts linked to its day archive,
 * today marked with aria-current, and links to the nearest months with posts.
 */
export function renderCalendar(frame: Frame, view: CalendarView): SafeHtml {
  const { lang, t } = frame;
  const days = new Set(view.postDays);
  const isThisMonth = view.today.year === view.year && view.today.month === view.month;
  const cell = (day: number | null): SafeHtml => {
    if (day === null) return html`<td></td>`;
    const today = isThisMonth && day === view.today.day;
    const content = days.has(day)
      ? html`<a href="${withLanguage(dateArchivePath({ ...view, day }), view.language)}" aria-label="${t.articlesOfDay(dayName(view.year, view.month, day, lang))}">${day}</a>`
      : day;
    return today ? html`<td class="today" aria-current="date">${content}</td>` : html`<td>${content}</td>`;
  };
  return html`<div class="widget calendar">
<h2>${t.calendar}</h2>
<table>
<caption>${monthYearName(view.year, view.month, lang)}</caption>
<thead><tr>${weekdayNames(frame.settings.firstDayOfWeek, lang).map(
    (w) => html`<th scope="col"><abbr title="${w.full}" aria-hidden="true">${w.initial}</abbr><span class="visually-hidden">${w.full}</span></th>`,
  )}</tr></thead>
<tbody>${monthWeeks(view.year, view.month, frame.settings.firstDayOfWeek).map((week) => html`<tr>${week.map(cell)}</tr>`)}</tbody>
</table>
${view.previous || view.next ? monthLinks(frame, view) : ''}
</div>`;
}

const arrow = (glyph: string) => html`<span aria-hidden="true">${glyph}</span>`;

function monthLinks(frame: Frame, view: CalendarView): SafeHtml {
  const link = (month: YearMonth, rel: 'prev' | 'next') =>
    html`<a href="${withLanguage(dateArchivePath(month), view.language)}" class="${rel}">${rel === 'prev' ? arrow('« ') : ''}${monthYearName(month.year, month.month, frame.lang)}${rel === 'next' ? arrow(' »') : ''}</a>`;
  return html`<nav aria-label="${frame.t.calendarMonths}">
${view.previous ? link(view.previous, 'prev') : ''}
${view.next ? link(view.next, 'next') : ''}
</nav>`;
}
