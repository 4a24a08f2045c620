import { localDateOf, pad2 } from '../../lib/dates.js';
import { localInputToUtc } from '../posts/index.js';

/**
 * Calendar days and months in the site's time zone, and the UTC instants where they begin:
 * drive dates and the ledger's filters and monthly totals are the newsroom's days, not UTC's.
 * Instants are the ISO strings stored in the database; an end is exclusive. Pure.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The instant `day` (YYYY-MM-DD) begins in `timeZone`; null for a string that is not a real date. */
export function dayStart(day: string, timeZone: string): string | null {
  return DAY.test(day) ? localInputToUtc(`${day}T00:00`, timeZone) : null;
}

/** The instant `day` ends in `timeZone` (the next day's start, exclusive); null for no real date. */
export function dayEnd(day: string, timeZone: string): string | null {
  return dayStart(day, timeZone) === null ? null : dayStart(nextDay(day), timeZone);
}

/** Noon of `day` in `timeZone`: when a gift entered with a date only is taken to have come in. */
export function dayNoon(day: string, timeZone: string): string | null {
  return DAY.test(day) ? localInputToUtc(`${day}T12:00`, timeZone) : null;
}

/** The day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(instant: string | Date, timeZone: string): string {
  const d = localDateOf(instant, timeZone);
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** The last day an exclusive end covers: a drive ending at 1 January 00:00 ends on 31 December. */
export function lastDay(end: string, timeZone: string): string {
  return localDay(new Date(Date.parse(end) - 1), timeZone);
}

/**
 * The months (YYYY-MM) of `timeZone` from the one holding `first` to the one holding `last`,
 * newest first, each with the instant it begins.
 */
export function monthsBetween(first: string, last: string, timeZone: string): { month: string; start: string }[] {
  const from = localDateOf(first, timeZone);
  const to = localDateOf(last, timeZone);
  const months: { month: string; start: string }[] = [];
  for (let y = to.year, m = to.month; y > from.year || (y === from.year && m >= from.month); m === 1 ? ((m = 12), (y -= 1)) : (m -= 1)) {
    const month = `${y}-${pad2(m)}`;
    months.push({ month, start: dayStart(`${month}-01`, timeZone)! });
  }
  return months;
}
