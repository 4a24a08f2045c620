/**
 * Calendar helpers in an IANA time zone, with no dependency but Intl. Pure functions;
 * the formatter cache only memoises immutable Intl objects.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date of an instant in a time zone, e.g. 23:30 UTC on 31 Jan in Asia/Almaty → 1 Feb. */
export function localDateOf(instant: Date | string, timeZone: string): LocalDate {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

// Building a DateTimeFormat costs tens of microseconds and settings are checked on every page.
const knownTimeZones = new Map<string, boolean>();

/** True when `timeZone` is an IANA name this Node knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  let known = knownTimeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(timeZone, known);
  }
  return known;
}

/** True for a real calendar date (no 30 February, no month 13). */
export function isValidDate(year: number, month: number, day = 1): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit month or day for URLs. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Canonical UTC ISO string with milliseconds, the form stored in the database. */
export function toIso(instant: Date | string): string {
  return new Date(instant).toISOString();
}
