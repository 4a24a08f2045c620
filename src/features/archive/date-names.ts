import { messagesFor } from '../../i18n/index.js';

/**
 * Month, day and weekday names of calendar dates in a page's language, through Intl with the
 * language's catalogue locale. Calendar dates carry no time zone: they are formatted as UTC
 * midnights, so the name never shifts by a day. Formatters are memoised (they are immutable).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = messagesFor(language).locale;
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

// setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
const utc = (year: number, month: number, day: number) => new Date(new Date(0).setUTCFullYear(year, month - 1, day));

/** Upper-cases the first letter ("январь 2014 г." → "Январь 2014 г.") for headings and captions. */
function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(messagesFor(language).locale) + text.slice(1);
}

// The monthly list names every month of the archive on every page: remember the names.
const monthYearNames = new Map<string, string>();

/** "January 2014" / "Январь 2014 г.". */
export function monthYearName(year: number, month: number, language: string): string {
  const key = `${language}|${year}|${month}`;
  let name = monthYearNames.get(key);
  if (name === undefined) {
    name = capitalise(formatter(language, { month: 'long', year: 'numeric' }).format(utc(year, month, 1)), language);
    if (monthYearNames.size < 50_000) monthYearNames.set(key, name);
  }
  return name;
}

// The calendar names every linked day of its month on every page: remember those too.
const dayNames = new Map<string, string>();

/** "15 January 2014" / "15 января 2014 г.". */
export function dayName(year: number, month: number, day: number, language: string): string {
  const key = `${language}|${year}|${month}|${day}`;
  let name = dayNames.get(key);
  if (name === undefined) {
    name = formatter(language, { dateStyle: 'long' }).format(utc(year, month, day));
    if (dayNames.size >= 50_000) dayNames.clear();
    dayNames.set(key, name);
  }
  return name;
}

export interface WeekdayName {
  /** "M" / "П": the calendar's column header. */
  initial: string;
  /** "Monday" / "Понедельник": what a screen reader says. */
  full: string;
}

/** The seven weekdays in the language, starting at `firstDay` (0 = Sunday … 6 = Saturday). */
export function weekdayNames(firstDay: number, language: string): WeekdayName[] {
  const narrow = formatter(language, { weekday: 'narrow' });
  const long = formatter(language, { weekday: 'long' });
  return Array.from({ length: 7 }, (_, i) => {
    // 31 December 2023 was a Sunday, so day 31 + d is weekday d.
    const date = utc(2023, 12, 31 + ((firstDay + i) % 7));
    return { initial: narrow.format(date), full: capitalise(long.format(date), language) };
  });
}
